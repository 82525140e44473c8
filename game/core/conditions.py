"""Conditions over the state, evaluated for every game of a batch at once.

Each operator is defined once, in `OPERATOR_TABLE`: the key an author writes in a
scenario's `when:` (its doc is the manual), how `game.content.compile` turns the author's
value into a compiled tuple, and how that tuple is evaluated. All keys given in one
condition must hold. A compiled condition is a nested tuple `(op, *args)`, e.g.
`("meter", k, at_least, below)`; `("true",)` is a condition with no keys.

Adding an operator: a field on `game.content.models.Condition`, a row here, and a check
of its ids in `game.content.references` if it names any.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.core import judging
from game.core.arrays import any_true, clip, row_all, row_sum
from game.core.kinds import CONDITION_DOC, PK
from game.core.spec import Cond, GameSpec
from game.core.state import BatchState


@dataclass(frozen=True)
class Names:
    """How a compiled condition refers to the scenario's ids: by index."""

    meters: Mapping[str, int]  # "<party>.<kind>" -> meter index
    sessions: Mapping[str, int]
    issues: Mapping[str, int]
    positions: Mapping[str, Mapping[str, int]]  # issue id -> position id -> index


Build = Callable[[Any, Any, Names, Callable[[Any], Cond]], list[Cond]]
Evaluate = Callable[[GameSpec, BatchState, Cond], np.ndarray]


@dataclass(frozen=True)
class Operator:
    key: str  # the field of the content model's Condition ("not_" is written `not:`)
    build: Build  # (author's value, the whole condition, names, compile a sub-condition) -> parts
    evaluate: Evaluate

    @property
    def doc(self) -> str:
        """The manual's words (`game.core.kinds.CONDITION_DOC`, kept apart so content
        can be validated without numpy)."""
        return CONDITION_DOC[self.key]


def current_session(spec: GameSpec, st: BatchState) -> np.ndarray:
    sess = spec.session_of_turn
    return sess[clip(st.turn, 0, len(sess) - 1)]


def _all(spec, st, cond):
    out = np.ones(st.n, dtype=bool)
    for c in cond[1]:
        out &= holds(spec, st, c)
        if not any_true(out):  # false in every game: the rest cannot change that
            break
    return out


def _any(spec, st, cond):
    out = np.zeros(st.n, dtype=bool)
    for c in cond[1]:
        out |= holds(spec, st, c)
        if out.all():  # true in every game: the rest cannot change that
            break
    return out


def _meter(spec, st, cond):
    _, k, lo, hi = cond
    v = st.meters()[:, k]
    out = np.ones(st.n, dtype=bool)
    if lo is not None:
        out &= v >= lo
    if hi is not None:
        out &= v < hi
    return out


def _flag(name: str) -> Build:
    """A yes/no key: `true` tests the flag, `false` its absence."""
    return lambda value, c, names, sub: [(name,) if value else ("not", (name,))]


OPERATOR_TABLE: tuple[Operator, ...] = (
    Operator("all",
             lambda v, c, n, sub: [("all", tuple(sub(x) for x in v))], _all),
    Operator("any",
             lambda v, c, n, sub: [("any", tuple(sub(x) for x in v))], _any),
    Operator("not_",
             lambda v, c, n, sub: [("not", sub(v))], lambda spec, st, cond: ~holds(spec, st, cond[1])),
    Operator("meter",
             lambda v, c, n, sub: [("meter", n.meters[v], c.at_least, c.below)], _meter),
    Operator("session_at_least",
             lambda v, c, n, sub: [("session_at_least", v)],
             lambda spec, st, cond: current_session(spec, st) >= cond[1]),
    Operator("session",
             lambda v, c, n, sub: [("session", n.sessions[v])],
             lambda spec, st, cond: current_session(spec, st) == cond[1]),
    Operator("agreed",
             lambda v, c, n, sub: [("agreed", n.issues[i], n.positions[i][p]) for i, p in v.items()],
             lambda spec, st, cond: st.agreed[:, cond[1]] == cond[2]),
    Operator("agreed_any",
             lambda v, c, n, sub: [("agreed_any", n.issues[i]) for i in v],
             lambda spec, st, cond: st.agreed[:, cond[1]] >= 0),
    Operator("none_agreed", _flag("none_agreed"),
             lambda spec, st, cond: row_all(st.agreed < 0)),
    Operator("agreements_at_least",
             lambda v, c, n, sub: [("agreements_at_least", v)],
             lambda spec, st, cond: row_sum(st.agreed >= 0) >= cond[1]),
    Operator("player_did",
             lambda v, c, n, sub: [("player_did", PK[v])],
             lambda spec, st, cond: st.kind_count[:, cond[1]] > 0),
    Operator("breakdown",
             _flag("breakdown"), lambda spec, st, cond: st.breakdown.copy()),
    # The lesson's judges (game.core.judging): they read your side's values and red lines.
    Operator("value_at_least",
             lambda v, c, n, sub: [("value_at_least", v)],
             lambda spec, st, cond: judging.OPERATORS["value_at_least"](spec, st, cond[1])),
    Operator("red_line_crossed",
             _flag("red_line_crossed"), lambda spec, st, cond: judging.OPERATORS["red_line_crossed"](spec, st)),
    Operator("ally_broke",
             _flag("ally_broke"), lambda spec, st, cond: judging.OPERATORS["ally_broke"](spec, st)),
    Operator("intel_true",
             _flag("intel_true"), lambda spec, st, cond: judging.intel_true(spec, st)),
    Operator("deadline",
             lambda v, c, n, sub: [("deadline", judging.DEADLINE_CODES[v])],
             lambda spec, st, cond: judging.OPERATORS["deadline"](spec, st, cond[1])),
)
OPERATOR = {op.key: op for op in OPERATOR_TABLE}
EVALUATE: dict[str, Evaluate] = {"true": lambda spec, st, cond: np.ones(st.n, dtype=bool)}
EVALUATE.update({op.key.rstrip("_"): op.evaluate for op in OPERATOR_TABLE})


def compile_condition(condition: Any, names: Names) -> Cond:
    """The compiled tuple for an author's condition (any object with the operators' keys
    as attributes, None where not given)."""
    parts: list[Cond] = []
    for op in OPERATOR_TABLE:
        value = getattr(condition, op.key)
        if value is not None:
            parts.extend(op.build(value, condition, names, lambda c: compile_condition(c, names)))
    if not parts:
        return ("true",)
    return parts[0] if len(parts) == 1 else ("all", tuple(parts))


def holds(spec: GameSpec, st: BatchState, cond: Cond) -> np.ndarray:
    evaluate = EVALUATE.get(cond[0])
    if evaluate is None:
        raise ValueError(f"unknown condition {cond[0]!r}")
    return evaluate(spec, st, cond)
