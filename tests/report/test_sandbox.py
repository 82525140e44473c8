"""The personality sandbox: a trait change shows in the table, the file is re-read when
saved, bad input is a located message."""

from __future__ import annotations

import re
import types
from pathlib import Path

import pytest

from game.cli import main

REPO = Path(__file__).resolve().parents[2]


def _persona(tmp_path: Path, name: str, **traits: float) -> Path:
    text = (REPO / "scenarios" / "personalities" / "khrushchev.yaml").read_text(encoding="utf-8")
    for trait, value in traits.items():
        text, n = re.subn(rf"(\n  {trait}: )[0-9.]+", rf"\g<1>{value}", text)
        assert n == 1, trait
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _tables(out: str) -> dict[str, dict[str, float]]:
    tables, current = {}, None
    for line in out.splitlines():
        if line.startswith("== "):
            current = tables.setdefault(line[3:], {})
        m = re.match(r"   ([a-z_]+)\s+(-?[0-9.]+)", line)
        if current is not None and m:
            current[m.group(1)] = float(m.group(2))
    return tables


def _run(capsys, *argv) -> str:
    assert main(["sandbox", *argv, "--once"]) == 0
    return capsys.readouterr().out


def test_a_trait_change_changes_the_table(tmp_path, capsys):
    bold = _tables(_run(capsys, str(_persona(tmp_path, "bold", risk_tolerance=0.9))))
    timid = _tables(_run(capsys, str(_persona(tmp_path, "timid", risk_tolerance=0.1))))
    assert bold.keys() == timid.keys() and len(bold) >= 3
    for state in bold:
        # threat scores 3 x risk tolerance x tension: lower for the timid one in every state
        assert timid[state]["threat"] < bold[state]["threat"], state
        # a reply risk tolerance plays no part in scores the same
        assert timid[state]["cool"] == bold[state]["cool"], state


def test_zeal_moves_the_lecture(tmp_path, capsys):
    zealot = _tables(_run(capsys, str(_persona(tmp_path, "z", zeal=1.0))))
    calm = _tables(_run(capsys, str(_persona(tmp_path, "c", zeal=0.0))))
    for state in zealot:
        assert zealot[state]["lecture"] > calm[state]["lecture"]


def test_unknown_personality_is_exit_2(capsys):
    assert main(["sandbox", "nobody", "--once"]) == 2
    assert "no personality 'nobody'" in capsys.readouterr().err


def test_hot_reload_prints_again_when_the_file_is_saved(tmp_path, capsys, monkeypatch):
    import os

    from game.content.library import load_library
    from game.text import sandbox

    path = _persona(tmp_path, "hot", risk_tolerance=0.9)
    calls = []

    def fake_sleep(seconds):
        calls.append(seconds)
        if len(calls) == 1:  # the modder saves a change
            path.write_text(path.read_text(encoding="utf-8").replace("risk_tolerance: 0.9", "risk_tolerance: 0.1"),
                            encoding="utf-8")
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        elif len(calls) == 2:  # a broken save: located message, keep watching
            path.write_text("id: hot\ntraits: [", encoding="utf-8")
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2 * 10**9))
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr(sandbox.time, "sleep", fake_sleep)
    args = types.SimpleNamespace(personality=str(path), scenario=None, side=None, once=False)
    assert sandbox.run_sandbox(args, lambda: load_library(include_mods=False)) == 0
    out, err = capsys.readouterr()
    assert out.count("traits: risk_tolerance") == 2
    assert "risk_tolerance 0.90" in out and "risk_tolerance 0.10" in out
    assert "hot.yaml" in err and calls == [0.5, 0.5, 0.5]


@pytest.mark.parametrize("scenario", ["singapore_2018"])
def test_other_scenarios_and_sides(capsys, scenario):
    out = _run(capsys, "kim_jong_un", "--scenario", scenario)
    assert "Kim" in out and "reply" in out


def test_the_table_tops_with_the_reply_the_rules_actually_play(library, personalities):
    import numpy as np

    from game.content.compile import compile_game
    from game.core import rules
    from game.core.kinds import AI_KINDS
    from game.sim.sandbox import _scores_of, chosen_states

    for side in ("usa", "ussr"):
        spec = compile_game(library.scenarios["vienna_1961"][1], side, personalities, {})
        for title, st, move in chosen_states(spec):
            probe, _ = _scores_of(spec, st, move)
            played = st.copy()
            outcome = rules.step(spec, played, np.array([move]))
            assert probe.chosen == AI_KINDS[int(outcome.reply[0])], title
            assert max(probe.scores, key=probe.scores.get) == probe.chosen, title
