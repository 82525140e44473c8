"""Invariants over arbitrary play, explored with hypothesis."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.choices import choice_for
from game.core.game import Game
from tests.conftest import SCENARIOS

PERSONALITY_SWAPS = (None, "conciliator", "stonewaller", "hardliner", "pragmatist")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scenario=st.sampled_from(SCENARIOS),
    side_index=st.integers(0, 1),
    swap=st.sampled_from(PERSONALITY_SWAPS),
    seed=st.integers(0, 2**31),
    picks=st.lists(st.integers(0, 10_000), min_size=20, max_size=20),
)
def test_any_line_of_play_keeps_the_invariants(library, spec_for, scenario, side_index, swap, seed, picks):
    side = library.scenarios[scenario][1].sides[side_index].id
    spec = spec_for(scenario, side, {"counterpart": swap} if swap else None)
    game = Game.start(spec, seed)
    agreed_before = game.state.agreed.copy()
    for pick in picks:
        if game.over:
            break
        legal = game.legal_actions()
        assert legal, "a game that is not over always offers a move"
        record = game.play_choice(choice_for(game, legal[pick % len(legal)]))
        meters = game.state.meters()
        assert ((meters >= 0) & (meters <= 100)).all()
        # An agreement, once reached, never changes.
        was = agreed_before >= 0
        assert np.array_equal(game.state.agreed[was], agreed_before[was])
        agreed_before = game.state.agreed.copy()
        for m in record["meters"]:
            assert m["band"], "every value has a band"
    assert game.over, "every summit ends within its schedule"
    assert game.turn <= spec.total_turns
    end = game.ending()
    assert end["ending"] is not None, "shipped scenarios end with a catch-all ending"
    assert end["rating"] in ("better", "history", "worse", "breakdown")
