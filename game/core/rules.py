"""One turn of the summit for a whole batch: your action, its effects, the counterpart's
reply, the state feeding on itself, the end of a session, events, and the ending.

`step` mutates the state in place and returns what happened (`TurnOutcome`), as arrays.
Games already over are left untouched, so a batch can run until every game has ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from game.core import rng
from game.core.arrays import any_true, clip, covered_count, row_all, row_any, row_sum
from game.core.conditions import holds
from game.core.effects import Deltas, Meters
from game.core import opponent
from game.core import pressure as pressure_mod
from game.core.kinds import PLAYER_KIND_TABLE
from game.core.reply import choose_reply, play_reply
from game.core.spec import PK, GameSpec
from game.core.state import BatchState
from game.core.utility import ai_values, aspiration, reservation, take, utility


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
    deadline: np.ndarray | None = None  # [N] their deadline this turn: 0 none, 1 yielded, 2 bluff called, 3 real
    judged: object = None  # the reply's ReplyContext: how it judged your terms and scored its replies


def legal_mask(spec: GameSpec, st: BatchState) -> np.ndarray:
    """[N, A] bool: which of the player's actions are open in each game."""
    kinds, issues, terms = spec.action_kinds, spec.action_issues, spec.action_terms
    open_ = st.agreed < 0
    has_offer = row_any((st.ai_offer >= 0) & open_)
    issue_col = clip(issues, 0, None)
    mask = np.ones((st.n, len(spec.actions)), dtype=bool)
    for code, name in ((PK["accept"], "accept"), (PK["counter"], "counter"), (PK["reject"], "reject")):
        mask[:, kinds == code] = has_offer[:, None]
    is_propose = kinds == PK["propose"]
    # A fixed proposal is open while any issue it covers is: a count of covered open issues.
    mask[:, is_propose] = covered_count(open_, terms[is_propose] >= 0) > 0
    # Your own offer (no fixed terms): open while any issue is.
    mask[:, spec.action_open_terms] = row_any(open_)[:, None]
    is_concede = kinds == PK["concede"]
    cols = issue_col[is_concede]
    here = st.player_pos[:, cols]
    step_to = clip(here + np.sign(spec.ai_best[cols][None, :] - here), 0, spec.n_positions - 1)
    # A concession gives one step of ground, never onto your own red line (propose that
    # outright if you mean it): the move's words promise what you keep.
    mask[:, is_concede] = open_[:, cols] & (here != spec.ai_best[cols][None, :]) & ~spec.player_red[cols[None, :], step_to]
    is_probe = kinds == PK["probe"]
    # Once per issue, and never about an issue already settled.
    mask[:, is_probe] = ~st.probed[:, issue_col[is_probe]] & open_[:, issue_col[is_probe]]
    is_warn = kinds == PK["warn"]
    mask[:, is_warn] = open_[:, issue_col[is_warn]]
    if spec.ally is None or spec.meter_index("ally.confidence") < 0:
        mask[:, kinds == PK["consult_ally"]] = False
    mask &= ~st.over[:, None]
    return mask


def proposed_terms(spec: GameSpec, st: BatchState, action: np.ndarray, given: np.ndarray | None = None) -> np.ndarray:
    """What each game's action puts on the table, [N, I], -1 where it says nothing.

    `given` [N, I] (-1 = leave the issue out) are the player's own terms: used by a
    composable action (your own offer, a counter) in the rows where they name any issue;
    a counter without them splits the difference. Agreed issues are never reopened."""
    action = np.asarray(action, dtype=np.int64)
    kinds = np.where(action >= 0, spec.action_kinds[clip(action, 0, None)], -1)
    return _proposed_terms(spec, st, kinds, action, given)


def _proposed_terms(spec: GameSpec, st: BatchState, kinds: np.ndarray, action: np.ndarray,
                    given: np.ndarray | None = None) -> np.ndarray:
    n, n_issues = st.n, spec.n_issues
    open_ = st.agreed < 0
    terms = np.full((n, n_issues), -1, dtype=np.int64)
    safe_action = clip(action, 0, None)

    m = kinds == PK["propose"]
    terms = np.where(m[:, None] & open_, spec.action_terms[safe_action], terms)

    m = kinds == PK["accept"]
    terms = np.where(m[:, None] & open_, st.ai_offer, terms)

    m = kinds == PK["counter"]
    gap = st.ai_offer - st.player_pos
    # The default counter: one step from your standing position toward their offer on
    # each issue it covers (a monotone concession; compose terms to move further)...
    mid = st.player_pos + np.sign(gap)
    # ...but never across your own red lines: stay where you are.
    mid = np.where(take(spec.player_red, mid), st.player_pos, mid)
    terms = np.where(m[:, None] & open_ & (st.ai_offer >= 0), mid, terms)

    if given is not None:
        given = np.asarray(given, dtype=np.int64)
        own = spec.action_composable[safe_action] & (action >= 0) & row_any(given >= 0)
        terms = np.where(own[:, None], np.where(open_, given, -1), terms)

    m = kinds == PK["concede"]
    rows = np.nonzero(m)[0]
    if rows.size:
        issue = spec.action_issues[action[rows]]
        here = st.player_pos[rows, issue]
        terms[rows, issue] = here + np.sign(spec.ai_best[issue] - here)
    return terms


@dataclass
class Turn:
    """What every phase of a turn reads, computed once at its start."""

    spec: GameSpec
    st: BatchState
    played: np.ndarray  # [N] bool
    action: np.ndarray  # [N] action index, -1 where not played
    kinds: np.ndarray  # [N] player kind code, -1 where not played
    issue: np.ndarray  # [N] the issue the action names, -1 none
    d: Deltas
    mt: Meters
    progress: np.ndarray  # [N] share of the summit's turns played
    hostile: float  # hostile acts' tension multiplier (pride)
    warm: float  # goodwill multiplier (warmth)
    noise: np.ndarray  # [N] tension noise on hostile acts (volatility)
    shift_before: np.ndarray  # [N] the aspiration shift before this turn

    def is_(self, name: str) -> np.ndarray:
        return self.kinds == PK[name]

    @cached_property
    def rows(self) -> np.ndarray:
        return np.arange(self.st.n)

    @property
    def issue_col(self) -> np.ndarray:
        return clip(self.issue, 0, None)


def begin_turn(spec: GameSpec, st: BatchState, action: np.ndarray, reasons: bool = True) -> Turn:
    tun, traits = spec.tuning, spec.counterpart.traits
    played = ~st.over
    action = np.where(played, np.asarray(action, dtype=np.int64), -1)
    safe = clip(action, 0, None)
    noise = traits.volatility * tun["volatility_noise"] * (
        2.0 * st.draw(rng.STREAM_NOISE) - 1.0)
    return Turn(
        spec, st, played, action,
        kinds=np.where(played, spec.action_kinds[safe], -1),
        issue=np.where(played, spec.action_issues[safe], -1),
        d=Deltas.zeros(st.n, len(spec.meters), reasons),
        mt=Meters(spec),
        progress=clip(st.turn / max(spec.total_turns, 1), 0.0, 1.0),
        hostile=tun["hostile_base"] + tun["pride_scale"] * traits.pride,
        warm=tun["warmth_base"] + tun["warmth_scale"] * traits.warmth,
        noise=noise,
        shift_before=st.aspiration_shift.copy(),
    )


def direct_effects(t: Turn) -> None:
    """Each player kind's `effects` from game.core.kinds, scaled by its modifier."""
    tun, traits, d = t.spec.tuning, t.spec.counterpart.traits, t.d
    meter_of = {"tension": t.mt.tension, "trust": t.mt.trust, "resolve": t.mt.resolve, "confidence": t.mt.ally}
    for kind in PLAYER_KIND_TABLE:
        m = t.is_(kind.name)
        if not kind.effects or not any_true(m):
            continue
        for e in kind.effects:
            meter, amount, mods = meter_of[e.meter], tun[e.tuning], set(e.modifier.split("+"))
            if "fatigue" in mods:
                per_repeat = tun.get(f"{kind.name}_fatigue", tun["repeat_fatigue"])
                amount = amount * per_repeat ** t.st.kind_count[:, PK[kind.name]]
            d.add(meter, "action", amount, m, e.lasting)
            if "hostile" in mods:
                d.add(meter, "pride", amount * (t.hostile - 1.0), m, e.lasting)
                d.add(meter, "volatility", t.noise, m, e.lasting)
            if "warmth" in mods:
                d.add(meter, "warmth", amount * (t.warm - 1.0), m, e.lasting)
            if "zeal" in mods:
                d.add(meter, "zeal", -amount * tun["zeal_scale"] * traits.zeal, m, e.lasting)


def kind_specifics(t: Turn) -> None:
    """What some kinds do beyond moving meters: marks, probes, leaving, clearing offers."""
    st, tun, rows, col = t.st, t.spec.tuning, t.rows, t.issue_col
    m = t.is_("warn")
    st.warned[rows[m], col[m]] = True
    m = t.is_("rapport")
    t.d.add(t.mt.resolve, "charm_wears", tun["rapport_repeat_resolve"], m & (st.kind_count[:, PK["rapport"]] >= 1))
    m = t.is_("probe")
    if any_true(m):  # (nothing below changes a game that did not probe)
        _probe(t, m)
    st.walked_out[t.is_("walk_out")] = 1  # the summit ends after the counterpart's last word
    st.ai_offer[t.is_("reject")] = -1


def _probe(t: Turn, m: np.ndarray) -> None:
    """A probe (`m`): your staff read how much the named issue matters to the counterpart."""
    st, tun, rows, col = t.st, t.spec.tuning, t.rows, t.issue_col
    u = st.draw(rng.STREAM_PROBE)
    # Your staff may read the wrong issue's importance (a misleading source)...
    misled = st.draw(rng.STREAM_PROBE, 1) < tun["probe_mislead"]
    read = np.where(misled, (col + 1) % t.spec.n_issues, col)
    # ...and always read it a little wrong.
    guess = t.spec.ai_weights[read] * (1.0 + tun["probe_noise"] * (2.0 * u - 1.0))
    st.estimate[rows[m], col[m]] = guess[m]
    # Being asked what it needs, and heard, softens it: more so on what matters most to it.
    heard = tun["probe_heard_aspiration"] * t.spec.ai_weights[col] / t.spec.ai_weights.max()
    st.aspiration_shift -= np.where(m & ~st.probed[rows, col], heard, 0.0)
    st.probed[rows[m], col[m]] = True


def concession_costs(t: Turn, terms: np.ndarray) -> None:
    """Giving ground unasked: early, after your own warning, and in your ally's eyes."""
    tun, st, m = t.spec.tuning, t.st, t.is_("concede")
    if not any_true(m):  # every change below is for a concession
        return
    t.d.add(t.mt.resolve, "early", tun["concede_early_resolve"] * (1.0 - t.progress), m)
    t.d.add(t.mt.resolve, "unbacked", tun["unbacked_threat_resolve"], m & st.warned[t.rows, t.issue_col])
    if t.mt.ally >= 0:
        after = np.where(terms >= 0, terms, st.player_pos)
        lost = take(t.spec.ally_cares, st.player_pos) - take(t.spec.ally_cares, after)
        t.d.add(t.mt.ally, "ally_interests", -tun["concede_ally"] * row_sum(lost), m)
        # Any unilateral concession tells an ally its own interests may be traded next.
        t.d.add(t.mt.ally, "ally_watches", tun["concede_ally_flat"], m)


def positions_phase(t: Turn, terms: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Your standing position moves; repeats and held cores are noted. Returns (gain to the
    counterpart [N], repeated [N])."""
    spec, st, tun = t.spec, t.st, t.spec.tuning
    covered = terms >= 0
    moves_position = t.is_("propose") | t.is_("concede") | t.is_("counter")
    st.player_pos = np.where(moves_position[:, None] & covered, terms, st.player_pos)
    # How much your move improved your standing position for the counterpart, in its
    # overall utility (weights over the whole agenda, so a small issue is a small gift),
    # beyond the best it has had from you and its own walk-away value: stepping back
    # from an extreme opening is no gift.
    if any_true(moves_position):
        worth = row_sum(spec.ai_weights * take(values, st.player_pos))
        baseline = np.maximum(st.best_pos_u, reservation(spec, st))
        gain = np.where(moves_position, clip(worth - baseline, 0.0, None), 0.0)
        st.best_pos_u = np.where(moves_position, np.maximum(st.best_pos_u, worth), st.best_pos_u)
    else:
        gain = np.zeros(st.n)
    # The very offer you made last turn, made again: it earns nothing new and wears.
    repeated = row_any(covered) & ~t.is_("accept") & row_all(terms == st.last_terms)
    t.d.add(t.mt.tension, "repeat", tun["repeat_offer_tension"], repeated)
    proposing = t.is_("propose")
    if any_true(proposing):
        core = int(spec.player_weights.argmax())
        holds_core = (terms[:, core] < 0) | (take(spec.player_values, terms)[:, core] >= 0.5)
        m = proposing & (row_sum(covered) >= 2) & holds_core & ~repeated
        t.d.add(t.mt.resolve, "core", tun["hold_core_resolve"], m)
    return gain, repeated


def feedback(t: Turn) -> None:
    """The state feeding on itself: spirals, a weak or firm resolve, a divided side."""
    spec, st, tun, d, mt = t.spec, t.st, t.spec.tuning, t.d, t.mt
    now = clip(st.base + st.fading + d.net(), 0.0, 100.0)
    if mt.tension >= 0 and mt.trust >= 0:
        m = t.played & (now[:, mt.tension] > tun["spiral_at"]) & (now[:, mt.trust] < tun["spiral_trust"])
        d.add(mt.tension, "spiral", tun["spiral"], m)
    resolve = now[:, mt.resolve] if mt.resolve >= 0 else np.full(st.n, 50.0)
    weak = clip((tun["weak_resolve_at"] - resolve) / tun["weak_resolve_at"], 0.0, 1.0)
    firm = clip((resolve - tun["firm_resolve_at"]) / (100.0 - tun["firm_resolve_at"]), 0.0, 1.0)
    pressure = tun["weakness_pressure"] * spec.counterpart.traits.pride * weak - tun["firmness_relief"] * firm
    pressure = np.where(t.played, pressure, 0.0) + pressure_mod.ally_acts(spec, st, d, now, t.played)
    limit = tun["aspiration_shift_limit"]
    st.aspiration_shift = clip(st.aspiration_shift + pressure, -limit, limit)
    d.add(mt.ally, "weakness", tun["weak_resolve_ally"] * weak, t.played & (weak > 0))


def session_end(t: Turn) -> None:
    """Grudges and goodwill fade at the end of a session."""
    spec, st, tun = t.spec, t.st, t.spec.tuning
    sess = spec.session_of_turn
    ends = t.played & (sess[clip(st.turn + 1, 0, len(sess) - 1)] != sess[st.turn])
    keep = tun["fade_min"] + (tun["fade_max"] - tun["fade_min"]) * spec.counterpart.traits.memory
    pending = st.fading + t.d.fading_sum
    t.d.add_all("fade", np.where(ends[:, None], -pending * (1.0 - keep), 0.0), lasting=False)


def step(spec: GameSpec, st: BatchState, action: np.ndarray, terms: np.ndarray | None = None,
         reasons: bool = True) -> TurnOutcome:
    """Play one turn in every game not over. `terms` [N, I] (position per issue, -1 to
    leave it out) are the player's own terms for composable actions (see `proposed_terms`).
    `reasons=False` keeps only each meter's total change, not its causes (see `Deltas`)."""
    t = begin_turn(spec, st, action, reasons)
    direct_effects(t)
    kind_specifics(t)
    outcome_before = st.deadline_outcome.copy()
    pressure_mod.deadlines(spec, st, t.d, t.kinds, t.issue, t.played)
    deadline_now = np.where(st.deadline_outcome != outcome_before, st.deadline_outcome, 0)

    table = _proposed_terms(spec, st, t.kinds, t.action, terms)
    trust = st.meters()[:, t.mt.trust] if t.mt.trust >= 0 else np.full(st.n, 50.0)
    values = ai_values(spec, trust)
    concession_costs(t, table)
    opponent.observe(spec, st, t.kinds, t.issue, table, t.played)
    gain, repeated = positions_phase(t, table, values)
    st.last_terms = np.where(t.played[:, None], table, st.last_terms)
    pressure_mod.wear(spec, st, t.kinds, repeated, t.played)
    pressure_mod.ally_reacts(spec, st, t.d, t.kinds, table, t.played)
    st.aspiration_shift += np.where(t.played, spec.strategy.react(t.kinds, gain, spec.tuning), 0.0)

    now = clip(st.base + st.fading + t.d.net(), 0.0, 100.0)
    target = aspiration(spec, st)
    u_new = utility(values, table, spec.ai_weights)
    reply, ctx = choose_reply(spec, st, t.kinds, t.issue, table, u_new, target, now, t.played, repeated)
    agreed_now, focus = play_reply(spec, st, t.d, reply, ctx, table, values, target, t.played, t.shift_before)

    feedback(t)
    session_end(t)
    out = _finish_turn(t, reply, table, agreed_now, focus)
    out.deadline = deadline_now
    out.judged = ctx
    return out


def _finish_turn(t: Turn, reply, table, agreed_now, focus) -> TurnOutcome:
    spec, st, played, mt = t.spec, t.st, t.played, t.mt
    _apply(st, t.d.lasting_sum, t.d.fading_sum)
    st.kind_count[t.rows[played], t.kinds[played]] += 1
    st.turn += played.astype(np.int64)
    _check_breakdown(spec, st, mt, played)
    # Events break in before a turn still to be played, never after the last one.
    events = fire_events(spec, st, t.d, ~st.over & (st.turn < spec.total_turns))
    _check_breakdown(spec, st, mt, played)
    st.over |= played & (st.walked_out == 1)
    # Nothing left to negotiate: the summit ends with the agenda settled.
    settled = played & row_all(st.agreed >= 0)
    ended = played & (st.over | settled | (st.turn >= spec.total_turns))
    st.over |= ended
    _choose_endings(spec, st, ended)
    _record(spec, st, played)
    return TurnOutcome(played, t.action, reply, table, st.ai_offer.copy(), agreed_now, focus, t.d, events, ended)


def _apply(st: BatchState, lasting: np.ndarray, fading: np.ndarray) -> None:
    st.base = clip(st.base + lasting, 0.0, 100.0)
    st.fading = clip(st.fading + fading, -100.0, 100.0)


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
    ev = None  # the events' changes, once one fires somewhere
    limit = spec.tuning["aspiration_shift_limit"]
    clipped = False
    for e, event in enumerate(spec.events):
        candidates = live & ~st.fired[:, e]
        now = candidates & holds(spec, st, event.when) if any_true(candidates) else candidates
        if not any_true(now):  # fires nowhere: no need to ask (happened already), no change
            if not clipped:  # what the first event's update does when it fires nowhere
                st.aspiration_shift = clip(st.aspiration_shift + 0.0, -limit, limit)
                clipped = True
            continue
        ev = ev if ev is not None else d.like(st.n)
        fired[:, e] = now
        for meter, delta, lasting in event.effects:
            ev.add(meter, "event", delta, now, lasting)
        st.aspiration_shift = clip(st.aspiration_shift + np.where(now, event.aspiration, 0.0), -limit, limit)
        clipped = True
    if ev is not None:  # (adding nothing would change nothing: the sums start at +0.0)
        st.fired |= fired
        _apply(st, ev.lasting_sum, ev.fading_sum)
        d.merge(ev)
    return fired


def _choose_endings(spec: GameSpec, st: BatchState, ended: np.ndarray) -> None:
    # Judged on the games that ended this turn only (a few of a large batch).
    rows = np.nonzero(ended & (st.ending < 0))[0]
    if not rows.size:
        return
    ended_st = st.select(rows)
    pending = np.ones(rows.size, dtype=bool)
    for e, ending in enumerate(spec.endings):
        if not any_true(pending):
            break
        match = pending & holds(spec, ended_st, ending.when)
        st.ending[rows[match]] = e
        pending &= ~match


def _record(spec: GameSpec, st: BatchState, played: np.ndarray) -> None:
    if not st.history.shape[1]:  # a run that keeps no history
        return
    rows = np.nonzero(played)[0]
    st.history[rows, st.turn[rows], :] = st.meters()[rows]
    # A summit that ends early keeps its last meters for the rest of the chart.
    over_rows = rows[st.over[rows]]
    if over_rows.size:
        later = np.arange(st.history.shape[1])[None, :] >= st.turn[over_rows][:, None]
        last = st.history[over_rows, st.turn[over_rows], :]
        st.history[over_rows] = np.where(later[:, :, None], last[:, None, :], st.history[over_rows])


def open_summit(spec: GameSpec, st: BatchState, reasons: bool = True) -> tuple[np.ndarray, Deltas]:
    """Events that hold before the first turn (e.g. a briefing-day leak). `reasons`: keep
    the changes by cause (as `step` does), for someone who will read them."""
    d = Deltas.zeros(st.n, len(spec.meters), reasons)
    fired = fire_events(spec, st, d, ~st.over)
    st.history[:, :1, :] = st.meters()[:, None, :]
    return fired, d


def player_value(spec: GameSpec, positions: np.ndarray) -> np.ndarray:
    """Your side's weighted worth of agreed positions [N, I] (unagreed issues count 0)."""
    return utility(np.broadcast_to(spec.player_values, (positions.shape[0],) + spec.player_values.shape), positions, spec.player_weights) * row_sum(
        (positions >= 0) * spec.player_weights
    )
