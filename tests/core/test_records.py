"""Typed turn records read every saved turn and write it back unchanged."""

from __future__ import annotations

import json

import pytest

from game.core.game import Game
from game.core.records import TurnRecord, session_series
from tests.golden.games import DATA, GAMES


@pytest.mark.parametrize("game", GAMES[::3], ids=lambda g: g.name)
def test_records_round_trip_the_saved_transcript(spec_for, game):
    saved = json.loads((DATA / f"{game.name}.json").read_text(encoding="utf-8"))
    played = Game.start(spec_for(game.scenario, game.side, game.vs), game.seed)
    for choice in saved["choices"]:
        played.play_choice(choice)
    assert played.transcript == saved["transcript"]
    for d in played.transcript:
        back = TurnRecord.from_dict(d).to_dict()
        assert back == d
        assert list(back) == list(d)  # key order too: a save written again reads the same


def test_unknown_keys_of_a_newer_save_are_kept():
    d = {"turn": 1, "session": "s", "session_name": "S", "action": {"id": "a", "kind": "probe", "label": "A", "says": ""},
         "reply": {"kind": "cool", "speaker": "K", "text": "..."}, "meters": [], "events": [], "mood": "grim"}
    assert TurnRecord.from_dict(d).to_dict() == d


def test_session_series_counts_a_cut_short_session_at_its_last_turn(spec_for):
    import numpy as np

    spec = spec_for("vienna_1961")
    k = spec.meter_index("counterpart.resolve")
    first = spec.sessions[0].turns
    history = np.zeros((first + 2, len(spec.meters)))  # the whole first session, one turn of the second
    history[:, k] = np.arange(first + 2) * 10.0
    series = session_series(spec, history, "counterpart.resolve")
    assert series.start == 0.0
    assert [(p.session, p.value) for p in series.points] == [(spec.sessions[0].name, first * 10.0),
                                                             (spec.sessions[1].name, (first + 1) * 10.0)]


def test_reasons_keep_proper_nouns_as_the_scenario_writes_them(spec_for):
    """'you chose: ask what khrushchev really needs in berlin' lost the capitals."""
    spec = spec_for("vienna_1961")
    record = Game.start(spec, 1).play("probe_berlin")
    texts = [r["text"] for m in record["meters"] for r in m["reasons"] if r["cause"] == "action"]
    label = spec.actions[spec.action_index("probe_berlin")].label.rstrip(".")
    assert texts and all(t == f"you chose: {label}" for t in texts)
    assert "Khrushchev" in label and "Berlin" in label


def test_the_wording_module_sits_below_both_front_ends():
    """game.wording is shared by the terminal and the window: it imports neither, nor
    pygame, YAML or pydantic."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = ("import sys, game.wording; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'yaml', 'pydantic') "
            "or m.startswith(('game.ui', 'game.text', 'game.content', 'game.cli'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(REPO))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
