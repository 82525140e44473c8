"""Teachers' and modders' tools: `summit transcript`, `class`, `sandbox` and `balance`
(game.report, game.text.sandbox, game.sim.balance)."""

from __future__ import annotations

import sys
from pathlib import Path

from game.commands.common import UsageError, load_library, parse_vs


def add_parsers(sub) -> None:
    tr = sub.add_parser("transcript", help="a game's whole record (text, Markdown or HTML), to hand in or discuss")
    tr.add_argument("save", nargs="?", type=Path, help="a save file (default: the latest)")
    tr.add_argument("--out", type=Path, help="write to this file instead of the screen")
    tr.add_argument("--format", choices=["text", "md", "html"], default=None,
                    help="text, md or html (default: from --out's extension, else text)")
    tr.add_argument("--student", default="", help="the student's name, printed at the top")

    cl = sub.add_parser("class", help="one offline HTML page over many students' saves of the same scenario")
    cl.add_argument("report_dir", type=Path, help="folder to write index.html (and each student's transcript) into")
    cl.add_argument("saves", nargs="+", type=Path)

    sb = sub.add_parser("sandbox", help="see a personality's scored replies in chosen states; reloads when saved")
    sb.add_argument("personality", help="personality id or path to its YAML file")
    sb.add_argument("--scenario", default=None, help="scenario id or path (default: vienna_1961)")
    sb.add_argument("--side", default=None, help="the side you lead (the personality plays the other)")
    sb.add_argument("--once", action="store_true", help="print once and exit (for tests and pipes)")

    ba = sub.add_parser("balance", help="ending distributions per reference player, unreachable endings, side balance")
    ba.add_argument("scenario", help="scenario id or path")
    ba.add_argument("--seeds", type=int, default=200, help="games per player, side and setting (default 200)")
    ba.add_argument("--html", type=Path, help="also write a self-contained HTML page")
    ba.add_argument("--vs", action="append", metavar="COUNTERPART=PERSONALITY", help="also try this swap")
    ba.add_argument("--side", default=None, help="only this side (default: both)")


def cmd_transcript(args) -> int:
    from game.report import document_text, format_for
    from game.report.loading import load_saved_match
    from game.saves import latest_save, write_atomic

    path = args.save or latest_save()
    if path is None:
        raise UsageError("no saved game yet; play one with: summit play --text")
    match = load_saved_match(load_library(), path)
    fmt = format_for(args.out, args.format) if args.out else (args.format or "text")
    text = document_text(match, fmt, args.student)
    if args.out:
        from game.textsafe import visible

        write_atomic(args.out, text)
        print(f"Transcript ({fmt}) written to {visible(args.out)}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_class(args) -> int:
    from game.report.classview import ClassError, write_class_report

    try:
        out, broken = write_class_report(load_library(), args.report_dir, args.saves)
    except ClassError as e:
        raise UsageError(str(e)) from None
    from game.textsafe import visible

    for _path, why in broken:
        print(f"summit: skipped a broken save: {visible(why)}", file=sys.stderr)
    print(f"Class report written to {visible(out)}")
    return 0


def cmd_sandbox(args) -> int:
    from game.text.sandbox import run_sandbox

    return run_sandbox(args, load_library)


def cmd_balance(args) -> int:
    from game.report.balance_page import run_balance_command

    return run_balance_command(args, load_library(), parse_vs(args.vs))


HANDLERS = {"transcript": cmd_transcript, "class": cmd_class, "sandbox": cmd_sandbox, "balance": cmd_balance}
