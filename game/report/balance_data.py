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
SEARCH_CANDIDATES = 80
SEARCH_TRAIN = np.arange(100_000, 100_050)  # training seeds, apart from the held-out ones


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


def _scripts_policy(spec, scripts: np.ndarray, games_per_script: int):
    """Many fixed scripts at once: game row r plays script r // games_per_script, each move
    taken if open, else the first open action with fixed terms (as
    game.sim.balance.lenient_script does for one script)."""

    def policy(sp, st, legal):
        rows = np.arange(st.n)
        turn = np.clip(st.turn, 0, scripts.shape[1] - 1)
        want = scripts[rows // games_per_script, turn]
        plain = legal & ~sp.action_open_terms[None, :]
        return np.where(legal[rows, want], want, plain.argmax(axis=1))

    return policy


def _script_rates(spec, scripts: list[list[str]], seeds: np.ndarray):
    """[C] share of better endings and the final states, every script on every seed, as one batch."""
    idx = np.array([[spec.action_index(a) for a in sc] for sc in scripts], dtype=np.int64)
    games = np.tile(seeds, len(scripts))
    result = runner.play_batch(spec, 0, _scripts_policy(spec, idx, seeds.size), games)
    ending = result.state.ending.reshape(len(scripts), seeds.size)
    better = np.array([[e >= 0 and spec.endings[e].rating == "better" for e in row] for row in ending])
    return better.mean(axis=1), ending


def best_scripts(spec, held_out: np.ndarray, keep: int = 3) -> list[dict]:
    """The fixed scripts of the search (game.sim.balance.candidate_scripts) that do best on
    training seeds, judged again on the held-out seeds; none if no script ever reached a
    better ending."""
    candidates = sim_balance.candidate_scripts(spec, SEARCH_CANDIDATES)
    train, _ = _script_rates(spec, candidates, SEARCH_TRAIN)
    order = [i for i in np.argsort(-train, kind="stable")[:keep] if train[i] > 0]  # scripts that ever won
    if not order:
        return []
    top = [candidates[i] for i in order]
    held, ending = _script_rates(spec, top, np.asarray(held_out))
    out = []
    for k, script in enumerate(top):
        counts = Counter(spec.endings[e].id for e in ending[k] if e >= 0)
        out.append({"script": collapse(script), "train": float(train[order[k]]), "held_out": float(held[k]),
                    "endings": dict(counts)})
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
