"""The efficient frontier of joint value: every deal the two sides could sign, what each
is worth to each side, and which deals no other deal beats for both.

A deal is one position per issue. Its worth to a side is that side's weighted value of
the positions (the same measure the rules use for your agreements: an issue left open
counts 0). Deals that cross either side's red lines are not on the table. The counterpart's
values are its true ones (the debrief may know them; the player never saw them).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

MAX_DEALS = 200_000  # beyond this, enumerate the positions of the weightiest issues only


@dataclass(frozen=True)
class Frontier:
    deals: np.ndarray  # [D, I] positions of every feasible complete deal
    you: np.ndarray  # [D] worth to your side
    them: np.ndarray  # [D] worth to the counterpart
    efficient: np.ndarray  # [D] bool: no other deal is at least as good for both and better for one

    def points(self) -> list[tuple[float, float]]:
        """The efficient deals as (you, them), sorted by your worth."""
        idx = np.nonzero(self.efficient)[0]
        order = idx[np.argsort(self.you[idx])]
        return [(float(self.you[i]), float(self.them[i])) for i in order]


def deal_worth(values: np.ndarray, weights: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """[..., I] positions (-1 = no agreement) -> [...] weighted worth; open issues count 0."""
    idx = np.clip(positions, 0, None)
    v = np.take_along_axis(np.broadcast_to(values, positions.shape[:-1] + values.shape),
                           idx[..., None], axis=-1)[..., 0]
    return ((positions >= 0) * weights * v).sum(axis=-1)


def pareto_mask(you: np.ndarray, them: np.ndarray) -> np.ndarray:
    """True where no other point is >= on both and > on one (ties are all efficient)."""
    order = np.lexsort((-them, -you))  # by your worth descending, then theirs descending
    efficient = np.zeros(you.shape[0], dtype=bool)
    best_them = -np.inf
    i = 0
    while i < order.size:
        # points with the same worth to you: only the best for them can be efficient
        j = i
        while j < order.size and you[order[j]] == you[order[i]]:
            j += 1
        group = order[i:j]
        top = them[group].max()
        if top > best_them:
            efficient[group[them[group] == top]] = True
            best_them = top
        i = j
    return efficient


def compute_frontier(spec) -> Frontier:
    """All feasible complete deals of a compiled game and their efficient subset."""
    mask = spec.position_mask & ~spec.player_red & ~spec.ai_red
    choices = [np.nonzero(mask[i])[0] for i in range(spec.n_issues)]
    if any(c.size == 0 for c in choices):  # an issue with no feasible position: allow red lines
        choices = [np.nonzero(spec.position_mask[i])[0] for i in range(spec.n_issues)]
    total = int(np.prod([c.size for c in choices]))
    if total > MAX_DEALS:  # very large agendas: keep every position of the weightiest issues
        joint = spec.player_weights + spec.ai_weights
        for i in np.argsort(joint):
            if total <= MAX_DEALS:
                break
            best = int(np.argmax(spec.player_values[i, choices[i]] * spec.player_weights[i]
                                 + spec.ai_values[i, choices[i]] * spec.ai_weights[i]))
            total //= choices[i].size
            choices[i] = choices[i][best:best + 1]
    deals = np.array(list(itertools.product(*choices)), dtype=np.int64).reshape(-1, spec.n_issues)
    you = deal_worth(spec.player_values, spec.player_weights, deals)
    them = deal_worth(spec.ai_values, spec.ai_weights, deals)
    return Frontier(deals, you, them, pareto_mask(you, them))


@dataclass(frozen=True)
class Standing:
    """An agreement against the frontier."""

    you: float
    them: float
    best_joint: float  # the highest joint worth of any feasible deal
    better_joint: float  # the highest joint worth of a deal at least as good for both
    gain_you: float  # what that deal adds for you
    gain_them: float  # ... and for them
    better_deal: tuple[int, ...]  # its positions
    crossed_yours: tuple[int, ...] = ()  # issues where the agreement crosses your red lines
    crossed_theirs: tuple[int, ...] = ()  # ... and theirs

    @property
    def left_on_table(self) -> float:
        return self.better_joint - (self.you + self.them)

    @property
    def efficient(self) -> bool:
        return self.left_on_table < 1e-9


def standing(frontier: Frontier, spec, agreed: np.ndarray) -> Standing:
    """Where an agreement [I] (-1 = open) stands: the best deal that is at least as good for
    both sides, i.e. the joint value both sides left on the table."""
    you = float(deal_worth(spec.player_values, spec.player_weights, agreed))
    them = float(deal_worth(spec.ai_values, spec.ai_weights, agreed))
    idx = np.clip(agreed, 0, None)
    rows = np.arange(spec.n_issues)
    yours = tuple(int(i) for i in rows[(agreed >= 0) & spec.player_red[rows, idx]])
    theirs = tuple(int(i) for i in rows[(agreed >= 0) & spec.ai_red[rows, idx]])
    joint = frontier.you + frontier.them
    better = (frontier.you >= you - 1e-9) & (frontier.them >= them - 1e-9)
    if not better.any():
        return Standing(you, them, float(joint.max()), you + them, 0.0, 0.0, tuple(int(x) for x in agreed),
                        yours, theirs)
    k = int(np.argmax(np.where(better, joint, -np.inf)))
    return Standing(you, them, float(joint.max()), float(joint[k]), float(frontier.you[k] - you),
                    float(frontier.them[k] - them), tuple(int(x) for x in frontier.deals[k]), yours, theirs)
