"""Save lists from the header alone (`game.saves.peek`): the window's title shows the
latest games without loading the save model, and reads them as the full check does."""

from __future__ import annotations

import json

import pytest

from game.saves import entry_of, list_games, peek, read_save
from game.setup import start_match


def test_a_peeked_save_is_the_entry_the_full_check_gives(library):
    saves = []
    for seed, sid in ((1, "vienna_1961"), (2, "singapore_2018")):
        match = start_match(library, sid, None, seed)
        for _ in range(3):
            match.play(match.legal_actions()[0].id)
        saves.append(match.save_path)
    for path in saves:
        assert peek(path) == entry_of(path, read_save(path))
    assert list_games(None, checked=False) == list_games(None)
    assert [e.turn for e in list_games(None)] == [3, 3]
    assert {e.scenario for e in list_games(None)} == {"vienna_1961", "singapore_2018"}


@pytest.mark.parametrize("change", [
    lambda d: d.update(format="other-game"),
    lambda d: d.update(turn="3"),
    lambda d: d.update(turn=True),  # JSON's true is not a number of turns
    lambda d: d.update(over=1),
    lambda d: d.update(title=None),
    lambda d: d.update(ending=7),
    lambda d: d.update(scenario="vienna_1961"),
    lambda d: d["scenario"].update(id=None),
    lambda d: d.pop("saved_at"),
])
def test_a_header_that_is_not_a_save_is_not_listed(library, change):
    match = start_match(library, "vienna_1961", None, 1)
    match.play(match.legal_actions()[0].id)
    data = json.loads(match.save_path.read_text())
    change(data)
    match.save_path.write_text(json.dumps(data))
    assert peek(match.save_path) is None
    assert list_games(None, checked=False) == []


def test_text_that_is_not_json_is_not_listed(summit_home):
    from game.saves import games_dir

    games_dir().mkdir(parents=True, exist_ok=True)
    (games_dir() / "broken.json").write_text("{not json")
    (games_dir() / "list.json").write_text("[1, 2]")
    assert peek(games_dir() / "broken.json") is None
    assert list_games(None, checked=False) == []
