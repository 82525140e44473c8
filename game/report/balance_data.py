"""The numbers behind `summit balance`: the reference players (game.sim.players, via
game.sim.balance) over many seeds for each side, difficulty and personality swap, plus
what an author needs beyond rates: endings never reached, endings shadowed by earlier
ones, dominant openings and the best fixed scripts a search finds.

Every player of a setting plays the same game indices as one batch, so players are
compared on the same draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from game.core.conditions import holds
from game.sim import balance as sim_balance
from game.sim import runner
from game.sim.players import REFERENCE_PLAYERS

RATINGS = sim_balance.RATINGS
OPENING_MOVES = 2  # a game's opening: its first moves
SEARCH_CANDIDATES = 40
SEARCH_TRAIN = np.arange(100_000, 100_060)  # training seeds, apart from the held-out ones


@dataclass
class PlayerResult:
    player: str
    games: int
    rates: dict[str, float]  # rating -> share
    endings: dict[str, int]  # ending id -> games
    openings: Counter  # opening (tuple of action ids) -> games rated "better"
    mean_value: float  # mean worth to your side of what was agreed


@dataclass
class Setting:
    side: str
    leader: str
    difficulty: str
    vs: dict[str, str]
    counterpart: str
    players: list[PlayerResult] = field(default_factory=list)
    endings: list[dict] = field(default_factory=list)  # id, title, rating, reached, held, shadowed_by
    scripts: list[dict] = field(default_factory=list)  # script (collapsed), train, held_out
    openings: list[tuple[str, int, int]] = field(default_factory=list)  # opening, better games, games

    @property
    def title(self) -> str:
        swap = ", ".join(f"{k}={v}" for k, v in self.vs.items())
        return f"as {self.side} ({self.leader}), {self.difficulty}" + (f", vs {swap}" if swap else "")

    def player(self, name: str) -> PlayerResult | None:
        return next((p for p in self.players if p.player == name), None)


def _recording(policy, first: np.ndarray):
    """The policy, writing each game's first moves into `first` [N, OPENING_MOVES]."""

    def wrapped(spec, st, legal):
        out = policy(spec, st, legal)
        action, _ = runner.split_policy_output(out)
        turn = st.turn
        for k in range(OPENING_MOVES):
            rows = (turn == k) & ~st.over
            first[rows, k] = np.asarray(action)[rows]
        return out

    return wrapped


def collapse(script: Sequence[str]) -> str:
    """'call_break x11, propose_grand_bargain': a script with its runs counted."""
    out: list[list] = []
    for move in script:
        if out and out[-1][0] == move:
            out[-1][1] += 1
        else:
            out.append([move, 1])
    return ", ".join(m if n == 1 else f"{m} x{n}" for m, n in out)


def play(spec, name: str, policy, seeds: np.ndarray, finals: list) -> PlayerResult:
    first = np.full((seeds.size, OPENING_MOVES), -1, dtype=np.int64)
    result = runner.play_batch(spec, 0, _recording(policy, first), seeds)
    finals.append(result.state)
    row = sim_balance.row_for(spec, name, result)
    better = np.asarray(row.better_games)
    openings: Counter = Counter()
    all_openings: Counter = Counter()
    for r in range(seeds.size):
        key = tuple(spec.actions[a].id for a in first[r] if a >= 0)
        all_openings[key] += 1
        if better[r]:
            openings[key] += 1
    from game.core.rules import player_value

    res = PlayerResult(name, row.games, dict(row.rates), dict(row.endings), openings,
                       float(player_value(spec, result.state.agreed).mean()))
    res.all_openings = all_openings  # type: ignore[attr-defined]
    return res


def ending_reach(spec, finals: list) -> list[dict]:
    """For each ending: games that got it, games whose final state met its condition, and
    the earlier endings that caught games where it was met. An ending met but never chosen
    is shadowed: an earlier ending always catches it."""
    out = []
    chosen = np.concatenate([st.ending for st in finals])
    met = [np.concatenate([holds(spec, st, e.when) & st.over for st in finals]) for e in spec.endings]
    for k, e in enumerate(spec.endings):
        reached = int((chosen == k).sum())
        held = int(met[k].sum())
        caught_by = []
        if held > reached:  # met, but an earlier ending took some of these games
            catchers = Counter(int(c) for c in chosen[met[k]] if 0 <= c != k)
            caught_by = [(spec.endings[c].id, n) for c, n in catchers.most_common()]
        out.append({"id": e.id, "title": e.title, "rating": e.rating, "reached": reached, "held": held,
                    "caught_by": caught_by, "shadowed": held > 0 and reached == 0,
                    "never_met": held == 0})
    return out


def best_scripts(spec, held_out: np.ndarray, keep: int = 3) -> list[dict]:
    """The fixed scripts of the search (game.sim.balance.candidate_scripts) that do best on
    training seeds, judged again on the held-out seeds."""
    scored = []
    for script in sim_balance.candidate_scripts(spec, SEARCH_CANDIDATES):
        row = sim_balance.row_for(spec, "", sim_balance.play_player(spec, sim_balance.lenient_script(script),
                                                                    SEARCH_TRAIN))
        scored.append((row.better, script))
    scored.sort(key=lambda x: -x[0])
    out = []
    for train, script in scored[:keep]:
        row = sim_balance.row_for(spec, "", sim_balance.play_player(spec, sim_balance.lenient_script(script), held_out))
        out.append({"script": collapse(script), "train": float(train), "held_out": float(row.better),
                    "endings": dict(row.endings)})
    return out


def run_setting(spec, side_leader: str, difficulty: str, vs: Mapping[str, str], seeds: int,
                players: Sequence[str] | None = None, search: bool = True) -> Setting:
    idx = np.arange(seeds, dtype=np.int64)
    setting = Setting(spec.player_side, side_leader, difficulty, dict(vs), spec.counterpart.name)
    finals: list = []
    for name in players or REFERENCE_PLAYERS:
        setting.players.append(play(spec, name, REFERENCE_PLAYERS[name](spec), idx, finals))
    setting.endings = ending_reach(spec, finals)
    if search:
        setting.scripts = best_scripts(spec, idx)
    better: Counter = Counter()
    total: Counter = Counter()
    for p in setting.players:
        better.update(p.openings)
        total.update(p.all_openings)  # type: ignore[attr-defined]
    setting.openings = [(" then ".join(k), n, total[k]) for k, n in better.most_common(5)]
    return setting
