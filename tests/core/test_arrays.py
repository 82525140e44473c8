"""The short-axis reductions give numpy's own answers, to the last bit."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as hst

from game.core import arrays, rng
from game.core.arrays import row_all, row_any, row_argmax, row_max, row_sum

_KINDS = ("bool", "int64", "float64")


def _array(seed: int, rows: int, width: int, kind: str, special: bool) -> np.ndarray:
    g = np.random.default_rng(seed)
    if kind == "bool":
        return g.random((rows, width)) < 0.4
    if kind == "int64":
        return g.integers(-3, 4, size=(rows, width))
    a = g.standard_normal((rows, width)) * g.choice([1e-6, 1.0, 1e8], size=(rows, width))
    if special:  # ties, infinities, signed zeros and NaN, as scores and values hold them
        picks = g.random((rows, width))
        a[picks < 0.2] = -np.inf
        a[(picks >= 0.2) & (picks < 0.3)] = 0.0
        a[(picks >= 0.3) & (picks < 0.35)] = -0.0
        a[(picks >= 0.35) & (picks < 0.4)] = 1.0
        a[(picks >= 0.4) & (picks < 0.42)] = np.nan
    return a


@settings(max_examples=80, deadline=None)
@given(seed=hst.integers(0, 2**32 - 1), rows=hst.integers(1, 60), width=hst.integers(1, 11),
       kind=hst.sampled_from(_KINDS), special=hst.booleans(), three_d=hst.booleans())
def test_each_reduction_matches_numpy(seed, rows, width, kind, special, three_d):
    a = _array(seed, rows, width, kind, special)
    if three_d:
        a = a.reshape(rows, 1, width).repeat(2, axis=1)
    same = dict(equal_nan=True) if kind == "float64" else {}
    small = arrays._SMALL
    try:
        for arrays._SMALL in (0, small):  # the column loops, then numpy's own below the size
            assert np.array_equal(row_any(a), a.any(axis=-1))
            assert np.array_equal(row_all(a), a.all(axis=-1))
            total = row_sum(a)
            assert total.dtype == a.sum(axis=-1).dtype
            assert np.array_equal(total, a.sum(axis=-1), **same)
            assert np.array_equal(np.signbit(total), np.signbit(a.sum(axis=-1)))
            assert np.array_equal(row_max(a), a.max(axis=-1), **same)
            assert np.array_equal(np.signbit(row_max(a)), np.signbit(a.max(axis=-1)))
            assert np.array_equal(row_argmax(a), a.argmax(axis=-1))
    finally:
        arrays._SMALL = small


@settings(max_examples=100, deadline=None)
@given(seed=hst.integers(0, 2**32 - 1), lo=hst.sampled_from([0.0, -0.0, -100.0, 1.0, None]),
       hi=hst.sampled_from([100.0, 0.0, -0.0, 1.0, None]))
def test_clip_is_numpys_clip_signed_zeros_included(seed, lo, hi):
    if lo is None and hi is None:
        return
    a = _array(seed, 30, 4, "float64", True)
    got, want = arrays.clip(a, lo, hi), np.clip(a, lo, hi)
    assert np.array_equal(got, want, equal_nan=True)
    assert np.array_equal(np.signbit(got), np.signbit(want))


def test_sums_keep_numpys_order_of_addition():
    # (1e16 + 1) + 1 loses both ones; 1e16 + (1 + 1) keeps them: the order shows.
    a = np.array([[1e16, 1.0, 1.0, -1e16]])
    assert row_sum(a)[0] == a.sum(axis=1)[0] == 0.0


@settings(max_examples=60, deadline=None)
@given(seed=hst.integers(0, 2**63 - 1), n=hst.integers(1, 30), turn=hst.integers(0, 40),
       stream=hst.integers(1, 12), slots=hst.lists(hst.integers(0, 20), min_size=1, max_size=8))
def test_slots_drawn_together_are_the_slots_drawn_alone(seed, n, turn, stream, slots):
    index = np.arange(n, dtype=np.int64) * 7
    together = rng.uniform_keyed(rng.game_key(seed, index), turn, stream, np.array(slots))
    for col, slot in enumerate(slots):
        assert np.array_equal(together[:, col], rng.uniform(seed, index, turn, stream, slot))


@settings(max_examples=100, deadline=None)
@given(seed=hst.integers(0, 2**32 - 1), issues=hst.integers(1, 9), k=hst.integers(0, 4))
def test_unasked_top_ranks_as_a_stable_sort_would(seed, issues, k):
    """Its weightiest open issues, by a rank counted without sorting: the same issues a
    stable sort of the open issues by weight (ties in agenda order) puts first."""
    from types import SimpleNamespace

    from game.core.reply import unasked_top
    from game.core.spec import GameSpec

    g = np.random.default_rng(seed)
    weights = g.choice([0.0, 0.1, 0.2, 0.3], size=issues)  # ties on purpose
    agreed = np.where(g.random((40, issues)) < 0.4, 0, -1)
    probed = g.random((40, issues)) < 0.3
    spec = SimpleNamespace(tuning={"top_issues_to_ask": float(k)}, ai_weights=weights, n_issues=issues)
    spec.ai_outranks = GameSpec.ai_outranks.func(spec)  # the spec's own order of importance
    got = unasked_top(spec, SimpleNamespace(agreed=agreed, probed=probed))
    for r in range(40):
        open_issues = [i for i in range(issues) if agreed[r, i] < 0]
        top = sorted(open_issues, key=lambda i: -weights[i])[:k]  # Python's sort is stable
        assert [i for i in range(issues) if got[r, i]] == [i for i in sorted(top) if not probed[r, i]]


@settings(max_examples=80, deadline=None)
@given(seed=hst.integers(0, 2**32 - 1), rows=hst.integers(1, 50), cols=hst.integers(1, 20), masks=hst.integers(1, 12))
def test_covered_count_is_the_boolean_matrix_product(seed, rows, cols, masks):
    g = np.random.default_rng(seed)
    a, m = g.random((rows, cols)) < 0.5, g.random((masks, cols)) < 0.4
    small = arrays._SMALL
    try:
        for arrays._SMALL in (0, small):  # packed bits, then the product below the size
            assert np.array_equal(arrays.covered_count(a, m), a.astype(np.int64) @ m.astype(np.int64).T)
    finally:
        arrays._SMALL = small
