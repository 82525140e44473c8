"""Benchmark: per-game speed of batched simulation against one game at a time.

Both runs use the same rules, scenario, seed and random policy, in this one process, so
the ratio is meaningful on a noisy machine where absolute times are not.

    python tests/bench/bench_simulate.py [--scenario vienna_1961] [--games 100000] [--single 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def measure(scenario: str, games: int, single: int, seed: int = 1) -> dict:
    from game.content.compile import compile_game
    from game.content.library import load_library
    from game.sim import runner

    library = load_library(include_mods=False)
    sc = library.scenarios[scenario][1]
    spec = compile_game(sc, sc.sides[0].id, {k: v for k, (_, v) in library.personalities.items()})
    runner.run(spec, seed, runner.random_policy, 50)  # warm up caches and imports

    t0 = time.perf_counter()
    runner.run(spec, seed, runner.random_policy, games)
    batch_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    runner.run(spec, seed, runner.random_policy, single, batch=1)
    single_s = time.perf_counter() - t0

    per_batch = batch_s / games
    per_single = single_s / single
    return {
        "scenario": scenario,
        "batch_games": games,
        "batch_seconds": round(batch_s, 3),
        "batch_us_per_game": round(per_batch * 1e6, 2),
        "single_games": single,
        "single_seconds": round(single_s, 3),
        "single_us_per_game": round(per_single * 1e6, 2),
        "speedup": round(per_single / per_batch, 1),
        "aim": 50,
    }


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scenario", default="vienna_1961")
    p.add_argument("--games", type=int, default=100_000)
    p.add_argument("--single", type=int, default=300)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    r = measure(args.scenario, args.games, args.single)
    if args.json:
        print(json.dumps(r, indent=1))
    else:
        print(f"{r['scenario']}: batch of {r['batch_games']} games: {r['batch_seconds']} s ({r['batch_us_per_game']} us/game)")
        print(f"{r['scenario']}: one at a time, {r['single_games']} games: {r['single_seconds']} s ({r['single_us_per_game']} us/game)")
        print(f"per-game speed-up of the batch: {r['speedup']}x (aim: at least {r['aim']}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
