"""The state of N games at once, as plain numpy arrays with a leading batch axis.

Everything that decides what happens next is here (nothing hides in objects or
generators), so a state round-trips through JSON exactly and a game resumes or replays
bit for bit. Meters are `base + fading`: `fading` holds grudges and goodwill, which shrink
at the end of every session.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property

import numpy as np

from game.core import rng
from game.core.arrays import clip
from game.core.spec import PK, PLAYER_KINDS, GameSpec


@dataclass
class BatchState:
    seed: int
    game_index: np.ndarray  # [N] int64
    turn: np.ndarray  # [N] int64: turns played so far
    over: np.ndarray  # [N] bool
    breakdown: np.ndarray  # [N] bool: tension reached the top
    walked_out: np.ndarray  # [N] int64: 0 nobody, 1 the player, 2 the counterpart
    ending: np.ndarray  # [N] int64, -1 until the summit ends
    base: np.ndarray  # [N, K] lasting part of each meter
    fading: np.ndarray  # [N, K] grudges (+) and goodwill (-) that fade
    aspiration_shift: np.ndarray  # [N] float: moves of the counterpart's aspiration
    ai_offer: np.ndarray  # [N, I] the counterpart's standing offer, -1 where none
    player_pos: np.ndarray  # [N, I] your standing position
    agreed: np.ndarray  # [N, I] agreed position, -1 where open
    last_terms: np.ndarray  # [N, I] what your previous turn put on the table, -1 where nothing
    warned: np.ndarray  # [N, I] bool: you warned about this issue
    probed: np.ndarray  # [N, I] bool
    estimate: np.ndarray  # [N, I] your estimate of the counterpart's interest weight, NaN unknown
    kind_count: np.ndarray  # [N, len(PLAYER_KINDS)] how often you took each kind of action
    ultimatum: np.ndarray  # [N] bool: the counterpart has set a deadline
    fired: np.ndarray  # [N, E] bool: events that have happened
    history: np.ndarray  # [N, T + 1, K] meters after each turn (index 0: at the start); [N, 0, K] unkept
    # --- time has a cost (game.core.pressure)
    patience: np.ndarray  # [N] float: the counterpart's patience left (1 at the start, 0: it leaves)
    batna: np.ndarray  # [N] float: how far its alternatives have improved (raises its reservation)
    engaged: np.ndarray  # [N] int64: turns of substance so far (drive its time curve)
    last_kind: np.ndarray  # [N] int64: the kind of your previous move (-1 none)
    counter_streak: np.ndarray  # [N] int64: counters in a row
    best_seen: np.ndarray  # [N, I] the best offer you made it, by its own measure (-1 none)
    best_seen_u: np.ndarray  # [N] float: what that offer was worth to it (-1 none)
    best_pos_u: np.ndarray  # [N] float: the most your standing position has been worth to it (0 at first)
    deadline: np.ndarray  # [N] int64: the turn its deadline expires (-1 none)
    deadline_issue: np.ndarray  # [N] int64: the issue of its deadline (-1 none)
    deadline_outcome: np.ndarray  # [N] int64: 0 none, 1 you yielded, 2 bluff called, 3 it was real
    # --- the counterpart's memory of you (game.core.opponent)
    ai_given: np.ndarray  # [N, I] the most generous position it has offered you per issue (-1 none)
    om_weight: np.ndarray  # [N, I] float: evidence of how much you care about each issue
    om_freq: np.ndarray  # [N, I, P] float: how often you have put each position on the table
    # --- your ally as a party
    ally_broke: np.ndarray  # [N] bool: your ally has broken with you in public

    @property
    def n(self) -> int:
        return int(self.game_index.shape[0])

    def meters(self) -> np.ndarray:
        return clip(self.base + self.fading, 0.0, 100.0)

    @cached_property
    def _game_key(self) -> np.ndarray:
        return rng.game_key(self.seed, self.game_index)

    def draw(self, stream: int, slots: int | np.ndarray = 0, turn: np.ndarray | int | None = None) -> np.ndarray:
        """Each game's uniform draw in [0, 1) from its own counters (`game.core.rng`): this
        turn's unless `turn` is given (0 for a draw made once per game); [N, S] for
        several `slots` at once."""
        return rng.uniform_keyed(self._game_key, self.turn if turn is None else turn, stream, slots)

    def draw_row(self, row: int, stream: int, turn: int) -> float:
        """Game `row`'s draw alone: the number `draw(stream, turn=turn)` gives that game."""
        return float(rng.uniform_keyed(self._game_key[row:row + 1], turn, stream)[0])

    def select(self, rows: np.ndarray | slice) -> BatchState:
        """The sub-batch of the given games (copies)."""
        kw = {}
        view = isinstance(rows, slice)  # an index or a mask already copies
        for f in fields(self):
            v = getattr(self, f.name)
            kw[f.name] = (v[rows].copy() if view else v[rows]) if isinstance(v, np.ndarray) else v
        return BatchState(**kw)

    def put(self, rows: np.ndarray, sub: BatchState, which: np.ndarray | slice = slice(None)) -> None:
        """Write a sub-batch (as `select(rows)` took it, then played on) back in place:
        its games `which` (default all) into this batch's `rows[which]`."""
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, np.ndarray):
                v[rows[which]] = getattr(sub, f.name)[which]

    def copy(self) -> BatchState:
        return self.select(slice(None))

    # ----------------------------------------------------------------- JSON
    def to_json(self) -> dict:
        out: dict = {"seed": int(self.seed)}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, np.ndarray):
                # NaN is not JSON: estimates that are unknown travel as null.
                data = v.tolist()
                if v.dtype.kind == "f":
                    data = _nan_to_none(data)
                out[f.name] = {"dtype": v.dtype.str, "shape": list(v.shape), "data": data}
        return out

    @classmethod
    def from_json(cls, d: dict) -> BatchState:
        kw: dict = {"seed": int(d["seed"])}
        for f in fields(cls):
            if f.name == "seed":
                continue
            item = d[f.name]
            data = _none_to_nan(item["data"])
            kw[f.name] = np.array(data, dtype=np.dtype(item["dtype"])).reshape(item["shape"])
        return cls(**kw)


def _nan_to_none(x):
    if isinstance(x, list):
        return [_nan_to_none(v) for v in x]
    return None if isinstance(x, float) and x != x else x


def _none_to_nan(x):
    if isinstance(x, list):
        return [_none_to_nan(v) for v in x]
    return float("nan") if x is None else x


def new_state(spec: GameSpec, seed: int, game_index: np.ndarray | int | None = None, n: int = 1,
              history: bool = True) -> BatchState:
    """`history=False`: keep no meters by turn (a run that reads only where games end;
    the rules read no history, so every game plays the same)."""
    if game_index is None:
        game_index = np.arange(n, dtype=np.int64)
    game_index = np.atleast_1d(np.asarray(game_index, dtype=np.int64))
    n = game_index.shape[0]
    k, i = len(spec.meters), spec.n_issues
    start = np.array([m.start for m in spec.meters], dtype=np.float64)
    meters_by_turn = np.zeros((n, spec.total_turns + 1 if history else 0, k))
    meters_by_turn[:, :1, :] = start
    return BatchState(
        seed=int(seed),
        game_index=game_index,
        turn=np.zeros(n, dtype=np.int64),
        over=np.zeros(n, dtype=bool),
        breakdown=np.zeros(n, dtype=bool),
        walked_out=np.zeros(n, dtype=np.int64),
        ending=np.full(n, -1, dtype=np.int64),
        base=np.tile(start, (n, 1)),
        fading=np.zeros((n, k)),
        aspiration_shift=np.zeros(n),
        ai_offer=np.full((n, i), -1, dtype=np.int64),
        player_pos=np.tile(spec.player_best, (n, 1)).astype(np.int64),
        agreed=np.full((n, i), -1, dtype=np.int64),
        last_terms=np.full((n, i), -1, dtype=np.int64),
        warned=np.zeros((n, i), dtype=bool),
        probed=np.zeros((n, i), dtype=bool),
        estimate=np.full((n, i), np.nan),
        kind_count=np.zeros((n, len(PLAYER_KINDS)), dtype=np.int64),
        ultimatum=np.zeros(n, dtype=bool),
        fired=np.zeros((n, len(spec.events)), dtype=bool),
        history=meters_by_turn,
        patience=np.ones(n),
        batna=np.zeros(n),
        engaged=np.zeros(n, dtype=np.int64),
        last_kind=np.full(n, -1, dtype=np.int64),
        counter_streak=np.zeros(n, dtype=np.int64),
        best_seen=np.full((n, i), -1, dtype=np.int64),
        best_seen_u=np.full(n, -1.0),
        best_pos_u=np.zeros(n),
        deadline=np.full(n, -1, dtype=np.int64),
        deadline_issue=np.full(n, -1, dtype=np.int64),
        deadline_outcome=np.zeros(n, dtype=np.int64),
        ai_given=np.full((n, i), -1, dtype=np.int64),
        om_weight=np.zeros((n, i)),
        om_freq=np.zeros((n, i, spec.n_positions)),
        ally_broke=np.zeros(n, dtype=bool),
    )


def kind_code(name: str) -> int:
    return PK[name]
