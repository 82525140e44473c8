"""The counterpart's model of you, learned from your offers (a frequency model in the
GENIUS / NegMAS sense): it never reads your true values.

- Issue weights: each time an offer of yours keeps an issue's position from your previous
  offer, that issue gains evidence of mattering to you; giving ground on it loses some.
- Position values: a prior that you prefer your own end of each issue (the scenario's
  position order is public), mixed with how often you have put each position forward.

`believed` returns the weights [N, I] and values [N, I, P] that `make_offer` uses to
trade what it believes you value less.
"""

from __future__ import annotations

import numpy as np

from game.core.arrays import any_true, clip, row_any, row_max, row_sum
from game.core.spec import PK, GameSpec
from game.core.state import BatchState


def observe(spec: GameSpec, st: BatchState, kinds: np.ndarray, issue: np.ndarray, terms: np.ndarray,
            played: np.ndarray) -> None:
    """Learn from your move (before `st.last_terms` is overwritten)."""
    tun = spec.tuning
    offering = played & row_any(terms >= 0) & (kinds != PK["accept"])
    covered = terms >= 0
    if any_true(offering):  # (adding nothing changes nothing)
        kept = covered & (st.last_terms >= 0) & (terms == st.last_terms) & offering[:, None]
        st.om_weight += tun["om_learn"] * kept
        onehot = np.arange(spec.n_positions)[None, None, :] == terms[:, :, None]
        st.om_freq += onehot & (covered & offering[:, None])[:, :, None]
    rows = np.nonzero(played & (kinds == PK["concede"]))[0]
    st.om_weight[rows, issue[rows]] -= tun["om_concede"]


def prior_values(spec: GameSpec) -> np.ndarray:
    """[I, P]: what anyone can assume about your side: your own end of each issue is best."""
    n_pos = row_sum(spec.position_mask)
    dist = np.abs(np.arange(spec.n_positions)[None, :] - spec.player_best[:, None])
    return np.where(spec.position_mask, 1.0 - dist / np.maximum(n_pos - 1, 1)[:, None], 0.0)


def believed(spec: GameSpec, st: BatchState, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Its belief of your weights [N, I] and values [N, I, P]; for the given games only
    when `rows` is given."""
    om_weight, om_freq = (st.om_weight, st.om_freq) if rows is None else (st.om_weight[rows], st.om_freq[rows])
    w = clip(1.0 + om_weight, 0.2, None)
    weights = w / w.sum(axis=1, keepdims=True)
    prior = prior_values(spec)[None]
    top = row_max(om_freq)[..., None]
    values = np.where(top > 0, 0.5 * prior + 0.5 * om_freq / np.maximum(top, 1e-9), prior)
    return weights, values
