"""Whole games through the terminal front end and the command line, as a user runs them."""

from __future__ import annotations

import io
import json

import pytest

from game.cli import main
from tests.conftest import SCENARIOS, run_summit


def play_text(monkeypatch, capsys, args, lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{x}\n" for x in lines)))
    code = main(["play", *args, "--text"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_whole_game_in_the_terminal(monkeypatch, capsys, scenario):
    code, out, err = play_text(monkeypatch, capsys, [scenario, "--seed", "3"], ["h", "a", "m"] + ["1"] * 40)
    assert code == 0, err
    assert "Briefing for" in out and "Session 1 of" in out
    assert "The summit ends:" in out and "Communique:" in out
    assert "Debrief: what really happened" in out and "Sources:" in out
    assert "Traceback" not in out + err


def test_both_sides_and_swapped_personalities_play(monkeypatch, capsys):
    code, out, err = play_text(monkeypatch, capsys, ["vienna_1961", "--as", "ussr", "--vs", "kennedy=hardliner"], ["2"] * 40)
    assert code == 0, err
    assert "Briefing for Nikita" in out and "The summit ends:" in out


def test_end_of_input_saves_and_resume_continues_exactly(monkeypatch, capsys, summit_home):
    code, out, err = play_text(monkeypatch, capsys, ["singapore_2018", "--seed", "9"], ["3", "5", "1"])
    assert code == 0 and "Input ended" in out
    [save] = (summit_home / "saves" / "games").glob("*.json")  # one autosave per game
    data = json.loads(save.read_text())
    assert len(data["choices"]) == 3

    monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 40))
    assert main(["play", "--text", "--resume"]) == 0
    resumed = json.loads(save.read_text())
    assert resumed["choices"][:3] == data["choices"]
    assert resumed["transcript"][: len(data["transcript"])] == data["transcript"]

    # The same choices in one go give the same transcript.
    from game.content.library import load_library
    from game.match import new_match

    match = new_match(load_library(include_mods=False), "singapore_2018", None, 9)
    assert resumed["game_id"] == data["game_id"]  # resuming an autosave continues the same game
    for c in resumed["choices"]:
        match.game.play(c)
    assert match.game.transcript == resumed["transcript"]


def test_quit_saves(monkeypatch, capsys, summit_home):
    code, out, _ = play_text(monkeypatch, capsys, ["vienna_1961"], ["1", "q"])
    assert code == 0 and "The game is saved to" in out
    [save] = (summit_home / "saves" / "games").glob("*.json")
    assert json.loads(save.read_text())["choices"]


def test_piped_stdin_in_a_real_process():
    result = run_summit("play", "vienna_1961", "--text", "--seed", "2", input="1\n2\n")
    assert result.returncode == 0, result.stderr
    assert "Input ended. The game is saved" in result.stdout


def test_a_damaged_save_is_reported_and_kept(summit_home, capsys):
    save = summit_home / "saves" / "broken.json"
    save.parent.mkdir(parents=True)
    save.write_text('{"version": 1,\n "scenario": oops}')
    before = save.read_bytes()
    assert main(["play", "--text", "--resume", str(save)]) == 2
    err = capsys.readouterr().err
    assert f"{save}:2:" in err and "not valid JSON" in err and "Traceback" not in err
    assert save.read_bytes() == before


def test_a_missing_save_and_no_save(summit_home, capsys):
    assert main(["play", "--text", "--resume", str(summit_home / "nope.json")]) == 2
    assert "no such save" in capsys.readouterr().err
    assert main(["play", "--text", "--resume"]) == 2
    assert "no saved game" in capsys.readouterr().err


def test_failed_write_keeps_the_old_save(tmp_path, monkeypatch):
    from game import saves

    path = tmp_path / "slot.json"
    saves.write_save(path, {"a": 1})

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(saves.os, "fsync", boom)
    with pytest.raises(saves.SaveError, match="disk full"):
        saves.write_save(path, {"a": 2})
    assert json.loads(path.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]  # no temp file left behind


def test_bad_names_and_flags_exit_2(capsys):
    assert main(["play", "atlantis", "--text"]) == 2
    assert "no scenario 'atlantis'" in capsys.readouterr().err
    assert main(["play", "vienna_1961", "--text", "--as", "france"]) == 2
    assert "no side 'france'" in capsys.readouterr().err
    assert main(["play", "vienna_1961", "--text", "--vs", "khrushchev=nobody"]) == 2
    assert "unknown personality 'nobody'" in capsys.readouterr().err
    assert main(["play", "vienna_1961", "--text", "--vs", "castro=hardliner"]) == 2
    assert "no counterpart 'castro'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["simulate", "vienna_1961"])
    assert e.value.code == 2


def test_list_json(capsys):
    assert main(["list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = {s["id"]: s for s in data["scenarios"]}
    assert ids["vienna_1961"]["year"] == 1961 and ids["singapore_2018"]["year"] == 2018
    assert {s["id"] for s in ids["vienna_1961"]["sides"]} == {"usa", "ussr"}
    pids = {p["id"] for p in data["personalities"]}
    assert {"khrushchev", "kennedy", "kim_jong_un", "trump", "conciliator", "stonewaller", "hardliner"} <= pids


def test_validate_and_schema(tmp_path, capsys):
    from tests.conftest import REPO

    assert main(["validate", str(REPO / "scenarios")]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: broken\ntitle: Broken\nyear: 3000\nsidez: []\n")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3:7: year" in err and f"{bad}:4:1: sidez: unknown field 'sidez' (did you mean 'sides'?)" in err
    assert main(["schema", "--out", str(tmp_path / "schema")]) == 0
    schema = json.loads((tmp_path / "schema" / "scenario.schema.json").read_text())
    assert "sides" in schema["properties"]


def test_simulate_choices_policy_and_summary(capsys):
    assert main(["simulate", "singapore_2018", "--policy", "random", "--games", "30", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["games"] == 30 and sum(summary["endings"].values()) == 30
    assert set(summary["meters"]) >= {"counterpart.tension", "counterpart.trust"}
    assert main(["simulate", "singapore_2018", "--policy", "greedy", "--games", "2", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["transcripts"]) == 2
    assert main(["simulate", "vienna_1961", "--choices", "probe_berlin,nonsense", "--json"]) == 2
    assert "no action 'nonsense'" in capsys.readouterr().err


def test_transcript_of_a_save_for_students(monkeypatch, capsys, tmp_path):
    play_text(monkeypatch, capsys, ["vienna_1961", "--seed", "5"], ["1"] * 40)
    out_file = tmp_path / "essay" / "transcript.txt"
    assert main(["transcript", "--out", str(out_file)]) == 0
    text = out_file.read_text()
    assert text.startswith("\n== Transcript: Vienna, 1961")
    assert "First meeting (3 June 1961" in text and "Debrief: what really happened" in text
    assert "Sources:" in text
    assert main(["transcript", str(tmp_path / "missing.json")]) == 2
