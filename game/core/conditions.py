"""Conditions over the state, evaluated for every game of a batch at once.

A compiled condition is a nested tuple (see `game.content.compile`):
  ("true",) ("all", (c, ...)) ("any", (c, ...)) ("not", c)
  ("meter", k, at_least | None, below | None)   meter k in [at_least, below)
  ("session", s)  ("session_at_least", s)        the session the next turn belongs to
  ("agreed", issue, position)  ("agreed_any", issue)  ("none_agreed",)
  ("agreements_at_least", n)  ("player_did", kind code)  ("breakdown",)
  and the lesson's judges in game.core.judging (value brought home, red line crossed...)
"""

from __future__ import annotations

import numpy as np

from game.core.judging import OPERATORS as JUDGING
from game.core.spec import Cond, GameSpec
from game.core.state import BatchState


def current_session(spec: GameSpec, st: BatchState) -> np.ndarray:
    sess = spec.session_of_turn
    return sess[np.clip(st.turn, 0, len(sess) - 1)]


def holds(spec: GameSpec, st: BatchState, cond: Cond) -> np.ndarray:
    op = cond[0]
    n = st.n
    if op == "true":
        return np.ones(n, dtype=bool)
    if op == "all":
        out = np.ones(n, dtype=bool)
        for c in cond[1]:
            out &= holds(spec, st, c)
        return out
    if op == "any":
        out = np.zeros(n, dtype=bool)
        for c in cond[1]:
            out |= holds(spec, st, c)
        return out
    if op == "not":
        return ~holds(spec, st, cond[1])
    if op == "meter":
        _, k, lo, hi = cond
        v = st.meters()[:, k]
        out = np.ones(n, dtype=bool)
        if lo is not None:
            out &= v >= lo
        if hi is not None:
            out &= v < hi
        return out
    if op == "session":
        return current_session(spec, st) == cond[1]
    if op == "session_at_least":
        return current_session(spec, st) >= cond[1]
    if op == "agreed":
        return st.agreed[:, cond[1]] == cond[2]
    if op == "agreed_any":
        return st.agreed[:, cond[1]] >= 0
    if op == "none_agreed":
        return (st.agreed < 0).all(axis=1)
    if op == "agreements_at_least":
        return (st.agreed >= 0).sum(axis=1) >= cond[1]
    if op == "player_did":
        return st.kind_count[:, cond[1]] > 0
    if op == "breakdown":
        return st.breakdown.copy()
    if op in JUDGING:
        return JUDGING[op](spec, st, *cond[1:])
    raise ValueError(f"unknown condition {op!r}")
