"""Cross-reference checks of a scenario: every id named somewhere exists, every list that
follows an issue's positions has one entry per position, every meter named is declared.

The models check each value on its own; only here is the whole file known. Each check
adds located Problems (with a did-you-mean for unknown ids) and carries on, so an author
sees every broken reference at once.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib
from collections.abc import Iterable, Mapping
from typing import Any

from game.content.errors import Problem
from game.content.models import Condition, MeterDef, Scenario, SideText
from game.core.kinds import PLAYER_KINDS
from game.content.yamlsafe import FieldPath, Marks, dotted, locate, locate_key

# The meters the rules read on every turn; a scenario may add more.
REQUIRED_METERS = ("counterpart.tension", "counterpart.trust")
# The design promises an ending that matches history, one better and one worse.
REQUIRED_RATINGS = ("better", "history", "worse")

# `session_at_least` counts sessions as the engine does (game.core.conditions compares the
# 0-based session index, and game.content.compile passes the number through unchanged).
FIRST_SESSION = 0


def meter_name(meter: MeterDef) -> str:
    return f"{meter.party}.{meter.kind}"


def check_scenario(
    s: Scenario, marks: Marks, filename: str, known_personalities: set[str] | None = None
) -> list[Problem]:
    """Every broken cross-reference in `s`, located with `marks` (from `yamlsafe.parse`).
    With `known_personalities`, the personalities named by sides and allies must be among
    them."""
    checker = _Checker(s, marks, filename)
    checker.check_unique_ids()
    checker.check_issues()
    checker.check_sides(known_personalities)
    checker.check_meters()
    checker.check_events()
    checker.check_endings()
    checker.check_tuning()
    checker.check_always_open_actions()
    return checker.problems


@dataclasses.dataclass
class _Checker:
    s: Scenario
    marks: Marks
    filename: str
    problems: list[Problem] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        self.positions = {issue.id: [p.id for p in issue.positions] for issue in self.s.issues}
        self.side_ids = [side.id for side in self.s.sides]
        self.session_ids = [session.id for session in self.s.sessions]
        self.meter_names = [meter_name(meter) for meter in self.s.meters]

    # ------------------------------------------------------------------ reporting

    def report(self, path: FieldPath, message: str, hint: str | None = None, at_key: bool = False) -> None:
        line, col = (locate_key if at_key else locate)(self.marks, path)
        self.problems.append(Problem(self.filename, line, col, dotted(path), message, hint=hint))

    def expect_one_of(
        self, what: str, value: str, allowed: Iterable[str], path: FieldPath, at_key: bool = False, scope: str = ""
    ) -> bool:
        """Report `value` unless it is in `allowed`; True when it is. `scope` says where
        the id was looked up, e.g. " in issue 'arms'"."""
        allowed = list(allowed)
        if value in allowed:
            return True
        hint = _closest(value, allowed)
        message = f"unknown {what} '{value}'{scope}"
        if hint is None:
            message += f"; expected one of: {', '.join(allowed)}" if allowed else "; there are none"
        self.report(path, message, hint, at_key)
        return False

    def line_of(self, path: FieldPath) -> int:
        return locate(self.marks, path)[0]

    def unique(self, what: str, ids: list[Any], paths: list[FieldPath], scope: str = "") -> None:
        first: dict[Any, FieldPath] = {}
        for value, path in zip(ids, paths):
            if value in first:
                line = self.line_of(first[value])
                self.report(path, f"duplicate {what} '{value}'{scope} (first at line {line})")
            else:
                first[value] = path

    # ------------------------------------------------------------------ checks

    def check_unique_ids(self) -> None:
        s = self.s
        self.unique("issue id", [i.id for i in s.issues], [("issues", n, "id") for n in range(len(s.issues))])
        for n, issue in enumerate(s.issues):
            paths = [("issues", n, "positions", k, "id") for k in range(len(issue.positions))]
            self.unique("position id", [p.id for p in issue.positions], paths, f" in issue '{issue.id}'")
        self.unique("side id", self.side_ids, [("sides", n, "id") for n in range(len(s.sides))])
        for n, side in enumerate(s.sides):
            paths = [("sides", n, "actions", k, "id") for k in range(len(side.actions))]
            self.unique("action id", [a.id for a in side.actions], paths, f" in side '{side.id}'")
        self.unique("session id", self.session_ids, [("sessions", n, "id") for n in range(len(s.sessions))])
        self.unique("event id", [e.id for e in s.events], [("events", n, "id") for n in range(len(s.events))])
        self.unique("ending id", [e.id for e in s.endings], [("endings", n, "id") for n in range(len(s.endings))])
        self.unique("meter", self.meter_names, [("meters", n, "kind") for n in range(len(s.meters))])

    def check_issues(self) -> None:
        for n, issue in enumerate(self.s.issues):
            for k, position in enumerate(issue.positions):
                if position.promise_by is not None:
                    path = ("issues", n, "positions", k, "promise_by")
                    self.expect_one_of("side", position.promise_by, self.side_ids, path)

    def check_sides(self, known_personalities: set[str] | None) -> None:
        for n, side in enumerate(self.s.sides):
            base: FieldPath = ("sides", n)
            if known_personalities is not None:
                self.expect_one_of("personality", side.personality, sorted(known_personalities), base + ("personality",))
            self.check_interests(side.interests, base + ("interests",))
            for k, action in enumerate(side.actions):
                self.check_action(action, base + ("actions", k))
            if side.ally is not None:
                ally_path = base + ("ally",)
                if known_personalities is not None:
                    self.expect_one_of(
                        "personality", side.ally.personality, sorted(known_personalities), ally_path + ("personality",)
                    )
                for issue_id, values in side.ally.cares.items():
                    path = ally_path + ("cares", issue_id)
                    if self.expect_one_of("issue", issue_id, self.positions, path, at_key=True):
                        self.check_value_count(issue_id, len(values), path)

    def check_interests(self, interests: Mapping[str, Any], path: FieldPath) -> None:
        for issue_id in self.positions:
            if issue_id not in interests:
                self.report(path, f"no interest given for issue '{issue_id}'")
        for issue_id, interest in interests.items():
            entry = path + (issue_id,)
            if not self.expect_one_of("issue", issue_id, self.positions, entry, at_key=True):
                continue
            self.check_value_count(issue_id, len(interest.values), entry + ("values",))
            for k, red_line in enumerate(interest.red_lines):
                scope = f" in issue '{issue_id}'"
                self.expect_one_of("position", red_line, self.positions[issue_id], entry + ("red_lines", k), scope=scope)

    def check_value_count(self, issue_id: str, count: int, path: FieldPath) -> None:
        positions = self.positions[issue_id]
        if count != len(positions):
            self.report(
                path,
                f"expected {len(positions)} values, one per position of issue '{issue_id}' "
                f"({', '.join(positions)}), got {count}",
            )

    def check_action(self, action: Any, path: FieldPath) -> None:
        if action.issue is not None:
            self.expect_one_of("issue", action.issue, self.positions, path + ("issue",))
        for issue_id, position_id in action.terms.items():
            self.check_term(issue_id, position_id, path + ("terms", issue_id))

    def check_term(self, issue_id: str, position_id: str, path: FieldPath) -> None:
        """An `issue: position` pair (action terms, condition `agreed`)."""
        if self.expect_one_of("issue", issue_id, self.positions, path, at_key=True):
            scope = f" in issue '{issue_id}'"
            self.expect_one_of("position", position_id, self.positions[issue_id], path, scope=scope)

    def check_meters(self) -> None:
        for required in REQUIRED_METERS:
            if required not in self.meter_names:
                party, kind = required.split(".")
                self.report(("meters",), f"the meter {required} is required (party: {party}, kind: {kind})")
        for n, meter in enumerate(self.s.meters):
            bands_path: FieldPath = ("meters", n, "bands")
            names = [band.name for band in meter.bands]
            band_paths = [bands_path + (k, "name") for k in range(len(names))]
            self.unique("band name", names, band_paths, f" in meter {meter_name(meter)}")
            for k in range(1, len(meter.bands)):
                if meter.bands[k].below <= meter.bands[k - 1].below:
                    self.report(
                        bands_path + (k, "below"),
                        f"bands must rise: 'below' must be more than the previous band's {meter.bands[k - 1].below:g}",
                    )
            # A meter may reach 100, so the last band must reach it too; the top band holds
            # 100 itself whether its `below` is written as 100 or 101.
            if meter.bands and meter.bands[-1].below < 100:
                self.report(
                    bands_path + (len(meter.bands) - 1, "below"),
                    f"the last band must reach the top of the meter (below: 100), not {meter.bands[-1].below:g}",
                )

    def check_meter_name(self, name: str, path: FieldPath) -> None:
        self.expect_one_of("meter", name, self.meter_names, path)

    def check_events(self) -> None:
        for n, event in enumerate(self.s.events):
            path: FieldPath = ("events", n)
            self.check_condition(event.when, path + ("when",))
            self.check_side_text(event.text, path + ("text",))
            for k, side_id in enumerate(event.for_sides or []):
                self.expect_one_of("side", side_id, self.side_ids, path + ("for_sides", k))
            for k, effect in enumerate(event.effects):
                self.check_meter_name(effect.meter, path + ("effects", k, "meter"))

    def check_endings(self) -> None:
        for n, ending in enumerate(self.s.endings):
            self.check_condition(ending.when, ("endings", n, "when"))
            for k, side_id in enumerate(ending.for_sides or []):
                self.expect_one_of("side", side_id, self.side_ids, ("endings", n, "for_sides", k))
            self.check_side_text(ending.epilogue, ("endings", n, "epilogue"))
        ratings = {ending.rating for ending in self.s.endings}
        for rating in REQUIRED_RATINGS:
            if rating not in ratings:
                self.report(
                    ("endings",),
                    f"no ending is rated '{rating}'; a scenario needs endings rated better, history and worse",
                )

    def check_side_text(self, text: SideText, path: FieldPath) -> None:
        for side_id in text.by_side:
            self.expect_one_of("side", side_id, self.side_ids, path + ("by_side", side_id), at_key=True)
        if text.any is None:
            for side_id in self.side_ids:
                if side_id not in text.by_side:
                    self.report(path, f"no text for side '{side_id}': give 'any' or 'by_side: {{{side_id}: ...}}'")

    def check_condition(self, condition: Condition, path: FieldPath) -> None:
        for k, part in enumerate(condition.all or ()):
            self.check_condition(part, path + ("all", k))
        for k, part in enumerate(condition.any or ()):
            self.check_condition(part, path + ("any", k))
        if condition.not_ is not None:
            # The file may say 'not' (the alias) or 'not_' (the field name).
            key = "not_" if path + ("not_",) in self.marks else "not"
            self.check_condition(condition.not_, path + (key,))
        if condition.meter is not None:
            self.check_meter_name(condition.meter, path + ("meter",))
            if condition.at_least is None and condition.below is None:
                self.report(path + ("meter",), "a meter condition needs 'at_least' or 'below'")
        elif condition.at_least is not None or condition.below is not None:
            which = "at_least" if condition.at_least is not None else "below"
            self.report(path + (which,), f"'{which}' needs a 'meter' to compare")
        if condition.session is not None:
            self.expect_one_of("session", condition.session, self.session_ids, path + ("session",))
        last_session = FIRST_SESSION + len(self.session_ids) - 1
        if condition.session_at_least is not None and not FIRST_SESSION <= condition.session_at_least <= last_session:
            self.report(
                path + ("session_at_least",),
                f"sessions are counted from {FIRST_SESSION} (the first) to {last_session} (the last); "
                f"got {condition.session_at_least}",
            )
        if condition.agreements_at_least is not None and not 0 <= condition.agreements_at_least <= len(self.positions):
            self.report(
                path + ("agreements_at_least",),
                f"there are {len(self.positions)} issues, so at most {len(self.positions)} agreements; "
                f"got {condition.agreements_at_least}",
            )
        for issue_id, position_id in (condition.agreed or {}).items():
            self.check_term(issue_id, position_id, path + ("agreed", issue_id))
        for k, issue_id in enumerate(condition.agreed_any or ()):
            self.expect_one_of("issue", issue_id, self.positions, path + ("agreed_any", k))
        if condition.player_did is not None:
            self.expect_one_of("action kind", condition.player_did, PLAYER_KINDS, path + ("player_did",))

    def check_tuning(self) -> None:
        known = _tuning_keys()
        if known is None:
            return
        for key, value in self.s.tuning.items():
            if not self.expect_one_of("tuning key", key, sorted(known), ("tuning", key), at_key=True):
                continue
            low, high = tuning_range(key)
            if not low <= value <= high:
                self.report(("tuning", key), f"'{key}' must lie between {low:g} and {high:g}; got {value:g}")

    def check_always_open_actions(self) -> None:
        """Each side needs an action the rules never close (a break, rapport, an appeal, a
        statement...): otherwise a player who has probed every issue and has no offer
        before them has nothing they may do, and the game cannot go on."""
        for n, side in enumerate(self.s.sides):
            if not any(action.kind in ALWAYS_OPEN_KINDS for action in side.actions):
                kinds = ", ".join(sorted(ALWAYS_OPEN_KINDS))
                self.report(
                    ("sides", n, "actions"),
                    f"side '{side.id}' has no action that is always open, so its player can run out of moves; "
                    f"add one of kind: {kinds}",
                    at_key=True,
                )


# Kinds the rules close in some states (game.core.rules.legal_mask): accept, counter and
# reject need a standing offer; propose needs an open issue among its terms; concede,
# probe and warn close once their issue is settled or probed; consult_ally needs an ally
# with a confidence meter. Every other kind is open on every turn of a running game.
CONDITIONALLY_OPEN_KINDS = frozenset(
    {"propose", "accept", "counter", "reject", "concede", "probe", "warn", "consult_ally"}
)
ALWAYS_OPEN_KINDS = frozenset(PLAYER_KINDS) - CONDITIONALLY_OPEN_KINDS

# The range each rule number may take, so no scenario can drive the rules to NaN or to a
# meaningless state. Fractions (shares, noise, tolerances) lie in 0..1; aspiration shifts
# in -1..1 (aspiration itself is a utility in 0..1); trait scales in 0..10; thresholds
# on a meter in 0..100; everything else is meter points, -100..100.
_FRACTIONS = frozenset(
    {"rapport_fatigue", "probe_noise", "fade_min", "fade_max", "accept_tolerance", "promise_floor", "reciprocity"}
)
_ASPIRATION_SHIFTS = frozenset(
    {"weakness_pressure", "firmness_relief", "hardliner_push", "ai_ultimatum_aspiration", "ai_concession_aspiration"}
)
_SCALES = frozenset({"pride_scale", "warmth_scale"})
_THRESHOLDS = frozenset({"ai_walk_out_at", "spiral_at", "spiral_trust"})
# The rules divide by weak_resolve_at, divide_at and 100 - firm_resolve_at.
_DIVISORS = {"weak_resolve_at": (1.0, 100.0), "divide_at": (1.0, 100.0), "firm_resolve_at": (0.0, 99.0)}


def tuning_range(key: str) -> tuple[float, float]:
    """The (low, high) a scenario may set the rule number `key` to, inclusive."""
    if key in _DIVISORS:
        return _DIVISORS[key]
    if key in _FRACTIONS:
        return 0.0, 1.0
    if key in _ASPIRATION_SHIFTS:
        return -1.0, 1.0
    if key in _SCALES:
        return 0.0, 10.0
    if key in _THRESHOLDS:
        return 0.0, 100.0
    return -100.0, 100.0


def _tuning_keys() -> set[str] | None:
    """The rule numbers a scenario may override, or None while the core has no tuning
    module yet (imported here, not at the top, so content does not load the core's
    numbers unless a scenario is checked)."""
    try:
        tuning = importlib.import_module("game.core.tuning")
    except ModuleNotFoundError as error:
        if error.name in ("game.core.tuning", "game.core"):
            return None
        raise
    defaults = getattr(tuning, "DEFAULT_TUNING", None)
    if isinstance(defaults, Mapping):
        return {str(key) for key in defaults}
    if dataclasses.is_dataclass(defaults):
        return {field.name for field in dataclasses.fields(defaults)}
    if defaults is not None and hasattr(type(defaults), "model_fields"):
        return set(type(defaults).model_fields)
    return None


def _closest(word: str, options: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None
