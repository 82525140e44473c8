"""Balance, measured: reference players over many seeds, per scenario, side and difficulty.

    table = run_balance("vienna_1961", "usa", "historical", seeds=200)
    for row in table.rows: row.player, row.better, row.rates ...

Each player plays the same game indices (0 .. seeds-1) as one batch, so players are
compared on the same draws. A game's result is its ending's rating ("better" is the
better-than-history outcome the lesson aims at).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from game.core.spec import GameSpec
from game.sim import runner
from game.sim.players import REFERENCE_PLAYERS

RATINGS = ("better", "history", "worse", "breakdown")


@dataclass(frozen=True)
class BalanceRow:
    player: str
    games: int
    rates: Mapping[str, float]  # rating -> share of games
    endings: Mapping[str, int]  # ending id -> games
    better_games: np.ndarray = field(repr=False, compare=False)  # [games] bool, per seed

    @property
    def better(self) -> float:
        return self.rates.get("better", 0.0)


@dataclass(frozen=True)
class BalanceTable:
    scenario: str
    side: str
    difficulty: str
    seeds: int
    rows: tuple[BalanceRow, ...]
    ending_ids: tuple[str, ...]

    def row(self, player: str) -> BalanceRow:
        return next(r for r in self.rows if r.player == player)

    def unreached(self) -> list[str]:
        seen = {e for r in self.rows for e, c in r.endings.items() if c}
        return [e for e in self.ending_ids if e not in seen]

    def text(self) -> str:
        head = f"{self.scenario} as {self.side}, {self.difficulty}, {self.seeds} seeds"
        lines = [head, f"  {'player':<18}" + "".join(f"{r:>10}" for r in RATINGS) + "   top endings"]
        for r in self.rows:
            tops = sorted(r.endings.items(), key=lambda kv: -kv[1])[:3]
            lines.append(f"  {r.player:<18}" + "".join(f"{100 * r.rates.get(k, 0.0):>9.1f}%" for k in RATINGS)
                         + "   " + ", ".join(f"{e} {c}" for e, c in tops))
        missing = self.unreached()
        lines.append("  endings not reached: " + (", ".join(missing) if missing else "none"))
        return "\n".join(lines)


def load_spec(scenario: str, side: str | None = None, difficulty: str = "historical",
              vs: Mapping[str, str] | None = None) -> GameSpec:
    from game.content.compile import compile_game
    from game.content.library import load_library

    lib = load_library(include_mods=False)
    sc = lib.scenarios[scenario][1]
    personalities = {pid: p for pid, (_, p) in lib.personalities.items()}
    return compile_game(sc, side or sc.sides[0].id, personalities, vs or {}, **_difficulty_kw(difficulty))


def _difficulty_kw(difficulty: str) -> dict:
    import inspect

    from game.content.compile import compile_game

    return {"difficulty": difficulty} if "difficulty" in inspect.signature(compile_game).parameters else {}


def play_player(spec: GameSpec, policy, seeds: int | Sequence[int], seed: int = 0) -> runner.BatchResult:
    index = np.arange(seeds, dtype=np.int64) if isinstance(seeds, int) else np.asarray(seeds, dtype=np.int64)
    return runner.play_batch(spec, seed, policy, index)


def row_for(spec: GameSpec, name: str, result: runner.BatchResult) -> BalanceRow:
    endings = result.state.ending
    n = endings.shape[0]
    rating = np.array([spec.endings[e].rating if e >= 0 else "" for e in endings])
    rates = {k: float((rating == k).mean()) for k in RATINGS}
    counts = {spec.endings[e].id: int((endings == e).sum()) for e in range(len(spec.endings))}
    return BalanceRow(name, n, rates, counts, rating == "better")


def run_balance(scenario: str, side: str, difficulty: str = "historical", seeds: int | Sequence[int] = 200,
                players: Sequence[str] | None = None, spec: GameSpec | None = None) -> BalanceTable:
    spec = spec or load_spec(scenario, side, difficulty)
    names = list(players or (*REFERENCE_PLAYERS, "search"))
    rows = []
    for name in names:
        if name == "search":
            rows.append(search_row(spec, seeds))
            continue
        result = play_player(spec, REFERENCE_PLAYERS[name](spec), seeds)
        rows.append(row_for(spec, name, result))
    n = seeds if isinstance(seeds, int) else len(seeds)
    return BalanceTable(scenario, side, difficulty, n, tuple(rows), tuple(e.id for e in spec.endings))


# ----------------------------------------------------------------- the search player
def candidate_scripts(spec: GameSpec, count: int, seed: int = 7) -> list[list[str]]:
    """Fixed scripts of action ids a search could try without hidden values: mixtures of
    probes, talk, pressure and the author's packages, in random order and timing."""
    gen = np.random.default_rng(seed)  # the search's own draws, not the game's
    ids = [a.id for a in spec.actions if a.id != "compose"]
    packages = [a.id for a in spec.actions if a.kind == "propose" and a.id != "compose"]
    turns = spec.total_turns
    out = []
    for _ in range(count):
        script = [str(gen.choice(ids)) for _ in range(turns)]
        for _ in range(int(gen.integers(1, 4))):
            script[int(gen.integers(0, turns))] = str(gen.choice(packages))
        out.append(script)
    return out


def lenient_script(choices: Sequence[str]):
    """A fixed script that skips to the first open non-compose action when its move is closed."""

    def policy(spec, st, legal):
        want = choices[min(int(st.turn.max()), len(choices) - 1)]
        idx = spec.action_index(want)
        plain = legal & ~spec.action_open_terms[None, :]
        return np.where(legal[:, idx], idx, plain.argmax(axis=1))

    return policy


def search_script(spec: GameSpec, train: Sequence[int], candidates: int = 60) -> tuple[list[str], float]:
    best, best_rate = [], -1.0
    for script in candidate_scripts(spec, candidates):
        rate = float(row_for(spec, "", play_player(spec, lenient_script(script), train)).better)
        if rate > best_rate:
            best, best_rate = script, rate
    return best, best_rate


def search_row(spec: GameSpec, seeds: int | Sequence[int]) -> BalanceRow:
    """The best of random fixed scripts on training seeds, judged on held-out seeds."""
    held = np.arange(seeds) if isinstance(seeds, int) else np.asarray(seeds)
    train = np.arange(100_000, 100_000 + 100)
    script, _ = search_script(spec, train)
    return row_for(spec, "search", play_player(spec, lenient_script(script), held))


def difficulty_names() -> list[str]:
    try:
        from game.core.difficulty import LEVELS
    except ImportError:
        return ["historical"]
    return [lv.name for lv in LEVELS]
