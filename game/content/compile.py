"""Turn a validated scenario, the side you lead and the personalities into a GameSpec.

This is the only place where content models meet the core: the core gets plain data and
numpy tables, never pydantic or YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from game.ai.registry import StrategyRegistry
from game.content.models import LineSpec, Personality, Scenario, Side, SideText
from game.core.conditions import Names, compile_condition
from game.core.lines import Line
from game.core.spec import (
    ActionSpec,
    EndingSpec,
    EventSpec,
    GameSpec,
    MeterSpec,
    Mind,
    SessionSpec,
    Traits,
)
from game.core import rng
from game.core.difficulty import DEFAULT as DEFAULT_DIFFICULTY
from game.core.difficulty import POOL
from game.core.difficulty import level as difficulty_level
from game.core.tuning import DEFAULT_TUNING

METER_NAMES = {"tension": "Tension", "trust": "Trust", "resolve": "Resolve", "confidence": "Confidence", "approval": "Approval"}


class SetupError(ValueError):
    """A side, counterpart or personality named at start does not exist."""


def side_ids(scenario: Scenario) -> list[str]:
    return [s.id for s in scenario.sides]


def counterpart_keys(scenario: Scenario, side_id: str) -> dict[str, str]:
    """Names by which `--vs KEY=PERSONALITY` may refer to each swappable party."""
    me, other = _sides(scenario, side_id)
    keys = {"counterpart": "counterpart", other.id: "counterpart", other.personality: "counterpart"}
    if me.ally is not None:
        keys.update({"ally": "ally", me.ally.id: "ally", me.ally.personality: "ally"})
    return keys


def _sides(scenario: Scenario, side_id: str) -> tuple[Side, Side]:
    for i, side in enumerate(scenario.sides):
        if side.id == side_id:
            return side, scenario.sides[1 - i]
    raise SetupError(f"scenario {scenario.id!r} has no side {side_id!r}; choose one of: {', '.join(side_ids(scenario))}")


def resolve_overrides(scenario: Scenario, side_id: str, vs: Mapping[str, str], personalities: Mapping[str, Personality]) -> dict[str, str]:
    keys = counterpart_keys(scenario, side_id)
    out: dict[str, str] = {}
    for key, pid in vs.items():
        if key not in keys:
            raise SetupError(f"--vs: no counterpart {key!r} when playing {side_id!r}; use one of: {', '.join(sorted(keys))}")
        if pid not in personalities:
            raise SetupError(f"--vs: unknown personality {pid!r}; known: {', '.join(sorted(personalities))}")
        out[keys[key]] = pid
    return out


def compile_game(
    scenario: Scenario,
    side_id: str,
    personalities: Mapping[str, Personality],
    vs: Mapping[str, str] | None = None,
    registry: StrategyRegistry | None = None,
    difficulty: str = DEFAULT_DIFFICULTY,
    seed: int | None = None,
    game_index: int = 0,
) -> GameSpec:
    """The GameSpec for leading `side_id`, built in named phases; each phase returns the
    GameSpec fields it fills, so a new field is added to one phase.

    `difficulty` names a game.core.difficulty level; at a level that draws the
    counterpart from a pool, `seed` and `game_index` choose it (without a seed, or with
    the counterpart named in `vs`, the scenario's own plays)."""
    me, other = _sides(scenario, side_id)
    swaps = resolve_overrides(scenario, side_id, vs or {}, personalities)
    swaps = drawn_counterpart(other.personality, swaps, personalities, difficulty, seed, game_index)
    layout = Layout.of(scenario)
    meters = compile_meters(scenario)
    names = Names(
        meters={m.ref: k for k, m in enumerate(meters)},
        sessions={s.id: k for k, s in enumerate(scenario.sessions)},
        issues={iid: k for k, iid in enumerate(layout.issue_ids)},
        positions=layout.pos_index,
    )
    return GameSpec(
        **compile_parties(scenario, me, other),
        **compile_tables(scenario, layout, me, other),
        meters=meters,
        actions=compile_actions(me, layout),
        **compile_events_and_endings(scenario, me, names),
        **compile_minds(scenario, me, other, swaps, personalities, registry or StrategyRegistry(), layout,
                        difficulty),
    )


@dataclass(frozen=True)
class Layout:
    """Issues and positions by index: tables are [issue, position], padded to the widest
    issue and masked."""

    issue_ids: tuple[str, ...]
    pos_index: Mapping[str, Mapping[str, int]]  # issue id -> position id -> index
    mask: np.ndarray

    @classmethod
    def of(cls, scenario: Scenario) -> Layout:
        n_pos = max(len(i.positions) for i in scenario.issues)
        mask = np.zeros((len(scenario.issues), n_pos), dtype=bool)
        for row, issue in enumerate(scenario.issues):
            mask[row, : len(issue.positions)] = True
        pos_index = {i.id: {p.id: k for k, p in enumerate(i.positions)} for i in scenario.issues}
        return cls(tuple(i.id for i in scenario.issues), pos_index, mask)

    def table(self, per_issue: Mapping[str, list[float]], fill: float) -> np.ndarray:
        out = np.full(self.mask.shape, fill)
        for row, iid in enumerate(self.issue_ids):
            vals = per_issue.get(iid)
            if vals is not None:
                out[row, : len(vals)] = vals
        return out

    def side_tables(self, side: Side) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A side's values, normalised weights and red lines."""
        values = self.table({k: v.values for k, v in side.interests.items()}, 0.0)
        weights = np.array([side.interests[i].weight for i in self.issue_ids], dtype=np.float64)
        red = np.zeros_like(self.mask)
        for row, iid in enumerate(self.issue_ids):
            for pid in side.interests[iid].red_lines:
                red[row, self.pos_index[iid][pid]] = True
        return values, weights / weights.sum(), red


def compile_parties(scenario: Scenario, me: Side, other: Side) -> dict:
    """Who sits at the table, and the sessions they meet in."""
    return dict(
        scenario_id=scenario.id,
        title=scenario.title,
        player_side=me.id,
        ai_side=other.id,
        player_leader=me.leader,
        player_address=me.address or me.leader,
        ai_leader=other.leader,
        ally_name=me.ally.name if me.ally else "",
        ally_leader=me.ally.leader if me.ally else "",
        sessions=tuple(SessionSpec(s.id, s.name, s.when, s.place, s.turns, s.history) for s in scenario.sessions),
    )


def compile_tables(scenario: Scenario, layout: Layout, me: Side, other: Side) -> dict:
    """The agenda's names and both sides' interests as [issue, position] tables."""
    p_values, p_weights, p_red = layout.side_tables(me)
    a_values, a_weights, a_red = layout.side_tables(other)
    promise = np.zeros_like(layout.mask)
    for row, issue in enumerate(scenario.issues):
        for k, pos in enumerate(issue.positions):
            promise[row, k] = pos.promise_by == me.id
    return dict(
        issue_ids=layout.issue_ids,
        issue_names=tuple(i.name for i in scenario.issues),
        issue_shorts=tuple(i.short or i.name for i in scenario.issues),
        position_ids=tuple(tuple(p.id for p in i.positions) for i in scenario.issues),
        position_labels=tuple(tuple(p.label for p in i.positions) for i in scenario.issues),
        position_shorts=tuple(tuple(p.short or p.label for p in i.positions) for i in scenario.issues),
        position_mask=layout.mask,
        player_values=p_values,
        player_weights=p_weights,
        player_red=p_red,
        ai_values=a_values,
        ai_weights=a_weights,
        ai_red=a_red,
        promise_by_player=promise,
        ai_notes=tuple(other.interests[i].note or "" for i in layout.issue_ids),
        ally_cares=layout.table(me.ally.cares if me.ally else {}, 0.5),
    )


def compile_meters(scenario: Scenario) -> tuple[MeterSpec, ...]:
    return tuple(
        MeterSpec(party=m.party, kind=m.kind, name=METER_NAMES[m.kind], start=m.start,
                  bands=tuple((b.name, b.below) for b in m.bands))
        for m in scenario.meters
    )


def compile_actions(me: Side, layout: Layout) -> tuple[ActionSpec, ...]:
    actions = []
    for a in me.actions:
        terms = [-1] * len(layout.issue_ids)
        for iid, pid in a.terms.items():
            terms[layout.issue_ids.index(iid)] = layout.pos_index[iid][pid]
        issue = layout.issue_ids.index(a.issue) if a.issue else -1
        actions.append(ActionSpec(id=a.id, kind=a.kind, label=a.label, issue=issue, terms=tuple(terms), says=a.says or ""))
    actions.append(compose_action(len(layout.issue_ids)))
    return tuple(actions)


COMPOSE_ID = "compose"


def compose_action(n_issues: int) -> ActionSpec:
    """Every side's own offer: a proposal with no fixed terms, composed at the table
    (`Game.play("compose", terms)`); legal while any issue is open."""
    return ActionSpec(id=COMPOSE_ID, kind="propose", label="Your own offer", issue=-1, terms=(-1,) * n_issues,
                      says="Let me put our terms on the table, plainly.")


def compile_events_and_endings(scenario: Scenario, me: Side, names: Names) -> dict:
    """Events and endings for this side (`for_sides`), with their conditions and texts
    as this side reads them."""

    def text(t: SideText) -> str:
        return t.by_side.get(me.id) or t.any or ""

    events = tuple(
        EventSpec(
            id=e.id,
            title=e.title,
            text=text(e.text),
            when=compile_condition(e.when, names),
            effects=tuple((names.meters[x.meter], x.delta, x.lasting) for x in e.effects),
            aspiration=e.aspiration,
        )
        for e in scenario.events
        if e.for_sides is None or me.id in e.for_sides
    )
    endings = tuple(
        EndingSpec(e.id, e.title, e.rating, compile_condition(e.when, names), text(e.epilogue)) for e in scenario.endings
        if e.for_sides is None or me.id in e.for_sides
    )
    return dict(events=events, endings=endings)


def compile_minds(scenario: Scenario, me: Side, other: Side, swaps: Mapping[str, str],
                  personalities: Mapping[str, Personality], registry: StrategyRegistry, layout: Layout,
                  difficulty: str = DEFAULT_DIFFICULTY) -> dict:
    """The counterpart's and the ally's personalities (after any swap), the counterpart's
    strategy and the rules' numbers with the scenario's and the difficulty's overrides.
    The side's own issue lines and never-offers list bind its historical leader only, not
    a swapped-in one."""
    counterpart_pid = swaps.get("counterpart", other.personality)
    ally_pid = swaps.get("ally", me.ally.personality) if me.ally else None
    for pid in filter(None, (counterpart_pid, ally_pid)):
        if pid not in personalities:
            raise SetupError(f"personality {pid!r} is not loaded; known: {', '.join(sorted(personalities))}")
    own = counterpart_pid == other.personality
    counterpart = _mind(personalities[counterpart_pid], _issue_voice(other.issue_lines if own else {}, layout.issue_ids))
    tuning = dict(DEFAULT_TUNING)
    tuning.update(scenario.tuning)
    tuning.update(difficulty_level(difficulty).tuning)
    return dict(
        ai_never_offers=_never_offers(other, layout) if own else None,
        counterpart=counterpart,
        ally=_mind(personalities[ally_pid]) if ally_pid else None,
        tuning=MappingProxyType(tuning),
        strategy=registry.create(counterpart.family),
        difficulty=difficulty,
    )


def drawn_counterpart(own: str, swaps: dict[str, str], personalities: Mapping[str, Personality], difficulty: str,
                      seed: int | None, game_index: int) -> dict[str, str]:
    """At a level that draws the counterpart per game, pick it (a counter-based draw)."""
    lv = difficulty_level(difficulty)
    if not lv.pool or seed is None or "counterpart" in swaps:
        return swaps
    pool = [own] + [pid for pid in POOL if pid in personalities and pid != own]
    u = float(rng.uniform(seed, np.array([game_index]), 0, rng.STREAM_POOL)[0])
    return {**swaps, "counterpart": pool[min(int(u * len(pool)), len(pool) - 1)]}


def _never_offers(side: Side, layout: Layout) -> np.ndarray:
    """[I, P] bool: what the side's own leader never puts on the table at this summit."""
    out = np.zeros_like(layout.mask)
    for iid, pids in side.never_offers.items():
        for pid in pids:
            out[layout.issue_ids.index(iid), layout.pos_index[iid][pid]] = True
    return out


def _line(kind: str, entry: str | LineSpec, issue: int = -1) -> Line:
    if isinstance(entry, str):
        return Line(kind, entry, issue)
    return Line(kind, entry.text, issue, entry.mood or "", tuple(entry.answers))


def _issue_voice(by_issue: Mapping[str, Mapping[str, list]], issue_ids: tuple[str, ...]) -> tuple[Line, ...]:
    return tuple(
        _line(kind, entry, issue_ids.index(iid))
        for iid, kinds in by_issue.items()
        for kind, entries in kinds.items()
        for entry in entries
    )


def _mind(p: Personality, issue_voice: tuple[Line, ...] = ()) -> Mind:
    t = p.traits
    return Mind(
        id=p.id,
        name=p.name,
        traits=Traits(t.risk_tolerance, t.patience, t.pride, t.volatility, t.zeal, t.memory, t.warmth),
        family=p.strategy.family,
        aspiration=p.strategy.aspiration,
        reservation=p.strategy.reservation,
        curve=p.strategy.concession_curve,
        lines=MappingProxyType({k: tuple(e if isinstance(e, str) else e.text for e in v) for k, v in p.lines.items()}),
        voice=issue_voice + tuple(_line(kind, e) for kind, entries in p.lines.items() for e in entries),
    )
