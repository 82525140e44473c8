"""Saves that are damaged, hostile or on a faulty disk: a located message and exit 2, never
a traceback, a hang or a wrong state; a failed write keeps the previous save."""

from __future__ import annotations

import errno
import json
import os
import stat
import threading

import pytest

from game.cli import main
from game.saves import SAVE_VERSION, SaveError, clean_temp_files, pack_text, read_save, unpack_text, write_atomic
from game.setup import load_match, start_match


@pytest.fixture
def saved(library):
    """A game of three moves, saved; returns (match, path, data)."""
    match = start_match(library, "vienna_1961", seed=3)
    for _ in range(3):
        match.play(match.legal_actions()[0].id)
    return match, match.save_path, json.loads(match.save_path.read_text())


def resume_exit(path, capsys) -> tuple[int, str]:
    import io
    import sys

    stdin, sys.stdin = sys.stdin, io.StringIO("")  # a save that loads plays no move and saves again
    try:
        code = main(["play", "--text", "--resume", str(path)])
    finally:
        sys.stdin = stdin
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def write(path, data):
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)


def test_a_newer_save_is_refused_and_left_as_it_is(saved, capsys):
    _, path, data = saved
    data["version"] = SAVE_VERSION + 1
    data["a_field_from_the_future"] = [1, 2]
    write(path, data)
    before = path.read_bytes()
    code, err = resume_exit(path, capsys)
    assert code == 2 and "newer Summit" in err and f"save version {SAVE_VERSION + 1}" in err
    assert path.read_bytes() == before  # never downgraded or rewritten


def test_an_older_save_gets_a_clear_message(saved, capsys):
    _, path, _ = saved
    old = {"version": 1, "scenario": "vienna_1961", "side": "usa", "seed": 1, "choices": [], "state": {},
           "transcript": []}
    write(path, old)
    code, err = resume_exit(path, capsys)
    assert code == 2 and "older Summit" in err and str(path) in err


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d.update(seed="3"), "seed"),
    (lambda d: d.update(turn=-1), "turn"),
    (lambda d: d.update(position=99), "position"),
    (lambda d: d.update(current=5), "current"),
    (lambda d: d["timelines"][0]["moves"].append({"action": "propose_laos_neutral", "terms": None}), None),
    (lambda d: d["timelines"][0]["moves"].__setitem__(0, {"action": "no_such", "terms": None}), "not legal"),
    (lambda d: d["timelines"][0]["moves"].__setitem__(0, {"action": 7, "terms": None}), "action"),
    (lambda d: d.update(transcript=[]), None),  # derived, rebuilt by replay: harmless
    (lambda d: d["state"]["base"]["data"][0].__setitem__(0, 99.5), "does not match its moves"),
    (lambda d: d["state"]["base"].update(shape=[2, 2]), "does not match its moves"),
    (lambda d: d["scenario"].update(zlib=pack_text(unpack_text(d["scenario"]["zlib"]) + "\n# edited")), "hash"),
    (lambda d: d["scenario"].update(zlib=pack_text("x" * 3_000_000)), "too large"),
    (lambda d: d["scenario"].update(zlib="!!"), "cannot be unpacked"),
    (lambda d: d["scenario"].update(id="../../etc/passwd"), "scenario.id"),
    (lambda d: d.update(side="france"), None),
    (lambda d: d.update(seed=2**70), "seed"),
    (lambda d: d.update(choices=["x"]), "summary"),
])
def test_damaged_saves_are_refused_with_a_located_message(saved, capsys, mutate, words):
    match, path, data = saved
    mutate(data)
    write(path, data)
    code, err = resume_exit(path, capsys)
    if words is None and code == 0:
        return  # the damage was in a field rebuilt from the moves
    assert code == 2 and str(path) in err, err
    if words:
        assert words in err, err


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("[" * 5000 + "]" * 5000, "nested"),
    ('{"version": NaN}', "NaN"),
    ('{"version": 2, "format": "summit-save", "seed": Infinity}', "Infinity"),
    ("\xff\xfe", "UTF-8"),
    ("[1, 2]", "JSON object"),
    ('{"version": 2.5, "format": "summit-save"}', "version"),
    ('{"hello": 1}', "not a Summit save"),
])
def test_broken_files(tmp_path, capsys, text, words):
    path = tmp_path / "s.json"
    path.write_bytes(text.encode("latin-1") if text.startswith("\xff") else text.encode())
    code, err = resume_exit(path, capsys)
    assert code == 2 and words in err, err


def test_nan_meters_in_the_state_are_refused(saved, capsys):
    _, path, data = saved
    data["state"]["base"]["data"][0][0] = float("nan")
    path.write_text(json.dumps(data))
    assert "NaN" in path.read_text()
    code, err = resume_exit(path, capsys)
    assert code == 2 and "NaN" in err


def test_a_folder_as_a_save(tmp_path, capsys):
    code, err = resume_exit(tmp_path, capsys)
    assert code == 2 and "folder" in err


def test_a_fifo_as_a_save_never_blocks(tmp_path, capsys):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = {}
    t = threading.Thread(target=lambda: result.setdefault("code", main(["transcript", str(fifo)])), daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive(), "reading a FIFO blocked"
    assert result["code"] == 2 and "not a regular file" in capsys.readouterr().err


def test_transcript_of_dev_zero_is_refused_without_reading_it(capsys):
    assert main(["transcript", "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_huge_file_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    from game import saves

    path = tmp_path / "big.json"
    path.write_text(" " * 2000)
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 1000)
    with pytest.raises(SaveError, match="at most 1000 bytes"):
        read_save(path)


def test_a_full_disk_reports_keeps_the_old_save_and_play_goes_on(saved, monkeypatch):
    from game import saves

    match, path, _ = saved
    before = path.read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(saves.os, "fsync", full)
        result = match.play(match.legal_actions()[0].id)
    assert result.saved is None and "No space left" in result.save_error
    assert match.turn == 4  # the move stands
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert match.play(match.legal_actions()[0].id).saved == path  # and saving resumes later
    assert json.loads(path.read_text())["turn"] == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(saved):
    match, path, _ = saved
    before = path.read_bytes()
    os.chmod(path.parent, stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = match.play(match.legal_actions()[0].id)
        assert result.save_error and path.read_bytes() == before
    finally:
        os.chmod(path.parent, stat.S_IRWXU)


def test_a_save_path_that_is_a_folder_is_not_written(tmp_path):
    folder = tmp_path / "x.json"
    folder.mkdir()
    with pytest.raises(SaveError, match="not a regular file"):
        write_atomic(folder, "{}")


def test_the_folder_is_fsynced_after_the_rename(tmp_path, monkeypatch):
    from game import saves

    synced = []
    real = saves.os.fsync
    monkeypatch.setattr(saves.os, "fsync", lambda fd: (synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)), real(fd)))
    write_atomic(tmp_path / "a.json", "{}")
    assert synced == [False, True]  # the file, then its folder


def test_old_temp_files_are_cleaned_young_ones_kept(summit_home):
    from game.saves import games_dir

    games_dir().mkdir(parents=True)
    old = games_dir() / ".g.json.abc.tmp"
    young = games_dir() / ".h.json.def.tmp"
    keep = games_dir() / "g.json"
    for p in (old, young, keep):
        p.write_text("x")
    os.utime(old, (1, 1))
    assert clean_temp_files() == 1
    assert not old.exists() and young.exists() and keep.exists()


def test_a_scenario_played_by_path_resumes_after_the_file_changes(library, tmp_path, capsys):
    src = library.scenarios["vienna_1961"][0]
    mine = tmp_path / "my_vienna.yaml"
    mine.write_text(src.read_text().replace("id: vienna_1961", "id: my_vienna", 1))
    match = start_match(library, str(mine), seed=2)
    match.play(match.legal_actions()[0].id)
    mine.write_text("garbage: [")  # edited (badly) since
    again = load_match(library, match.save_path)
    assert again.scenario.id == "my_vienna" and again.turn == 1
    assert any("not among the installed" in n or "changed" in n for n in again.notes)
    mine.unlink()
    assert main(["transcript", str(match.save_path)]) == 0
    assert "Transcript" in capsys.readouterr().out


def test_an_edited_builtin_scenario_is_noticed(library, monkeypatch, tmp_path):
    match = start_match(library, "vienna_1961", seed=2)
    match.play(match.legal_actions()[0].id)
    edited = tmp_path / "vienna_1961.yaml"
    edited.write_text(library.scenarios["vienna_1961"][0].read_text() + "\n# a teacher's edit\n")
    monkeypatch.setitem(library.scenarios, "vienna_1961", (edited, library.scenarios["vienna_1961"][1]))
    again = load_match(library, match.save_path)
    assert any("has changed since" in n for n in again.notes)
    assert again.sources.scenario.text == match.sources.scenario.text  # the copy it was played with


def test_a_folder_we_may_not_write_reports_and_play_goes_on(saved, monkeypatch):
    """What a read-only folder does to the writer (the test above needs a non-root user)."""
    from game import saves

    match, path, _ = saved
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as m:
        m.setattr(saves.tempfile, "mkstemp", refuse)
        result = match.play(match.legal_actions()[0].id)
    assert result.saved is None and "Permission denied" in result.save_error and str(path) in result.save_error
    assert path.read_bytes() == before and match.turn == 4


def test_saves_stay_private_and_documents_are_readable(tmp_path):
    import stat

    from game.saves import SaveExists, write_atomic

    write_atomic(tmp_path / "s.json", "{}")
    write_atomic(tmp_path / "t.html", "<p>", shared=True)
    assert stat.S_IMODE((tmp_path / "s.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "t.html").stat().st_mode) == 0o644
    with pytest.raises(SaveExists):
        write_atomic(tmp_path / "t.html", "other", shared=True, exclusive=True)
    assert (tmp_path / "t.html").read_text() == "<p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json", "t.html"]  # no temp left
