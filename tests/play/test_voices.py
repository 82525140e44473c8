"""Whole games read as a teacher would: every scenario from each side, with the scripted
constructive line and random lines. No exact reply line repeats within ten turns, and no
id or lower-cased proper noun reaches the text a player sees."""

from __future__ import annotations

from tests.core.choices import choice_for

import re

import numpy as np
import pytest

from game.core.game import Game
from game.core.lines import REPEAT_WINDOW
from tests.conftest import SCENARIOS
from tests.play.lines import LINES

TEXT_KEYS = ("text", "title", "epilogue", "note", "name", "session_name", "label", "says", "speaker")
RANDOM_SEEDS = (3, 8, 21)


def _random(seed: int):
    rng = np.random.default_rng(seed)

    def choose(game: Game) -> str:
        actions = game.legal_actions()
        non_exit = [a for a in actions if a.kind != "walk_out"] or actions
        return choice_for(game, non_exit[int(rng.integers(len(non_exit)))])

    return choose


def _games(spec):
    for name, policy in LINES.items():  # constructive, and the one-note lines that test the voices hardest
        yield name, 1, policy
    for seed in RANDOM_SEEDS:
        yield f"random-{seed}", seed, _random(seed)


def _play(spec, seed, policy) -> Game:
    game = Game.start(spec, seed)
    while not game.over:
        game.play_choice(policy(game))
    return game


def visible_texts(node) -> list[str]:
    """Every string a front end shows from a turn record (values of the text keys)."""
    out = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                out.append(value)
            elif isinstance(value, (dict, list)):
                out += visible_texts(value)
    elif isinstance(node, list):
        for item in node:
            out += visible_texts(item)
    return out


def _ids(scenario, personalities) -> set[str]:
    ids = {scenario.id, *personalities}
    for side in scenario.sides:
        ids |= {side.id, side.personality, *(a.id for a in side.actions)}
        if side.ally:
            ids |= {side.ally.id, side.ally.personality}
    for issue in scenario.issues:
        ids |= {issue.id, *(p.id for p in issue.positions)}
    ids |= {e.id for e in scenario.events} | {e.id for e in scenario.endings} | {s.id for s in scenario.sessions}
    return ids


def _proper_nouns(scenario, ids: set[str]) -> set[str]:
    """Single-word ids that the scenario itself writes only capitalised, and capitalised
    mid-sentence: names of people and places ('berlin', 'khrushchev'), which must never
    be shown lower-cased."""
    prose = " ".join([scenario.hook, *(i.summary for i in scenario.issues), *(s.briefing for s in scenario.sides)])
    return {
        w
        for w in ids
        if "_" not in w
        and re.search(r"[a-z,] " + re.escape(w.capitalize()) + r"\b", prose)
        and not re.search(r"\b" + re.escape(w) + r"\b", prose)  # 'security' is also a common word
    }


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_no_reply_line_repeats_within_ten_turns(library, spec_for, scenario_id):
    scenario = library.scenarios[scenario_id][1]
    for side in scenario.sides:
        spec = spec_for(scenario_id, side.id)
        longest = 0
        for name, seed, policy in _games(spec):
            game = _play(spec, seed, policy)
            replies = [r["reply"]["text"] for r in game.transcript]
            longest = max(longest, len(replies))
            for k, line in enumerate(replies):
                window = replies[max(0, k - REPEAT_WINDOW + 1) : k]
                assert line not in window, f"{scenario_id} as {side.id}, {name}: repeated within ten turns: {line!r}"
        assert longest >= 10, "no game ran long enough to test the window"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_no_id_or_lower_cased_name_in_what_the_player_sees(library, spec_for, personalities, scenario_id):
    scenario = library.scenarios[scenario_id][1]
    ids = _ids(scenario, personalities)
    proper = _proper_nouns(scenario, ids)
    assert {"berlin", "khrushchev"} <= proper or {"kim_jong_un"} & ids  # the check knows its names
    for side in scenario.sides:
        spec = spec_for(scenario_id, side.id)
        for name, seed, policy in _games(spec):
            game = _play(spec, seed, policy)
            for text in visible_texts(game.transcript):
                for word in re.findall(r"[a-z][a-z0-9_]*", text):
                    where = f"{scenario_id} as {side.id}, {name}: {text!r}"
                    assert not ("_" in word and word in ids), f"id {word!r} shown: {where}"
                    assert word not in proper, f"lower-cased name {word!r} shown: {where}"


def _ally_records(spec, seeds=range(1, 9)):
    out = []
    for seed in seeds:
        game = _play(spec, seed, _random(seed))
        out += [r["ally"] for r in game.transcript if "ally" in r]
    return out


def test_an_ally_played_by_an_archetype_speaks_as_its_leader(spec_for):
    spec = spec_for("vienna_1961", "usa", {"ally": "hardliner"})
    records = _ally_records(spec)
    assert records, "the ally never spoke: the test checked nothing"
    assert {r["speaker"] for r in records} == {"Konrad Adenauer"}
    assert not any("Hardliner" in r["text"] for r in records)


def test_an_allys_position_is_its_own_sides(spec_for):
    """Adenauer insisting on something insists on what Bonn wants (Western rights in
    Berlin), never on the Soviet offer on the table."""
    spec = spec_for("vienna_1961", "usa", {"ally": "hardliner"})  # the hardliner's demands name {position}
    soviet = {spec.position_shorts[i][p] for i in range(spec.n_issues) for p in range(spec.n_positions)
              if spec.position_mask[i, p] and spec.player_values[i, p] < 0.5}
    records = _ally_records(spec, range(1, 25))
    named = [r for r in records if any(s in r["text"] for t in spec.position_shorts for s in t)]
    assert len(named) >= 3, "no ally line named a position: the test checked nothing"
    for r in records:
        assert not any(s in r["text"] for s in soviet), r
