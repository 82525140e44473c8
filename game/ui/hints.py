"""What a player may know of an action's likely effect before taking it.

Only directions, read from the kind's own effects in `game.core.kinds` (the rules apply
those same effects) and the signs of the rules' public numbers (game.core.tuning, with
the scenario's own overrides, which are in its YAML for anyone to read). The
counterpart's hidden values - how much it wants each position, its walk-away point -
never appear: whether an offer lands well is exactly what the player has to find out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.core.kinds import PLAYER_KIND, Effect
from game.core.tuning import DEFAULT_TUNING

# Offers with no direct effect of their own: the direction if the counterpart agrees.
IF_AGREED = (Effect("tension", "agree_tension"), Effect("trust", "agree_trust"))


@dataclass(frozen=True)
class Hint:
    meter_kind: str
    direction: int  # +1 up, -1 down
    conditional: bool  # only if the counterpart agrees


def likely_effects(kind: str, meter_kinds: set[str], overrides: Mapping[str, float] | None = None) -> list[Hint]:
    """The directions an action of this kind pushes the scenario's meters."""
    tuning = {**DEFAULT_TUNING, **(overrides or {})}
    known = PLAYER_KIND.get(kind)
    if known is None:
        return []
    effects, conditional = known.effects, False
    if not effects and known.group == "Offers":
        effects, conditional = IF_AGREED, True
    out = []
    for effect in effects:
        value = tuning.get(effect.tuning, 0.0)
        if effect.meter in meter_kinds and value:
            out.append(Hint(effect.meter, 1 if value > 0 else -1, conditional))
    return out


def note(kind: str) -> str:
    """What a player may know before choosing this kind, or ''."""
    known = PLAYER_KIND.get(kind)
    return known.note if known else ""
