"""The golden playthroughs: fixed games whose every line a player sees, and whose saved
record, must stay byte for byte as checked in. A change on purpose is regenerated with
`python -m tests.golden.regenerate` and its diff read before committing."""

from __future__ import annotations

import difflib
import json

import pytest

from tests.golden.games import DATA, GAMES, play_files, simulate_text

DIFF_LINES = 40


def short_diff(name: str, want: str, got: str) -> str:
    diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(), f"golden/{name}", f"now/{name}",
                                     n=1, lineterm=""))
    more = f"\n... {len(diff) - DIFF_LINES} more diff lines" if len(diff) > DIFF_LINES else ""
    return "\n".join(diff[:DIFF_LINES]) + more


@pytest.fixture(scope="module")
def played(library):
    return {g.name: play_files(library, g) for g in GAMES}


@pytest.mark.parametrize("game", GAMES, ids=lambda g: g.name)
def test_playthrough_is_unchanged(played, game):
    problems = []
    for name, got in played[game.name].items():
        path = DATA / name
        if not path.exists():
            problems.append(f"{name}: no golden file (run: python -m tests.golden.regenerate)")
            continue
        want = path.read_text(encoding="utf-8")
        if got != want:
            problems.append(short_diff(name, want, got))
    if problems:
        pytest.fail("golden playthrough changed (on purpose? python -m tests.golden.regenerate)\n"
                    + "\n\n".join(problems), pytrace=False)


def test_no_stray_golden_files():
    wanted = {f"{g.name}.{ext}" for g in GAMES for ext in ("json", "play.txt", "transcript.txt", "simulate.txt")}
    assert {p.name for p in DATA.iterdir() if p.is_file()} == wanted


def test_the_simulator_records_the_same_game(played):
    """`summit simulate --json` runs the batch simulator, not the one-game API; both must
    give the record the terminal game saved."""
    for g in GAMES[::4]:
        saved = json.loads(played[g.name][f"{g.name}.json"])
        simulated = json.loads(simulate_text(g, saved["choices"], "--json"))
        assert simulated["transcript"] == saved["transcript"], g.name


def test_short_diff_names_the_changed_line():
    text = short_diff("x.txt", "a\nb\nc\n", "a\nB\nc\n")
    assert "-b" in text and "+B" in text and "golden/x.txt" in text
