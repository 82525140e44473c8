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
from functools import lru_cache

import numpy as np

from game.core.arrays import clip
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
    note: str = ""  # e.g. the search's script and whether it holds the lesson's package

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
                         + "   " + ", ".join(f"{e} {c}" for e, c in tops if c))
            if r.note:
                lines.append(f"  {'':<18}{r.note}")
        missing = self.unreached()
        lines.append("  endings not reached: " + (", ".join(missing) if missing else "none"))
        return "\n".join(lines)


@lru_cache(maxsize=1)
def _library():
    from game.content.library import load_library

    return load_library(include_mods=False)


def load_spec(scenario: str, side: str | None = None, difficulty: str = "historical",
              vs: Mapping[str, str] | None = None, seed: int | None = None, game_index: int = 0) -> GameSpec:
    """The compiled game (built-in content only). At a level that draws the counterpart
    per game, `seed` and `game_index` pick it."""
    from game.content.compile import compile_game

    lib = _library()
    sc = lib.scenarios[scenario][1]
    personalities = {pid: p for pid, (_, p) in lib.personalities.items()}
    return compile_game(sc, side or sc.sides[0].id, personalities, vs or {}, difficulty=difficulty, seed=seed,
                        game_index=game_index)


def _difficulty_kw(difficulty: str) -> dict:
    return {"difficulty": difficulty}


def specs_by_game(scenario: str, side: str, difficulty: str, index: np.ndarray, seed: int = 0
                  ) -> list[tuple[GameSpec, np.ndarray]]:
    """Games grouped by the spec they play: one group, or one per drawn counterpart."""
    from game.core.difficulty import level

    if not level(difficulty).pool:
        return [(load_spec(scenario, side, difficulty), index)]
    from game.content.compile import drawn_counterpart

    lib = _library()
    sc = lib.scenarios[scenario][1]
    own = next(s.personality for s in sc.sides if s.id != side)
    personalities = {pid: p for pid, (_, p) in lib.personalities.items()}
    rows: dict[str, list[int]] = {}
    for g in index:
        pid = drawn_counterpart(own, {}, personalities, difficulty, seed, int(g))["counterpart"]
        rows.setdefault(pid, []).append(int(g))
    return [(load_spec(scenario, side, difficulty, {"counterpart": pid}), np.array(r, dtype=np.int64))
            for pid, r in rows.items()]


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
    """Every named player (default: all reference players and the search) on the same
    games. At a level that draws the counterpart per game, each group of games plays its
    own counterpart (the players never see which)."""
    index = np.arange(seeds, dtype=np.int64) if isinstance(seeds, int) else np.asarray(seeds, dtype=np.int64)
    groups = [(spec, index)] if spec is not None else specs_by_game(scenario, side, difficulty, index)
    names = list(players or (*REFERENCE_PLAYERS, "search", "search_no_lesson"))
    rows = []
    for name in names:
        parts = []
        for g_spec, g_index in groups:
            if name in ("search", "search_no_lesson"):
                parts.append(search_row(g_spec, g_index, name == "search_no_lesson"))
            else:
                parts.append(row_for(g_spec, name, play_player(g_spec, REFERENCE_PLAYERS[name](g_spec), g_index)))
        rows.append(merge_rows(name, parts, [g for _, g in groups], index))
    ending_ids = tuple(dict.fromkeys(e.id for g_spec, _ in groups for e in g_spec.endings))
    return BalanceTable(scenario, side, difficulty, len(index), tuple(rows), ending_ids)


def merge_rows(name: str, parts: Sequence[BalanceRow], groups: Sequence[np.ndarray], index: np.ndarray) -> BalanceRow:
    if len(parts) == 1:
        return parts[0]
    games = sum(p.games for p in parts)
    rates = {k: sum(p.rates.get(k, 0.0) * p.games for p in parts) / games for k in RATINGS}
    endings: dict[str, int] = {}
    for p in parts:
        for e, c in p.endings.items():
            endings[e] = endings.get(e, 0) + c
    better = np.zeros(len(index), dtype=bool)
    where = {int(g): k for k, g in enumerate(index)}
    for p, g in zip(parts, groups):
        better[[where[int(x)] for x in g]] = p.better_games
    return BalanceRow(name, games, rates, endings, better)


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


def search_script(spec: GameSpec, train: Sequence[int], candidates: int = 60,
                  without_lesson: bool = False) -> tuple[list[str], float]:
    best, best_rate = [], -1.0
    for script in candidate_scripts(spec, candidates):
        if without_lesson and script_has_lesson(spec, script):
            continue
        rate = float(row_for(spec, "", play_player(spec, lenient_script(script), train)).better)
        if rate > best_rate:
            best, best_rate = script, rate
    return best, best_rate


def lesson_package(spec: GameSpec, terms: np.ndarray) -> bool:
    """The judge's view (it reads hidden values; no player does): the terms hold your core
    (half its worth or better), cross none of your red lines, and meet the counterpart's
    top interest (a position worth half or more to it on its weightiest issue)."""
    terms = np.asarray(terms)
    core, top = int(spec.player_weights.argmax()), int(spec.ai_weights.argmax())
    covered = terms >= 0
    if (spec.player_red[np.arange(spec.n_issues), clip(terms, 0, None)] & covered).any():
        return False
    if not (covered[core] and covered[top]):
        return False
    return spec.player_values[core, terms[core]] >= 0.5 and spec.ai_values[top, terms[top]] >= 0.5


def script_has_lesson(spec: GameSpec, script: Sequence[str]) -> bool:
    return any(lesson_package(spec, spec.actions[spec.action_index(a)].terms) for a in script
               if spec.actions[spec.action_index(a)].kind == "propose")


def search_row(spec: GameSpec, seeds: int | Sequence[int], without_lesson: bool = False) -> BalanceRow:
    """The best of random fixed scripts on training seeds, judged on held-out seeds
    (`without_lesson`: only among scripts that never propose the lesson's package)."""
    held = np.arange(seeds) if isinstance(seeds, int) else np.asarray(seeds)
    train = np.arange(100_000, 100_000 + 100)
    script, _ = search_script(spec, train, 120 if without_lesson else 60, without_lesson)
    name = "search_no_lesson" if without_lesson else "search"
    result = play_player(spec, lenient_script(script), held)
    row = row_for(spec, name, result)
    lesson = "proposes the lesson's package" if script_has_lesson(spec, script) else "never proposes it as a quick pick"
    agreed = result.state.agreed[row.better_games]
    held_lesson = sum(lesson_package(spec, a) for a in agreed)
    return BalanceRow(row.player, row.games, row.rates, row.endings, row.better_games,
                      f"(script {lesson}; {held_lesson} of its {len(agreed)} better games agreed on a lesson package: "
                      f"{', '.join(script)})")


def difficulty_names() -> list[str]:
    from game.core.difficulty import LEVELS

    return [lv.name for lv in LEVELS]
