"""Array operations the rules run thousands of times a turn, made cheap and kept exact.

- `clip`: numpy's clip ufunc without `np.clip`'s Python wrapper, which costs five times
  the operation itself on the one-game batch of a person at the table. Same results,
  signed zeros included (it is the very ufunc `np.clip` calls).
- Reductions along a short last axis: each game's issues, meters or positions.

The rules reduce arrays like [N, I] with a handful of issues along the last axis. numpy
does that row by row and pays for each row; on a batch of 25,000 games that is five to
ten times slower than combining the few columns with whole-batch operations, which is
what these do. They give numpy's results to the last bit: columns are combined in the
order numpy's reduction combines them (left to right; numpy switches to pairwise
summation only from eight elements, so wider arrays are left to numpy).
"""

from __future__ import annotations

import numpy as np

try:  # numpy's own C functions, called without their Python wrappers
    from numpy._core.multiarray import count_nonzero as _count_nonzero  # numpy 2
    from numpy._core.umath import clip as _clip_ufunc
except ImportError:  # numpy 1.26
    from numpy.core.multiarray import count_nonzero as _count_nonzero
    from numpy.core.umath import clip as _clip_ufunc


def clip(a, lo, hi):
    """`np.clip(a, lo, hi)`; one bound may be None, as there."""
    if hi is None:
        return np.maximum(a, lo)
    if lo is None:
        return np.minimum(a, hi)
    return _clip_ufunc(a, lo, hi)

# The reductions `a.any()`, `a.sum()` and the like call, without the Python wrapper around
# them (`numpy._core._methods`), which costs as much as the reduction on a few elements.
_or_reduce, _and_reduce = np.logical_or.reduce, np.logical_and.reduce
_add_reduce, _max_reduce = np.add.reduce, np.maximum.reduce


def any_true(mask: np.ndarray) -> bool:
    """Whether any element holds: `mask.any()` at a fraction of its cost on one game's
    arrays (the rules skip a step that would change nothing in any game)."""
    return _count_nonzero(mask) > 0


# From this many columns numpy's float sums are pairwise, not left to right.
_WIDE = 8


# Below this many elements numpy's own reduction is the cheaper (one game at the table).
_SMALL = 512


def _short(a: np.ndarray) -> bool:
    return a.ndim >= 2 and 0 < a.shape[-1] < _WIDE and a.size >= _SMALL


def _fold_bools(a: np.ndarray, combine) -> np.ndarray:
    out = a[..., 0].astype(bool)
    for j in range(1, a.shape[-1]):
        combine(out, a[..., j], out=out)
    return out


def row_any(a: np.ndarray) -> np.ndarray:
    return _fold_bools(a, np.logical_or) if _short(a) else _or_reduce(a, -1, bool)


def row_all(a: np.ndarray) -> np.ndarray:
    return _fold_bools(a, np.logical_and) if _short(a) else _and_reduce(a, -1, bool)


def row_sum(a: np.ndarray) -> np.ndarray:
    """The sum along the last axis, in numpy's dtype (booleans count as int64)."""
    if not _short(a):
        return _add_reduce(a, -1)
    kind = a.dtype.kind
    if kind == "f":
        out = a[..., 0] + 0.0  # numpy's sum starts from +0.0: a row of -0.0 sums to +0.0
    else:
        out = a[..., 0].astype(np.int64 if kind in "bi" else np.uint64 if kind == "u" else a.dtype)
    for j in range(1, a.shape[-1]):
        out += a[..., j]
    return out


def row_max(a: np.ndarray) -> np.ndarray:
    if not _short(a):
        return _max_reduce(a, -1)
    out = a[..., 0].copy()
    for j in range(1, a.shape[-1]):
        np.maximum(out, a[..., j], out=out)
    return out


def row_argmax(a: np.ndarray) -> np.ndarray:
    """The first index of the largest value along the last axis (numpy's argmax; where a
    row holds NaN, numpy's own answer)."""
    if not _short(a) or (a.dtype.kind == "f" and np.isnan(a).any()):
        return a.argmax(axis=-1)
    best = a[..., 0].copy()
    index = np.zeros(best.shape, dtype=np.int64)
    for j in range(1, a.shape[-1]):
        column = a[..., j]
        better = column > best
        best = np.where(better, column, best)
        index[better] = j
    return index


# Up to this many columns a row's booleans are packed into one integer's bits.
_BITS = 16


def row_bits(a: np.ndarray) -> np.ndarray | None:
    """[N] int64 with bit j set where a[..., j] holds; None past `_BITS` columns (the
    caller then counts another way)."""
    if a.shape[-1] > _BITS:
        return None
    out = np.zeros(a.shape[:-1], dtype=np.int64)
    for j in range(a.shape[-1]):
        out |= a[..., j].astype(np.int64) << j
    return out


def covered_count(a: np.ndarray, masks: np.ndarray) -> np.ndarray:
    """[N, M]: for each row of booleans a [N, C] and each mask [M, C], how many columns
    hold in both: `a @ masks.T` for booleans, as bit counts on packed rows."""
    if a.size < _SMALL or a.shape[-1] > _BITS:  # a few games: the product is cheaper
        return a.astype(np.int64) @ masks.astype(np.int64).T
    bits, mask_bits = row_bits(a), row_bits(masks)
    return _POPCOUNT[bits[:, None] & mask_bits[None, :]].astype(np.int64)


def _popcounts(bits: int) -> np.ndarray:
    values = np.arange(1 << bits)
    out = np.zeros(1 << bits, dtype=np.uint8)
    for j in range(bits):
        out += ((values >> j) & 1).astype(np.uint8)
    return out


_POPCOUNT = _popcounts(_BITS)  # a constant table: the set bits of every 16-bit value
