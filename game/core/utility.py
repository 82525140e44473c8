"""What positions are worth to the counterpart, what it insists on, and what it offers."""

from __future__ import annotations

import numpy as np

from game.core.spec import GameSpec
from game.core.state import BatchState

_EPS = 1e-9


def take(table: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """table [N, I, P] or [I, P], positions [N, I] (-1 allowed) -> values [N, I]."""
    idx = np.clip(positions, 0, None)
    n_issues, n_pos = table.shape[-2], table.shape[-1]
    flat_index = idx + np.arange(n_issues) * n_pos
    if table.ndim == 2:
        return table.reshape(-1)[flat_index]
    return np.take_along_axis(table.reshape(table.shape[0], -1), flat_index, axis=1)


def ai_values(spec: GameSpec, trust: np.ndarray) -> np.ndarray:
    """[N, I, P]: the counterpart's worth of each position; your unverifiable promises
    are worth only as much as it trusts you."""
    floor = spec.tuning["promise_floor"]
    discount = floor + (1.0 - floor) * np.clip(trust, 0.0, 100.0) / 100.0
    vals = np.broadcast_to(spec.ai_values, (trust.shape[0],) + spec.ai_values.shape)
    return np.where(spec.promise_by_player[None], vals * discount[:, None, None], vals)


def utility(values: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted worth of the terms over the issues they cover: [N]; 0 where none."""
    covered = terms >= 0
    w = weights[None, :] * covered
    total = w.sum(axis=1)
    return np.where(total > 0, (w * take(values, terms)).sum(axis=1) / np.maximum(total, _EPS), 0.0)


def crosses_red_line(red: np.ndarray, terms: np.ndarray) -> np.ndarray:
    covered = terms >= 0
    return (take(red, terms) & covered).any(axis=1)


def reservation(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N] the least the counterpart will take now: its reservation plus what its
    alternatives gained while the talks stood still (`st.batna`)."""
    return np.clip(spec.counterpart.reservation + st.batna, 0.0, 1.0)


def aspiration(spec: GameSpec, st: BatchState) -> np.ndarray:
    """The utility the counterpart insists on now: a time curve (its strategy family's
    exponent) over the turns of substance so far (stalling does not move it), plus
    everything that has pushed it up or down, never below its reservation."""
    mind = spec.counterpart
    progress = np.clip(st.engaged / max(spec.total_turns, 1), 0.0, 1.0)
    curve = spec.strategy.curve(mind)
    floor = reservation(spec, st)
    by_time = mind.reservation + (mind.aspiration - mind.reservation) * (1.0 - progress ** (1.0 / curve))
    return np.clip(np.maximum(by_time + st.aspiration_shift, floor), 0.0, 1.0)


def make_offer(spec: GameSpec, values: np.ndarray, target: np.ndarray, scope: np.ndarray,
               you_weights: np.ndarray | None = None, you_values: np.ndarray | None = None) -> np.ndarray:
    """The counterpart's offer over the issues in `scope` [N, I]: start from its ideal and
    give ground, cheapest first (its loss against what it believes you gain, from its model
    of you: `you_weights` [N, I], `you_values` [N, I, P]), while the offer stays worth at
    least `target` to it. Returns positions [N, I], -1 off scope."""
    n, n_issues = scope.shape
    ai_best = spec.ai_best
    you_best = spec.player_best
    step = np.sign(you_best - ai_best)
    pos = np.tile(ai_best, (n, 1))
    weights = spec.ai_weights[None, :] * scope
    wsum = np.maximum(weights.sum(axis=1), _EPS)
    rows_all = np.arange(n)
    if you_weights is None:
        you_weights = np.broadcast_to(spec.player_weights, (n, n_issues))
    if you_values is None:
        you_values = np.broadcast_to(spec.player_values, (n,) + spec.player_values.shape)
    for _ in range(n_issues * (spec.n_positions - 1)):
        nxt = np.clip(pos + step, 0, spec.n_positions - 1)
        movable = scope & (step != 0) & (pos != you_best)
        movable &= spec.position_mask[np.arange(n_issues)[None, :], nxt] & ~take(spec.ai_red, nxt)
        if spec.ai_never_offers is not None:
            # Not on offer at this summit (the record shows nothing of the kind), though it
            # may still be accepted when you propose it.
            movable &= ~take(spec.ai_never_offers, nxt)
        v_now, v_next = take(values, pos), take(values, nxt)
        loss = weights * (v_now - v_next) / wsum[:, None]
        current = (weights * v_now).sum(axis=1) / wsum
        ok = movable & (current[:, None] - loss >= target[:, None] - _EPS)
        if not ok.any():
            break
        gain = you_weights * (take(you_values, nxt) - take(you_values, pos))
        score = np.where(ok, gain / (np.maximum(loss, 0.0) + 1e-3), -np.inf)
        pick = score.argmax(axis=1)
        rows = rows_all[ok.any(axis=1)]
        pos[rows, pick[rows]] = nxt[rows, pick[rows]]
    return np.where(scope, pos, -1)
