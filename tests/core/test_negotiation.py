"""Strategy families, packages, probing, events and endings on the tiny game."""

from __future__ import annotations

import numpy as np
import pytest

from game.core import rules
from game.core.spec import AK, EndingSpec, EventSpec
from game.core.state import new_state
from game.core.utility import aspiration, make_offer, utility
from tests.core.tiny import tiny_spec


def state_at(spec, turn: int):
    """After `turn` turns of substance (the time curve runs on those, not on recesses)."""
    st = new_state(spec, 1)
    st.turn[:] = turn
    st.engaged[:] = turn
    return st


def step(spec, st, aid):
    return rules.step(spec, st, np.array([spec.action_index(aid)]))


# ---------------------------------------------------------------- strategy families


@pytest.mark.parametrize(
    "family, expected",
    [
        # aspiration 0.9, reservation 0.4, half-way through (turn 2 of 4):
        ("boulware", 0.4 + 0.5 * (1 - 0.5**2)),  # curve 0.5: concedes late
        ("conceder", 0.4 + 0.5 * (1 - 0.5**0.5)),  # curve 2: concedes early
        ("reciprocator", 0.4 + 0.5 * 0.5),  # curve 1: linear
    ],
)
def test_time_curves(family, expected):
    spec = tiny_spec(family)
    assert aspiration(spec, state_at(spec, 2))[0] == pytest.approx(expected)


def test_boulware_holds_out_longer_than_conceder():
    b, c = tiny_spec("boulware"), tiny_spec("conceder")
    for turn in (1, 2, 3):
        assert aspiration(b, state_at(b, turn))[0] > aspiration(c, state_at(c, turn))[0]


def test_hardliner_hardens_when_warned():
    spec = tiny_spec("hardliner")
    st = new_state(spec, 1)
    step(spec, st, "warn_arms")
    assert st.aspiration_shift[0] == pytest.approx(0.04)


def test_reciprocator_returns_a_concession():
    # Conceding trade one step makes your standing position worth 0.8 (weight) * 0.7
    # (value) = 0.56 to the counterpart; only what lies above its walk-away value (0.4) is a
    # gift, 0.16, and a reciprocator lowers its aspiration by 0.3 * 0.16 = 0.048. The
    # concession also drops your resolve to 50 - 12 = 38, below the weak line of 40, so a
    # proud-ish counterpart (pride 0.5) presses 0.04 * 0.5 * (2 / 40) = 0.001 harder.
    spec = tiny_spec("reciprocator")
    st = new_state(spec, 1)
    out = step(spec, st, "concede_trade")
    shift_from_reply = -0.05 if out.reply[0] == AK["concession"] else 0.0
    assert st.aspiration_shift[0] == pytest.approx(-0.048 + 0.001 + shift_from_reply)


def test_conceder_softens_with_reassurance_but_hardliner_does_not():
    for family, expected in (("conceder", -0.015), ("hardliner", 0.0)):
        spec = tiny_spec(family)
        st = new_state(spec, 1)
        step(spec, st, "rapport")
        assert st.aspiration_shift[0] == pytest.approx(expected)


# ---------------------------------------------------------------- packages


def test_package_trades_what_each_side_values_less():
    # Half-way (and the package a third turn of substance), the boulware insists on at
    # most 0.775. Arms on your terms alone is worth 0 to it; trade on its terms alone 1.0;
    # the package (arms yours, trade theirs) is worth (0.2 * 0 + 0.8 * 1.0) / 1.0 = 0.8,
    # so it is accepted, since you asked what it needs on both issues.
    spec = tiny_spec("boulware")
    st = state_at(spec, 2)
    st.probed[0, :] = True  # you asked about both its issues
    out = step(spec, st, "package")
    assert out.reply[0] == AK["accept"]
    assert list(st.agreed[0]) == [0, 2]

    st = state_at(spec, 2)
    out = step(spec, st, "propose_arms_mine")
    assert out.reply[0] in (AK["reject"], AK["counter"])
    assert (st.agreed[0] < 0).all()


def test_package_is_refused_while_the_counterpart_still_aims_high():
    spec = tiny_spec("boulware")
    st = new_state(spec, 1)  # turn 0: aspiration 0.9 > 0.8
    out = step(spec, st, "package")
    assert out.reply[0] != AK["accept"]


def test_offers_meet_the_aspiration_and_give_ground_where_it_costs_least():
    spec = tiny_spec("boulware")
    values = np.broadcast_to(spec.ai_values, (1, 2, 3))
    scope = np.ones((1, 2), dtype=bool)
    offer = make_offer(spec, values, np.array([0.8]), scope)
    # From its ideal (arms 2, trade 2: worth 1.0) the cheapest step for it is arms
    # (weight 0.2): arms 1 -> 0.9, arms 0 -> 0.8; trade stays its way.
    assert list(offer[0]) == [0, 2]
    assert utility(values, offer, spec.ai_weights)[0] >= 0.8
    # A higher aim gives less.
    assert list(make_offer(spec, values, np.array([0.95]), scope)[0]) == [2, 2]


def test_unverifiable_promises_are_worth_what_trust_makes_them():
    from game.core.utility import ai_values

    spec = tiny_spec()
    promise = spec.promise_by_player.copy()
    promise[0, 2] = True
    from dataclasses import replace

    spec = replace(spec, promise_by_player=promise)
    low, high = ai_values(spec, np.array([0.0, 100.0]))
    floor = spec.tuning["promise_floor"]
    assert low[0, 2] == pytest.approx(floor * 1.0)
    assert high[0, 2] == pytest.approx(1.0)
    assert low[1, 2] == pytest.approx(1.0)  # not a promise: no discount


def test_counter_never_crosses_your_red_lines():
    from dataclasses import replace

    spec = tiny_spec()
    red = spec.player_red.copy()
    red[1, 2] = True  # trade on their terms is your red line
    spec = replace(spec, player_red=red)
    st = new_state(spec, 1)
    st.ai_offer[0] = [-1, 2]
    st.player_pos[0] = [0, 1]
    from game.core.rules import _proposed_terms
    from game.core.spec import PK

    terms = _proposed_terms(spec, st, np.array([PK["counter"]]), np.array([0]))
    assert terms[0, 1] == 1  # stays at the middle instead of the red line


# ---------------------------------------------------------------- probing


def test_probe_reveals_the_interest_imperfectly_and_only_once():
    spec = tiny_spec(tuning={"probe_mislead": 0.0})
    for seed in range(20):
        st = new_state(spec, seed)
        step(spec, st, "probe_trade")
        est = st.estimate[0, 1]
        assert st.probed[0, 1] and not st.probed[0, 0]
        assert 0.8 * 0.75 <= est <= 0.8 * 1.25
        legal = rules.legal_mask(spec, st)[0]
        assert not legal[spec.action_index("probe_trade")] and legal[spec.action_index("probe_arms")]
    assert np.isnan(new_state(spec, 1).estimate).all()  # nothing known before probing


def test_a_misleading_source_reads_another_issues_weight():
    # Always misled: asked about trade (0.8), your staff read arms' weight (0.2), +-25 %.
    spec = tiny_spec(tuning={"probe_mislead": 1.0})
    for seed in range(10):
        st = new_state(spec, seed)
        step(spec, st, "probe_trade")
        assert 0.2 * 0.75 <= st.estimate[0, 1] <= 0.2 * 1.25


# ---------------------------------------------------------------- events and endings


def test_event_fires_once_when_its_condition_holds():
    event = EventSpec("scare", "A scare", "Something happens.", ("meter", 0, 45.0, None), ((1, -5.0, True),), 0.0)
    spec = tiny_spec(events=(event,))
    st = new_state(spec, 1)
    rules.open_summit(spec, st)
    assert not st.fired[0, 0]  # tension 40 < 45
    out = step(spec, st, "warn_arms")  # +7 -> 47
    assert out.events[0, 0] and st.fired[0, 0]
    trust_before = st.meters()[0, 1]
    out = step(spec, st, "warn_arms")
    assert not out.events[0, 0]
    assert st.meters()[0, 1] > trust_before - 5.0 - 3.0 - 1e-9  # the -5 is not applied again


def test_event_by_session():
    event = EventSpec("day2", "Day two", "Morning papers.", ("session", 1), ((0, 10.0, False),), 0.1)
    spec = tiny_spec(events=(event,))
    st = new_state(spec, 1)
    rules.open_summit(spec, st)
    step(spec, st, "break")
    assert not st.fired[0, 0]
    out = step(spec, st, "break")  # ends session 1: the next turn is in session 2
    assert out.events[0, 0]
    assert st.aspiration_shift[0] == pytest.approx(0.1, abs=0.05)


def test_first_matching_ending_wins():
    endings = (
        EndingSpec("broke", "Broke down", "breakdown", ("breakdown",), ""),
        EndingSpec("deal", "A deal", "better", ("agreements_at_least", 1), ""),
        EndingSpec("walked", "You walked out", "worse", ("player_did", 13), ""),
        EndingSpec("nothing", "Nothing", "history", ("true",), ""),
    )
    spec = tiny_spec(endings=endings)
    st = state_at(spec, 2)
    st.probed[0, :] = True  # you asked about both its issues
    step(spec, st, "package")  # accepted (see above)
    step(spec, st, "walk_out")
    assert st.over[0] and spec.endings[st.ending[0]].id == "deal"
    st = new_state(spec, 1)
    step(spec, st, "walk_out")
    assert spec.endings[st.ending[0]].id == "walked"
    st = new_state(spec, 1)
    for _ in range(4):
        step(spec, st, "break")
    assert st.over[0] and spec.endings[st.ending[0]].id == "nothing"


def test_no_event_breaks_in_after_the_last_turn():
    event = EventSpec("deal_news", "News of a deal", "Cheers.", ("agreements_at_least", 1), ((0, -5.0, True),), 0.0)
    spec = tiny_spec(events=(event,))
    st = state_at(spec, 3)  # the last of four turns
    st.probed[0, :] = True  # you asked about both its issues (it signs its two weightiest only then)
    out = step(spec, st, "package")
    assert out.reply[0] == AK["accept"] and st.over[0]
    assert not out.events[0, 0] and not st.fired[0, 0]


def test_front_ends_can_warn_of_your_own_red_lines():
    from dataclasses import replace

    from game.core.game import Game

    spec = tiny_spec()
    red = spec.player_red.copy()
    red[1, 2] = True  # trade on their terms
    spec = replace(spec, player_red=red)
    game = Game.start(spec, 1)
    actions = {a.id: a for a in spec.actions}
    assert game.red_lines_crossed(actions["package"]) == ["Trade"]
    assert game.red_lines_crossed(actions["propose_arms_mine"]) == []
    game.state.ai_offer[0] = [1, 2]
    assert game.red_lines_crossed(actions["accept"]) == ["Trade"]
    assert game.red_lines_crossed(actions["rapport"]) == []


def test_dialogue_fills_placeholders_and_capitalises_sentence_openings():
    from game.core.transcript import fill

    values = {"position": "an interim arrangement", "leader": "Mr. President", "issue": "Berlin"}
    assert fill("I propose {position}.", **values) == "I propose an interim arrangement."
    assert fill("{position} on {issue}. Agreed.", **values) == "An interim arrangement on Berlin. Agreed."
    assert fill("Good. {position}, {leader}.", **values) == "Good. An interim arrangement, Mr. President."
    assert fill("Keep {unknown} as written", **values) == "Keep {unknown} as written"


def test_no_question_about_an_issue_already_agreed(spec_for):
    """Issue 9: questions about agreed issues stayed open (the window hid them, the
    terminal did not); the rules now close them."""
    import numpy as np

    from game.core import rules
    from game.core.state import new_state

    spec = spec_for("vienna_1961")
    st = new_state(spec, 1)
    probes = [i for i, a in enumerate(spec.actions) if a.kind == "probe"]
    issue = spec.actions[probes[0]].issue
    assert rules.legal_mask(spec, st)[0, probes[0]]
    st.agreed[0, issue] = 0
    mask = rules.legal_mask(spec, st)[0]
    assert not mask[probes[0]]
    assert all(mask[p] for p in probes if spec.actions[p].issue != issue)
    assert np.any(mask)


@pytest.mark.parametrize("scenario, side", [("singapore_2018", "dprk"), ("vienna_1961", "usa")])
def test_terms_that_give_it_its_own_best_are_signed_without_asking_first(spec_for, scenario, side):
    """It signs none of its weightiest issues away before you asked what it needs there;
    terms that give it its own best position on them give nothing away. Offered exactly
    that at the first turn, it agrees (it used to answer "close, but not there yet" and
    counter with the very same terms)."""
    from game.core.game import Game

    spec = spec_for(scenario, side)
    top_two = [int(i) for i in np.argsort(-spec.ai_weights, kind="stable")[:2]]
    terms = {spec.issue_ids[i]: spec.position_ids[i][int(spec.ai_best[i])] for i in top_two}
    for seed in range(5):
        game = Game.start(spec, seed=seed)
        record = game.play("compose", terms)
        assert record["reply"]["kind"] == "accept", (seed, record["reply"])
        assert record["agreed"] == {spec.issue_ids[i]: spec.position_labels[i][int(spec.ai_best[i])] for i in top_two}
