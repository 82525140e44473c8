"""A game replayed from its save's choices, keeping per turn what the transcript records
do not: the exact terms your move put on the table, your standing position and what the
counterpart insisted on. It replays through the game's own API (`Game.play_choice`), so
nothing of the rules is re-derived here.

If the replay does not arrive where the save did (the scenario changed since), the
result says so and the report falls back to the records alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.core.game import Game, IllegalAction
from game.core.utility import aspiration

try:  # the counterpart's model of you (issue 7); older cores have none
    from game.core.opponent import believed as _believed
except ImportError:  # pragma: no cover - depends on the core's version
    _believed = None


def believed_weights(spec, st) -> np.ndarray | None:
    """[I] the weights the counterpart believes you give the issues, or None."""
    if _believed is None:
        return None
    return np.asarray(_believed(spec, st)[0])[0].copy()


@dataclass
class TurnTrace:
    turn: int  # 1-based
    action: str
    terms: np.ndarray  # [I] what your move put on the table, -1 where nothing
    position: np.ndarray  # [I] your standing position after the move
    their_offer: np.ndarray  # [I] their standing offer after the reply
    agreed: np.ndarray  # [I] agreements so far
    insisted: float  # the utility the counterpart insists on after the turn (its aspiration)
    believed: np.ndarray | None = None  # [I] its model of your priorities after the turn, if it has one


@dataclass
class Replay:
    turns: list[TurnTrace] = field(default_factory=list)
    faithful: bool = True  # the replay reached the saved state
    start_believed: np.ndarray | None = None  # its model of your priorities before the first move


def _play(game: Game, choice: str) -> None:
    play_choice = getattr(game, "play_choice", None)
    if play_choice is not None:
        play_choice(choice)
    else:
        game.play(choice)


def replay(spec, seed: int, game_index: int, choices: list[str], saved_agreed: np.ndarray | None = None) -> Replay:
    game = Game.start(spec, seed, game_index)
    out = Replay(start_believed=believed_weights(spec, game.state))
    for n, choice in enumerate(choices, 1):
        try:
            _play(game, choice)
        except (IllegalAction, KeyError, ValueError):
            out.faithful = False
            break
        st = game.state
        out.turns.append(TurnTrace(n, choice, st.last_terms[0].copy(), st.player_pos[0].copy(), st.ai_offer[0].copy(),
                                   st.agreed[0].copy(), float(aspiration(spec, st)[0]), believed_weights(spec, st)))
    if saved_agreed is not None and out.faithful:
        out.faithful = bool(np.array_equal(game.state.agreed[0], np.asarray(saved_agreed)))
    return out
