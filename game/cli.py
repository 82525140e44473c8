"""The one command line: `summit ...` (also `python -m game ...`).

This module parses and dispatches; the subcommands live in `game.commands`, grouped by
purpose (play, reports, content, simulate, bench), each importing what it needs only
when it runs.

Exit codes: 0 success; 2 bad input (a broken scenario or save, a wrong flag or name),
always with a located message and never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from game.commands import bench, content, play, reports, simulate
from game.commands.common import EXIT_BAD_INPUT, UsageError

__all__ = ["EXIT_BAD_INPUT", "UsageError", "build_parser", "main"]

# In the order `summit --help` lists them.
COMMAND_GROUPS = (play, reports, content, simulate, bench)
HANDLERS = {name: handler for group in COMMAND_GROUPS for name, handler in group.HANDLERS.items()}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summit", description="Summit: negotiate at historical summits.")
    sub = p.add_subparsers(dest="command")
    for group in COMMAND_GROUPS:
        group.add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return play.open_window(None)
        return HANDLERS[args.command](args)
    except BrokenPipeError:  # e.g. `summit list | head`: the reader left; not an error
        sys.stderr.close()
        return 0
    except Exception as e:  # only the kinds of bad input below; anything else is a bug
        return _report_bad_input(e)
    except KeyboardInterrupt:
        return 130


def _report_bad_input(error: Exception) -> int:
    """Print bad input as located messages and return 2; re-raise anything else. The
    error classes are imported here, not at start-up, so the window opens sooner."""
    from game.content.compile import SetupError
    from game.content.errors import ContentError
    from game.saves import SaveError
    from game.sim.runner import ScriptError
    from game.textsafe import visible

    if isinstance(error, ContentError):
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(error, (SetupError, SaveError, ScriptError, UsageError)):
        print(f"summit: {visible(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(error, OSError) and error.filename is not None:
        # A path the user named that the system refuses (too long, a folder, no permission).
        print(f"summit: {visible(error.filename)}: {visible(error.strerror or error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    raise error


if __name__ == "__main__":
    raise SystemExit(main())
