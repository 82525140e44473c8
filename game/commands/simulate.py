"""`summit simulate`: headless games, one scripted or many by a reference policy."""

from __future__ import annotations

import json
import sys

from game.commands.common import UsageError, difficulty_argument, load_library, parse_vs

# Upper bounds on counts from the command line. Long runs are played in chunks and keep
# only each game's final line (game.sim.parallel), so memory stays flat up to MAX_GAMES;
# the batch (chunk) size is what sets memory.
MAX_GAMES = 10_000_000
MAX_BATCH = 50_000


def add_parsers(sub) -> None:
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
    difficulty_argument(sim)


def cmd_simulate(args) -> int:
    from game.content.compile import compile_game
    from game.setup import check_seed, find_scenario
    from game.sim import runner

    if not 1 <= args.games <= MAX_GAMES:
        raise UsageError(f"--games must be from 1 to {MAX_GAMES:,}, got {args.games:,}")
    if args.batch is not None and not 1 <= args.batch <= MAX_BATCH:
        raise UsageError(f"--batch must be from 1 to {MAX_BATCH:,}, got {args.batch:,}")
    check_seed(args.seed)
    library = load_library()
    scenario = find_scenario(library, args.scenario)
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    difficulty = args.difficulty or "historical"
    spec = compile_game(scenario, args.side or scenario.sides[0].id, personalities, parse_vs(args.vs),
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
        _print_json(spec, args.seed, transcripts, results)
    elif transcripts and len(transcripts) == 1:
        _print_game(spec, transcripts[0])
    else:
        _print_summary(runner.summary(spec, results))
    return 0


def _print_json(spec, seed: int, transcripts: list, results) -> None:
    from game.sim import runner

    if transcripts and len(transcripts) == 1:
        print(json.dumps({"scenario": spec.scenario_id, "side": spec.player_side, "seed": seed,
                          "transcript": transcripts[0]}, indent=1, sort_keys=True))
    elif transcripts:
        print(json.dumps({"scenario": spec.scenario_id, "side": spec.player_side, "seed": seed,
                          "transcripts": transcripts}, indent=1, sort_keys=True))
    else:
        print(json.dumps(runner.summary(spec, results), indent=1, sort_keys=True))


def _print_game(spec, transcript: list) -> None:
    """One game, turn by turn, as the terminal game words it."""
    from game.text import render

    out = render.Writer(print)
    for rec in transcript[1:]:
        render.turn(out, spec, rec)
    end = transcript[-1].get("ending")
    if end:
        out.rule(f"Ending: {end['title']} ({end['rating']})")
        out.para(end["epilogue"])


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


HANDLERS = {"simulate": cmd_simulate}
