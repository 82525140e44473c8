"""What a player may know of an action's likely effect before taking it.

Only directions, read from the signs of the rules' public numbers (game.core.tuning, with
the scenario's own overrides, which are in its YAML for anyone to read). The counterpart's
hidden values - how much it wants each position, its walk-away point - never appear:
whether an offer lands well is exactly what the player has to find out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.core.tuning import DEFAULT_TUNING

# kind -> [(meter kind, tuning key, sign applied by the rules)]
DIRECT = {
    "warn": [("tension", "warn_tension", 1), ("trust", "warn_trust", 1), ("resolve", "warn_resolve", 1)],
    "statement": [
        ("tension", "statement_tension", 1),
        ("trust", "statement_trust", 1),
        ("resolve", "statement_resolve", 1),
        ("confidence", "statement_ally", 1),
    ],
    "rapport": [("trust", "rapport_trust", 1), ("tension", "rapport_tension", 1)],
    "reassure": [
        ("trust", "reassure_trust", 1),
        ("tension", "reassure_tension", 1),
        ("resolve", "reassure_resolve", 1),
    ],
    "appeal": [("tension", "appeal_tension", 1), ("trust", "appeal_trust", 1)],
    "probe": [("trust", "probe_trust", 1)],
    # The ally's loss is applied with a minus: ally points per unit of value it loses.
    "concede": [
        ("tension", "concede_tension", 1),
        ("trust", "concede_trust", 1),
        ("resolve", "concede_resolve", 1),
        ("confidence", "concede_ally", -1),
    ],
    "consult_ally": [("confidence", "consult_ally", 1), ("resolve", "consult_ally_resolve", 1)],
    "break": [("tension", "break_tension", 1)],
    "walk_out": [("tension", "walk_out_tension", 1)],
    "reject": [("tension", "reject_tension", 1), ("resolve", "reject_resolve", 1)],
}
# Offers: the direction if the counterpart agrees (it may not).
IF_AGREED = [("tension", "agree_tension", 1), ("trust", "agree_trust", 1)]

NOTES = {
    "propose": "An offer far from their needs raises tension instead.",
    "counter": "Splits the difference between your position and their offer.",
    "accept": "Takes their offer as it stands; accepting a poor deal reads as weakness.",
    "probe": "Learn how much this issue matters to them (your staff may read it a little wrong). Costs a turn.",
    "rapport": "Goodwill that fades by the session; repeated charm without substance reads as weakness.",
    "reassure": "Goodwill that fades by the session.",
    "concede": "Moves your position one step toward theirs. Early, or after a warning on the same issue, "
    "it reads as weakness; your ally may lose confidence.",
    "warn": "Conceding on this issue later would be an empty threat.",
    "statement": "Plays to your public; the tension it adds fades by the session.",
    "walk_out": "Ends the summit.",
    "break": "The calm fades by the session.",
}

@dataclass(frozen=True)
class Hint:
    meter_kind: str
    direction: int  # +1 up, -1 down
    conditional: bool  # only if the counterpart agrees


def likely_effects(kind: str, meter_kinds: set[str], overrides: Mapping[str, float] | None = None) -> list[Hint]:
    """The directions an action of this kind pushes the scenario's meters."""
    tuning = {**DEFAULT_TUNING, **(overrides or {})}
    out = []
    if kind in ("propose", "counter", "accept"):
        rows, conditional = IF_AGREED, True
    else:
        rows, conditional = DIRECT.get(kind, []), False
    for meter_kind, key, sign in rows:
        value = tuning.get(key, 0.0) * sign
        if meter_kind in meter_kinds and value:
            out.append(Hint(meter_kind, 1 if value > 0 else -1, conditional))
    return out

