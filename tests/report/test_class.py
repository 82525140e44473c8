"""The class view over many saves: one offline page, broken saves listed, mixed
scenarios refused."""

from __future__ import annotations

import re

import pytest

from game.cli import main
from tests.report.helpers import play_script

SCRIPTS = {
    "ann": ["probe_berlin", "propose_constructive_package", "propose_grand_bargain"],
    "bob": ["propose_hard_line", "warn_berlin", "statement_access_rights", "reject_offer"],
    "cat": ["rapport_personal", "concede_berlin", "concede_test_ban", "accept_offer"],
}


@pytest.fixture(scope="module")
def class_saves(library, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    paths = []
    for name, script in SCRIPTS.items():
        paths.append(play_script(library, script).save(folder / f"{name}.json"))
    return folder, paths


def test_class_report_over_saves_with_a_broken_one(class_saves, tmp_path, capsys):
    folder, paths = class_saves
    broken = tmp_path / "zed.json"
    broken.write_text("{not json", encoding="utf-8")
    out = tmp_path / "report"
    assert main(["class", str(out), *map(str, paths), str(broken)]) == 0
    err = capsys.readouterr().err
    assert "zed.json:1:2" in err  # located, and the others went on
    page = (out / "index.html").read_text(encoding="utf-8")
    for name in SCRIPTS:
        assert f'href="{name}.html"' in page and (out / f"{name}.html").is_file()
    assert "zed.json:1:2" in page
    assert page.count("<svg") == 2 and not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    # bob probed nothing, ann probed once: the concept table counts each student's own turns
    row = re.findall(r"<td>ann</td>(.*?)</tr>", page, re.S)[-1]  # the concepts table is the last
    counts = [int(x) for x in re.findall(r'class="num">(\d+)<', row)]
    assert counts[3] == 1  # probing


def test_student_names_from_file_names_are_escaped(class_saves, tmp_path):
    folder, paths = class_saves
    evil = tmp_path / "<img src=x onerror=alert(1)>.json"
    evil.write_bytes(paths[0].read_bytes())
    assert main(["class", str(tmp_path / "r"), str(evil), str(paths[1])]) == 0
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_saves_of_different_scenarios_are_refused(class_saves, library, tmp_path, capsys):
    folder, paths = class_saves
    other = play_script(library, ["call_break"], scenario="singapore_2018", side=None).save(tmp_path / "sg.json")
    assert main(["class", str(tmp_path / "r"), str(paths[0]), str(other)]) == 2
    assert "different scenarios" in capsys.readouterr().err
    assert not (tmp_path / "r" / "index.html").exists()


def test_saves_with_different_seeds_are_flagged(library, class_saves, tmp_path):
    folder, paths = class_saves
    other = play_script(library, ["probe_berlin"], seed=9).save(tmp_path / "seed9.json")
    assert main(["class", str(tmp_path / "r"), str(paths[0]), str(other)]) == 0
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "3, 9" in page and "different seeds" in page
