"""Counter-based random draws.

A draw is a pure function of (seed, game index, turn, stream): no generator state to
save, and game *i* draws the same numbers whether it runs alone or in a batch of
100,000. The mixer is SplitMix64's finaliser, applied to a combination of the counters.
"""

from __future__ import annotations

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_K_GAME = np.uint64(0xD6E8FEB86659FD93)
_K_TURN = np.uint64(0xA0761D6478BD642F)
_K_STREAM = np.uint64(0xE7037ED1A0B428DB)
_MASK64 = 0xFFFFFFFFFFFFFFFF

# Named streams keep unrelated draws independent (a new draw never shifts the others).
STREAM_NOISE = 1
STREAM_LINE = 2
STREAM_PROBE = 3
STREAM_POLICY = 4
STREAM_ALLY_LINE = 5
STREAM_EVENT_LINE = 6


_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)


def _mix(z: np.ndarray) -> np.ndarray:
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


def game_key(seed: int, game_index: np.ndarray) -> np.ndarray:
    """[N] the part of every draw that depends on the seed and the game only (a batch
    computes it once and reuses it for every draw: `BatchState.draw`)."""
    with np.errstate(over="ignore"):
        g = np.asarray(game_index, dtype=np.uint64)
        s = np.uint64(int(seed) & _MASK64)
        z = _mix(s * _GOLDEN + np.uint64(0x632BE59BD9B4E019))
        return _mix(z ^ (g * _K_GAME))


def uniform(seed: int, game_index: np.ndarray, turn: np.ndarray | int, stream: int, slot: int = 0) -> np.ndarray:
    """Uniform floats in [0, 1), one per game, for the given counters."""
    return uniform_keyed(game_key(seed, game_index), turn, stream, slot)


def uniform_keyed(key: np.ndarray, turn: np.ndarray | int, stream: int, slots: int | np.ndarray = 0) -> np.ndarray:
    """`uniform` from a `game_key`: [N] for one slot, [N, S] for `slots` [S] (each column
    the numbers that slot alone gives)."""
    # Array arithmetic wraps around silently; only the stream's constant is a scalar
    # product, done in Python's integers (numpy warns on a scalar's wrap-around).
    t = np.asarray(turn, dtype=np.int64).astype(np.uint64)
    z = key ^ (t * _K_TURN)
    if isinstance(slots, np.ndarray) or not isinstance(slots, (int, np.integer)):
        z = z[..., None]
        lane = (np.uint64(stream * 0x10001) + np.asarray(slots, dtype=np.uint64)) * _K_STREAM
    else:
        lane = np.uint64(((stream * 0x10001 + int(slots)) * int(_K_STREAM)) & _MASK64)
    z = _mix(z ^ lane)
    return (z >> _S11).astype(np.float64) * (1.0 / 9007199254740992.0)


STREAM_DEADLINE = 7  # whether a counterpart's deadline is real (one draw per game)
STREAM_LEAK = 8  # whether a consulted ally leaks
STREAM_INTEL = 9  # whether doubtful intelligence is true in this game
STREAM_POOL = 10  # which personality a hard game's counterpart is
