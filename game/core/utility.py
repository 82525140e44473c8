"""What positions are worth to the counterpart, what it insists on, and what it offers."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from game.core.arrays import clip, row_any, row_argmax, row_sum
from game.core.spec import GameSpec
from game.core.state import BatchState

_EPS = 1e-9


@lru_cache(maxsize=16)
def _issue_offsets(n_issues: int, n_pos: int) -> np.ndarray:
    """Where each issue's row starts in a flattened [I, P] table (a constant per shape)."""
    offsets = np.arange(n_issues) * n_pos
    offsets.flags.writeable = False
    return offsets


def take(table: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """table [N, I, P] or [I, P], positions [N, I] (-1 allowed) -> values [N, I]."""
    n_issues, n_pos = table.shape[-2], table.shape[-1]
    flat_index = np.maximum(positions, 0) + _issue_offsets(n_issues, n_pos)
    if table.ndim == 3 and table.strides[0] == 0:  # one table broadcast over the games
        table = table[0]
    if table.ndim == 2:
        return table.reshape(-1)[flat_index]
    # One index into the whole table: each game's rows start n_issues * n_pos further on.
    flat_index += _game_offsets(table.shape[0], n_issues * n_pos)
    return np.ascontiguousarray(table).reshape(-1)[flat_index]


@lru_cache(maxsize=16)
def _game_offsets(n_games: int, per_game: int) -> np.ndarray:
    """[N, 1]: where each game's table starts in a flattened [N, I, P] (a constant per
    batch size; a batch takes from such tables many times a turn)."""
    offsets = (np.arange(n_games) * per_game)[:, None]
    offsets.flags.writeable = False
    return offsets


def ai_values(spec: GameSpec, trust: np.ndarray) -> np.ndarray:
    """[N, I, P]: the counterpart's worth of each position; your unverifiable promises
    are worth only as much as it trusts you."""
    floor = spec.tuning["promise_floor"]
    discount = floor + (1.0 - floor) * clip(trust, 0.0, 100.0) / 100.0
    # Every game's table is the counterpart's own, but for the few positions that are your
    # promises (each one's value times that game's discount).
    vals = spec.ai_values[None].repeat(trust.shape[0], axis=0)
    issues, positions = np.nonzero(spec.promise_by_player)
    vals[:, issues, positions] = spec.ai_values[issues, positions] * discount[:, None]
    return vals


def utility(values: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted worth of the terms over the issues they cover: [N]; 0 where none."""
    covered = terms >= 0
    w = weights[None, :] * covered
    total = row_sum(w)
    return np.where(total > 0, row_sum(w * take(values, terms)) / np.maximum(total, _EPS), 0.0)


def crosses_red_line(red: np.ndarray, terms: np.ndarray) -> np.ndarray:
    covered = terms >= 0
    return row_any(take(red, terms) & covered)


def reservation(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N] the least the counterpart will take now: its reservation plus what its
    alternatives gained while the talks stood still (`st.batna`)."""
    return clip(spec.counterpart.reservation + st.batna, 0.0, 1.0)


def aspiration(spec: GameSpec, st: BatchState) -> np.ndarray:
    """The utility the counterpart insists on now: a time curve (its strategy family's
    exponent) over the turns of substance so far (stalling does not move it), plus
    everything that has pushed it up or down, never below its reservation."""
    mind = spec.counterpart
    progress = clip(st.engaged / max(spec.total_turns, 1), 0.0, 1.0)
    curve = spec.strategy.curve(mind)
    floor = reservation(spec, st)
    by_time = mind.reservation + (mind.aspiration - mind.reservation) * (1.0 - progress ** (1.0 / curve))
    return clip(np.maximum(by_time + st.aspiration_shift, floor), 0.0, 1.0)


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
    wsum = np.maximum(row_sum(weights), _EPS)
    if you_weights is None:
        you_weights = np.broadcast_to(spec.player_weights, (n, n_issues))
    if you_values is None:
        you_values = np.broadcast_to(spec.player_values, (n,) + spec.player_values.shape)
    # Each [N, I, P] table is read through one flat index per step (position + issue
    # offset + game offset), computed once for all the tables of that step.
    n_pos = spec.n_positions
    issue_at = _issue_offsets(n_issues, n_pos)[None, :]
    game_at = _game_offsets(n, n_issues * n_pos)
    values_flat = np.ascontiguousarray(values).reshape(-1)
    you_flat = np.ascontiguousarray(you_values).reshape(-1)
    # What it may move to from each position of each issue: within the issue, not onto its
    # red lines, and not onto what the record shows it never offered at this summit
    # (though it may still accept that when you propose it).
    reachable = spec.position_mask & ~spec.ai_red
    if spec.ai_never_offers is not None:
        reachable = reachable & ~spec.ai_never_offers
    reachable_flat = reachable.reshape(-1)
    # The games whose offer may still move: one that cannot give a step now never will
    # (nothing it reads changes), so each step works on fewer games. What each step reads
    # of those games is taken again only when some have dropped out.
    act = np.arange(n)
    may_move = scope & (step != 0)
    rows_of_act = None
    for _ in range(n_issues * (n_pos - 1)):
        if rows_of_act is not act:
            at, may, w, w_total = game_at[act], may_move[act], weights[act], wsum[act]
            bar, you_w = target[act, None] - _EPS, you_weights[act]
            rows_of_act = act
        here = pos[act]
        nxt = clip(here + step, 0, n_pos - 1)
        in_game = nxt + issue_at
        at_now, at_next = here + issue_at + at, in_game + at
        movable = may & (here != you_best) & reachable_flat[in_game]
        v_now, v_next = values_flat[at_now], values_flat[at_next]
        loss = w * (v_now - v_next) / w_total[:, None]
        current = row_sum(w * v_now) / w_total
        ok = movable & (current[:, None] - loss >= bar)
        moving = np.nonzero(row_any(ok))[0]
        if not moving.size:
            break
        gain = you_w * (you_flat[at_next] - you_flat[at_now])
        score = np.where(ok, gain / (np.maximum(loss, 0.0) + 1e-3), -np.inf)
        pick = row_argmax(score)[moving]
        if moving.size < act.size:
            act = act[moving]
        pos[act, pick] = nxt[moving, pick]
    return np.where(scope, pos, -1)
