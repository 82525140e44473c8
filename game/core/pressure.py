"""Time and the people around the table: patience, alternatives, deadlines, your ally.

- Time has a cost on both sides. Only moves of substance (`PlayerKind.engages`) advance
  the counterpart's time curve; any other move, the same kind of move again, the same
  offer again or a run of counters spends its patience and improves its alternatives
  (`batna`, added to its reservation). At patience 0 it leaves; at the last turn it takes
  the best offer it has seen, if that beats its alternatives, or nothing is agreed.
- Its deadlines are real or bluffs (one draw per game, by its risk tolerance). Giving
  ground on the deadline's issue before it expires is yielding; letting it expire calls
  it: a bluff collapses, a real one bites. The turn records name which (reasons).
- Your ally is a party: it reacts to the terms you put on the table, consulting it wears
  off and may leak, and pushed too far it breaks with you in public; the counterpart
  reads a divided side and presses harder.
"""

from __future__ import annotations

import numpy as np

from game.core import rng
from game.core.arrays import any_true, clip, row_any, row_sum
from game.core.effects import Deltas, Meters
from game.core.kinds import PLAYER_KIND_TABLE
from game.core.spec import PK, GameSpec, kind_is
from game.core.state import BatchState
from game.core.utility import take

ENGAGES = np.array([k.engages for k in PLAYER_KIND_TABLE] + [False], dtype=bool)  # index -1: not played
YIELDED, BLUFF_CALLED, DEADLINE_REAL = 1, 2, 3


def wear(spec: GameSpec, st: BatchState, kinds: np.ndarray, repeated: np.ndarray, played: np.ndarray) -> None:
    tun, traits = spec.tuning, spec.counterpart.traits
    # A counter right after a counter is haggling, not news: it does not move the clock.
    engages = ENGAGES[kinds] & ~repeated & ~((kinds == PK["counter"]) & (st.last_kind == PK["counter"]))
    stall = played & ~ENGAGES[kinds] & (kinds != PK["walk_out"])
    same_kind = played & (kinds == st.last_kind) & (kinds != PK["probe"])
    streak = np.where(kinds == PK["counter"], st.counter_streak + 1, 0)
    drain = (tun["stall_patience"] * stall + tun["repeat_kind_patience"] * same_kind
             + tun["repeat_offer_patience"] * repeated + tun["counter_streak_patience"] * np.maximum(streak - 1, 0))
    drain *= tun["patience_floor"] + (1.0 - traits.patience)
    st.patience = clip(st.patience - np.where(played, drain, 0.0), 0.0, 1.0)
    st.batna += np.where(played & (stall | repeated), tun["stall_batna"], 0.0)
    st.engaged += (played & engages).astype(np.int64)
    st.counter_streak = np.where(played, streak, st.counter_streak)
    st.last_kind = np.where(played, kinds, st.last_kind)


def set_deadline(spec: GameSpec, st: BatchState, setting: np.ndarray, issue: np.ndarray) -> None:
    st.deadline = np.where(setting, st.turn + int(spec.tuning["ultimatum_turns"]), st.deadline)
    st.deadline_issue = np.where(setting, issue, st.deadline_issue)


def deadlines(spec: GameSpec, st: BatchState, d: Deltas, kinds: np.ndarray, issue: np.ndarray,
              played: np.ndarray) -> None:
    """Yielding to a standing deadline, or its expiry: called bluff or real (after your move)."""
    tun, mt = spec.tuning, Meters(spec)
    live = played & (st.deadline >= 0)
    if not any_true(live):  # no deadline stands: nothing below would change anything
        return
    col = clip(st.deadline_issue, 0, None)
    rows = np.arange(st.n)
    yielded = live & (((kinds == PK["concede"]) & (issue == st.deadline_issue))
                      | ((kinds == PK["accept"]) & (st.ai_offer[rows, col] >= 0)))
    d.add(mt.resolve, "yielded", tun["yield_resolve"], yielded)
    settled = live & (st.agreed[rows, col] >= 0)
    expires = live & ~yielded & ~settled & (st.turn + 1 >= st.deadline)
    real = st.draw(rng.STREAM_DEADLINE, turn=0) < spec.counterpart.traits.risk_tolerance
    bites, bluff = expires & real, expires & ~real
    d.add(mt.tension, "deadline", tun["deadline_real_tension"], bites)
    d.add(mt.resolve, "bluff", tun["deadline_bluff_resolve"], bluff)
    st.aspiration_shift += np.where(bites, tun["deadline_real_aspiration"], 0.0)
    st.aspiration_shift += np.where(bluff, tun["deadline_bluff_aspiration"], 0.0)
    st.batna += np.where(bites, tun["stall_batna"], 0.0)
    st.deadline_outcome = np.where(yielded, YIELDED, np.where(bluff, BLUFF_CALLED, np.where(bites, DEADLINE_REAL, st.deadline_outcome)))
    done = yielded | settled | expires
    st.deadline = np.where(done, -1, st.deadline)
    st.deadline_issue = np.where(done, -1, st.deadline_issue)


def ally_reacts(spec: GameSpec, st: BatchState, d: Deltas, kinds: np.ndarray, terms: np.ndarray,
                played: np.ndarray) -> None:
    """Your ally hears the terms you put forward and counts your consultations."""
    tun, mt = spec.tuning, Meters(spec)
    if mt.ally < 0 or spec.ally is None:
        return
    ally = spec.ally.traits
    sensitivity = 0.5 + tun["ally_sensitivity_pride"] * ally.pride
    putting = played & kind_is(kinds, "propose", "counter") & row_any(terms >= 0)
    if any_true(putting):  # (here and below: a step that changes no game is skipped)
        opening = spec.player_best[None, :]
        lost = row_sum((take(spec.ally_cares, opening) - take(spec.ally_cares, terms)) * (terms >= 0))
        d.add(mt.ally, "ally_interests", -tun["ally_terms"] * sensitivity * clip(lost, 0.0, None), putting)
    consulting_again = played & (kinds == PK["consult_ally"]) & (st.kind_count[:, PK["consult_ally"]] >= 1)
    if any_true(consulting_again):
        leak = consulting_again & (st.draw(rng.STREAM_LEAK) < tun["ally_leak_chance"] * ally.volatility)
        d.add(mt.tension, "leak", tun["ally_leak_tension"], leak)
        st.aspiration_shift += np.where(leak, tun["ally_leak_aspiration"], 0.0)


def ally_acts(spec: GameSpec, st: BatchState, d: Deltas, now: np.ndarray, played: np.ndarray) -> np.ndarray:
    """An ally pushed too far breaks with you in public; a divided side is pressed harder.
    Returns the aspiration pressure [N] for this turn."""
    tun, mt = spec.tuning, Meters(spec)
    if mt.ally < 0 or spec.ally is None:
        return np.zeros(st.n)
    conf = now[:, mt.ally]
    breaks = played & ~st.ally_broke & (conf < tun["ally_break_at"] * (1.5 - spec.ally.traits.patience))
    d.add(mt.resolve, "ally_break", tun["ally_break_resolve"], breaks)
    st.ally_broke |= breaks
    divided = clip((50.0 - conf) / 50.0, 0.0, 1.0)
    return np.where(played, tun["ally_weak_pressure"] * divided + tun["ally_break_aspiration"] * breaks, 0.0)
