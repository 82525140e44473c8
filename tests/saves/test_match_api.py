"""The Match service: typed results, autosave after every move, undo and rewind exact by
replay, branches that keep the original timeline, comparison, save slots."""

from __future__ import annotations

import json

import numpy as np
import pytest

from game.core.game import Game, IllegalAction
from game.match import PlayResult, UndoRefused
from game.saves import SaveError, list_games, list_slots, read_save, slot_path
from game.setup import load_match, start_match


def first_legal(match, k=0):
    actions = match.legal_actions()
    return actions[min(k, len(actions) - 1)].id


def play_n(match, n, k=0):
    return [match.play(first_legal(match, k)) for _ in range(n)]


def same_state(a: Game, b: Game) -> bool:
    return json.dumps(a.state.to_json(), sort_keys=True) == json.dumps(b.state.to_json(), sort_keys=True)


def test_play_returns_a_typed_result_and_autosaves_every_move(library):
    match = start_match(library, "vienna_1961", seed=4)
    for n in range(1, 4):
        result = match.play(first_legal(match))
        assert isinstance(result, PlayResult) and result.save_error is None
        assert result.saved == match.save_path
        saved = json.loads(match.save_path.read_text())
        assert saved["turn"] == n and len(saved["choices"]) == n  # written after this very move
    with pytest.raises(IllegalAction):
        match.play("no_such_action")
    assert match.turn == 3  # a refused move changes nothing


def test_session_end_and_game_over_are_reported(library):
    match = start_match(library, "singapore_2018", seed=2)
    results = []
    while not match.game.over:
        results.append(match.play(first_legal(match)))
    assert results[-1].game_over and results[-1].session_ended
    assert not any(r.game_over for r in results[:-1])
    sessions = [match.spec.session_of_turn[k] for k in range(len(results) + 1)]
    ended = [r.session_ended for r in results]
    assert ended == [sessions[k + 1] != sessions[k] or k == len(results) - 1 for k in range(len(results))]


def test_undo_is_exact(library):
    match = start_match(library, "vienna_1961", seed=5)
    play_n(match, 3)
    fresh = start_match(library, "vienna_1961", seed=5)
    for m in match.moves[:2]:
        fresh.play(m.action)
    game_object = match.game
    r = match.undo()
    assert (r.from_turn, r.to_turn) == (3, 2) and match.turn == 2
    assert match.game is game_object  # replaced in place: front ends keep their reference
    assert same_state(match.game, fresh.game)
    assert match.game.transcript == fresh.game.transcript


def test_rewind_then_a_different_move_branches_and_keeps_the_original(library):
    match = start_match(library, "vienna_1961", seed=6)
    play_n(match, 5)
    original = [m.action for m in match.moves]
    match.rewind(3)  # the start of turn 3: two moves stay played
    assert match.turn == 2
    other = next(a.id for a in match.legal_actions() if a.id != original[2])
    result = match.play(other)
    assert result.branched == 1 and match.current_timeline == 1
    infos = match.timelines
    assert [t.turns for t in infos] == [5, 3] and infos[1].parent == 0 and infos[1].branched_at == 2
    assert [m.action for m in match.timelines_[0].moves] == original  # the original is whole
    match.switch(0)
    assert [m.action for m in match.moves] == original and match.turn == 5


def test_rewind_and_the_same_move_goes_forward_without_a_branch(library):
    match = start_match(library, "vienna_1961", seed=6)
    play_n(match, 3)
    again = match.moves[1].action
    match.rewind(2)
    assert match.play(again).branched is None and len(match.timelines) == 1


def test_compare_two_timelines(library):
    match = start_match(library, "vienna_1961", seed=7)
    play_n(match, 4)
    match.rewind(2)
    play_n(match, 3, k=2)
    c = match.compare(0, 1)
    assert c.diverged_at == 1
    start = [m.start for m in match.spec.meters]
    for series, s0 in zip(c.meters, start):
        assert series.a[0] == series.b[0] == pytest.approx(s0)
        assert series.a[1] == series.b[1]  # the shared first turn
        assert len(series.a) == 5 and len(series.b) == 5
    assert len(c.agreements) == match.spec.n_issues
    with pytest.raises(UndoRefused):
        match.compare(0, 7)


def test_no_undo_is_refused_and_recorded(library):
    match = start_match(library, "vienna_1961", seed=8, undo=False)
    play_n(match, 2)
    for attempt in (match.undo, lambda: match.rewind(1), lambda: match.switch(0)):
        with pytest.raises(UndoRefused):
            attempt()
    assert match.turn == 2
    assert json.loads(match.save_path.read_text())["undo"] is False
    assert load_match(library, match.save_path).undo_allowed is False


def test_undos_are_in_the_save_and_the_transcript(library, capsys):
    from game.cli import main

    match = start_match(library, "vienna_1961", seed=9)
    play_n(match, 3)
    match.undo()
    match.rewind(1)
    again = load_match(library, match.save_path)
    assert [e.kind for e in again.log] == ["undo", "rewind"]
    assert main(["transcript", str(match.save_path)]) == 0
    out = capsys.readouterr().out
    assert "Undo: back to the start of turn 3" in out and "Rewind: from turn 3 back to the start of turn 1" in out


def test_resume_by_replay_restores_every_timeline(library):
    match = start_match(library, "singapore_2018", seed=3)
    play_n(match, 4)
    match.rewind(2)
    play_n(match, 2, k=1)
    again = load_match(library, match.save_path)
    assert again.game_id == match.game_id and again.current_timeline == 1
    assert same_state(again.game, match.game)
    assert [t.turns for t in again.timelines] == [t.turns for t in match.timelines]


def test_a_loaded_slot_is_never_written_over(library):
    match = start_match(library, "vienna_1961", seed=10)
    play_n(match, 2)
    slot = match.save_as("before lunch")
    before = slot.read_bytes()
    loaded = load_match(library, slot)
    assert loaded.game_id != match.game_id  # playing on is a new game with its own autosave
    loaded.play(first_legal(loaded))
    assert slot.read_bytes() == before
    with pytest.raises(SaveError, match="already holds another game"):
        loaded.save_as("before lunch")
    assert slot.read_bytes() == before
    assert loaded.save_path.is_file() and loaded.save_path != match.save_path


def test_list_games_one_entry_per_game_newest_first(library):
    a = start_match(library, "vienna_1961", seed=1)
    play_n(a, 2)
    b = start_match(library, "singapore_2018", seed=1)
    play_n(b, 1)
    a.play(first_legal(a))  # a is now the newest
    games = list_games()
    assert [g.game_id for g in games] == [a.game_id, b.game_id]
    assert (games[0].turn, games[0].side, games[0].kind) == (3, "usa", "autosave")
    assert games[0].title == a.scenario.title
    assert list_slots() == []
    a.save_as("mine")
    assert [s.name for s in list_slots()] == ["mine"]


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "", ".hidden", "a/b", "x" * 65, "a..b"])
def test_bad_slot_names_are_refused(name):
    with pytest.raises(SaveError):
        slot_path(name)


def test_moves_played_on_the_game_directly_are_kept(library):
    """Front ends written before Match.play call match.game.play; the timelines follow."""
    match = start_match(library, "vienna_1961", seed=11)
    match.game.play(first_legal(match))
    match.game.play(first_legal(match))
    match.save()
    assert read_save(match.save_path).position == 2
    assert len(load_match(library, match.save_path).moves) == 2
    assert np.array_equal(load_match(library, match.save_path).game.state.agreed, match.game.state.agreed)


def test_the_carried_texts_are_compressed_once_per_match_not_per_autosave(library, monkeypatch):
    """Every autosave embeds the scenario and personality texts; compressing them anew
    each move cost a visible hitch on the frame that plays it."""
    import game.setup as setup_module

    calls = []
    real = setup_module.pack_text
    monkeypatch.setattr(setup_module, "pack_text", lambda text: calls.append(1) or real(text))
    match = start_match(library, "vienna_1961", "usa", seed=4)
    match.play(first_legal(match, 3))
    texts = len(calls)
    assert 1 <= texts <= 4  # the scenario and the personalities in play, each once
    match.play(first_legal(match, 3))
    match.play(first_legal(match, 3))
    assert len(calls) == texts
    # and the save still carries them, whole
    assert load_match(library, match.save_path).game.turn == 3
