"""A game replayed from its save's choices, keeping per turn what the transcript records
do not: the exact terms each side put on the table, your standing position and what the
counterpart insisted on. The rules are the core's (`rules.step`); nothing is re-derived.

If the replay does not arrive where the save did (the scenario changed since), the
result says so and the report falls back to the records alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.core import rules
from game.core.state import new_state
from game.core.utility import aspiration


@dataclass
class TurnTrace:
    turn: int  # 1-based
    action: str
    terms: np.ndarray  # [I] what your move put on the table, -1 where nothing
    position: np.ndarray  # [I] your standing position after the move
    their_offer: np.ndarray  # [I] their standing offer after the reply
    agreed: np.ndarray  # [I] agreements so far
    insisted: float  # the utility the counterpart insists on after the turn (its aspiration)


@dataclass
class Replay:
    turns: list[TurnTrace] = field(default_factory=list)
    faithful: bool = True  # the replay reached the saved state


def replay(spec, seed: int, game_index: int, choices: list[str], saved_agreed: np.ndarray | None = None) -> Replay:
    st = new_state(spec, seed, np.array([game_index]))
    rules.open_summit(spec, st)
    out = Replay()
    for n, choice in enumerate(choices, 1):
        try:
            index = spec.action_index(choice)
        except KeyError:
            out.faithful = False
            break
        if st.over[0] or not rules.legal_mask(spec, st)[0, index]:
            out.faithful = False
            break
        outcome = rules.step(spec, st, np.array([index]))
        out.turns.append(TurnTrace(n, choice, outcome.terms[0].copy(), st.player_pos[0].copy(),
                                   st.ai_offer[0].copy(), st.agreed[0].copy(), float(aspiration(spec, st)[0])))
    if saved_agreed is not None and out.faithful:
        out.faithful = bool(np.array_equal(st.agreed[0], np.asarray(saved_agreed)))
    return out
