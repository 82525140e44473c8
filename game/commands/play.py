"""`summit play` and `summit` alone: the window, or the terminal game with --text."""

from __future__ import annotations

import sys

from game.commands.common import EXIT_BAD_INPUT, UsageError, difficulty_argument, load_library, parse_vs


def add_parsers(sub) -> None:
    play = sub.add_parser("play", help="play a scenario (in the window, or --text in the terminal)")
    play.add_argument("scenario", nargs="?", help="scenario id or path to a YAML file (default: vienna_1961)")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--as", dest="side", help="the side you lead (e.g. usa, ussr, dprk)")
    play.add_argument("--seed", type=int, default=None, help="seed for the game's chance (default 1)")
    play.add_argument("--vs", action="append", metavar="COUNTERPART=PERSONALITY", help="swap a personality")
    play.add_argument("--resume", nargs="?", const="", metavar="SAVE", help="continue a save (default: the latest)")
    play.add_argument("--save", metavar="NAME", help="also keep this game in the named save slot NAME")
    play.add_argument("--no-undo", action="store_true", help="no undo or rewind (a graded run; recorded in the save)")
    difficulty_argument(play)


def cmd_play(args) -> int:
    from game.saves import clean_temp_files, slot_path
    from game.setup import check_seed

    check_seed(args.seed)
    if args.save is not None:
        slot_path(args.save)  # a bad name is refused before the game starts
    clean_temp_files()  # what killed writes left behind, before either front end saves
    if not args.text:
        return open_window(args)
    if sys.stdout is None or sys.stdin is None:
        raise UsageError("the terminal game needs an input and an output; stdin or stdout is closed")
    from game.setup import PlayRequest, open_match
    from game.text.play import play

    request = PlayRequest(args.scenario, args.side, args.seed, parse_vs(args.vs), args.difficulty, args.resume,
                          not args.no_undo)
    match = open_match(load_library(), request)
    return play(match, slot=args.save)


def open_window(args) -> int:
    """The window (`summit` alone, or `summit play` without --text); args None opens the
    title screen."""
    import os

    try:
        from game.ui.splash import show_splash

        if not show_splash():
            print("summit: there is no display to open the game window on.\n"
                  "Play in the terminal instead: summit play --text", file=sys.stderr)
            return EXIT_BAD_INPUT
        if os.environ.get("SUMMIT_BENCH_FIRST_FRAME"):
            return 0  # `summit bench` measures the time to this first frame
        from game.ui.app import run_window
    except ImportError as e:  # the window needs pygame-ce; the terminal game does not
        print(f"summit: the window is not available ({e}).\nPlay in the terminal: summit play --text", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_window(args)


HANDLERS = {"play": cmd_play}
