"""The one command line: `summit ...` (also `python -m game ...`).

Exit codes: 0 success; 2 bad input (a broken scenario or save, a wrong flag or name),
always with a located message and never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    pass


# Upper bounds on counts from the command line. Long runs are played in chunks and keep
# only each game's final line (game.sim.parallel), so memory stays flat up to MAX_GAMES;
# the batch (chunk) size is what sets memory.
MAX_GAMES = 10_000_000
MAX_BATCH = 50_000


def _parse_vs(items: list[str] | None) -> dict[str, str]:
    """`--vs` for subcommands; the resolution itself is game.setup.parse_vs (shared with
    the window)."""
    from game.setup import parse_vs

    return parse_vs(items)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summit", description="Summit: negotiate at historical summits.")
    sub = p.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play a scenario (in the window, or --text in the terminal)")
    play.add_argument("scenario", nargs="?", help="scenario id or path to a YAML file (default: vienna_1961)")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--as", dest="side", help="the side you lead (e.g. usa, ussr, dprk)")
    play.add_argument("--seed", type=int, default=None, help="seed for the game's chance (default 1)")
    play.add_argument("--vs", action="append", metavar="COUNTERPART=PERSONALITY", help="swap a personality")
    play.add_argument("--resume", nargs="?", const="", metavar="SAVE", help="continue a save (default: the latest)")
    play.add_argument("--save", metavar="NAME", help="also keep this game in the named save slot NAME")
    play.add_argument("--no-undo", action="store_true", help="no undo or rewind (a graded run; recorded in the save)")
    _difficulty_argument(play)

    _add_report_commands(sub)

    lst = sub.add_parser("list", help="scenarios and personalities")
    lst.add_argument("--json", action="store_true")

    val = sub.add_parser("validate", help="check scenario and personality files, explaining each problem")
    val.add_argument("paths", nargs="+", type=Path)
    val.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 2)")

    new = sub.add_parser("new", help="write a commented starting scenario or personality that validates and plays")
    new.add_argument("kind", choices=["scenario", "personality"])
    new.add_argument("name", help="its name, e.g. reykjavik_1986 (the file is NAME.yaml)")
    new.add_argument("--out", type=Path, help="the folder (or .yaml file) to write to (default: the current folder)")

    sch = sub.add_parser("schema", help="write JSON Schema for scenarios and personalities")
    sch.add_argument("--out", type=Path, required=True)

    sim = sub.add_parser("simulate", help="headless games")
    sim.add_argument("scenario")
    sim.add_argument("--as", dest="side")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--vs", action="append", metavar="COUNTERPART=PERSONALITY")
    how = sim.add_mutually_exclusive_group(required=True)
    how.add_argument("--choices", help="comma-separated choices for one game: action ids, and your own offers "
                     "written compose:ISSUE=POSITION+ISSUE=POSITION (a counter takes terms the same way)")
    how.add_argument("--policy", choices=["random", "greedy"])
    sim.add_argument("--games", type=int, default=1)
    sim.add_argument("--batch", type=int, default=None, help="games per chunk (default 25,000; results do not depend on it)")
    sim.add_argument("--jobs", type=int, default=None, help="processes to use (default: every core)")
    sim.add_argument("--json", action="store_true")
    _difficulty_argument(sim)

    bench = sub.add_parser("bench", help="measure the window's frame times against a bare pygame loop")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--frames", type=int, default=240)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _open_window(None)
        handler = {
            "play": cmd_play,
            "list": cmd_list,
            "validate": cmd_validate,
            "new": cmd_new,
            "schema": cmd_schema,
            "simulate": cmd_simulate,
            "bench": cmd_bench,
            "transcript": cmd_transcript,
            "class": cmd_class,
            "sandbox": cmd_sandbox,
            "balance": cmd_balance,
        }[args.command]
        return handler(args)
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


def _library():
    from game.content.library import load_library
    from game.textsafe import visible

    library = load_library()
    for path, error in library.broken:
        print(f"summit: skipped a broken file ({visible(path, keep_newlines=False)}):", file=sys.stderr)
        for problem in error.problems:
            print("  " + problem.format(), file=sys.stderr)
    return library


def _difficulty_argument(parser) -> None:
    from game.core.difficulty import DEFAULT, LEVELS

    levels = " ".join(f"{lv.name}: {lv.description}" for lv in LEVELS)
    parser.add_argument("--difficulty", choices=[lv.name for lv in LEVELS], default=None,
                        help=f"how hard the table is (default {DEFAULT}). {levels}")


def cmd_play(args) -> int:
    from game.saves import clean_temp_files, slot_path
    from game.setup import check_seed

    check_seed(args.seed)
    if args.save is not None:
        slot_path(args.save)  # a bad name is refused before the game starts
    clean_temp_files()  # what killed writes left behind, before either front end saves
    if not args.text:
        return _open_window(args)
    if sys.stdout is None or sys.stdin is None:
        raise UsageError("the terminal game needs an input and an output; stdin or stdout is closed")
    from game.setup import PlayRequest, open_match
    from game.text.play import play

    request = PlayRequest(args.scenario, args.side, args.seed, _parse_vs(args.vs), args.difficulty, args.resume,
                          not args.no_undo)
    match = open_match(_library(), request)
    return play(match, slot=args.save)


def _open_window(args) -> int:
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


def cmd_list(args) -> int:
    library = _library()
    scenarios = []
    for sid, (path, sc) in sorted(library.scenarios.items()):
        scenarios.append({
            "id": sid,
            "title": sc.title,
            "year": sc.year,
            "dates": sc.dates,
            "place": sc.place,
            "sides": [{"id": s.id, "leader": s.leader, "name": s.name} for s in sc.sides],
            "path": str(path),
        })
    personalities = [
        {"id": pid, "name": p.name, "family": p.strategy.family, "historical": p.historical, "path": str(path)}
        for pid, (path, p) in sorted(library.personalities.items())
    ]
    broken = [{"path": str(path), "errors": [x.format() for x in err.problems]} for path, err in library.broken]
    if args.json:
        print(json.dumps({"scenarios": scenarios, "personalities": personalities, "broken": broken}, indent=1))
        return 0
    print("Scenarios:")
    for s in scenarios:
        sides = ", ".join(f"{x['id']} ({x['leader']})" for x in s["sides"])
        print(f"  {s['id']:<18} {s['year']}  {s['title']} - {s['place']}; sides: {sides}")
    print("Personalities:")
    for p in personalities:
        tag = "historical" if p["historical"] else "archetype"
        print(f"  {p['id']:<18} {p['name']} ({p['family']}, {tag})")
    return 0


def cmd_validate(args) -> int:
    """Errors (exit 2) and warnings (exit 0, or 2 with --strict), each located and
    explained; file names and snippets are shown with escapes made visible."""
    from game.content.library import validate_paths

    problems = validate_paths(args.paths)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    errors = sum(1 for p in problems if not p.is_warning)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        print(f"{errors} problem(s) and {warnings} warning(s) found.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if warnings:
        print(f"The files are valid, with {warnings} warning(s) (--strict makes them problems).")
        return 0
    print("All files are valid.")
    return 0


def cmd_new(args) -> int:
    from game.authoring.scaffold import ScaffoldError, write_new
    from game.textsafe import visible

    try:
        path = write_new(args.kind, args.name, args.out)
    except ScaffoldError as error:
        raise UsageError(visible(str(error), keep_newlines=False)) from None
    shown = visible(str(path), keep_newlines=False)
    print(f"Wrote {shown}. Next:")
    print(f"  summit validate {shown}")
    if args.kind == "scenario":
        print(f"  summit simulate {shown} --policy random --games 100")
        print(f"  summit play --text {shown}")
    else:
        print("  put it in a mod's personalities/ folder, then try it on a counterpart with --vs")
    print("The authoring guide: docs/authoring.md")
    return 0


def cmd_schema(args) -> int:
    from game.content.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


def cmd_simulate(args) -> int:
    from game.content.compile import compile_game
    from game.setup import check_seed, find_scenario
    from game.sim import runner

    if not 1 <= args.games <= MAX_GAMES:
        raise UsageError(f"--games must be from 1 to {MAX_GAMES:,}, got {args.games:,}")
    if args.batch is not None and not 1 <= args.batch <= MAX_BATCH:
        raise UsageError(f"--batch must be from 1 to {MAX_BATCH:,}, got {args.batch:,}")
    check_seed(args.seed)
    library = _library()
    scenario = find_scenario(library, args.scenario)
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    difficulty = args.difficulty or "historical"
    spec = compile_game(scenario, args.side or scenario.sides[0].id, personalities, _parse_vs(args.vs),
                        difficulty=difficulty, seed=args.seed if args.choices is not None else None)
    if args.choices is not None:
        choices = [c.strip() for c in args.choices.split(",") if c.strip()]
        results = runner.run(spec, args.seed, runner.scripted(choices), 1, record=True)
    else:
        record = args.json and args.games <= 20
        if not record:
            return _simulate_many(spec, args)
        results = runner.run(spec, args.seed, runner.POLICIES[args.policy], args.games, args.batch, record=record)
    transcripts = [t for r in results for t in r.transcripts]
    if args.json:
        if transcripts and len(transcripts) == 1:
            print(json.dumps({"scenario": spec.scenario_id, "side": spec.player_side, "seed": args.seed,
                              "transcript": transcripts[0]}, indent=1, sort_keys=True))
        elif transcripts:
            print(json.dumps({"scenario": spec.scenario_id, "side": spec.player_side, "seed": args.seed,
                              "transcripts": transcripts}, indent=1, sort_keys=True))
        else:
            print(json.dumps(runner.summary(spec, results), indent=1, sort_keys=True))
        return 0
    if transcripts and len(transcripts) == 1:
        from game.text import render

        out = render.Writer(print)
        for rec in transcripts[0][1:]:
            render.turn(out, spec, rec)
        end = transcripts[0][-1].get("ending")
        if end:
            out.rule(f"Ending: {end['title']} ({end['rating']})")
            out.para(end["epilogue"])
        return 0
    _print_summary(runner.summary(spec, results))
    return 0


def _simulate_many(spec, args) -> int:
    """Many games on every core, in chunks; only the summary is kept."""
    from game.sim import parallel, runner
    from game.sim.summary import summarize

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    bar = None if args.json else parallel.ProgressBar(sys.stderr)
    finals = parallel.play_finals(spec, args.seed, runner.POLICIES[args.policy], args.games,
                                  chunk=args.batch or parallel.DEFAULT_CHUNK, jobs=args.jobs, progress=bar)
    s = summarize(spec, finals)
    if args.json:
        print(json.dumps(s, indent=1, sort_keys=True))
    else:
        _print_summary(s)
    return 0


def _print_summary(s: dict) -> None:
    print(f"{s['games']} games of {s['scenario']} as {s['side']}; mean turns {s['mean_turns']}")
    for ending, count in sorted(s["endings"].items(), key=lambda kv: -kv[1]):
        print(f"  {ending:<28} {count:>8}  ({100 * count / s['games']:.1f} %)")
    for ref, d in s["meters"].items():
        print(f"  {ref:<28} mean {d['mean']:6.1f}  p10 {d['p10']:6.1f}  p50 {d['p50']:6.1f}  p90 {d['p90']:6.1f}")


def cmd_bench(args) -> int:
    try:
        from game.ui.bench import run_bench
    except ImportError as e:
        print(f"summit: the window benchmark is not available ({e})", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_bench(args)


# ------------------------------------------------------------------ teachers' and modders' tools
# transcript --format, class, sandbox, balance (game.report, game.sim.sandbox, game.sim.balance)

def _add_report_commands(sub) -> None:
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
    match = load_saved_match(_library(), path)
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
        out, broken = write_class_report(_library(), args.report_dir, args.saves)
    except ClassError as e:
        raise UsageError(str(e)) from None
    from game.textsafe import visible

    for _path, why in broken:
        print(f"summit: skipped a broken save: {visible(why)}", file=sys.stderr)
    print(f"Class report written to {visible(out)}")
    return 0


def cmd_sandbox(args) -> int:
    from game.text.sandbox import run_sandbox

    return run_sandbox(args, _library)


def cmd_balance(args) -> int:
    from game.report.balance_page import run_balance_command

    return run_balance_command(args, _library(), _parse_vs(args.vs))


if __name__ == "__main__":
    raise SystemExit(main())
