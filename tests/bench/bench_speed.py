"""Speed and memory, measured in one run against baselines taken in the same run.

Prints each aim of issue 12 with the measured value and whether it is met. Absolute
times on a noisy machine mean little; ratios against a baseline measured seconds apart
mean more, so every line says what it was compared with.

    python tests/bench/bench_speed.py [--games 100000] [--json] [--skip-million]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BRINK_TURNS_PER_S = 4070  # kuitang/brink balance_simulation.py, as measured in issue 12 on this machine kind

_CHILD = """
import json, resource, sys, time
from game.content.compile import compile_game
from game.content.library import load_library
from game.sim import parallel, runner
lib = load_library(include_mods=False)
sc = lib.scenarios[sys.argv[1]][1]
spec = compile_game(sc, sc.sides[0].id, {k: v for k, (_, v) in lib.personalities.items()})
games, jobs = int(sys.argv[2]), int(sys.argv[3])
t0 = time.perf_counter()
f = parallel.play_finals(spec, 1, runner.random_policy, games, jobs=jobs)
wall = time.perf_counter() - t0
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"wall": wall, "turns": int(f.turns.sum()), "peak_mib": peak / 1024}))
"""


_ONE_MODEL = ("import yaml, pydantic\nclass One(pydantic.BaseModel):\n    x: int\n"
              "One.model_validate(yaml.safe_load('x: 1'))\n")


def _child(scenario: str, games: int, jobs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, scenario, str(games), str(jobs)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def _as_installed(env: dict) -> dict:
    """The environment of an installed game: Python may keep its compiled modules.
    (`pip install` compiles them; a machine with PYTHONDONTWRITEBYTECODE set would
    otherwise recompile every module of the game on every launch while the baseline's
    libraries stay compiled, and the ratios would measure that instead.)"""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _median_seconds(cmd: list[str], runs: int = 5) -> float:
    times = []
    env = _as_installed(dict(os.environ, SUMMIT_HOME=str(Path("/tmp/summit-bench-home"))))
    subprocess.run(cmd, capture_output=True, check=False, env=env, cwd=ROOT)  # compiles, fills caches
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


_BARE_FIRST_FRAME = ("import pygame\npygame.display.init()\ns = pygame.display.set_mode((1280, 720))\n"
                     "s.fill((0, 0, 0))\npygame.display.flip()\n")
# The window's start-up as `summit` runs it (cli._open_window): the title card, then the
# App, which with SUMMIT_BENCH_FIRST_FRAME set quits after its first frame: the
# interactive title, content loaded.
_INTERACTIVE_TITLE = ("from game.ui.splash import show_splash\nshow_splash()\n"
                      "from game.ui.app import run_window\nraise SystemExit(run_window(None))\n")
# The same launch, on until the title's strip of leaders is drawn: on a first launch
# (no content cache) the title answers first and the leaders follow once the library
# has loaded in the background.
_TITLE_WITH_LEADERS = ("from game.ui.splash import show_splash\nshow_splash()\n"
                       "import pygame\nfrom game.ui.app import App\napp = App(None)\napp.draw()\n"
                       "app.ctx.load_in_background()\nclock = pygame.time.Clock()\n"
                       "while not app.scene.find('title:leaders').texts():\n    app.loop_step(clock)\n")


_MAKE_SAVES = ("from game.content.library import load_library\nfrom game.setup import start_match\n"
               "lib = load_library()\n"
               "for seed, sid in ((1, 'vienna_1961'), (2, 'singapore_2018'), (3, 'vienna_1961')):\n"
               "    m = start_match(lib, sid, None, seed)\n"
               "    for _ in range(4):\n        m.play(m.legal_actions()[0].id)\n")


def interactive_title_seconds(runs: int = 5, warm: bool = True, script: str = _INTERACTIVE_TITLE,
                              saves: bool = False) -> tuple[float, float]:
    """Median seconds to a bare pygame first frame and to the window's interactive title,
    interleaved. `warm`: the content cache already filled (every launch after the first)."""
    import shutil
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="summit-bench-title-"))
    env = _as_installed(dict(os.environ, SUMMIT_HOME=str(home), SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"),
                             SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1", SUMMIT_BENCH_FIRST_FRAME="1"))
    subprocess.run([sys.executable, "-c", _INTERACTIVE_TITLE], capture_output=True, check=True, env=env, cwd=ROOT)
    if saves:  # a returning player: three games under way
        subprocess.run([sys.executable, "-c", _MAKE_SAVES], capture_output=True, check=True, env=env, cwd=ROOT)
    bare, title = [], []
    try:
        for _ in range(runs):
            if not warm:
                shutil.rmtree(home / "cache", ignore_errors=True)
            for argv, out in (([sys.executable, "-c", _BARE_FIRST_FRAME], bare),
                              ([sys.executable, "-c", script], title)):
                t0 = time.perf_counter()
                subprocess.run(argv, capture_output=True, check=True, env=env, cwd=ROOT)
                out.append(time.perf_counter() - t0)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return statistics.median(bare), statistics.median(title)


def counterpart_turn_p99_ms(games: int = 30, replays: int = 5) -> tuple[float, float]:
    """One turn of the counterpart (rules and reply) for one game at the table, each game
    played `replays` times: the p99 of every turn's wall time (the aim), and the p99 of
    each turn's fastest replay (the game's own cost: on a shared machine most of the
    slowest turns are the machine's, and differ from one replay to the next)."""
    from game.content.compile import compile_game
    from game.content.library import load_library
    from game.core.game import Game

    lib = load_library(include_mods=False)
    times: list[float] = []
    fastest: dict[tuple, float] = {}
    for _ in range(replays):
        for sid in ("vienna_1961", "singapore_2018"):
            sc = lib.scenarios[sid][1]
            spec = compile_game(sc, sc.sides[0].id, {k: v for k, (_, v) in lib.personalities.items()})
            for g in range(games):
                game = Game.start(spec, seed=g)
                while not game.over:
                    legal = game.legal_actions()
                    action = legal[(game.turn * 7 + g) % len(legal)]
                    if action.kind == "propose" and not any(t >= 0 for t in action.terms):
                        action = next((a for a in legal if a.id != action.id), action)
                    turn = (sid, g, game.turn)
                    t0 = time.perf_counter()
                    try:
                        game.play(action.id)
                    except Exception:  # an action needing composed terms: skip it
                        continue
                    times.append(time.perf_counter() - t0)
                    fastest[turn] = min(fastest.get(turn, times[-1]), times[-1])
    return tuple(1000 * sorted(t)[int(0.99 * (len(t) - 1))] for t in (times, list(fastest.values())))


def measure(games: int, million: bool) -> list[tuple[str, str, bool | None]]:  # None: for information
    rows = []
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    for sid in ("vienna_1961", "singapore_2018"):
        one = _child(sid, games, 1)
        allc = _child(sid, games, jobs)
        rate = allc["turns"] / allc["wall"]
        rows.append((f"{games:,} random games of {sid} on {jobs} cores",
                     f"{allc['wall']:.2f} s (1 core: {one['wall']:.2f} s, x{one['wall'] / allc['wall']:.2f})",
                     allc["wall"] <= 2.5))
        rows.append((f"  game-turns per second vs brink ({BRINK_TURNS_PER_S:,}/s)", f"{rate:,.0f}/s = x{rate / BRINK_TURNS_PER_S:.0f}",
                     rate / BRINK_TURNS_PER_S >= 150))
        # Noise on a shared machine only ever adds time: the fastest of a few runs is the
        # code's own speed (as timeit reports), printed for information beside the aim.
        walls = [allc["wall"]] + [_child(sid, games, jobs)["wall"] for _ in range(2)]
        best = allc["turns"] / min(walls)
        rows.append(("    the same, fastest of 3 runs", f"{best:,.0f}/s = x{best / BRINK_TURNS_PER_S:.0f} "
                     f"({', '.join(f'{w:.2f}' for w in walls)} s)", None))
        rows.append((f"  peak memory, {games:,} games", f"{allc['peak_mib']:.0f} MiB", allc["peak_mib"] <= 300))
    if million:
        big = _child("vienna_1961", 1_000_000, jobs)
        rows.append(("peak memory, 1,000,000 games", f"{big['peak_mib']:.0f} MiB ({big['wall']:.1f} s)", big["peak_mib"] <= 1024))
    p99, fastest_p99 = counterpart_turn_p99_ms()
    rows.append(("one counterpart turn at the table, p99", f"{p99:.2f} ms", p99 <= 2.0))
    rows.append(("  the same, each turn's fastest of 5 replays", f"{fastest_p99:.2f} ms", None))
    for warm in (True, False):
        bare, title = interactive_title_seconds(warm=warm)
        rows.append((f"interactive title vs bare first frame ({'cache filled' if warm else 'no cache'})",
                     f"{title:.3f} s vs {bare:.3f} s = +{title - bare:.3f} s", title - bare <= 0.3))
    bare, title = interactive_title_seconds(saves=True)
    rows.append(("interactive title vs bare first frame (3 saved games)", f"{title:.3f} s vs {bare:.3f} s = +{title - bare:.3f} s",
                 title - bare <= 0.3))
    bare, title = interactive_title_seconds(warm=False, script=_TITLE_WITH_LEADERS)
    rows.append(("  the same, until its leaders are drawn (no cache)", f"{title:.3f} s vs {bare:.3f} s = +{title - bare:.3f} s",
                 None))
    base = _median_seconds([sys.executable, "-c", "import yaml, pydantic"])
    lst = _median_seconds([sys.executable, "-m", "game", "list"])
    val = _median_seconds([sys.executable, "-m", "game", "validate", str(ROOT / "scenarios" / "vienna_1961.yaml")])
    _median_seconds([sys.executable, "-m", "game", "list"], runs=1)  # fills the content cache, as any first run does
    rows.append(("summit list vs import yaml, pydantic", f"{lst:.3f} s vs {base:.3f} s = x{lst / base:.2f}", lst <= 2 * base))
    rows.append(("summit validate FILE vs import yaml, pydantic", f"{val:.3f} s vs {base:.3f} s = x{val / base:.2f}",
                 val <= 2 * base))
    # What any validation by pydantic costs before reading a file: the baseline imports
    # pydantic lazily, and the first model built and used loads the rest of it.
    floor = _median_seconds([sys.executable, "-c", _ONE_MODEL])
    rows.append(("  the floor: one pydantic model's first validation", f"{floor:.3f} s vs {base:.3f} s = x{floor / base:.2f}",
                 None))
    rows.append(("  summit validate FILE vs that floor", f"{val:.3f} s vs {floor:.3f} s = x{val / floor:.2f}", None))
    bal = [sys.executable, "-m", "game", "balance", "vienna_1961"]
    probe = subprocess.run(bal + ["--help"], capture_output=True, cwd=ROOT)
    if probe.returncode == 0:
        t = _median_seconds(bal, runs=1)
        rows.append(("summit balance vienna_1961", f"{t:.1f} s", t <= 30))
    else:
        rows.append(("summit balance", "not available in this build", False))
    return rows


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--games", type=int, default=100_000)
    p.add_argument("--skip-million", action="store_true")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    rows = measure(args.games, not args.skip_million)
    if args.json:
        print(json.dumps([{"what": w, "value": v, "met": m} for w, v, m in rows], indent=1))
    else:
        for what, value, met in rows:
            print(f"{'   ' if met is None else 'ok ' if met else 'NO '} {what:<52} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
