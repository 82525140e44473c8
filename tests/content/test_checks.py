"""game.content.checks: placeholders in dialogue and prose/structured red lines, each
located at a hand-counted line:col."""

from __future__ import annotations

from pathlib import Path

from game.content.checks import personality_problems, scenario_problems
from game.content.models import Personality, Scenario
from game.content.yamlsafe import parse

FIXTURES = Path(__file__).parent / "fixtures"


def _scenario(*replacements: tuple[str, str]):
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    data, marks = parse(text, "s.yaml")
    return scenario_problems(Scenario.model_validate(data), marks, text, "s.yaml")


def _found(problems):
    return sorted((p.line, p.col, p.field, p.message, p.hint) for p in problems)


def test_a_misspelt_placeholder_is_located_at_the_word_itself():
    text = (
        "id: p\n"
        "name: P\n"
        "description: d\n"
        "strategy: {family: boulware}\n"
        "lines:\n"
        "  counter:\n"
        '    - "We offer {positon} on {issue}."\n'
        "    - text: >-\n"
        "        Fine words, {leader}. But\n"
        "        {isue} stays where it is.\n"
        "      mood: tense\n"
    )
    data, marks = parse(text, "p.yaml")
    problems = personality_problems(Personality.model_validate(data), marks, text, "p.yaml")
    assert [(p.line, p.col, p.field, p.hint) for p in sorted(problems, key=lambda p: p.line)] == [
        (7, 17, "lines.counter[0]", "{position}"),  # col 17: the brace
        (10, 9, "lines.counter[1]", "{issue}"),
    ]
    assert "unknown placeholder '{positon}'" in problems[0].message


def test_the_shipped_content_is_clean(library):
    assert not library.broken


def test_the_minimal_scenario_passes():
    assert _scenario() == []


def test_a_prose_red_line_must_name_a_structured_one():
    problems = _scenario(("    objectives: [Keep your missiles.]\n",
                          "    objectives: [Keep your missiles.]\n"
                          "    red_lines:\n"
                          "      - text: No ban.\n"
                          "        positions: {arms: [ban], trade: [open]}\n"))
    # 'ban' is a structured red line; 'open' is not, so the sentence promises what the
    # counterpart logic does not do.
    assert _found(problems) == [
        (27, 42, "sides[0].red_lines[0].positions.trade[0]",
         "the prose red line rules out 'open', but interests.trade.red_lines does not list it", None),
    ]


def test_a_structured_red_line_needs_prose_once_a_side_links_its_red_lines():
    problems = _scenario(("        red_lines: [ban]\n", "        red_lines: [ban]\n"),
                         ("    objectives: [Keep your missiles.]\n",
                          "    objectives: [Keep your missiles.]\n"
                          "    red_lines:\n"
                          "      - No surrender.\n"
                          "      - text: Free trade stays.\n"
                          "        positions: {}\n"))
    assert _found(problems) == [
        (19, 21, "sides[0].interests.arms.red_lines[0]",
         "red line 'ban' is named by no prose red line of side 'east'; add it to one's positions", None),
    ]


def test_summit_validate_reports_them_with_exit_code_2(tmp_path):
    from tests.conftest import run_summit

    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("    objectives: [Keep your missiles.]\n",
                        "    objectives: [Keep your missiles.]\n"
                        "    red_lines:\n"
                        "      - text: No free trade.\n"
                        "        positions: {trade: [open]}\n", 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    done = run_summit("validate", str(bad))
    assert done.returncode == 2, done.stderr
    assert f"{bad}:27:" in done.stderr and "does not list it" in done.stderr
    assert "Traceback" not in done.stderr


def test_issue_lines_and_never_offers_name_real_issues():
    problems = _scenario(("    objectives: [Keep your missiles.]\n",
                          "    objectives: [Keep your missiles.]\n"
                          "    issue_lines:\n"
                          "      armz: {probe_answer: [\"We keep them.\"]}\n"
                          "    never_offers: {trade: [opne], tarde: [open]}\n"))
    assert _found(problems) == [
        (26, 7, "sides[0].issue_lines.armz", "unknown issue 'armz'", "arms"),
        (27, 28, "sides[0].never_offers.trade[0]", "unknown position 'opne' in issue 'trade'", None),
        (27, 35, "sides[0].never_offers.tarde", "unknown issue 'tarde'", None),
    ]
