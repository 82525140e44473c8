"""Difficulty levels: one definition, applied at compile time, recorded in saves; at the
hard level the counterpart is drawn per game, so a second playthrough can differ."""

from __future__ import annotations

import json

import pytest

from game.content.compile import compile_game
from game.core.difficulty import DEFAULT, LEVELS, level


def test_three_levels_with_names_and_one_line_descriptions():
    assert [lv.name for lv in LEVELS] == ["guided", "historical", "hard"]
    assert DEFAULT == "historical" and level(DEFAULT).tuning == {}
    assert all(lv.description and "\n" not in lv.description for lv in LEVELS)
    with pytest.raises(ValueError, match="choose one of"):
        level("impossible")


def test_levels_change_the_rules_numbers(library, personalities):
    sc = library.scenarios["vienna_1961"][1]
    guided = compile_game(sc, "usa", personalities, difficulty="guided")
    hard = compile_game(sc, "usa", personalities, difficulty="hard")
    assert guided.tuning["probe_noise"] < hard.tuning["probe_noise"]
    assert guided.tuning["stall_patience"] < hard.tuning["stall_patience"]
    assert guided.difficulty == "guided" and hard.difficulty == "hard"


def test_hard_draws_the_counterpart_per_game(library, personalities):
    sc = library.scenarios["vienna_1961"][1]
    drawn = {compile_game(sc, "usa", personalities, difficulty="hard", seed=s).counterpart.id for s in range(40)}
    assert "khrushchev" in drawn and len(drawn) >= 3
    again = [compile_game(sc, "usa", personalities, difficulty="hard", seed=7).counterpart.id for _ in range(2)]
    assert again[0] == again[1]
    # The historical level always meets the record's counterpart.
    assert compile_game(sc, "usa", personalities, difficulty="historical", seed=7).counterpart.id == "khrushchev"


def test_the_level_and_the_drawn_counterpart_are_saved(library, summit_home):
    from game.setup import load_match, start_match

    match = start_match(library, "vienna_1961", "usa", 11, {}, "hard")
    match.play(match.legal_actions()[0].id)
    path = match.save()
    data = json.loads(path.read_text())
    assert data["difficulty"] == "hard"
    again = load_match(library, path)
    assert again.spec.counterpart.id == match.spec.counterpart.id and again.spec.difficulty == "hard"


def test_bad_difficulty_on_the_command_line_exits_2():
    from tests.conftest import run_summit

    done = run_summit("simulate", "vienna_1961", "--policy", "random", "--difficulty", "nightmare")
    assert done.returncode == 2 and "invalid choice" in done.stderr
