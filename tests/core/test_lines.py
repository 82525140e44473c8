"""game.core.lines: the choice of a line is a pure function of the context, the draw and
the recent lines; it prefers lines for this issue and mood, and never repeats a line said
within the window while a fresh one fits."""

from __future__ import annotations

from game.core.game import Game
from game.core.lines import REPEAT_WINDOW, Line, choose, mood_of
from game.core.transcript import fill

LINES = (
    Line("counter", "General A on {issue}."),
    Line("counter", "General B."),
    Line("counter", "Tense C.", mood="tense"),
    Line("counter", "Berlin D.", issue=0),
    Line("counter", "Laos E.", issue=2),
    Line("threat", "Answering a warning.", answers=("warn",)),
    Line("threat", "Any threat."),
)


def _fill(text: str) -> str:
    return text.replace("{issue}", "Berlin")


def test_an_issue_has_its_own_line_first():
    assert choose(LINES, "counter", 0.5, _fill, issue=0) == "Berlin D."
    assert choose(LINES, "counter", 0.5, _fill, issue=2) == "Laos E."


def test_mood_and_the_move_answered_narrow_the_choice():
    assert choose(LINES, "counter", 0.0, _fill, issue=1, mood="tense") == "Tense C."
    assert choose(LINES, "counter", 0.99, _fill, issue=1) in ("General A on Berlin.", "General B.")
    assert choose(LINES, "threat", 0.0, _fill, answers="warn") == "Answering a warning."
    assert choose(LINES, "threat", 0.0, _fill, answers="probe") == "Any threat."


def test_no_repeat_while_a_fresh_line_fits_then_the_oldest():
    said = ["Berlin D."]
    assert choose(LINES, "counter", 0.5, _fill, issue=0, recent=said) in ("General A on Berlin.", "General B.")
    said = ["General B.", "Berlin D.", "General A on Berlin."]
    assert choose(LINES, "counter", 0.3, _fill, issue=0, recent=said) == "General B."
    # Said longer ago than the window: fresh again.
    old = ["Berlin D."] + ["x"] * (REPEAT_WINDOW - 1)
    assert choose(LINES, "counter", 0.5, _fill, issue=0, recent=old) == "Berlin D."


def test_the_draw_picks_among_equals_deterministically():
    picks = {choose(LINES, "counter", u / 10, _fill, issue=1) for u in range(10)}
    assert picks == {"General A on Berlin.", "General B."}
    assert choose(LINES, "counter", 0.3, _fill, issue=1) == choose(LINES, "counter", 0.3, _fill, issue=1)
    assert choose(LINES, "greet", 0.3, _fill) is None


def test_mood_bands():
    assert mood_of(60, 80) == "tense"
    assert mood_of(30, 55) == "warm"
    assert mood_of(30, 30) == ""


def test_each_issue_gets_its_own_probe_answer(library, spec_for):
    for scenario_id, side in (("vienna_1961", "usa"), ("vienna_1961", "ussr"), ("singapore_2018", "usa"), ("singapore_2018", "dprk")):
        spec = spec_for(scenario_id, side)
        answers = {}
        for action in spec.actions:
            if action.kind != "probe":
                continue
            game = Game.start(spec, 5)
            record = game.play(action.id)
            if record["reply"]["kind"] == "probe_answer":
                answers[spec.issue_ids[action.issue]] = record["reply"]["text"]
        own = {fill(line.text, leader=spec.player_address) for line in spec.counterpart.voice
               if line.issue >= 0 and line.kind == "probe_answer"}
        assert len(answers) >= 3, (scenario_id, side, answers)
        assert len(set(answers.values())) == len(answers), (scenario_id, side, answers)
        assert set(answers.values()) <= own, (scenario_id, side, answers)


def test_a_package_names_its_positions_in_a_row():
    from game.core.transcript import spoken_list

    assert spoken_list(["a"]) == "a"
    assert spoken_list(["a", "b", "c"]) == "a, b and c"
    assert spoken_list(["a, with x", "b", "c"]) == "a, with x; b; and c"
