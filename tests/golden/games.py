"""The fixed games behind the golden playthroughs, and how each one's files are made.

Each game is played three ways, as a user sees it:
- `NAME.json`: the scenario, side, seed, personality swaps, the choices and the whole
  turn-by-turn record (`Game.transcript`), as a save holds it;
- `NAME.play.txt`: the terminal game (`summit play --text`) fed the same choices;
- `NAME.transcript.txt`: the text a student hands in (`summit transcript`, dated GOLDEN_DATE);
- `NAME.simulate.txt`: `summit simulate SCENARIO --choices ...` for the same choices.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from game.core.game import parse_choice
from tests.core.choices import choice_for
from tests.play.lines import LINES, reference

DATA = Path(__file__).resolve().parent / "data"
GOLDEN_DATE = "2026-01-01"


@dataclass(frozen=True)
class GoldenGame:
    name: str
    scenario: str
    side: str
    policy: str  # a scripted line from tests/play/lines.py, or "random"
    seed: int
    vs: dict[str, str] = field(default_factory=dict)


GAMES = (
    GoldenGame("vienna_usa_constructive", "vienna_1961", "usa", "constructive", 1),
    GoldenGame("vienna_usa_threaten", "vienna_1961", "usa", "threaten", 2),
    GoldenGame("vienna_usa_random", "vienna_1961", "usa", "random", 3),
    GoldenGame("vienna_usa_constructive_vs_conciliator", "vienna_1961", "usa", "constructive", 6,
               {"khrushchev": "conciliator"}),
    GoldenGame("vienna_ussr_charm", "vienna_1961", "ussr", "charm", 1),
    GoldenGame("vienna_ussr_random", "vienna_1961", "ussr", "random", 4),
    GoldenGame("vienna_ussr_concede_vs_hardliner", "vienna_1961", "ussr", "concede", 5,
               {"kennedy": "hardliner", "ally": "pragmatist"}),
    GoldenGame("singapore_usa_constructive", "singapore_2018", "usa", "constructive", 1),
    GoldenGame("singapore_usa_concede", "singapore_2018", "usa", "concede", 2),
    GoldenGame("singapore_usa_random_vs_stonewaller", "singapore_2018", "usa", "random", 7,
               {"kim_jong_un": "stonewaller"}),
    GoldenGame("singapore_dprk_threaten", "singapore_2018", "dprk", "threaten", 3),
    GoldenGame("singapore_dprk_random", "singapore_2018", "dprk", "random", 8),
    GoldenGame("singapore_dprk_charm_vs_pragmatist", "singapore_2018", "dprk", "charm", 9,
               {"trump": "pragmatist"}),
)


def _chooser(g: GoldenGame):
    """The game's policy: a scripted line, or a uniform pick among the open actions drawn
    from Python's own generator (so the choices do not depend on the core's draws)."""
    if g.policy == "random":
        pick = random.Random(g.seed)

        def choose(game):
            # Your own offer needs terms: composed as the terminal's offer command.
            choice = choice_for(game, pick.choice(game.legal_actions()))
            action, terms = parse_choice(choice)
            return f"offer {' '.join(f'{i}={p}' for i, p in terms.items())}" if terms else action

        return choose
    if g.policy == "constructive":
        line = reference("constructive")

        def choose(game):
            action, terms = line(game)
            return f"offer {' '.join(f'{i}={p}' for i, p in terms.items())}" if terms else action

        return choose
    return LINES[g.policy]


def play_files(library, g: GoldenGame) -> dict[str, str]:
    """Every file of one golden game, by file name, as text."""
    from game.match import new_match
    from game.report import document_text
    from game.text.play import play

    choose = _chooser(g)
    lines: list[str] = []
    home = os.environ.get("SUMMIT_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SUMMIT_HOME"] = tmp  # the terminal game autosaves as it goes
        try:
            match = new_match(library, g.scenario, g.side, g.seed, g.vs)
            play(match, read_line=lambda prompt: choose(match.game), write=lines.append)
        finally:
            if home is None:
                os.environ.pop("SUMMIT_HOME", None)
            else:
                os.environ["SUMMIT_HOME"] = home
    # The autosave's name holds the clock and a random id: the same length every run, so
    # the text wraps alike; shown as <save>.
    text = re.sub(r"\S*/saves/games/[\w.-]+\.json", "<save>", "\n".join(lines) + "\n")
    files = {f"{g.name}.play.txt": text}

    # What `summit transcript` writes, dated by a fixed day so the file does not change daily.
    files[f"{g.name}.transcript.txt"] = document_text(match, "text", date=GOLDEN_DATE)

    game = match.game
    record = {"scenario": g.scenario, "side": g.side, "seed": g.seed, "vs": g.vs, "policy": g.policy,
              "choices": game.choices, "transcript": game.transcript}
    files[f"{g.name}.json"] = json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    files[f"{g.name}.simulate.txt"] = simulate_text(g, game.choices)
    return files


def simulate_text(g: GoldenGame, choices: list[str], *extra: str) -> str:
    """What `summit simulate SCENARIO --choices ...` prints for these choices."""
    from game.cli import main

    args = ["simulate", g.scenario, "--as", g.side, "--seed", str(g.seed), "--choices", ",".join(choices), *extra]
    for key, pid in g.vs.items():
        args += ["--vs", f"{key}={pid}"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    if code != 0:
        raise RuntimeError(f"summit {' '.join(args)} exited with {code}")
    return out.getvalue()


def load_library():
    from game.content.library import load_library as load

    library = load(include_mods=False)
    if library.broken:
        raise RuntimeError(f"built-in content is broken: {library.broken}")
    return library
