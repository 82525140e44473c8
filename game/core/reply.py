"""The counterpart's reply: score every candidate move, take the best, play it.

Scores are sums of named terms over the state and the personality's traits (the numbers
are `score_*` in game.core.tuning), plus the strategy family's bonuses and a little noise
scaled by volatility (Wesnoth's "candidate actions"). Invalid candidates score -inf.

It accepts what meets its aspiration, and never rejects terms it has offered itself; at
patience 0 it leaves; at the last turn it takes the best offer you made, if that beats
its alternatives. Its offers trade what it believes you value less (its model of you,
game.core.opponent) and only get better for you unless you give it cause.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core import opponent, rng
from game.core.arrays import any_true, clip, covered_count, row_all, row_any, row_argmax, row_sum
from game.core.effects import Deltas, Meters
from game.core.pressure import set_deadline
from game.core.spec import AI_KINDS, AK, PK, GameSpec, kind_is
from game.core.state import BatchState
from game.core.utility import crosses_red_line, make_offer, reservation, take


@dataclass
class ReplyContext:
    acceptable: np.ndarray  # [N] the proposal meets the counterpart's aspiration
    insulting: np.ndarray  # [N] below its walk-away value or across a red line
    proposing: np.ndarray  # [N]
    repeated: np.ndarray  # [N] the same offer as your previous turn
    take_best: np.ndarray  # [N] last turn: it takes the best offer you made instead
    red: np.ndarray  # [N] your terms cross its red lines
    terms: np.ndarray | None = None  # [N, I] the terms you put forward (-1 where none)
    tension: np.ndarray | None = None  # [N] 0-1, as it weighs its reply
    u_new: np.ndarray | None = None  # [N] what your terms are worth to it
    target: np.ndarray | None = None  # [N] what it insists on now
    scores: np.ndarray | None = None  # [N, reply kinds] its final scores (-inf: not open); the best is its reply


def generosity(spec: GameSpec, positions: np.ndarray) -> np.ndarray:
    """[N, I] how far each position is from the counterpart's best toward yours (steps)."""
    toward_you = np.sign(spec.player_best - spec.ai_best)
    return (positions - spec.ai_best[None, :]) * toward_you[None, :]


def its_own_terms(spec: GameSpec, st: BatchState, terms: np.ndarray) -> np.ndarray:
    """[N] your terms ask nothing beyond what it has already offered you, issue by issue."""
    covered = terms >= 0
    offered = st.ai_given >= 0
    within = generosity(spec, terms) <= generosity(spec, st.ai_given)
    return row_any(covered) & row_all(~covered | (offered & within))


def unasked_top(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N, I] its `top_issues_to_ask` weightiest open issues that you have not asked about."""
    open_ = st.agreed < 0
    k = int(spec.tuning["top_issues_to_ask"])
    # An open issue's rank among the open ones: how many open issues come before it in
    # the counterpart's order of importance (without sorting).
    rank = covered_count(open_, spec.ai_outranks.T)
    return open_ & (rank < k) & ~st.probed


def weightiest_open(spec: GameSpec, open_: np.ndarray) -> np.ndarray:
    """[N] its weightiest open issue (the first of equal weights); 0 where none is open."""
    return row_argmax(np.where(open_, spec.ai_weights[None, :], -1.0))


def held_back(spec: GameSpec, st: BatchState, terms: np.ndarray) -> np.ndarray:
    """[N] terms it will not sign yet, whatever their worth: its weightiest open issue
    alone (only within a package), or any of its weightiest open issues before you asked
    what it needs there (it will not sign them away to someone who never asked)."""
    tun, n = spec.tuning, st.n
    rows = np.arange(n)
    open_ = st.agreed < 0
    top = weightiest_open(spec, open_)
    covered = (terms >= 0) & open_
    lone_top = (row_sum(covered) == 1) & covered[rows, top] & (row_sum(open_) > 1)
    # Its `top_issues_to_ask` weightiest open issues: none is signed away before you asked
    # about it (terms that give it its own best position there give nothing away).
    unasked = row_any(covered & unasked_top(spec, st) & (terms != spec.ai_best[None, :]))
    return (lone_top & (tun["link_top_issue"] > 0)) | unasked


def choose_reply(spec: GameSpec, st: BatchState, kinds, issue, terms, u_new, target, now, played, repeated):
    """The counterpart's reply [N] (AI_KINDS code, -1 where not played) and what it saw."""
    ctx = judge_terms(spec, st, kinds, terms, u_new, target, played, repeated)
    scores = reply_scores(spec, st, kinds, ctx, now, played)
    tr = spec.counterpart.traits
    for kind, extra in spec.strategy.bonus(spec.counterpart, kinds, ctx.tension).items():
        col = AK[kind]
        scores[:, col] = np.where(np.isfinite(scores[:, col]), scores[:, col] + extra, -np.inf)
    jitter = st.draw(rng.STREAM_NOISE, 1 + np.arange(len(AI_KINDS)))
    scores += tr.volatility * spec.tuning["reply_jitter"] * jitter
    ctx.u_new, ctx.target, ctx.scores = u_new, target, scores  # the sandbox shows them
    return np.where(played, row_argmax(scores), -1), ctx


def judge_terms(spec: GameSpec, st: BatchState, kinds, terms, u_new, target, played, repeated) -> ReplyContext:
    """Acceptable, insulting, or (at the last turn) beaten by the best offer you made;
    remembers the best offer so far."""
    tun = spec.tuning
    proposing = played & row_any(terms >= 0)
    accepting = kinds == PK["accept"]
    red = crosses_red_line(spec.ai_red, terms)
    floor = reservation(spec, st)
    if any_true(proposing):  # (with no terms on the table nothing here can hold)
        meets = (u_new >= target - tun["accept_tolerance"]) & ~held_back(spec, st, terms)
        acceptable = proposing & (accepting | ((meets | its_own_terms(spec, st, terms)) & ~red))
        insulting = proposing & ~acceptable & ((u_new < floor) | red)
        # What it has been offered, by its own measure, to fall back on at the end.
        better = proposing & ~accepting & ~red & (u_new > st.best_seen_u)
        st.best_seen = np.where(better[:, None], terms, st.best_seen)
        st.best_seen_u = np.where(better, u_new, st.best_seen_u)
    else:
        acceptable, insulting = proposing.copy(), proposing.copy()  # all False
    last_turn = st.turn + 1 >= spec.total_turns
    best_open = row_any((st.best_seen >= 0) & (st.agreed < 0))
    # At the last turn it settles for the best you offered, if that beats its alternatives
    # by enough: part of the way from its walk-away value to what it still aims at.
    final_bar = floor + tun["final_take_share"] * clip(target - floor, 0.0, None)
    take_best = (played & last_turn & ~acceptable & best_open & (st.best_seen_u >= final_bar)
                 & (tun["final_take_best"] > 0))
    if any_true(take_best):
        take_best &= ~held_back(spec, st, st.best_seen)
    return ReplyContext(acceptable, insulting, proposing, repeated, take_best, red, terms)


def reply_scores(spec: GameSpec, st: BatchState, kinds, ctx: ReplyContext, now, played) -> np.ndarray:
    """[N, len(AI_KINDS)]: each candidate reply's score (-inf where it is not open)."""
    s, tr, mt, n = spec.tuning, spec.counterpart.traits, Meters(spec), st.n
    open_ = st.agreed < 0
    any_open = row_any(open_)
    has_offer = row_any((st.ai_offer >= 0) & open_)
    tension = now[:, mt.tension] / 100.0 if mt.tension >= 0 else np.full(n, 0.5)
    ctx.tension = tension
    resolve = now[:, mt.resolve] if mt.resolve >= 0 else np.full(n, 50.0)
    weak = clip((s["weak_resolve_at"] - resolve) / s["weak_resolve_at"], 0.0, 1.0)
    progress = clip(st.turn / max(spec.total_turns, 1), 0.0, 1.0)
    pressed = kind_is(kinds, "warn", "statement")
    soft = kind_is(kinds, "rapport", "reassure", "appeal")
    # A patient counterpart holds on closer to the brink; at the top the talks break down.
    walk_line = s["ai_walk_out_at"] + s["walk_out_patience_margin"] * tr.patience
    at_brink = (tension * 100.0 >= walk_line) & (tension < 1.0)
    proposing, acceptable, insulting, red, take_best = ctx.proposing, ctx.acceptable, ctx.insulting, ctx.red, ctx.take_best
    # Filled kind by kind, each kind's scores one contiguous row; read as [N, kinds].
    by_kind = np.full((len(AI_KINDS), n), -np.inf)

    def put(kind: str, score, valid) -> None:
        by_kind[AK[kind]] = np.where(valid & played, score, -np.inf)

    put("accept", s["score_accept"] + s["score_take_best"] * take_best, acceptable | take_best)
    put("reject", s["score_reject"] + s["score_reject_insult"] * insulting, proposing & ~acceptable)
    put("counter", s["score_counter"] + s["score_counter_serious"] * (1.0 - insulting), proposing & ~acceptable & ~red)
    put("probe_answer", s["score_probe_answer"], kinds == PK["probe"])
    put("package", np.where(has_offer, s["score_package_standing"], s["score_package"] + s["score_package_no_offer"])
        + progress, ~proposing & any_open)
    put("concession", s["score_concession"] + s["score_concession_late"] * progress * (1.0 - tr.patience),
        ~proposing & has_offer)
    put("threat", s["score_threat"] + s["score_threat_risk"] * tr.risk_tolerance * tension
        + s["score_threat_pressed"] * pressed, played)
    put("demand", s["score_demand"] + s["score_demand_weak"] * tr.pride * weak, any_open)
    put("ultimatum", s["score_ultimatum"] + s["score_ultimatum_weak"] * tr.pride * weak
        + s["score_ultimatum_tense"] * (tension >= 0.5), any_open & ~st.ultimatum & (progress >= s["ultimatum_from"]))
    put("lecture", s["score_lecture"] + s["score_lecture_zeal"] * tr.zeal * (0.5 + pressed + soft * 0.5), played)
    put("warm", s["score_warm"] + s["score_warm_soft"] * tr.warmth * soft - tr.zeal, played)
    put("cool", s["score_cool"], played)
    put("walk_out", s["score_walk_out"], (at_brink | (st.patience <= 0.0)) & ~acceptable & ~take_best)
    if mt.ally >= 0 and spec.ally is not None:
        # A wedge: your ally's shaken confidence, or terms you put forward that cost it.
        shaky = clip((s["divide_at"] - now[:, mt.ally]) / s["divide_at"], 0.0, 1.0)
        hurts = ctx.proposing & (ally_cost(spec, st, ctx.terms) > 0.0) if any_true(ctx.proposing) else ctx.proposing
        put("divide", s["score_divide"] + s["score_divide_shaky"] * shaky + s["score_divide_hurts"] * hurts,
            ((shaky > 0.0) | hurts) & ~st.ally_broke)  # once your ally has broken with you, no wedge is needed
    return by_kind.T


def ally_cost(spec: GameSpec, st: BatchState, terms: np.ndarray) -> np.ndarray:
    """[N] how much worse the terms are for your ally than your side's opening positions."""
    opening = spec.player_best[None, :]
    lost = (take(spec.ally_cares, opening) - take(spec.ally_cares, terms)) * (terms >= 0)
    return row_sum(clip(lost, 0.0, None))


def _agree(spec: GameSpec, st: BatchState, d: Deltas, m: np.ndarray, terms: np.ndarray, reply) -> np.ndarray:
    """Accepted terms become agreements; returns them [N, I] (-1 elsewhere)."""
    if not any_true(m):  # nothing accepted: nothing changes
        return np.full_like(terms, -1)
    tun, mt = spec.tuning, Meters(spec)
    new = m[:, None] & (terms >= 0) & (st.agreed < 0)
    agreed_now = np.where(new, terms, -1)
    st.agreed = np.where(new, terms, st.agreed)
    st.ai_offer = np.where(new, -1, st.ai_offer)
    count = row_sum(new)
    scale = 1.0 + tun["agreement_scale"] * np.maximum(count - 1, 0)
    d.add(mt.tension, "agreement", tun["agree_tension"] * scale, m)
    d.add(mt.trust, "agreement", tun["agree_trust"] * scale, m)
    if mt.ally >= 0:
        feel = row_sum((take(spec.ally_cares, agreed_now) - 0.5) * new)
        d.add(mt.ally, "ally_interests", tun["agree_ally"] * feel, m)
    yours = (row_sum(take(spec.player_values, agreed_now) * new)) / np.maximum(count, 1)
    d.add(mt.resolve, "action", tun["accept_bad_resolve"], m & (reply >= 0) & (yours < 0.4))
    return agreed_now


def _new_offers(spec: GameSpec, st: BatchState, reply, terms, values, target, caused) -> None:
    """A counter covers the issues you raised, other offers the whole open agenda; each
    trades what it believes you value less, and never takes back ground it gave unless
    you gave it cause."""
    tun, mind = spec.tuning, spec.counterpart
    open_ = st.agreed < 0
    m = reply == AK["counter"]
    concession, ultimatum = reply == AK["concession"], reply == AK["ultimatum"]
    lift = np.where(concession, tun["ai_concession_aspiration"], np.where(ultimatum, tun["ai_ultimatum_aspiration"], 0.0))
    offering = m | (reply == AK["package"]) | concession | ultimatum
    rows = np.nonzero(offering)[0]
    if not rows.size:
        return
    scope = np.where(m[rows, None], (terms[rows] >= 0) & open_[rows], open_[rows])
    goal = clip(target[rows] + lift[rows], mind.reservation, 1.0)
    you_w, you_v = opponent.believed(spec, st, rows)
    offer = make_offer(spec, values[rows], goal, scope, you_w, you_v)
    given = st.ai_given[rows]
    keep_ground = ~caused[rows, None] & (given >= 0) & (offer >= 0)
    behind = generosity(spec, offer) < generosity(spec, given)
    offer = np.where(keep_ground & behind, given, offer)
    # Where you never asked what it needs on its weightiest issues, it gives no ground
    # there beyond what it has already offered (it does not bid against itself unasked).
    hold = unasked_top(spec, st)[rows] & (offer >= 0) & (tun["hold_unasked_offers"] > 0)
    firm = np.where(given >= 0, given, spec.ai_best[None, :])
    offer = np.where(hold & (generosity(spec, offer) > generosity(spec, firm)), firm, offer)
    st.ai_offer[rows] = np.where(scope | ~m[rows, None], offer, st.ai_offer[rows])
    more = (offer >= 0) & ((given < 0) | (generosity(spec, offer) > generosity(spec, given)))
    st.ai_given[rows] = np.where(more, offer, given)


def play_reply(spec: GameSpec, st: BatchState, d: Deltas, reply, ctx: ReplyContext, terms, values, target, played,
               shift_before=None):
    """Apply the chosen reply's effects; returns (newly agreed [N, I], focus issue [N])."""
    tun, mind = spec.tuning, spec.counterpart
    hostile = tun["hostile_base"] + tun["pride_scale"] * mind.traits.pride
    mt = Meters(spec)

    def is_(kind: str) -> np.ndarray:
        return reply == AK[kind]

    accepted = np.where(ctx.take_best[:, None] & ~ctx.acceptable[:, None], st.best_seen, terms)
    agreed_now = _agree(spec, st, d, is_("accept"), accepted, reply)

    m = is_("reject")
    d.add(mt.tension, "offer", tun["insulting_offer_tension"] * hostile, m & ctx.insulting)
    d.add(mt.trust, "offer", tun["insulting_offer_trust"], m & ctx.insulting)

    # A serious offer that meets some of its needs earns respect even when it is countered.
    fresh = is_("counter") & ~ctx.insulting & ~ctx.repeated
    d.add(mt.tension, "offer", tun["near_offer_tension"], fresh)
    d.add(mt.trust, "offer", tun["near_offer_trust"], fresh)
    st.aspiration_shift += np.where(is_("concession"), tun["ai_concession_aspiration"], 0.0)
    before = st.aspiration_shift if shift_before is None else shift_before
    caused = (st.aspiration_shift > before + 1e-9) | is_("ultimatum")
    _new_offers(spec, st, reply, terms, values, target, caused)

    top = weightiest_open(spec, st.agreed < 0)
    m = is_("demand")
    d.add(mt.tension, "reply", tun["ai_demand_tension"] * hostile, m)
    rows = np.nonzero(m)[0]
    st.ai_offer[rows, top[rows]] = spec.ai_best[top[rows]]

    m = is_("ultimatum")
    d.add(mt.tension, "reply", tun["ai_ultimatum_tension"], m)
    st.aspiration_shift += np.where(m, tun["ai_ultimatum_aspiration"], 0.0)
    st.ultimatum |= m
    set_deadline(spec, st, m, top)

    d.add(mt.tension, "reply", tun["ai_threat_tension"] * hostile, is_("threat"))
    if mt.ally >= 0 and spec.ally is not None:
        d.add(mt.ally, "split", tun["divide_ally"] * (0.5 + spec.ally.traits.pride), is_("divide"))
    d.add(mt.trust, "reply", tun["ai_lecture_trust"], is_("lecture"))

    m = is_("walk_out")
    st.walked_out[m] = 2
    st.over |= m

    # What the reply is about: the proposal's weightiest issue, else the issue you named,
    # else the counterpart's weightiest open issue.
    weights = np.where(accepted >= 0, spec.ai_weights[None, :], -1.0)
    focus = np.where(row_any(accepted >= 0), row_argmax(weights), -1)
    return agreed_now, np.where(reply >= 0, np.where(focus >= 0, focus, top), -1)
