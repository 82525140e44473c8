"""One turn of the summit for a whole batch: your action, its effects, the counterpart's
reply, the state feeding on itself, the end of a session, events, and the ending.

`step` mutates the state in place and returns what happened (`TurnOutcome`), as arrays.
Games already over are left untouched, so a batch can run until every game has ended.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core import rng
from game.core.conditions import holds
from game.core.effects import Deltas, Meters
from game.core.reasons import C
from game.core.reply import choose_reply, play_reply
from game.core.spec import PK, GameSpec
from game.core.state import BatchState
from game.core.utility import ai_values, aspiration, take, utility


@dataclass
class TurnOutcome:
    played: np.ndarray  # [N] bool: the game took this turn
    action: np.ndarray  # [N] action index (-1 where not played)
    reply: np.ndarray  # [N] AI_KINDS code (-1 where none)
    terms: np.ndarray  # [N, I] what your action put on the table (-1 none)
    offer: np.ndarray  # [N, I] the counterpart's standing offer after its reply
    agreed_now: np.ndarray  # [N, I] newly agreed positions (-1 none)
    focus: np.ndarray  # [N] the issue the reply is about (-1 none)
    deltas: Deltas
    events: np.ndarray  # [N, E] bool: events that broke in after this turn
    ended: np.ndarray  # [N] bool: the summit ended with this turn


def legal_mask(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N, A] bool: which of the player's actions are open in each game."""
    kinds, issues, terms = spec.action_kinds, spec.action_issues, spec.action_terms
    open_ = st.agreed < 0
    has_offer = ((st.ai_offer >= 0) & open_).any(axis=1)
    issue_col = np.clip(issues, 0, None)
    mask = np.ones((st.n, len(spec.actions)), dtype=bool)
    for code, name in ((PK["accept"], "accept"), (PK["counter"], "counter"), (PK["reject"], "reject")):
        mask[:, kinds == code] = has_offer[:, None]
    is_propose = kinds == PK["propose"]
    mask[:, is_propose] = ((terms[None, is_propose, :] >= 0) & open_[:, None, :]).any(axis=2)
    is_concede = kinds == PK["concede"]
    cols = issue_col[is_concede]
    here = st.player_pos[:, cols]
    step_to = np.clip(here + np.sign(spec.ai_best[cols][None, :] - here), 0, spec.n_positions - 1)
    # A concession gives one step of ground, never onto your own red line (propose that
    # outright if you mean it): the move's words promise what you keep.
    mask[:, is_concede] = open_[:, cols] & (here != spec.ai_best[cols][None, :]) & ~spec.player_red[cols[None, :], step_to]
    is_probe = kinds == PK["probe"]
    mask[:, is_probe] = ~st.probed[:, issue_col[is_probe]]
    is_warn = kinds == PK["warn"]
    mask[:, is_warn] = open_[:, issue_col[is_warn]]
    if spec.ally is None or spec.meter_index("ally.confidence") < 0:
        mask[:, kinds == PK["consult_ally"]] = False
    mask &= ~st.over[:, None]
    return mask


def _proposed_terms(spec: GameSpec, st: BatchState, kinds: np.ndarray, action: np.ndarray) -> np.ndarray:
    """What each game's action puts on the table, [N, I], -1 where it says nothing."""
    n, n_issues = st.n, spec.n_issues
    open_ = st.agreed < 0
    terms = np.full((n, n_issues), -1, dtype=np.int64)
    safe_action = np.clip(action, 0, None)

    m = kinds == PK["propose"]
    terms = np.where(m[:, None] & open_, spec.action_terms[safe_action], terms)

    m = kinds == PK["accept"]
    terms = np.where(m[:, None] & open_, st.ai_offer, terms)

    m = kinds == PK["counter"]
    gap = st.ai_offer - st.player_pos
    # Split the difference, rounding towards the counterpart so that a counter always moves.
    mid = st.player_pos + np.sign(gap) * ((np.abs(gap) + 1) // 2)
    # ...but never across your own red lines: step back towards your position.
    for _ in range(spec.n_positions):
        crossing = take(spec.player_red, mid) & (mid != st.player_pos)
        mid = np.where(crossing, mid - np.sign(gap), mid)
    terms = np.where(m[:, None] & open_ & (st.ai_offer >= 0), mid, terms)

    m = kinds == PK["concede"]
    rows = np.nonzero(m)[0]
    if rows.size:
        issue = spec.action_issues[action[rows]]
        here = st.player_pos[rows, issue]
        terms[rows, issue] = here + np.sign(spec.ai_best[issue] - here)
    return terms


def step(spec: GameSpec, st: BatchState, action: np.ndarray) -> TurnOutcome:
    tun, mind = spec.tuning, spec.counterpart
    traits = mind.traits
    n = st.n
    mt = Meters(spec)
    played = ~st.over
    action = np.where(played, np.asarray(action, dtype=np.int64), -1)
    kinds = np.where(played, spec.action_kinds[np.clip(action, 0, None)], -1)
    issue = np.where(played, spec.action_issues[np.clip(action, 0, None)], -1)
    issue_col = np.clip(issue, 0, None)
    rows = np.arange(n)
    d = Deltas.zeros(n, len(spec.meters))
    before = st.meters()
    trust = before[:, mt.trust] if mt.trust >= 0 else np.full(n, 50.0)
    progress = np.clip(st.turn / max(spec.total_turns, 1), 0.0, 1.0)
    hostile = 0.6 + tun["pride_scale"] * traits.pride
    warm = 0.5 + tun["warmth_scale"] * traits.warmth
    noise = traits.volatility * tun["volatility_noise"] * (2.0 * rng.uniform(st.seed, st.game_index, st.turn, rng.STREAM_NOISE) - 1.0)

    def is_(name: str) -> np.ndarray:
        return kinds == PK[name]

    def hostile_act(mask: np.ndarray, amount: float, lasting: bool = True) -> None:
        d.add(mt.tension, "action", amount, mask, lasting)
        d.add(mt.tension, "pride", amount * (hostile - 1.0), mask, lasting)
        d.add(mt.tension, "volatility", noise, mask, lasting)

    # --- your action's direct effects ------------------------------------------------
    m = is_("warn")
    hostile_act(m, tun["warn_tension"])
    d.add(mt.trust, "action", tun["warn_trust"], m)
    d.add(mt.resolve, "action", tun["warn_resolve"], m)
    st.warned[rows[m], issue_col[m]] = True

    m = is_("statement")
    hostile_act(m, tun["statement_tension"], lasting=False)
    d.add(mt.trust, "action", tun["statement_trust"], m)
    d.add(mt.resolve, "action", tun["statement_resolve"], m)
    d.add(mt.ally, "action", tun["statement_ally"], m)

    m = is_("rapport")
    fatigue = tun["rapport_fatigue"] ** st.kind_count[:, PK["rapport"]]
    d.add(mt.trust, "action", tun["rapport_trust"] * fatigue, m, lasting=False)
    d.add(mt.trust, "warmth", tun["rapport_trust"] * fatigue * (warm - 1.0), m, lasting=False)
    d.add(mt.tension, "action", tun["rapport_tension"] * fatigue, m, lasting=False)
    d.add(mt.resolve, "charm_wears", tun["rapport_repeat_resolve"], m & (st.kind_count[:, PK["rapport"]] >= 1))

    m = is_("reassure")
    d.add(mt.trust, "action", tun["reassure_trust"], m, lasting=False)
    d.add(mt.trust, "warmth", tun["reassure_trust"] * (warm - 1.0), m, lasting=False)
    d.add(mt.tension, "action", tun["reassure_tension"], m, lasting=False)
    d.add(mt.resolve, "action", tun["reassure_resolve"], m)

    m = is_("appeal")
    d.add(mt.tension, "action", tun["appeal_tension"], m)
    d.add(mt.tension, "zeal", -tun["appeal_tension"] * 0.5 * traits.zeal, m)
    d.add(mt.trust, "action", tun["appeal_trust"], m)

    m = is_("probe")
    d.add(mt.trust, "action", tun["probe_trust"], m)
    u = rng.uniform(st.seed, st.game_index, st.turn, rng.STREAM_PROBE)
    guess = spec.ai_weights[issue_col] * (1.0 + tun["probe_noise"] * (2.0 * u - 1.0))
    st.estimate[rows[m], issue_col[m]] = guess[m]
    st.probed[rows[m], issue_col[m]] = True

    m = is_("consult_ally")
    d.add(mt.ally, "action", tun["consult_ally"], m)
    d.add(mt.resolve, "action", tun["consult_ally_resolve"], m)

    m = is_("break")
    d.add(mt.tension, "action", tun["break_tension"], m, lasting=False)

    m = is_("walk_out")
    hostile_act(m, tun["walk_out_tension"])
    st.walked_out[m] = 1  # the summit ends after the counterpart's last word

    m = is_("reject")
    hostile_act(m, tun["reject_tension"])
    d.add(mt.resolve, "action", tun["reject_resolve"], m)
    st.ai_offer[m] = -1

    # --- what goes on the table ------------------------------------------------------
    terms = _proposed_terms(spec, st, kinds, action)
    proposing = (terms >= 0).any(axis=1)
    values = ai_values(spec, trust)
    u_new = utility(values, terms, spec.ai_weights)
    # How much your move improved the terms for the counterpart, in its overall utility
    # (weights over the whole agenda, so a small issue is a small gift).
    covered = terms >= 0
    moved = (spec.ai_weights * covered * (take(values, terms) - take(values, st.player_pos))).sum(axis=1)
    gain = np.where(is_("propose") | is_("concede") | is_("counter"), np.clip(moved, 0.0, None), 0.0)

    m = is_("concede")
    d.add(mt.tension, "action", tun["concede_tension"], m)
    d.add(mt.trust, "action", tun["concede_trust"], m)
    d.add(mt.resolve, "action", tun["concede_resolve"], m)
    d.add(mt.resolve, "early", tun["concede_early_resolve"] * (1.0 - progress), m)
    d.add(mt.resolve, "unbacked", tun["unbacked_threat_resolve"], m & st.warned[rows, issue_col])
    if mt.ally >= 0:
        lost = take(spec.ally_cares, st.player_pos) - take(spec.ally_cares, np.where(terms >= 0, terms, st.player_pos))
        d.add(mt.ally, "ally_interests", -tun["concede_ally"] * lost.sum(axis=1), m)
        # Any unilateral concession tells an ally its own interests may be traded next.
        d.add(mt.ally, "ally_watches", tun["concede_ally_flat"], m)

    moves_position = is_("propose") | is_("concede") | is_("counter")
    st.player_pos = np.where(moves_position[:, None] & (terms >= 0), terms, st.player_pos)

    # The very offer you made last turn, made again: it earns nothing new and wears.
    repeated = proposing & ~is_("accept") & (terms == st.last_terms).all(axis=1)
    d.add(mt.tension, "repeat", tun["repeat_offer_tension"], repeated)
    st.last_terms = np.where(played[:, None], terms, st.last_terms)

    core = int(spec.player_weights.argmax())
    holds_core = (terms[:, core] < 0) | (take(spec.player_values, terms)[:, core] >= 0.5)
    m = is_("propose") & ((terms >= 0).sum(axis=1) >= 2) & holds_core & ~repeated
    d.add(mt.resolve, "core", tun["hold_core_resolve"], m)

    st.aspiration_shift += np.where(played, spec.strategy.react(kinds, gain, tun), 0.0)

    # --- the counterpart's reply -----------------------------------------------------
    now = np.clip(st.base + st.fading + d.total().sum(axis=2), 0.0, 100.0)
    target = aspiration(spec, st)
    reply, ctx = choose_reply(spec, st, kinds, issue, terms, u_new, target, now, played, repeated)
    agreed_now, focus = play_reply(spec, st, d, reply, ctx, terms, values, target, played)

    # --- the state feeding on itself -------------------------------------------------
    now = np.clip(st.base + st.fading + d.total().sum(axis=2), 0.0, 100.0)
    if mt.tension >= 0 and mt.trust >= 0:
        m = played & (now[:, mt.tension] > tun["spiral_at"]) & (now[:, mt.trust] < tun["spiral_trust"])
        d.add(mt.tension, "spiral", tun["spiral"], m)
    resolve = now[:, mt.resolve] if mt.resolve >= 0 else np.full(n, 50.0)
    weak = np.clip((tun["weak_resolve_at"] - resolve) / tun["weak_resolve_at"], 0.0, 1.0)
    firm = np.clip((resolve - tun["firm_resolve_at"]) / (100.0 - tun["firm_resolve_at"]), 0.0, 1.0)
    pressure = tun["weakness_pressure"] * traits.pride * weak - tun["firmness_relief"] * firm
    st.aspiration_shift = np.clip(st.aspiration_shift + np.where(played, pressure, 0.0), -0.5, 0.5)
    d.add(mt.ally, "weakness", tun["weak_resolve_ally"] * weak, played & (weak > 0))

    # --- the end of a session: grudges and goodwill fade -----------------------------
    sess = spec.session_of_turn
    session_ends = played & (sess[np.clip(st.turn + 1, 0, len(sess) - 1)] != sess[st.turn])
    keep = tun["fade_min"] + (tun["fade_max"] - tun["fade_min"]) * traits.memory
    pending = st.fading + d.fading.sum(axis=2)
    d.fading[:, :, C["fade"]] += np.where(session_ends[:, None], -pending * (1.0 - keep), 0.0)

    _apply(st, d.lasting.sum(axis=2), d.fading.sum(axis=2))
    st.kind_count[rows[played], kinds[played]] += 1
    st.turn += played.astype(np.int64)
    _check_breakdown(spec, st, mt, played)

    # Events break in before a turn still to be played, never after the last one.
    events = fire_events(spec, st, d, ~st.over & (st.turn < spec.total_turns))
    _check_breakdown(spec, st, mt, played)
    st.over |= played & (st.walked_out == 1)
    ended = played & (st.over | (st.turn >= spec.total_turns))
    st.over |= ended
    _choose_endings(spec, st, ended)
    _record(spec, st, played)
    return TurnOutcome(played, action, reply, terms, st.ai_offer.copy(), agreed_now, focus, d, events, ended)


def _apply(st: BatchState, lasting: np.ndarray, fading: np.ndarray) -> None:
    st.base = np.clip(st.base + lasting, 0.0, 100.0)
    st.fading = np.clip(st.fading + fading, -100.0, 100.0)


def _check_breakdown(spec: GameSpec, st: BatchState, mt: Meters, played: np.ndarray) -> None:
    if mt.tension < 0:
        return
    broke = played & ~st.over & (st.meters()[:, mt.tension] >= 100.0)
    st.breakdown |= broke
    st.over |= broke


def fire_events(spec: GameSpec, st: BatchState, d: Deltas, live: np.ndarray) -> np.ndarray:
    """Events whose conditions now hold and that have not happened yet; their effects are
    applied to the state and recorded in `d`."""
    fired = np.zeros((st.n, len(spec.events)), dtype=bool)
    if not spec.events:
        return fired
    ev = Deltas.zeros(st.n, len(spec.meters))
    for e, event in enumerate(spec.events):
        now = live & ~st.fired[:, e] & holds(spec, st, event.when)
        fired[:, e] = now
        for meter, delta, lasting in event.effects:
            ev.add(meter, "event", delta, now, lasting)
        st.aspiration_shift = np.clip(st.aspiration_shift + np.where(now, event.aspiration, 0.0), -0.5, 0.5)
    st.fired |= fired
    _apply(st, ev.lasting.sum(axis=2), ev.fading.sum(axis=2))
    d.lasting += ev.lasting
    d.fading += ev.fading
    return fired


def _choose_endings(spec: GameSpec, st: BatchState, ended: np.ndarray) -> None:
    pending = ended & (st.ending < 0)
    for e, ending in enumerate(spec.endings):
        if not pending.any():
            break
        match = pending & holds(spec, st, ending.when)
        st.ending[match] = e
        pending &= ~match


def _record(spec: GameSpec, st: BatchState, played: np.ndarray) -> None:
    rows = np.nonzero(played)[0]
    st.history[rows, st.turn[rows], :] = st.meters()[rows]
    # A summit that ends early keeps its last meters for the rest of the chart.
    over_rows = rows[st.over[rows]]
    for r in over_rows:
        st.history[r, st.turn[r] :, :] = st.history[r, st.turn[r], :]


def open_summit(spec: GameSpec, st: BatchState) -> tuple[np.ndarray, Deltas]:
    """Events that hold before the first turn (e.g. a briefing-day leak)."""
    d = Deltas.zeros(st.n, len(spec.meters))
    fired = fire_events(spec, st, d, ~st.over)
    st.history[:, 0, :] = st.meters()
    return fired, d


def player_value(spec: GameSpec, positions: np.ndarray) -> np.ndarray:
    """Your side's weighted worth of agreed positions [N, I] (unagreed issues count 0)."""
    return utility(np.broadcast_to(spec.player_values, (positions.shape[0],) + spec.player_values.shape), positions, spec.player_weights) * (
        (positions >= 0) * spec.player_weights
    ).sum(axis=1)
