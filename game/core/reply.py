"""The counterpart's reply: score every candidate move, take the best, play it.

Scores are sums of named terms over the state and the personality's traits, plus the
strategy family's bonuses and a little noise scaled by volatility (Wesnoth's "candidate
actions"). Invalid candidates score -inf.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core import rng
from game.core.effects import Deltas, Meters
from game.core.spec import AI_KINDS, AK, PK, GameSpec
from game.core.state import BatchState
from game.core.utility import crosses_red_line, make_offer, take


@dataclass
class ReplyContext:
    acceptable: np.ndarray  # [N] the proposal meets the counterpart's aspiration
    insulting: np.ndarray  # [N] below its walk-away value or across a red line
    proposing: np.ndarray  # [N]
    repeated: np.ndarray  # [N] the same offer as your previous turn


def choose_reply(spec: GameSpec, st: BatchState, kinds, issue, terms, u_new, target, now, played, repeated):
    tun, mind = spec.tuning, spec.counterpart
    tr = mind.traits
    mt = Meters(spec)
    n = st.n
    proposing = played & (terms >= 0).any(axis=1)
    accepting = kinds == PK["accept"]
    red = crosses_red_line(spec.ai_red, terms)
    acceptable = proposing & (accepting | ((u_new >= target - tun["accept_tolerance"]) & ~red))
    insulting = proposing & ~acceptable & ((u_new < mind.reservation) | red)
    open_ = st.agreed < 0
    any_open = open_.any(axis=1)
    has_offer = ((st.ai_offer >= 0) & open_).any(axis=1)
    tension = now[:, mt.tension] / 100.0 if mt.tension >= 0 else np.full(n, 0.5)
    resolve = now[:, mt.resolve] if mt.resolve >= 0 else np.full(n, 50.0)
    weak = np.clip((tun["weak_resolve_at"] - resolve) / tun["weak_resolve_at"], 0.0, 1.0)
    progress = np.clip(st.turn / max(spec.total_turns, 1), 0.0, 1.0)
    pressed = np.isin(kinds, [PK["warn"], PK["statement"]])
    soft = np.isin(kinds, [PK["rapport"], PK["reassure"], PK["appeal"]])

    scores = np.full((n, len(AI_KINDS)), -np.inf)

    def put(kind: str, score, valid) -> None:
        scores[:, AK[kind]] = np.where(valid & played, score, -np.inf)

    put("accept", 10.0, acceptable)
    put("reject", 3.0 + 3.0 * insulting, proposing & ~acceptable)
    put("counter", 4.0 + 2.0 * (1.0 - insulting), proposing & ~acceptable & ~red)
    put("probe_answer", 8.0, kinds == PK["probe"])
    put("package", 2.0 + 2.0 * ~has_offer + progress, ~proposing & any_open)
    put("concession", 1.0 + 2.0 * progress * (1.0 - tr.patience), ~proposing & has_offer)
    put("threat", 0.5 + 3.0 * tr.risk_tolerance * tension + 1.5 * pressed, played)
    put("demand", 1.0 + 4.0 * tr.pride * weak, any_open)
    put("ultimatum", -1.0 + 6.0 * tr.pride * weak + 2.0 * (tension >= 0.5), any_open & ~st.ultimatum & (progress >= 0.3))
    put("lecture", 0.5 + 2.0 * tr.zeal * (0.5 + pressed + soft * 0.5), played)
    put("warm", 1.0 + 3.0 * tr.warmth * soft - tr.zeal, played)
    put("cool", 1.5, played)
    put("walk_out", 20.0, (tension * 100.0 >= tun["ai_walk_out_at"]) & (tr.patience < 0.6))

    for kind, extra in spec.strategy.bonus(mind, kinds, tension).items():
        col = AK[kind]
        scores[:, col] = np.where(np.isfinite(scores[:, col]), scores[:, col] + extra, -np.inf)
    for col in range(len(AI_KINDS)):
        jitter = rng.uniform(st.seed, st.game_index, st.turn, rng.STREAM_NOISE, slot=1 + col)
        scores[:, col] += tr.volatility * 1.5 * jitter
    reply = np.where(played, scores.argmax(axis=1), -1)
    return reply, ReplyContext(acceptable, insulting, proposing, repeated)


def play_reply(spec: GameSpec, st: BatchState, d: Deltas, reply, ctx: ReplyContext, terms, values, target, played):
    """Apply the chosen reply's effects; returns (newly agreed [N, I], focus issue [N])."""
    tun, mind = spec.tuning, spec.counterpart
    hostile = 0.6 + tun["pride_scale"] * mind.traits.pride
    mt = Meters(spec)
    open_ = st.agreed < 0
    agreed_now = np.full(terms.shape, -1, dtype=np.int64)

    def is_(kind: str) -> np.ndarray:
        return reply == AK[kind]

    # Accept: the terms become agreements.
    m = is_("accept")
    new = m[:, None] & (terms >= 0) & open_
    agreed_now = np.where(new, terms, -1)
    st.agreed = np.where(new, terms, st.agreed)
    st.ai_offer = np.where(new, -1, st.ai_offer)
    count = new.sum(axis=1)
    scale = 1.0 + 0.5 * np.maximum(count - 1, 0)
    d.add(mt.tension, "agreement", tun["agree_tension"] * scale, m)
    d.add(mt.trust, "agreement", tun["agree_trust"] * scale, m)
    if mt.ally >= 0:
        feel = ((take(spec.ally_cares, agreed_now) - 0.5) * new).sum(axis=1)
        d.add(mt.ally, "ally_interests", tun["agree_ally"] * feel, m)
    yours = ((take(spec.player_values, agreed_now) * new).sum(axis=1)) / np.maximum(count, 1)
    d.add(mt.resolve, "action", tun["accept_bad_resolve"], m & (reply >= 0) & (yours < 0.4))

    m = is_("reject")
    d.add(mt.tension, "offer", tun["insulting_offer_tension"] * hostile, m & ctx.insulting)
    d.add(mt.trust, "offer", tun["insulting_offer_trust"], m & ctx.insulting)

    open_ = st.agreed < 0
    # New offers: a counter covers the issues you raised, the others the whole open agenda.
    m = is_("counter")
    # A serious offer that meets some of its needs earns respect even when it is countered.
    fresh = m & ~ctx.insulting & ~ctx.repeated
    d.add(mt.tension, "offer", tun["near_offer_tension"], fresh)
    d.add(mt.trust, "offer", tun["near_offer_trust"], fresh)
    st.aspiration_shift += np.where(is_("concession"), tun["ai_concession_aspiration"], 0.0)
    lift = np.select(
        [is_("concession"), is_("ultimatum")], [tun["ai_concession_aspiration"], tun["ai_ultimatum_aspiration"]], 0.0
    )
    offering = m | is_("package") | is_("concession") | is_("ultimatum")
    rows = np.nonzero(offering)[0]
    if rows.size:
        scope = np.where(m[rows, None], (terms[rows] >= 0) & open_[rows], open_[rows])
        goal = np.clip(target[rows] + lift[rows], mind.reservation, 1.0)
        offer = make_offer(spec, values[rows], goal, scope)
        st.ai_offer[rows] = np.where(scope | ~m[rows, None], offer, st.ai_offer[rows])

    top = np.where(open_, spec.ai_weights[None, :], -1.0).argmax(axis=1)
    m = is_("demand")
    d.add(mt.tension, "reply", tun["ai_demand_tension"] * hostile, m)
    rows = np.nonzero(m)[0]
    st.ai_offer[rows, top[rows]] = spec.ai_best[top[rows]]

    m = is_("ultimatum")
    d.add(mt.tension, "reply", tun["ai_ultimatum_tension"], m)
    st.aspiration_shift += np.where(m, tun["ai_ultimatum_aspiration"], 0.0)
    st.ultimatum |= m

    d.add(mt.tension, "reply", tun["ai_threat_tension"] * hostile, is_("threat"))
    d.add(mt.trust, "reply", tun["ai_lecture_trust"], is_("lecture"))

    m = is_("walk_out")
    st.walked_out[m] = 2
    st.over |= m

    # What the reply is about: the proposal's weightiest issue, else the issue you named,
    # else the counterpart's weightiest open issue.
    weights = np.where(terms >= 0, spec.ai_weights[None, :], -1.0)
    from_terms = np.where((terms >= 0).any(axis=1), weights.argmax(axis=1), -1)
    focus = np.where(from_terms >= 0, from_terms, -1)
    return agreed_now, np.where(reply >= 0, np.where(focus >= 0, focus, top), -1)
