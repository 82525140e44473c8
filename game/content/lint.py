"""Warnings: a file that loads and plays, but probably not as its author meant.

Errors (`references`, the models) make a file unusable; warnings here do not, and
`summit validate` exits 0 on them unless `--strict`. Endings are checked in order and the
first whose condition holds wins, so this module reasons about conditions statically:
which always hold (a catch-all), which can never hold (a contradiction), and which an
earlier ending shadows.

Other modules add warning checks with `register_scenario_check` /
`register_personality_check`: a check takes the model, the marks and the file name and
returns Problems made with `warning(...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.content.errors import Problem
from game.content.models import Condition, Personality, Scenario
from game.content.yamlsafe import FieldPath, Marks, dotted, locate

METER_LOW, METER_HIGH = 0.0, 100.0

ScenarioCheck = Callable[[Scenario, Marks, str], list[Problem]]
PersonalityCheck = Callable[[Personality, Marks, str], list[Problem]]
_SCENARIO_CHECKS: list[ScenarioCheck] = []
_PERSONALITY_CHECKS: list[PersonalityCheck] = []


def register_scenario_check(check: ScenarioCheck) -> ScenarioCheck:
    if check not in _SCENARIO_CHECKS:
        _SCENARIO_CHECKS.append(check)
    return check


def register_personality_check(check: PersonalityCheck) -> PersonalityCheck:
    if check not in _PERSONALITY_CHECKS:
        _PERSONALITY_CHECKS.append(check)
    return check


def warning(filename: str, marks: Marks, path: FieldPath, message: str) -> Problem:
    line, col = locate(marks, path)
    return Problem(filename, line, col, dotted(path), message, severity="warning")


def scenario_warnings(scenario: Scenario, marks: Marks, filename: str) -> list[Problem]:
    found = ending_warnings(scenario, marks, filename) + red_line_warnings(scenario, marks, filename)
    for check in _SCENARIO_CHECKS:
        found += check(scenario, marks, filename)
    return found


def personality_warnings(personality: Personality, marks: Marks, filename: str) -> list[Problem]:
    found: list[Problem] = []
    for check in _PERSONALITY_CHECKS:
        found += check(personality, marks, filename)
    return found


# --------------------------------------------------------------------------- red lines


def red_line_warnings(scenario: Scenario, marks: Marks, filename: str) -> list[Problem]:
    """A side that states red lines in words but has no structured ones: the game
    enforces none of them, so the counterpart may well accept what the briefing forbids."""
    found = []
    for n, side in enumerate(scenario.sides):
        prose = [line for line in side.red_lines if isinstance(line, str)]
        structured = any(interest.red_lines for interest in side.interests.values())
        if prose and not structured:
            found.append(
                warning(
                    filename, marks, ("sides", n, "red_lines"),
                    f"side '{side.id}' states red lines in words but none in interests.<issue>.red_lines, so the "
                    "game enforces none of them; list the positions ruled out under the issue's red_lines",
                )
            )
    return found


# --------------------------------------------------------------------------- endings


def ending_warnings(scenario: Scenario, marks: Marks, filename: str) -> list[Problem]:
    """Endings that can never be chosen, and a missing catch-all. An ending that applies
    only when the player leads some sides (`for_sides`, where the model has it) is
    considered for those sides alone, so each side's list is checked as the game reads it."""
    found: dict[tuple[Any, ...], Problem] = {}
    for side in scenario.sides:
        endings = [
            (n, ending) for n, ending in enumerate(scenario.endings)
            if getattr(ending, "for_sides", None) in (None, []) or side.id in ending.for_sides
        ]
        scope = "" if all(getattr(e, "for_sides", None) in (None, []) for e in scenario.endings) else side.id
        for problem in _ending_warnings_in_order(endings, scope, marks, filename):
            found.setdefault((problem.line, problem.col, problem.message), problem)
    return list(found.values())


def _ending_warnings_in_order(
    endings: list[tuple[int, Any]], side: str, marks: Marks, filename: str
) -> list[Problem]:
    found: list[Problem] = []
    catch_all: str | None = None
    earlier: list[tuple[str, _Conjunction | None]] = []
    when_leading = f" when you lead '{side}'" if side else ""
    for n, ending in endings:
        path: FieldPath = ("endings", n)
        if catch_all is not None:
            found.append(
                warning(
                    filename, marks, path + ("id",),
                    f"ending '{ending.id}' can never be reached{when_leading}: ending '{catch_all}' before it always "
                    "holds (endings are checked in order; the first that holds wins)",
                )
            )
            continue
        reason = never_reason(ending.when)
        if reason is not None:
            found.append(
                warning(filename, marks, path + ("when",), f"ending '{ending.id}' can never be reached: {reason}")
            )
            continue
        mine = _conjunction(ending.when)
        for other_id, other in earlier:
            if mine is not None and other is not None and mine.implies(other):
                found.append(
                    warning(
                        filename, marks, path + ("when",),
                        f"ending '{ending.id}' can never be reached{when_leading}: whenever its condition holds, the "
                        f"condition of ending '{other_id}' before it holds too, and the first that holds wins",
                    )
                )
                break
        if always(ending.when):
            catch_all = ending.id
        earlier.append((ending.id, mine))
    if catch_all is None:
        found.append(
            warning(
                filename, marks, ("endings",),
                f"no ending always holds{when_leading}, so a summit may end with none of them; make the last ending a "
                "catch-all with `when: {}`",
            )
        )
    return found


# The condition keys this module understands; a condition using any other key (an
# operator added later) is never taken to always hold, nor to be contradictory.
_KNOWN_KEYS = frozenset(
    {"all", "any", "not_", "meter", "at_least", "below", "session_at_least", "session", "agreed", "agreed_any",
     "none_agreed", "agreements_at_least", "player_did", "breakdown"}
)


def _unknown_keys(c: Condition) -> bool:
    return any(getattr(c, name) is not None for name in type(c).model_fields if name not in _KNOWN_KEYS)


def always(c: Condition) -> bool:
    """True when `c` holds in every state (False: it may not, or we cannot tell)."""
    if _unknown_keys(c):
        return False
    checks = [
        c.all is None or all(always(x) for x in c.all),
        c.any is None or any(always(x) for x in c.any),
        c.not_ is None or never_reason(c.not_) is not None,
        c.meter is None or ((c.at_least is None or c.at_least <= METER_LOW) and (c.below is None or c.below > METER_HIGH)),
        c.session_at_least is None or c.session_at_least <= 0,
        c.agreements_at_least is None or c.agreements_at_least <= 0,
        c.session is None,
        not c.agreed,
        c.agreed_any is None or not c.agreed_any,
        c.none_agreed is None,
        c.player_did is None,
        c.breakdown is None,
    ]
    return all(checks)


def never_reason(c: Condition) -> str | None:
    """Why `c` can never hold, or None when it may (or we cannot tell)."""
    if c.any is not None and all(never_reason(x) is not None for x in c.any):
        return "none of its 'any' conditions can hold" if c.any else "its 'any' list is empty"
    for x in c.all or ():
        reason = never_reason(x)
        if reason is not None:
            return reason
    if c.not_ is not None and always(c.not_):
        return "its 'not' condition always holds"
    flat = _conjunction(c)
    return flat.contradiction() if flat is not None else None


@dataclass
class _Conjunction:
    """A condition with no 'any' or 'not', flattened: every part must hold."""

    meters: dict[str, tuple[float, float]] = field(default_factory=dict)  # [low, high)
    agreed: dict[str, set[str]] = field(default_factory=dict)
    atoms: set[tuple[Any, ...]] = field(default_factory=set)

    def add_meter(self, meter: str, low: float | None, high: float | None) -> None:
        old_low, old_high = self.meters.get(meter, (METER_LOW, METER_HIGH + 1))
        self.meters[meter] = (max(old_low, low if low is not None else METER_LOW),
                              min(old_high, high if high is not None else METER_HIGH + 1))

    def contradiction(self) -> str | None:
        for meter, (low, high) in self.meters.items():
            if low >= high or low > METER_HIGH or high <= METER_LOW:
                return f"no value of {meter} is at least {low:g} and below {high:g} (meters run 0-100)"
        for issue, positions in self.agreed.items():
            if len(positions) > 1:
                return f"it asks for two different agreements on issue '{issue}' ({', '.join(sorted(positions))})"
        sessions = {atom[1] for atom in self.atoms if atom[0] == "session"}
        if len(sessions) > 1:
            return f"it asks to be in two sessions at once ({', '.join(sorted(sessions))})"
        none_agreed = ("none_agreed", True) in self.atoms
        wants_agreement = self.agreed or any(a[0] == "agreed_any" for a in self.atoms) or any(
            a[0] == "agreements_at_least" and a[1] > 0 for a in self.atoms
        )
        if none_agreed and wants_agreement:
            return "it asks for no agreement and for an agreement at once"
        for flag in ("none_agreed", "breakdown"):
            if (flag, True) in self.atoms and (flag, False) in self.atoms:
                return f"it asks for {flag} to be both true and false"
        return None

    def implies(self, other: _Conjunction) -> bool:
        """Every state where self holds, `other` holds (checked part by part)."""
        if not other.atoms <= self.atoms:
            return False
        for issue, positions in other.agreed.items():
            if not positions <= self.agreed.get(issue, set()):
                return False
        for meter, (low, high) in other.meters.items():
            mine = self.meters.get(meter)
            if mine is None or mine[0] < low or mine[1] > high:
                return False
        return True


def _conjunction(c: Condition) -> _Conjunction | None:
    if c.any is not None or c.not_ is not None or _unknown_keys(c):
        return None
    out = _Conjunction()
    for part in c.all or ():
        inner = _conjunction(part)
        if inner is None:
            return None
        for meter, (low, high) in inner.meters.items():
            out.add_meter(meter, low, high)
        for issue, positions in inner.agreed.items():
            out.agreed.setdefault(issue, set()).update(positions)
        out.atoms |= inner.atoms
    if c.meter is not None:
        out.add_meter(c.meter, c.at_least, c.below)
    for issue, position in (c.agreed or {}).items():
        out.agreed.setdefault(issue, set()).add(position)
    for issue in c.agreed_any or ():
        out.atoms.add(("agreed_any", issue))
    if c.session is not None:
        out.atoms.add(("session", c.session))
    for name in ("none_agreed", "breakdown"):
        if getattr(c, name) is not None:
            out.atoms.add((name, getattr(c, name)))
    if c.session_at_least:
        out.atoms.add(("session_at_least", c.session_at_least))
    if c.agreements_at_least:
        out.atoms.add(("agreements_at_least", c.agreements_at_least))
    if c.player_did is not None:
        out.atoms.add(("player_did", c.player_did))
    return out
