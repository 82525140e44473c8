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


# --------------------------------------------------------------------------- the guide


def _field_names(model, seen=None) -> set[str]:
    """Every key an author may write, through nested models."""
    import typing

    from pydantic import BaseModel

    seen = seen if seen is not None else set()
    names: set[str] = set()
    if model in seen:
        return names
    seen.add(model)
    for name, field in model.model_fields.items():
        names.add(field.alias or name)
        stack = [field.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                names |= _field_names(annotation, seen)
            stack.extend(typing.get_args(annotation))
    return names


def test_the_authoring_guide_documents_every_field_kind_and_limit() -> None:
    from game.content import yamlsafe
    from game.content.models import Personality, Scenario
    from game.core.kinds import AI_KINDS, PLAYER_KINDS

    guide = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text(encoding="utf-8")
    words = set(__import__("re").findall(r"`([a-z_]+)", guide))
    missing = (_field_names(Scenario) | _field_names(Personality)) - words
    assert not missing, f"fields not in docs/authoring.md: {sorted(missing)}"
    assert not set(PLAYER_KINDS) - words
    assert not set(AI_KINDS) - words
    for number in (yamlsafe.MAX_NODES, yamlsafe.MAX_ALIASES, yamlsafe.MAX_TEXT_CHARS, yamlsafe.MAX_BYTES):
        assert f"{number:,}" in guide, number
    assert f"{yamlsafe.MAX_DEPTH} levels" in guide
    assert "first whose condition holds wins" in guide and "1-4 turns" in guide
