"""The compiled game: everything the rules need, as plain data and numpy tables.

`game.content.compile` builds a GameSpec from a validated scenario, a side and the
personalities; the core never sees YAML or pydantic. Tables are indexed
[issue, position]; issues with fewer positions than the widest are padded and masked.
Position order is the scenario's: from the first side's best to the second side's best.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

# The kinds of move are defined once, in game.core.kinds; re-exported here for the rules.
from game.core.kinds import AI_KINDS, AK, PK, PLAYER_KINDS  # noqa: E402,F401
from game.core.lines import Line


def kind_is(kinds: np.ndarray, *names: str) -> np.ndarray:
    """[N] bool: each game's move is one of the named player kinds (-1, no move: never).
    A few comparisons, much cheaper than `np.isin` on a large batch."""
    out = kinds == PK[names[0]]
    for name in names[1:]:
        out |= kinds == PK[name]
    return out


@dataclass(frozen=True)
class Traits:
    risk_tolerance: float = 0.5
    patience: float = 0.5
    pride: float = 0.5
    volatility: float = 0.3
    zeal: float = 0.3
    memory: float = 0.5
    warmth: float = 0.5


@dataclass(frozen=True)
class Mind:
    """A personality bound to a party of this game."""

    id: str
    name: str  # the personality's name, e.g. "Nikita Khrushchev" or "The Conciliator"
    traits: Traits
    family: str
    aspiration: float
    reservation: float
    curve: float
    lines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    voice: tuple[Line, ...] = ()  # every line with its context (game.core.lines); preferred over `lines`

    @cached_property
    def voice_by_kind(self) -> Mapping[str, tuple[Line, ...]]:
        """`voice` by kind of reply, each in the order written: a reply reads only its own
        kind's lines, not all of the personality's (twice a turn at the table)."""
        out: dict[str, list[Line]] = {}
        for line in self.voice:
            out.setdefault(line.kind, []).append(line)
        return {kind: tuple(lines) for kind, lines in out.items()}


@dataclass(frozen=True)
class ActionSpec:
    id: str
    kind: str
    label: str
    issue: int  # -1 when the action concerns no single issue
    terms: tuple[int, ...]  # one position per issue, -1 where the action says nothing
    says: str = ""


@dataclass(frozen=True)
class MeterSpec:
    party: str  # "counterpart" or "ally"
    kind: str
    name: str  # shown to players, e.g. "Tension"
    start: float
    bands: tuple[tuple[str, float], ...]  # (band name, exclusive upper bound), ascending

    @property
    def ref(self) -> str:
        return f"{self.party}.{self.kind}"

    def band(self, value: float) -> str:
        for name, below in self.bands:
            if value < below:
                return name
        return self.bands[-1][0] if self.bands else ""


# A compiled condition is a nested tuple: (op, *args). See game.core.conditions.
Cond = tuple


@dataclass(frozen=True)
class EventSpec:
    id: str
    title: str
    text: str
    when: Cond
    effects: tuple[tuple[int, float, bool], ...]  # (meter index, delta, lasting)
    aspiration: float


@dataclass(frozen=True)
class EndingSpec:
    id: str
    title: str
    rating: str
    when: Cond
    epilogue: str


@dataclass(frozen=True)
class SessionSpec:
    id: str
    name: str
    when: str
    place: str
    turns: int
    history: str


@dataclass(frozen=True)
class GameSpec:
    scenario_id: str
    title: str
    player_side: str
    ai_side: str
    player_leader: str
    player_address: str  # how the counterpart addresses you: fills {leader} in its lines
    ai_leader: str
    ally_name: str  # "" when the player's side has no ally
    issue_ids: tuple[str, ...]
    issue_names: tuple[str, ...]
    position_ids: tuple[tuple[str, ...], ...]
    position_labels: tuple[tuple[str, ...], ...]
    position_shorts: tuple[tuple[str, ...], ...]  # as said mid-sentence in dialogue
    position_mask: np.ndarray  # [I, P] bool: the position exists
    player_values: np.ndarray  # [I, P]
    player_weights: np.ndarray  # [I], sums to 1
    player_red: np.ndarray  # [I, P] bool
    ai_values: np.ndarray  # [I, P]
    ai_weights: np.ndarray  # [I], sums to 1
    ai_red: np.ndarray  # [I, P] bool
    promise_by_player: np.ndarray  # [I, P] bool: worth to the AI scales with trust
    ai_notes: tuple[str, ...]  # what the AI side really needs, per issue (revealed by probes)
    ally_cares: np.ndarray  # [I, P], 0.5 where the ally is indifferent
    meters: tuple[MeterSpec, ...]
    sessions: tuple[SessionSpec, ...]
    actions: tuple[ActionSpec, ...]
    events: tuple[EventSpec, ...]
    endings: tuple[EndingSpec, ...]
    counterpart: Mind
    ally: Mind | None
    tuning: Mapping[str, float]
    strategy: object  # a game.core.strategies.Family for the counterpart's family
    difficulty: str = "historical"  # a game.core.difficulty level name
    issue_shorts: tuple[str, ...] = ()  # issue names as said mid-sentence; fills {issue}
    ally_leader: str = ""  # the ally's leader, e.g. "Konrad Adenauer": speaks for the ally
    ai_never_offers: np.ndarray | None = None  # [I, P] bool: positions the counterpart never puts forward itself

    # ----------------------------------------------------------------- derived tables
    @property
    def n_issues(self) -> int:
        return len(self.issue_ids)

    @property
    def n_positions(self) -> int:
        return int(self.position_mask.shape[1])

    @cached_property
    def total_turns(self) -> int:
        return sum(s.turns for s in self.sessions)

    @cached_property
    def session_of_turn(self) -> np.ndarray:
        """[T + 1]: the session index of each turn; the extra last entry is 'after the end'."""
        out = [i for i, s in enumerate(self.sessions) for _ in range(s.turns)]
        return np.array(out + [len(self.sessions)], dtype=np.int64)

    def meter_index(self, ref: str) -> int:
        """The meter's index, -1 when the scenario has none (asked many times a turn)."""
        return self._meter_indices.get(ref, -1)

    @cached_property
    def _meter_indices(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i, m in enumerate(self.meters):
            out.setdefault(m.ref, i)  # the first of a ref, as a search from the start finds
        return out

    @cached_property
    def ai_outranks(self) -> np.ndarray:
        """[I, I]: issue i comes before issue j in the counterpart's order of importance
        (it weighs more, or as much and comes earlier on the agenda: a stable sort's order)."""
        w, idx = self.ai_weights, np.arange(self.n_issues)
        return (w[:, None] > w[None, :]) | ((w[:, None] == w[None, :]) & (idx[:, None] < idx[None, :]))

    @cached_property
    def ai_best(self) -> np.ndarray:
        return np.where(self.position_mask, self.ai_values, -1.0).argmax(axis=1)

    @cached_property
    def player_best(self) -> np.ndarray:
        return np.where(self.position_mask, self.player_values, -1.0).argmax(axis=1)

    @cached_property
    def action_kinds(self) -> np.ndarray:
        return np.array([PK[a.kind] for a in self.actions], dtype=np.int64)

    @cached_property
    def action_issues(self) -> np.ndarray:
        return np.array([a.issue for a in self.actions], dtype=np.int64)

    @cached_property
    def action_terms(self) -> np.ndarray:
        return np.array([a.terms for a in self.actions], dtype=np.int64).reshape(len(self.actions), self.n_issues)

    @cached_property
    def action_open_terms(self) -> np.ndarray:
        """[A] bool: a proposal with no fixed terms (your own offer, composed at the table)."""
        return (self.action_kinds == PK["propose"]) & (self.action_terms < 0).all(axis=1)

    @cached_property
    def action_composable(self) -> np.ndarray:
        """[A] bool: actions that take the player's own terms (your own offer, a counter)."""
        return self.action_open_terms | (self.action_kinds == PK["counter"])

    def terms_row(self, terms: Mapping[str, str]) -> np.ndarray:
        """issue id -> position id  ->  [I] a position index per issue (-1 = left out).
        ValueError naming what is unknown, with the choices."""
        row = np.full(self.n_issues, -1, dtype=np.int64)
        for iid, pid in terms.items():
            if iid not in self.issue_ids:
                raise ValueError(f"no issue {iid!r}; issues: {', '.join(self.issue_ids)}")
            i = self.issue_ids.index(iid)
            if pid not in self.position_ids[i]:
                raise ValueError(f"no position {pid!r} on {iid!r}; positions: {', '.join(self.position_ids[i])}")
            row[i] = self.position_ids[i].index(pid)
        return row

    def action_index(self, action_id: str) -> int:
        for i, a in enumerate(self.actions):
            if a.id == action_id:
                return i
        raise KeyError(action_id)
