"""No meter, sum or running total ever holds -0.0.

The rules skip a step that would change no game (`game.core.arrays.any_true`): adding
0.0 where nothing happens is left out. That is exact only because these values are
never -0.0 (x + 0.0 == x for every other x, but -0.0 + 0.0 is +0.0). They start at
+0.0 or above and are only ever added to and clipped, so no rounding can make them
-0.0; this test plays whole games and would catch a change that does.
"""

from __future__ import annotations

import numpy as np
import pytest

from game.core import rules
from game.core.state import new_state
from game.sim import players, runner

_STATE = ("base", "fading", "aspiration_shift", "batna", "om_weight", "best_pos_u")


def _negative_zeros(a: np.ndarray) -> int:
    a = np.asarray(a, dtype=float)
    return int(np.count_nonzero((a == 0.0) & np.signbit(a)))


@pytest.mark.parametrize("scenario", ["vienna_1961", "singapore_2018"])
@pytest.mark.parametrize("side", [0, 1])
@pytest.mark.parametrize("player", ["random", "constructive"])
def test_no_running_value_is_ever_negative_zero(spec_for, library, scenario, side, player):
    sc = library.scenarios[scenario][1]
    spec = spec_for(scenario, sc.sides[side].id)
    policy = runner.random_policy if player == "random" else players.constructive(spec)
    st = new_state(spec, seed=11, n=300)
    _, d = rules.open_summit(spec, st)
    seen = {name: _negative_zeros(getattr(st, name)) for name in _STATE}
    turns = 0
    while not st.over.all():
        action, terms = runner.split_policy_output(policy(spec, st, rules.legal_mask(spec, st)))
        out = rules.step(spec, st, action, terms)  # with reasons: the by-cause sums too
        turns += 1
        for name in _STATE:
            seen[name] += _negative_zeros(getattr(st, name))
        for name in ("lasting_sum", "fading_sum", "lasting", "fading"):
            seen["deltas." + name] = seen.get("deltas." + name, 0) + _negative_zeros(getattr(out.deltas, name))
    assert turns >= 5  # whole games were played
    assert all(count == 0 for count in seen.values()), seen
