"""The terminal game under hostile input, signals and a closed output: it ends in success
or a message, saves what was played and says where; it never loops or shows a traceback."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from game.cli import main
from tests.conftest import REPO


def summit_proc(args, summit_home, **kw):
    env = dict(os.environ, SUMMIT_HOME=str(summit_home), PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "game", *args], env=env, cwd=str(REPO), **kw)


def one_save(summit_home):
    [path] = (summit_home / "saves" / "games").glob("*.json")
    return path, json.loads(path.read_text())


@pytest.mark.parametrize("line", ["²", "①", "9" * 5000, "7" * 100_000, "-1", "0", "1e3", "\x1b]52;c;aGk=\x07", " " * 10000])
def test_odd_input_is_a_wrong_command_not_a_crash(monkeypatch, capsys, summit_home, line):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{line}\n1\n"))
    assert main(["play", "vienna_1961", "--text"]) == 0
    out = capsys.readouterr()
    assert "Choose 1-" in out.out and "Traceback" not in out.err
    assert "\x1b" not in out.out  # shown, never interpreted
    assert len(one_save(summit_home)[1]["choices"]) == 1


def test_invalid_utf8_on_stdin(summit_home):
    p = summit_proc(["play", "vienna_1961", "--text"], summit_home, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    out, err = p.communicate(b"\xff\xfe\xc3\n1\n", timeout=60)
    assert p.returncode == 0 and b"Traceback" not in err
    assert b"Choose 1-" in out and len(one_save(summit_home)[1]["choices"]) == 1


def test_no_legal_action_ends_the_game_with_a_message(monkeypatch, capsys, summit_home):
    from game.match import Match

    monkeypatch.setattr(Match, "legal_actions", lambda self: [])
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 5))
    assert main(["play", "vienna_1961", "--text"]) == 2
    out = capsys.readouterr()
    assert "the game stops here" in out.out and "Choose 1-0" not in out.out
    assert "no legal action" in out.err and one_save(summit_home)


def test_a_named_slot_and_undo_commands(monkeypatch, capsys, summit_home):
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n2\nu\nrewind 1\n3\ntimelines\ncompare 1 2\ntimeline 1\nq\n"))
    assert main(["play", "vienna_1961", "--text", "--save", "exam"]) == 0
    out = capsys.readouterr().out
    assert "Undo: back to the start of turn 2" in out and "Rewind: from turn 2 back to the start of turn 1" in out
    assert "* 2. branch of timeline 1 at turn 1: 1 turns" in out
    assert "Timeline 1 against timeline 2 (the same for 0 turns)" in out
    slot = json.loads((summit_home / "saves" / "exam.json").read_text())
    assert slot["kind"] == "slot" and slot["current"] == 0 and slot["turn"] == 2


def test_no_undo_in_the_terminal(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("1\nu\nq\n"))
    assert main(["play", "vienna_1961", "--text", "--no-undo"]) == 0
    assert "Undo is off for this game" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_a_signal_mid_game_saves_and_resume_is_exact(summit_home, tmp_path, sig, code):
    # stdout goes to a file and stdin stays open until the game has answered the signal:
    # closing stdin first (as communicate() does) would race the signal with end of input.
    out_file = (tmp_path / "stdout.txt").open("wb")
    # A player's Ctrl-C: the child gets SIGINT's default handling even when this test runs
    # where SIGINT is ignored (a background job, as CI may start it), which Python respects.
    p = summit_proc(["play", "singapore_2018", "--text", "--seed", "5"], summit_home, stdin=subprocess.PIPE,
                    stdout=out_file, stderr=subprocess.PIPE,
                    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    p.stdin.write(b"1\n2\n")
    p.stdin.flush()
    deadline = time.time() + 60
    while time.time() < deadline:
        files = list((summit_home / "saves" / "games").glob("*.json"))
        if files and json.loads(files[0].read_text() or "{}").get("turn") == 2:
            break
        time.sleep(0.1)
    p.send_signal(sig)
    p.wait(timeout=60)
    err = p.stderr.read()
    p.stdin.close()
    out_file.close()
    assert p.returncode == code, err
    assert b"The game is saved to" in err and b"Traceback" not in err
    path, data = one_save(summit_home)
    assert data["turn"] == 2
    resumed = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--resume", str(path)], input=b"q\n",
                             env=dict(os.environ, SUMMIT_HOME=str(summit_home), PYTHONPATH=str(REPO)),
                             capture_output=True, timeout=60, cwd=str(REPO))
    assert resumed.returncode == 0 and b"turn 3" in resumed.stdout
    assert one_save(summit_home)[1]["choices"] == data["choices"]


@pytest.mark.slow
def test_output_closed_by_head_saves(summit_home):
    p = summit_proc(["play", "vienna_1961", "--text"], summit_home, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    p.stdin.write(b"1\n" * 5)
    p.stdin.close()
    p.stdout.readline()
    p.stdout.close()  # what `| head -1` does
    err = p.stderr.read()
    p.wait(timeout=60)
    assert p.returncode == 0 and b"output was closed" in err and b"The game is saved to" in err
    assert b"Traceback" not in err and b"Exception ignored" not in err
    assert one_save(summit_home)
