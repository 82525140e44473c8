"""Asset paths in content files cannot leave their folder."""

from __future__ import annotations

import pytest

from game.content.errors import ContentError
from game.content.loader import load_personality

BASE = """id: painter
name: The Painter
description: A test personality.
strategy: {family: conceder}
portrait: {path}
"""


@pytest.mark.parametrize(
    "path, message",
    [
        ("../secret.png", "may not leave"),
        ("/etc/passwd.png", "absolute path"),
        ("faces/../../x.png", "may not leave"),
        ("face.exe", "must end in one of"),
        ("missing.png", "not found"),
    ],
)
def test_bad_asset_paths_are_located_errors(tmp_path, path, message):
    (tmp_path / "secret.png").write_bytes(b"x")
    folder = tmp_path / "mod"
    folder.mkdir()
    f = folder / "painter.yaml"
    f.write_text(BASE.replace("{path}", repr(path)))
    with pytest.raises(ContentError) as e:
        load_personality(f)
    text = str(e.value)
    assert f"{f}:5:11: portrait: " in text and message in text


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "outside.png").write_bytes(b"x")
    folder = tmp_path / "mod"
    folder.mkdir()
    (folder / "face.png").symlink_to(tmp_path / "outside.png")
    f = folder / "painter.yaml"
    f.write_text(BASE.replace("{path}", "face.png"))
    with pytest.raises(ContentError, match="leaves the file's folder"):
        load_personality(f)


def test_a_good_asset_path_loads(tmp_path):
    (tmp_path / "faces").mkdir()
    (tmp_path / "faces" / "painter.png").write_bytes(b"x")
    f = tmp_path / "painter.yaml"
    f.write_text(BASE.replace("{path}", "faces/painter.png"))
    assert load_personality(f).portrait == "faces/painter.png"


def test_unknown_strategy_family_is_located_with_a_suggestion(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("id: p\nname: P\ndescription: D.\nstrategy: {family: boulwre}\n")
    with pytest.raises(ContentError) as e:
        load_personality(f)
    assert f"{f}:4:20: strategy.family: unknown strategy family 'boulwre'" in str(e.value)
    assert "did you mean 'boulware'?" in str(e.value)


def test_events_for_one_side_only(library, personalities):
    from game.content.compile import compile_game

    scenario = library.scenarios["vienna_1961"][1]
    as_usa = {e.id for e in compile_game(scenario, "usa", personalities).events}
    as_ussr = {e.id for e in compile_game(scenario, "ussr", personalities).events}
    assert "aide_memoire_germany" in as_usa and "aide_memoire_germany" not in as_ussr
    assert "aide_memoire_handed_over" in as_ussr and "aide_memoire_handed_over" not in as_usa
    assert "press_leak" in as_usa and "press_leak" in as_ussr


def test_family_and_portrait_problems_come_together(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("id: p\nname: P\ndescription: D.\nstrategy: {family: gambler}\nportrait: ../x.png\n")
    with pytest.raises(ContentError) as e:
        load_personality(f)
    assert [(p.line, p.field) for p in e.value.problems] == [(4, "strategy.family"), (5, "portrait")]
