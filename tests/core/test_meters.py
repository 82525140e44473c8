"""Hand-worked meter updates on the tiny game (see tiny.py for its numbers)."""

from __future__ import annotations

import numpy as np
import pytest

from game.core import rules
from game.core.reasons import C
from game.core.state import new_state
from tests.core.tiny import tiny_spec

TENSION, TRUST, RESOLVE, ALLY = 0, 1, 2, 3


def play(spec, *action_ids, seed=1):
    st = new_state(spec, seed)
    rules.open_summit(spec, st)
    outcomes = []
    for aid in action_ids:
        outcomes.append(rules.step(spec, st, np.array([spec.action_index(aid)])))
    return st, outcomes


def reason(outcome, meter, cause):
    return float(outcome.deltas.total()[0, meter, C[cause]])


def test_warning_raises_tension_by_base_times_pride():
    # pride 1.0: hostile multiplier 0.6 + 0.8 * 1.0 = 1.4; base warn tension 7
    # -> 7 from the action and 7 * 0.4 = 2.8 from pride; volatility 0 adds nothing.
    spec = tiny_spec(pride=1.0)
    _, (out,) = play(spec, "warn_arms")
    assert reason(out, TENSION, "action") == pytest.approx(7.0)
    assert reason(out, TENSION, "pride") == pytest.approx(2.8)
    assert reason(out, TENSION, "volatility") == 0.0
    assert reason(out, TRUST, "action") == pytest.approx(-3.0)
    assert reason(out, RESOLVE, "action") == pytest.approx(6.0)


def test_even_tempered_counterpart_adds_no_pride_term():
    spec = tiny_spec(pride=0.5)  # multiplier exactly 1.0
    _, (out,) = play(spec, "warn_arms")
    assert reason(out, TENSION, "pride") == pytest.approx(0.0)


def test_meter_change_is_the_sum_of_its_reasons():
    spec = tiny_spec(pride=0.8, volatility=0.7)
    st, outcomes = play(spec, "warn_arms", "statement", "rapport", "concede_trade")
    for t, out in enumerate(outcomes):
        before, after = st.history[0, t], st.history[0, t + 1]
        total = out.deltas.total()[0].sum(axis=1)
        inside = (before + total > 0) & (before + total < 100)
        assert np.allclose((after - before)[inside], total[inside])


def test_charm_wears_thin():
    # warmth 1.0: goodwill x (0.5 + 1.0) = 1.5. First rapport: trust 6 from the action,
    # 3 from warmth. Second: fatigue 0.5 -> 3 and 1.5, and resolve -4 (charm without substance).
    spec = tiny_spec(warmth=1.0)
    _, (first, second) = play(spec, "rapport", "rapport")
    assert reason(first, TRUST, "action") == pytest.approx(6.0)
    assert reason(first, TRUST, "warmth") == pytest.approx(3.0)
    assert reason(first, RESOLVE, "charm_wears") == 0.0
    assert reason(second, TRUST, "action") == pytest.approx(3.0)
    assert reason(second, TRUST, "warmth") == pytest.approx(1.5)
    assert reason(second, RESOLVE, "charm_wears") == pytest.approx(-4.0)


def test_grudges_fade_at_the_end_of_a_session():
    # memory 0.5 keeps 0.3 + 0.6 * 0.5 = 0.6 of a grudge per session.
    # Turn 1: a public statement leaves +5 tension as a grudge (pride 0.5: multiplier 1).
    # Turn 2 ends the session: a break adds -6 of fading calm, so -1 is pending and
    # 40 % of it fades: +0.4 tension, leaving -0.6 in the fading part.
    spec = tiny_spec()
    st, (first, second) = play(spec, "statement", "break")
    assert st.fading[0, TENSION] == pytest.approx(-0.6)
    assert reason(second, TENSION, "fade") == pytest.approx(0.4)
    assert reason(first, TENSION, "fade") == 0.0


def test_concession_costs_resolve_more_early_and_after_a_warning():
    # At turn 0: resolve -6 (base) and -6 * (1 - 0) (early). After warning about arms,
    # conceding on arms adds -10 (an unbacked threat).
    spec = tiny_spec()
    _, (out,) = play(spec, "concede_trade")
    assert reason(out, RESOLVE, "action") == pytest.approx(-6.0)
    assert reason(out, RESOLVE, "early") == pytest.approx(-6.0)
    assert reason(out, RESOLVE, "unbacked") == 0.0
    _, (_, out2) = play(spec, "warn_arms", "concede_arms")
    assert reason(out2, RESOLVE, "early") == pytest.approx(-6.0 * (1 - 1 / 4))
    assert reason(out2, RESOLVE, "unbacked") == pytest.approx(-10.0)


def test_conceding_what_the_ally_values_costs_its_confidence():
    # The ally values arms [1.0, 0.5, 0.0]; conceding one step on arms loses it 0.5 of
    # value: -30 * 0.5 = -15, plus -5 for any unilateral concession.
    spec = tiny_spec()
    _, (out,) = play(spec, "concede_arms")
    assert reason(out, ALLY, "ally_interests") == pytest.approx(-15.0)
    assert reason(out, ALLY, "ally_watches") == pytest.approx(-5.0)
    # Trade leaves the ally indifferent: only the flat cost.
    _, (out,) = play(spec, "concede_trade")
    assert reason(out, ALLY, "ally_interests") == pytest.approx(0.0)


def test_meters_stay_within_bounds_and_tension_at_top_breaks_down():
    spec = tiny_spec(pride=1.0, patience=0.9, tuning={"warn_tension": 40.0})
    st, outcomes = play(spec, "warn_arms", "warn_arms")
    assert st.breakdown[0] and st.over[0]
    assert st.meters()[0, TENSION] == 100.0
    assert (st.history >= 0).all() and (st.history <= 100).all()


def test_an_impatient_counterpart_walks_out_near_the_brink():
    spec = tiny_spec(pride=1.0, patience=0.3, tuning={"warn_tension": 40.0})
    st, (out,) = play(spec, "warn_arms")  # 40 + 56 = 96 >= the walk-out line of 90
    assert st.over[0] and st.walked_out[0] == 2 and not st.breakdown[0]


def test_the_same_offer_twice_in_a_row_earns_nothing_new():
    # Arms on your terms is worth 0 to the counterpart: insulting, rejected, no goodwill.
    # Trade in the middle is worth 0.7 < 0.9: countered, +2 trust for a serious offer;
    # the second time in a row it earns no trust and +2 tension for repeating yourself.
    from dataclasses import replace

    from game.core.spec import ActionSpec

    spec = tiny_spec()
    middle = ActionSpec("trade_middle", "propose", "Trade in the middle", -1, (-1, 1))
    spec = replace(spec, actions=spec.actions + (middle,))
    _, (first, second, third) = play(spec, "trade_middle", "trade_middle", "rapport")
    assert reason(first, TRUST, "offer") == pytest.approx(2.0)
    assert reason(first, TENSION, "repeat") == 0.0
    assert reason(second, TRUST, "offer") == 0.0
    assert reason(second, TENSION, "repeat") == pytest.approx(2.0)
    _, outs = play(spec, "trade_middle", "rapport", "trade_middle")
    assert reason(outs[2], TENSION, "repeat") == 0.0  # not in a row: a fair reminder
