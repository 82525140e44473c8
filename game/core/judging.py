"""Condition operators that judge the lesson: what your side brought home, and at what
cost. They take the player's side (values, red lines) from the compiled game, so one
ending's condition reads right whichever side you lead.

  ("value_at_least", x)   what your side brought home is at least the share x of the best
                          deal the other side could ever sign: your weighted worth of the
                          agreements (an open issue counts 0) over your weighted worth of
                          your best position on each issue outside its red lines
  ("red_line_crossed",)   some agreement crosses one of your side's red lines
  ("ally_broke",)         your ally broke with you in public
  ("deadline", code)      how the counterpart's deadline went: 1 you yielded,
                          2 you called its bluff, 3 it was real and passed

`OPERATORS` maps each name to its function (spec, st, *args) -> [N] bool; the condition
table in game.core.conditions includes them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from game.core import rng
from game.core.arrays import row_any, row_max, row_sum
from game.core.spec import GameSpec
from game.core.state import BatchState
from game.core.utility import take


def value_brought_home(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N] your side's weighted worth of the agreements (open issues count 0)."""
    agreed = st.agreed >= 0
    return row_sum(spec.player_weights[None, :] * agreed * take(spec.player_values, st.agreed))


def best_signable(spec: GameSpec) -> float:
    """Your side's worth of the best deal the other side could sign (outside its red lines)."""
    ok = spec.position_mask & ~spec.ai_red
    return float((spec.player_weights * row_max(np.where(ok, spec.player_values, 0.0))).sum())


def value_share(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N] what you brought home as a share of the best signable deal (0-1)."""
    return value_brought_home(spec, st) / max(best_signable(spec), 1e-9)


def intel_true(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N] whether the briefing's doubtful intelligence is true in each game: one
    counter-based draw per game, so a second playthrough (another seed) can differ."""
    return st.draw(rng.STREAM_INTEL, turn=0) < spec.tuning["intel_true_chance"]


def red_line_crossed(spec: GameSpec, st: BatchState) -> np.ndarray:
    return row_any(take(spec.player_red, st.agreed) & (st.agreed >= 0))


OPERATORS: Mapping[str, Callable[..., np.ndarray]] = MappingProxyType({
    "value_at_least": lambda spec, st, x: value_share(spec, st) >= x - 1e-9,
    "red_line_crossed": lambda spec, st: red_line_crossed(spec, st),
    "ally_broke": lambda spec, st: st.ally_broke.copy(),
    "deadline": lambda spec, st, code: st.deadline_outcome == code,
})
