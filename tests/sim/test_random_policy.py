"""The random player picks, per game, the k-th open action with k = floor(u * open count)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as hst

from game.core import rng
from game.sim.runner import random_policy


class _State:
    def __init__(self, n: int, seed: int, turn: int):
        self.seed = seed
        self.game_index = np.arange(n, dtype=np.int64)
        self.turn = np.full(n, turn, dtype=np.int64)

    def draw(self, stream: int, slot: int = 0) -> np.ndarray:
        return rng.uniform(self.seed, self.game_index, self.turn, stream, slot)


@settings(max_examples=60, deadline=None)
@given(rows=hst.integers(1, 40), cols=hst.integers(1, 60), seed=hst.integers(0, 2**31), turn=hst.integers(0, 30),
       density=hst.floats(0.0, 1.0))
def test_the_pick_is_the_kth_open_action(rows, cols, seed, turn, density):
    st = _State(rows, seed, turn)
    legal = np.random.default_rng(seed).random((rows, cols)) < density
    got = random_policy(None, st, legal)
    u = rng.uniform(st.seed, st.game_index, st.turn, rng.STREAM_POLICY)
    for r in range(rows):
        open_columns = np.nonzero(legal[r])[0]
        if len(open_columns) == 0:
            assert got[r] == 0
        else:
            k = min(int(u[r] * len(open_columns)), len(open_columns) - 1)
            assert got[r] == open_columns[k]
