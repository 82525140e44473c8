"""Meter changes with their reasons, accumulated over a turn for a whole batch."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.arrays import any_true
from game.core.reasons import C, CAUSES
from game.core.spec import GameSpec


# Batches up to this size check whether a change applies anywhere before adding it.
_FEW = 8


@dataclass
class Deltas:
    """Points added to each meter over a turn: the lasting part and the fading part.

    `lasting_sum` and `fading_sum` [N, K] are what the rules apply, accumulated in the
    order the changes are made. `lasting` and `fading` [N, K, R] keep the same changes by
    cause, for the reasons shown to a person; a batch whose reasons no one will read (a
    simulation keeping only final states) is made with `by_cause=False` and keeps no
    per-cause arrays at all (they would cost most of a large batch's memory and a third
    of its time). Either way the sums, and so every game, are the same to the last bit.
    """

    lasting: np.ndarray
    fading: np.ndarray
    lasting_sum: np.ndarray
    fading_sum: np.ndarray

    @classmethod
    def zeros(cls, n: int, k: int, by_cause: bool = True) -> Deltas:
        r = len(CAUSES) if by_cause else 0
        # The sums are kept meter by meter ([N, K] in Fortran order): `add` writes one
        # meter's column for the whole batch, dozens of times a turn.
        return cls(np.zeros((n, k, r)), np.zeros((n, k, r)), np.zeros((n, k), order="F"), np.zeros((n, k), order="F"))

    @property
    def by_cause(self) -> bool:
        return self.lasting.shape[2] > 0

    def like(self, n: int) -> Deltas:
        """Empty deltas of the same kind (by cause or not) for `n` games."""
        return Deltas.zeros(n, self.lasting.shape[1], self.by_cause)

    def add(self, meter: int, cause: str, amount: np.ndarray | float, mask: np.ndarray, lasting: bool = True) -> None:
        """Add `amount` where `mask` holds; a meter the scenario lacks (-1) is skipped."""
        if meter < 0:
            return
        column = (self.lasting_sum if lasting else self.fading_sum)[:, meter]
        if not self.by_cause:
            # Adding 0.0 where the mask does not hold changes nothing: a sum that starts at
            # +0.0 never becomes -0.0, and x + 0.0 == x for every other x. (This is twice
            # as fast as numpy's masked add, `where=mask`.)
            np.add(column, np.where(mask, amount, 0.0), out=column)
            return
        if column.shape[0] <= _FEW and not any_true(mask):
            return  # nothing to add (a one-game turn skips most causes this way)
        change = np.where(mask, amount, 0.0)
        column += change
        (self.lasting if lasting else self.fading)[:, meter, C[cause]] += change

    def add_all(self, cause: str, change: np.ndarray, lasting: bool = True) -> None:
        """Add `change` [N, K] to every meter at once."""
        (self.lasting_sum if lasting else self.fading_sum)[:] += change
        if self.by_cause:
            (self.lasting if lasting else self.fading)[:, :, C[cause]] += change

    def merge(self, other: Deltas) -> None:
        """Add another turn-part's changes (e.g. events) to these."""
        self.lasting_sum += other.lasting_sum
        self.fading_sum += other.fading_sum
        if self.by_cause and other.by_cause:
            self.lasting += other.lasting
            self.fading += other.fading

    def net(self) -> np.ndarray:
        """[N, K]: each meter's whole change so far."""
        return self.lasting_sum + self.fading_sum

    def total(self) -> np.ndarray:
        """[N, K, R]: each meter's change by cause (only when kept by cause)."""
        return self.lasting + self.fading


class Meters:
    """Indices of the meters the rules know by name (-1 when a scenario has none)."""

    def __init__(self, spec: GameSpec):
        self.tension = spec.meter_index("counterpart.tension")
        self.trust = spec.meter_index("counterpart.trust")
        self.resolve = spec.meter_index("counterpart.resolve")
        self.ally = spec.meter_index("ally.confidence")
