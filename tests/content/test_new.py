"""`summit new`: starting files that validate without a warning, play, and never
overwrite anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.scaffold import content_id
from game.cli import main
from game.content.library import load_library, validate_paths
from game.content.loader import load_personality, load_scenario
from game.paths import mods_dir


def test_a_new_scenario_validates_cleanly_and_plays(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "scenario", "Reykjavik 1986"]) == 0
    path = tmp_path / "reykjavik_1986.yaml"
    assert path.is_file()
    assert validate_paths([path]) == []  # no error and no warning
    scenario = load_scenario(path, set(load_library(include_mods=False).personalities))
    assert (scenario.id, scenario.title) == ("reykjavik_1986", "Reykjavik 1986")
    capsys.readouterr()
    for side in ("first", "second"):
        assert main(["simulate", str(path), "--as", side, "--policy", "random", "--games", "100"]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"100 games of reykjavik_1986 as {side}")
    assert main(["validate", "--strict", str(path)]) == 0


def test_a_new_personality_validates_and_plays_as_a_counterpart(tmp_path: Path, capsys) -> None:
    folder = mods_dir() / "mine" / "personalities"
    assert main(["new", "personality", "gorbachev", "--out", str(folder)]) == 0
    path = folder / "gorbachev.yaml"
    assert validate_paths([path]) == []
    assert load_personality(path).id == "gorbachev"
    capsys.readouterr()
    code = main(["simulate", "vienna_1961", "--vs", "counterpart=gorbachev", "--policy", "random", "--games", "20"])
    assert code == 0
    assert "20 games of vienna_1961" in capsys.readouterr().out


def test_new_never_overwrites_an_existing_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own work\n", encoding="utf-8")
    assert main(["new", "scenario", "mine", "--out", str(tmp_path)]) == 2
    assert path.read_text(encoding="utf-8") == "my own work\n"
    assert "already exists" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temporary file left


@pytest.mark.parametrize("name", ["1986", "___", "\x1b[2J"])
def test_a_name_without_an_id_in_it_is_refused(tmp_path: Path, capsys, name: str) -> None:
    assert main(["new", "scenario", name, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "cannot make an id" in err and "\x1b" not in err
    assert list(tmp_path.iterdir()) == []


def test_ids_follow_the_content_rule() -> None:
    assert content_id("Reykjavik 1986") == "reykjavik_1986"
    assert content_id("  Camp-David  ") == "camp_david"
