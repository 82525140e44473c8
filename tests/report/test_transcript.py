"""Documents to hand in: what they must say, in every format, and that file text is shown,
never interpreted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.core.kinds import AI_KINDS
from game.report import document_text, export
from game.report.document import build_document
from game.report.render import render
from tests.report.helpers import play_script


@pytest.fixture(scope="module")
def match(library):
    return play_script(library)


@pytest.fixture(scope="module")
def doc(match):
    return build_document(match, "Ann Example", "2026-05-01")


def test_header_says_who_what_when(doc, match):
    for fmt in ("text", "md", "html"):
        out = document_text(match, fmt, "Ann Example", "2026-05-01")
        for needle in ("Ann Example", "2026-05-01", "Vienna, 1961", doc["scenario"]["version"], "Seed",
                       match.game.ending()["title"], match.game.ending()["rating"]):
            assert needle in out, (fmt, needle)
    assert re.fullmatch(r"[0-9a-f]{12}", doc["scenario"]["version"])


def test_every_move_with_terms_in_agenda_order_and_no_internal_ids(doc, match):
    spec = match.spec
    assert [m["turn"] for m in doc["moves"]] == list(range(1, len(match.game.choices) + 1))
    for m in doc["moves"]:
        for key in ("you_offered", "their_offer", "agreed"):
            names = [t["issue"] for t in m[key]]
            assert names == [n for n in spec.issue_names if n in names]  # agenda order
    # the hard line (turn 2, nothing agreed yet) offered all four issues, in the scenario's order
    assert [t["issue"] for t in doc["moves"][1]["you_offered"]] == list(spec.issue_names)
    text = document_text(match, "text")
    hard_line = text.index("Put the full Western position on every issue")  # turn 2's card, then its terms
    names = [n for n in spec.issue_names]
    where = [text.index(n + ":", hard_line) for n in names]
    assert where == sorted(where)
    for kind in AI_KINDS:
        assert f"-> {kind}" not in text
    for iid in spec.issue_ids:
        assert f"{iid}:" not in text  # issues are named, never shown by id


def test_concepts_name_the_turns_they_happened(doc):
    c = {x["concept"]: x for x in doc["concepts"]}
    assert c["probing"]["turns"] == [1]  # probe_berlin
    assert 3 in c["batna"]["turns"]  # warn_berlin
    assert {2, 4, 6} <= set(c["packages"]["turns"])  # hard line, package, grand bargain
    assert c["anchoring"]["turns"][0] == 2
    assert "100 %" in c["anchoring"]["lines"][-1]  # the hard line is your ideal


def test_beliefs_follow_the_resolve_meter(doc, match):
    k = match.spec.meter_index("counterpart.resolve")
    hist = match.game.meter_history()
    assert doc["beliefs"]["resolve"][0]["value"] == pytest.approx(hist[0, k])
    assert doc["beliefs"]["resolve"][1]["value"] == pytest.approx(hist[match.spec.sessions[0].turns, k])


def test_html_is_self_contained_with_print_css_and_charts(doc):
    html = render(doc, "html")
    assert "@media print" in html and html.count("<svg") == 2
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)  # nothing fetched from outside
    assert "<link" not in html and "<script" not in html


def test_text_from_files_is_shown_never_interpreted(library, tmp_path, personalities):
    src = (Path(library.scenarios["vienna_1961"][0])).read_text(encoding="utf-8")
    evil = src.replace('title: "Vienna, 1961: Kennedy and Khrushchev"',
                       'title: "Vienna <script>alert(1)</script> \\x1b]0;pwned\\x07 1961"')
    path = tmp_path / "evil.yaml"
    path.write_text(evil, encoding="utf-8")
    from game.match import new_match

    m = new_match(library, str(path), "usa", 1)
    m.game.play("probe_berlin")
    html = export(m, tmp_path / "t.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = export(m, tmp_path / "t.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "\x1b" not in md and "\\x1b" in md
    txt = export(m, tmp_path / "t.txt").read_text(encoding="utf-8")
    assert "\x1b" not in txt and "\\x1b]0;pwned" in txt
    assert "in progress" in txt


def test_cli_formats_and_student(match, tmp_path, capsys):
    save = match.save(tmp_path / "s.json")
    assert main(["transcript", str(save), "--format", "md", "--student", "Bo"]) == 0
    assert capsys.readouterr().out.startswith("# Vienna, 1961")
    out = tmp_path / "t.html"
    assert main(["transcript", str(save), "--out", str(out), "--student", "Bo"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["transcript", str(tmp_path / "missing.json")]) == 2


def test_a_failed_export_leaves_the_old_file(match, tmp_path, monkeypatch):
    target = tmp_path / "t.html"
    target.write_text("old", encoding="utf-8")
    import game.report.render as r

    monkeypatch.setattr(r, "html", lambda d: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        export(match, target)
    assert target.read_text(encoding="utf-8") == "old"


def test_a_composed_offer_shows_its_terms_in_agenda_order(library):
    from game.match import new_match

    m = new_match(library, "vienna_1961", "usa", 3)
    m.game.play("compose", {"laos": "neutral_ceasefire", "berlin": "interim_arrangement"})  # given out of order
    d = build_document(m)
    assert [t["issue"] for t in d["moves"][0]["you_offered"]] == [m.spec.issue_names[0], m.spec.issue_names[2]]
    assert d["replay_faithful"]


def test_the_counterparts_model_of_your_priorities_over_time(doc, match):
    opponent = pytest.importorskip("game.core.opponent")
    pri = doc["beliefs"]["priorities"]
    assert pri["when"][0] == "At the start"
    final = opponent.believed(match.spec, match.game.state)[0][0]
    for i, p in enumerate(pri["issues"]):
        assert p["issue"] == match.spec.issue_names[i]
        assert p["true"] == pytest.approx(match.spec.player_weights[i])
        assert p["believed"][-1] == pytest.approx(final[i])  # the game ended in the last column's session
    assert sum(p["believed"][0] for p in pri["issues"]) == pytest.approx(1.0)


def test_difficulty_is_shown(library):
    hard = play_script(library, ["probe_berlin"], difficulty="hard")
    d = build_document(hard, "Ann", "2026-05-01")
    assert d["difficulty"] == "hard"
    for fmt in ("text", "md", "html"):
        out = document_text(hard, fmt)
        assert "Difficulty" in out and "hard" in out
    assert build_document(play_script(library, ["probe_berlin"]))["difficulty"] is None


def test_undos_and_a_graded_run_are_reported(library):
    from game.setup import start_match

    m = start_match(library, "vienna_1961", "usa", 2)
    m.play("probe_berlin")
    m.undo()
    m.play("probe_laos")
    d = build_document(m)
    assert d["undo_log"] and d["undo_allowed"]
    assert [x["label"] for x in d["moves"]] == [m.spec.actions[m.spec.action_index("probe_laos")].label]
    assert "Undos and timelines" in render(d, "html")
    graded = start_match(library, "vienna_1961", "usa", 2, undo=False)
    graded.play("probe_berlin")
    assert "Undo was off for this game" in document_text(graded, "text")


def test_offers_keep_agenda_order_when_records_list_them_alphabetically(library):
    """Old saves sorted their keys, so a record read back listed an offer's issues
    alphabetically; every format must still give them in the scenario's agenda order."""
    import json

    from game import wording

    m = play_script(library)
    names = list(m.spec.issue_names)
    m.game.transcript[:] = [json.loads(json.dumps(r, sort_keys=True)) for r in m.game.transcript]
    offers = [r["reply"]["offer"] for r in m.game.transcript[1:] if len(r["reply"].get("offer") or {}) >= 2]
    assert any(list(o) != sorted(o, key=m.spec.issue_ids.index) for o in offers)  # really out of order
    for o in offers:
        shown = [line.split(":")[0] for line in wording.terms_lines(m.spec, o)]
        assert shown == sorted(shown, key=names.index)
    for mv in build_document(m)["moves"]:
        for key in ("their_offer", "agreed", "you_offered"):
            shown = [t["issue"] for t in mv[key]]
            assert shown == sorted(shown, key=names.index)


@pytest.mark.parametrize("scenario,side", [("vienna_1961", "ussr"), ("singapore_2018", "dprk")])
def test_a_game_not_yet_begun_still_makes_a_document(library, scenario, side):
    from game.setup import start_match

    m = start_match(library, scenario, side, 1)
    d = build_document(m)
    assert d["moves"] == [] and d["ending"] is None and not d["frontier"]["efficient"]
    assert d["frontier"]["deal"] == {"you": 0.0, "them": 0.0}
    for fmt in ("text", "md", "html"):
        assert "in progress" in document_text(m, fmt)
