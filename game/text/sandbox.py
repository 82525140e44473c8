"""`summit sandbox PERSONALITY`: the counterpart's scored replies in chosen states, printed
in the terminal and printed again whenever the personality file is saved (hot reload).
The numbers come from `game.sim.sandbox`; this module only loads, prints and watches.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from game.textsafe import visible

POLL_SECONDS = 0.5


class SandboxInputError(ValueError):
    pass


def _personality_path(library, ref: str) -> Path:
    if ref in library.personalities:
        return Path(library.personalities[ref][0])
    path = Path(ref)
    if path.is_file():
        return path
    known = ", ".join(sorted(library.personalities))
    raise SandboxInputError(f"no personality {ref!r} (neither an id nor a file); known: {known}")


def build_spec(library, personality_path: Path, scenario_ref: str | None, side: str | None):
    """Compile the scenario with the personality (read fresh from its file) across the table."""
    from game.content.compile import compile_game
    from game.content.loader import load_personality
    from game.match import find_scenario

    person = load_personality(personality_path)
    scenario = find_scenario(library, scenario_ref or "vienna_1961")
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    personalities[person.id] = person
    if side is None:  # lead the side this personality does not play, if it plays one
        own = [s.id for s in scenario.sides if s.personality == person.id]
        side = next((s.id for s in scenario.sides if s.id not in own), scenario.sides[0].id)
    return compile_game(scenario, side, personalities, {"counterpart": person.id}), person


def render(spec, states) -> str:
    tr = spec.counterpart.traits
    lines = [f"Sandbox: {spec.counterpart.name} ({spec.counterpart.family}) across the table from "
             f"{spec.player_leader} in {spec.title}",
             "traits: " + ", ".join(f"{k} {getattr(tr, k):.2f}" for k in tr.__dataclass_fields__),
             f"aspiration {spec.counterpart.aspiration:.2f}, reservation {spec.counterpart.reservation:.2f}"]
    for s in states:
        lines += ["", f"== {s.title}", f"   {'reply':<14}{'score':>8}"]
        for kind, score in s.replies:
            mark = "  <- its reply" if kind == s.chosen else ""
            lines.append(f"   {kind:<14}{score:8.2f}{mark}")
        lines.append(f"   It insists on {s.aspiration:.2f} of its value (accepts within {s.tolerance:.2f}).")
        clearing = [p for p in s.packages if p["clears"]]
        lines.append(f"   The author's offers that clear it: {len(clearing)} of {len(s.packages)}")
        for p in s.packages:
            verdict = "accepts" if p["clears"] else f"no ({p['reply']})"
            lines.append(f"     {'*' if p['clears'] else ' '} {p['worth']:.2f}  {p['label']}: {verdict}")
    return visible("\n".join(lines)) + "\n"


def show(library, args) -> str:
    from game.sim.sandbox import sandbox_states

    path = _personality_path(library, args.personality)
    spec, _ = build_spec(library, path, args.scenario, args.side)
    return render(spec, sandbox_states(spec))


def run_sandbox(args, load_library: Callable) -> int:
    """Print the tables; unless --once, print them again when the file changes."""
    library = load_library()
    try:
        path = _personality_path(library, args.personality)
    except SandboxInputError as e:
        print(f"summit: {e}", file=sys.stderr)
        return 2
    if args.once:
        sys.stdout.write(show(library, args))
        return 0
    return _watch(library, args, path)


def _watch(library, args, path: Path) -> int:
    from game.content.compile import SetupError
    from game.content.errors import ContentError

    last = None
    print(f"Watching {visible(path)} (Ctrl-C to stop).")
    try:
        while True:
            try:
                stamp = path.stat().st_mtime_ns
            except OSError:
                stamp = None
            if stamp != last:
                last = stamp
                try:
                    sys.stdout.write("\n" + show(library, args))
                except ContentError as e:  # a half-edited file: say where, keep watching
                    for problem in e.problems:
                        print(problem.format(), file=sys.stderr)
                except (SetupError, OSError) as e:
                    print(f"summit: {visible(e)}", file=sys.stderr)
                sys.stdout.flush()
            time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        return 0
