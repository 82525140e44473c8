"""Cross-reference checks, each located at a hand-counted line:col of the fixture
fixtures/minimal_scenario.yaml (after the one edit each test makes)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from game.content.errors import Problem
from game.content.models import Scenario
from game.content.references import check_scenario
from game.content.yamlsafe import parse

MINIMAL = Path(__file__).parent / "fixtures" / "minimal_scenario.yaml"
TEST_PERSONALITIES = {"test_hawk", "test_dove"}

Found = tuple[int, int, str, str, "str | None"]


def check(*replacements: tuple[str, str], known: set[str] | None = TEST_PERSONALITIES) -> list[Problem]:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"fixture changed: {old!r} is not unique"
        text = text.replace(old, new)
    data, marks = parse(text, "s.yaml")
    return check_scenario(Scenario.model_validate(data), marks, "s.yaml", known)


def found(problems: list[Problem]) -> list[Found]:
    return sorted((p.line, p.col, p.field, p.message, p.hint) for p in problems)


def test_the_minimal_scenario_has_no_broken_reference() -> None:
    assert check() == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "[0.4, 1.0]",
            "[0.4]",
            [(46, 33, "sides[1].interests.arms.values", "expected 2 values, one per position of issue 'arms' (freeze, ban), got 1", None)],
            id="interest-values-per-position",
        ),
        pytest.param(
            "red_lines: [ban]",
            "red_lines: [bam]",
            [(19, 21, "sides[0].interests.arms.red_lines[0]", "unknown position 'bam' in issue 'arms'", "ban")],
            id="red-line-position",
        ),
        pytest.param(
            "cares: {arms: [0.1, 0.9]}",
            "cares: {arm: [0.1, 0.9]}",
            [(44, 15, "sides[1].ally.cares.arm", "unknown issue 'arm'", "arms")],
            id="ally-cares-issue",
        ),
        pytest.param(
            "cares: {arms: [0.1, 0.9]}",
            "cares: {arms: [0.1]}",
            [(44, 21, "sides[1].ally.cares.arms", "expected 2 values, one per position of issue 'arms' (freeze, ban), got 1", None)],
            id="ally-cares-values-per-position",
        ),
        pytest.param(
            "        issue: trade\n",
            "        issue: trad\n",
            [(33, 16, "sides[0].actions[1].issue", "unknown issue 'trad'", "trade")],
            id="action-issue",
        ),
        pytest.param(
            "terms: {arms: ban, trade: open}",
            "terms: {arms: ban, trade: opn}",
            [(54, 35, "sides[1].actions[0].terms.trade", "unknown position 'opn' in issue 'trade'", "open")],
            id="action-terms-position",
        ),
        pytest.param(
            "terms: {arms: ban, trade: open}",
            "terms: {arms: ban, trad: open}",
            [(54, 28, "sides[1].actions[0].terms.trad", "unknown issue 'trad'", "trade")],
            id="action-terms-issue",
        ),
        pytest.param(
            "promise_by: east",
            "promise_by: eastt",
            [(65, 45, "issues[0].positions[1].promise_by", "unknown side 'eastt'", "east")],
            id="promise-by-side",
        ),
        pytest.param(
            "{name: strained, below: 80}",
            "{name: strained, below: 30}",
            [(79, 33, "meters[0].bands[1].below", "bands must rise: 'below' must be more than the previous band's 40", None)],
            id="bands-rise",
        ),
        pytest.param(
            "{name: crisis, below: 100}",
            "{name: crisis, below: 95}",
            [(80, 31, "meters[0].bands[2].below", "the last band must reach the top of the meter (below: 100), not 95", None)],
            id="bands-cover-100",
        ),
        pytest.param(
            "{name: strained, below: 80}",
            "{name: calm, below: 80}",
            [(79, 16, "meters[0].bands[1].name", "duplicate band name 'calm' in meter counterpart.tension (first at line 78)", None)],
            id="band-names-unique",
        ),
        pytest.param(
            "  - party: ally\n    kind: confidence\n",
            "  - party: counterpart\n    kind: tension\n",
            [(84, 11, "meters[2].kind", "duplicate meter 'counterpart.tension' (first at line 75)", None)],
            id="meters-unique",
        ),
        pytest.param(
            "    kind: trust\n",
            "    kind: resolve\n",
            [(74, 3, "meters", "the meter counterpart.trust is required (party: counterpart, kind: trust)", None)],
            id="trust-meter-required",
        ),
        pytest.param(
            "{meter: counterpart.tension, delta: 10}",
            "{meter: ally.confdence, delta: 10}",
            [(103, 17, "events[0].effects[0].meter", "unknown meter 'ally.confdence'", "ally.confidence")],
            id="effect-meter",
        ),
        pytest.param(
            "meter: counterpart.tension, at_least: 50}",
            "meter: counterpart.tensoin, at_least: 50}",
            [(100, 39, "events[0].when.meter", "unknown meter 'counterpart.tensoin'", "counterpart.tension")],
            id="condition-meter",
        ),
        pytest.param(
            "{session: afternoon,",
            "{session: afternon,",
            [(100, 21, "events[0].when.session", "unknown session 'afternon'", "afternoon")],
            id="condition-session",
        ),
        pytest.param(
            "meter: counterpart.tension, at_least: 50}",
            "meter: counterpart.tension}",
            [(100, 39, "events[0].when.meter", "a meter condition needs 'at_least' or 'below'", None)],
            id="condition-meter-needs-a-bound",
        ),
        pytest.param(
            "{session: afternoon, meter: counterpart.tension, at_least: 50}",
            "{session: afternoon, at_least: 50}",
            [(100, 42, "events[0].when.at_least", "'at_least' needs a 'meter' to compare", None)],
            id="condition-bound-needs-a-meter",
        ),
        pytest.param(
            "{agreed: {arms: ban}}",
            "{agreed: {arms: bam}}",
            [(108, 27, "endings[0].when.agreed.arms", "unknown position 'bam' in issue 'arms'", "ban")],
            id="condition-agreed",
        ),
        pytest.param(
            "{agreed: {arms: ban}}",
            "{agreements_at_least: 3}",
            [(108, 33, "endings[0].when.agreements_at_least", "there are 2 issues, so at most 2 agreements; got 3", None)],
            id="condition-agreements-at-least",
        ),
        pytest.param(
            "{agreed_any: [trade]}",
            "{agreed_any: [trad]}",
            [(113, 32, "endings[1].when.any[0].agreed_any[0]", "unknown issue 'trad'", "trade")],
            id="condition-agreed-any-inside-any",
        ),
        pytest.param(
            "{session_at_least: 1}",
            "{session_at_least: 2}",
            [(113, 60, "endings[1].when.any[1].session_at_least", "sessions are counted from 0 (the first) to 1 (the last); got 2", None)],
            id="condition-session-at-least",
        ),
        pytest.param(
            "{session_at_least: 1}",
            "{meter: ally.confidance, below: 20}",
            [(113, 49, "endings[1].when.any[1].meter", "unknown meter 'ally.confidance'", "ally.confidence")],
            id="condition-meter-inside-any",
        ),
        pytest.param(
            "{not: {none_agreed: false}",
            "{not: {meter: counterpart.trsut, at_least: 5}",
            [(119, 25, "endings[2].when.not.meter", "unknown meter 'counterpart.trsut'", "counterpart.trust")],
            id="condition-meter-inside-not",
        ),
        pytest.param(
            "player_did: walk_out",
            "player_did: walkout",
            [(119, 51, "endings[2].when.player_did", "unknown action kind 'walkout'", "walk_out")],
            id="condition-player-did",
        ),
        pytest.param(
            "{id: quota, label: Quotas}",
            "{id: closed, label: Quotas}",
            [(71, 14, "issues[1].positions[1].id", "duplicate position id 'closed' in issue 'trade' (first at line 70)", None)],
            id="positions-unique",
        ),
        pytest.param(
            "      - id: warn_arms\n",
            "      - id: propose_ban\n",
            [(55, 13, "sides[1].actions[1].id", "duplicate action id 'propose_ban' in side 'west' (first at line 51)", None)],
            id="actions-unique",
        ),
        pytest.param(
            "  - id: walkout\n",
            "  - id: treaty\n",
            [(116, 9, "endings[2].id", "duplicate ending id 'treaty' (first at line 105)", None)],
            id="endings-unique",
        ),
        pytest.param(
            "    rating: worse\n",
            "    rating: breakdown\n",
            [(105, 3, "endings", "no ending is rated 'worse'; a scenario needs endings rated better, history and worse", None)],
            id="endings-cover-better-history-worse",
        ),
    ],
)
def test_broken_reference_is_located(old: str, new: str, expected: list[Found]) -> None:
    assert found(check((old, new))) == expected


def test_unknown_interest_issue_suggests_the_issue_and_the_missing_one_is_named() -> None:
    problems = check(("      trade:\n", "      trad:\n"))
    assert found(problems) == [
        (16, 7, "sides[0].interests", "no interest given for issue 'trade'", None),
        (20, 7, "sides[0].interests.trad", "unknown issue 'trad'", "trade"),
    ]
    assert problems[1].format() == "s.yaml:20:7: sides[0].interests.trad: unknown issue 'trad' (did you mean 'trade'?)"


def test_side_text_names_sides_and_covers_each_one() -> None:
    problems = check(("west: The West waits.", "wset: The West waits."))
    assert found(problems) == [
        (115, 7, "endings[1].epilogue", "no text for side 'west': give 'any' or 'by_side: {west: ...}'", None),
        (115, 40, "endings[1].epilogue.by_side.wset", "unknown side 'wset'", "west"),
    ]


def test_duplicate_session_id_is_reported_with_its_first_line() -> None:
    problems = check(("  - id: afternoon\n", "  - id: morning\n"))
    assert (92, 9, "sessions[1].id", "duplicate session id 'morning' (first at line 86)", None) in found(problems)


def test_duplicate_side_id_is_reported() -> None:
    problems = check(("  - id: west\n", "  - id: east\n"))
    assert (34, 9, "sides[1].id", "duplicate side id 'east' (first at line 10)", None) in found(problems)


def test_personalities_are_checked_only_against_a_given_set() -> None:
    assert check(known=None) == []
    assert found(check(known={"test_hawk", "test_dov"})) == [
        (38, 18, "sides[1].personality", "unknown personality 'test_dove'", "test_dov"),
        (43, 20, "sides[1].ally.personality", "unknown personality 'test_dove'", "test_dov"),
    ]
    unrelated = found(check(known={"khrushchev"}))
    assert unrelated[0][3] == "unknown personality 'test_hawk'; expected one of: khrushchev"


def test_tuning_keys_must_be_rule_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    tuning = types.ModuleType("game.core.tuning")
    tuning.DEFAULT_TUNING = {"concession_rate": 0.1, "tension_decay": 2.0}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "game.core.tuning", tuning)
    learning = "learning_objectives: [Packages beat single issues.]\n"
    problems = check((learning, learning + "tuning:\n  concesion_rate: 0.5\n  tension_decay: 1.0\n"))
    assert found(problems) == [(123, 3, "tuning.concesion_rate", "unknown tuning key 'concesion_rate'", "concession_rate")]


def test_tuning_is_not_checked_while_the_core_has_no_tuning_module(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail as if the module did not exist.
    monkeypatch.setitem(sys.modules, "game.core.tuning", None)
    learning = "learning_objectives: [Packages beat single issues.]\n"
    assert check((learning, learning + "tuning:\n  anything_at_all: 0.5\n")) == []
