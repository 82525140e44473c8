"""The historical counterparts' opening offers stay within the record: for each scenario
side, the positions listed in its `never_offers` are never put on the table in the first
three turns, whatever line the player takes and whatever the seed."""

from __future__ import annotations

from tests.core.choices import choice_for

import numpy as np
import pytest

from game.core.game import Game
from tests.conftest import SCENARIOS
from tests.play.lines import LINES

OPENING_TURNS = 3
SEEDS = (1, 2, 3, 7, 11)


def _random_line(seed: int):
    rng = np.random.default_rng(seed)

    def choose(game: Game) -> str:
        actions = [a for a in game.legal_actions() if a.kind not in ("walk_out",)]
        return choice_for(game, actions[int(rng.integers(len(actions)))])

    return choose


def _policies():
    out = [(name, lambda seed, f=f: f) for name, f in LINES.items()]
    out += [("random", _random_line)]
    return out


def _never(spec, side) -> set[tuple[int, int]]:
    return {(spec.issue_ids.index(iid), spec.position_ids[spec.issue_ids.index(iid)].index(pid))
            for iid, pids in side.never_offers.items() for pid in pids}


def _cases(library):
    for sid in SCENARIOS:
        scenario = library.scenarios[sid][1]
        for player in scenario.sides:
            counterpart = next(s for s in scenario.sides if s.id != player.id)
            yield sid, player.id, counterpart


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_historical_counterpart_has_a_never_offers_list(library, scenario_id):
    scenario = library.scenarios[scenario_id][1]
    for side in scenario.sides:
        assert side.never_offers, f"{scenario_id}: side {side.id} lists nothing it never offers"


@pytest.mark.slow  # over a second: the full run has it, the fast tier does not
def test_historical_counterparts_never_open_with_what_the_record_rules_out(library, spec_for):
    offered_something = 0
    for sid, player, counterpart in _cases(library):
        spec = spec_for(sid, player)
        never = _never(spec, counterpart)
        assert never
        for name, make in _policies():
            for seed in SEEDS:
                policy = make(seed)
                game = Game.start(spec, seed)
                for _ in range(OPENING_TURNS):
                    if game.over:
                        break
                    game.play_choice(policy(game))
                    offer = game.state.ai_offer[0]
                    offered_something += int((offer >= 0).any())
                    bad = [(spec.issue_ids[i], spec.position_ids[i][p]) for i, p in never if offer[i] == p]
                    assert not bad, f"{sid}, playing {player}, line {name}, seed {seed}: {counterpart.id} offered {bad}"
    assert offered_something > 50  # the counterparts did make offers: the check had something to check


def test_khrushchev_refuses_a_neutral_administrator_as_he_did(spec_for):
    """FRUS 1961-63 V, doc 87: the USSR 'cannot accept a neutral chairman'. Proposed to him,
    the single-administrator compromise crosses his red line and is refused."""
    spec = spec_for("vienna_1961", "usa")
    i = spec.issue_ids.index("test_ban")
    assert spec.ai_red[i, spec.position_ids[i].index("inspection_quota_compromise")]


def test_a_concession_stops_at_your_own_red_line(spec_for):
    """'Signal flexibility on Berlin's legal status' promises that presence and access stay:
    it may give ground once (to the interim arrangement), never on to the free city."""
    spec = spec_for("vienna_1961", "usa")
    game = Game.start(spec, 1)
    game.play("concede_berlin")
    i = spec.issue_ids.index("berlin")
    assert spec.position_ids[i][int(game.state.player_pos[0, i])] == "interim_arrangement"
    assert "concede_berlin" not in [a.id for a in game.legal_actions()]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_shipped_side_links_its_prose_red_lines(library, scenario_id):
    """So `summit validate` checks prose against structure both ways for them."""
    from game.content.models import RedLine

    scenario = library.scenarios[scenario_id][1]
    for side in scenario.sides:
        assert any(isinstance(r, RedLine) for r in side.red_lines), side.id
