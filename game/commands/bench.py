"""`summit bench`: the window's frame times against a bare pygame loop."""

from __future__ import annotations

import sys

from game.commands.common import EXIT_BAD_INPUT


def add_parsers(sub) -> None:
    bench = sub.add_parser("bench", help="measure the window's frame times against a bare pygame loop")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--frames", type=int, default=240)


def cmd_bench(args) -> int:
    try:
        from game.ui.bench import run_bench
    except ImportError as e:
        print(f"summit: the window benchmark is not available ({e})", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_bench(args)


HANDLERS = {"bench": cmd_bench}
