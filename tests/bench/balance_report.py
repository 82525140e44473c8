"""The balance report: every reference player on every scenario, side and difficulty.

    python tests/bench/balance_report.py [SEEDS]      (default 200)

Prints one table per scenario, side and difficulty: the share of games ending better
than history, as history, worse, or in breakdown, and the endings reached.
"""

from __future__ import annotations

import sys
import time

from game.sim.balance import difficulty_names, run_balance


def main(argv: list[str]) -> int:
    seeds = int(argv[1]) if len(argv) > 1 else 200
    only = argv[2:]  # optional difficulty names
    for scenario, sides in (("vienna_1961", ("usa", "ussr")), ("singapore_2018", ("usa", "dprk"))):
        for difficulty in only or difficulty_names():
            for side in sides:
                t0 = time.perf_counter()
                table = run_balance(scenario, side, difficulty, seeds)
                print(table.text())
                print(f"  ({time.perf_counter() - t0:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
