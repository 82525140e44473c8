"""What every subcommand shares: the bad-input error and its exit code, the content
library (with broken files reported), `--vs` and `--difficulty`."""

from __future__ import annotations

import sys

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    pass


def load_library():
    """The built-in and installed content; a broken file is skipped with its problems
    printed, so one bad mod does not stop the game."""
    from game.content.library import load_library
    from game.textsafe import visible

    library = load_library()
    for path, error in library.broken:
        print(f"summit: skipped a broken file ({visible(path, keep_newlines=False)}):", file=sys.stderr)
        for problem in error.problems:
            print("  " + problem.format(), file=sys.stderr)
    return library


def parse_vs(items: list[str] | None) -> dict[str, str]:
    """`--vs` for subcommands; the resolution itself is game.setup.parse_vs (shared with
    the window)."""
    from game.setup import parse_vs

    return parse_vs(items)


def difficulty_argument(parser) -> None:
    from game.core.difficulty import DEFAULT, LEVELS

    levels = " ".join(f"{lv.name}: {lv.description}" for lv in LEVELS)
    parser.add_argument("--difficulty", choices=[lv.name for lv in LEVELS], default=None,
                        help=f"how hard the table is (default {DEFAULT}). {levels}")
