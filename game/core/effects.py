"""Meter changes with their reasons, accumulated over a turn for a whole batch."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.reasons import C, CAUSES
from game.core.spec import GameSpec


@dataclass
class Deltas:
    """lasting[N, K, R] and fading[N, K, R]: points added to each meter, by cause."""

    lasting: np.ndarray
    fading: np.ndarray

    @classmethod
    def zeros(cls, n: int, k: int) -> Deltas:
        return cls(np.zeros((n, k, len(CAUSES))), np.zeros((n, k, len(CAUSES))))

    def add(self, meter: int, cause: str, amount: np.ndarray | float, mask: np.ndarray, lasting: bool = True) -> None:
        """Add `amount` where `mask` holds; a meter the scenario lacks (-1) is skipped."""
        if meter < 0:
            return
        target = self.lasting if lasting else self.fading
        target[:, meter, C[cause]] += np.where(mask, amount, 0.0)

    def total(self) -> np.ndarray:
        return self.lasting + self.fading


class Meters:
    """Indices of the meters the rules know by name (-1 when a scenario has none)."""

    def __init__(self, spec: GameSpec):
        self.tension = spec.meter_index("counterpart.tension")
        self.trust = spec.meter_index("counterpart.trust")
        self.resolve = spec.meter_index("counterpart.resolve")
        self.ally = spec.meter_index("ally.confidence")
