"""Time has a cost, deadlines are real or bluffs, the counterpart models you, the ally is a
party, endings judge the lesson: hand-worked on the tiny game (see tiny.py)."""

from __future__ import annotations

import numpy as np
import pytest

from game.core import judging, opponent, rules
from game.core.game import Game, IllegalAction, choice_text, parse_choice
from game.core.reasons import C
from game.core.spec import AK, PK, ActionSpec
from game.core.state import new_state
from game.core.utility import aspiration
from tests.core.tiny import tiny_spec

TENSION, TRUST, RESOLVE, ALLY = 0, 1, 2, 3


def with_compose(spec):
    from dataclasses import replace

    compose = ActionSpec("compose", "propose", "Your own offer", -1, (-1, -1))
    counter = ActionSpec("counter", "counter", "Counter", -1, (-1, -1))
    return replace(spec, actions=spec.actions + (compose, counter))


def play(spec, *ids, seed=1, st=None):
    st = st if st is not None else new_state(spec, seed)
    outs = [rules.step(spec, st, np.array([spec.action_index(a)])) for a in ids]
    return st, outs


# ----------------------------------------------------------------- time has a cost
def test_a_recess_spends_patience_and_improves_its_alternatives_but_not_the_clock():
    # patience 0.5: drain x (0.5 + 1 - 0.5) = 1.0; a recess is a stall (0.14); the second
    # in a row is the same kind again (+0.08). Alternatives +0.035 each; no turn of substance.
    spec = tiny_spec(patience=0.5)
    st, _ = play(spec, "break", "break")
    assert st.patience[0] == pytest.approx(1.0 - 0.14 - (0.14 + 0.08))
    assert st.batna[0] == pytest.approx(0.07)
    assert st.engaged[0] == 0
    # ...so its aspiration has not moved with time: only the floor of its alternatives.
    assert aspiration(spec, st)[0] == pytest.approx(0.9)


def test_questions_move_the_clock_recesses_do_not():
    spec = tiny_spec()
    probed, _ = play(spec, "probe_arms", "probe_trade")
    stalled, _ = play(spec, "break", "rapport")
    assert probed.engaged[0] == 2 and stalled.engaged[0] == 0
    assert aspiration(spec, probed)[0] < aspiration(spec, stalled)[0]


def test_out_of_patience_it_leaves():
    spec = tiny_spec(patience=0.0, tuning={"stall_patience": 0.6})  # 0.6 x 1.5 = 0.9 per recess
    st, outs = play(spec, "break", "break")
    assert st.patience[0] == 0.0
    assert outs[-1].reply[0] == AK["walk_out"] and st.over[0] and st.walked_out[0] == 2
    assert (st.agreed < 0).all()  # passive play ends with nothing agreed


def test_at_the_last_turn_it_takes_the_best_offer_you_made():
    # Both issues in the middle (0.2 x 0.5 + 0.8 x 0.7 = 0.66 to it) is refused at turn 0
    # (aspiration 0.9). At the last of four turns its aim is down to about 0.57 and its
    # alternatives (0.4 + two recesses' 0.07) leave a bar of about 0.52: it signs your
    # earlier offer.
    spec = with_compose(tiny_spec("reciprocator"))
    st = new_state(spec, 1)
    st.probed[0, 1] = True
    comp = spec.action_index("compose")
    rules.step(spec, st, np.array([comp]), np.array([[1, 1]]))
    assert (st.agreed < 0).all()
    assert st.best_seen_u[0] == pytest.approx(0.66)
    for _ in range(3):
        out = rules.step(spec, st, np.array([spec.action_index("probe_arms" if st.turn[0] == 1 else "rapport")]))
    assert st.over[0]
    assert list(st.agreed[0]) == [1, 1] and out.reply[0] == AK["accept"]


# ----------------------------------------------------------------- deadlines
@pytest.mark.parametrize("risk, expect", [(0.0, 2), (1.0, 3)])
def test_a_deadline_that_expires_is_a_bluff_called_or_real(risk, expect):
    spec = tiny_spec(risk_tolerance=risk)
    st = new_state(spec, 1)
    st.deadline[0], st.deadline_issue[0] = 1, 1  # expires after this turn, on trade
    out = rules.step(spec, st, np.array([spec.action_index("rapport")]))
    assert st.deadline_outcome[0] == expect and out.deadline[0] == expect and st.deadline[0] == -1
    if expect == 2:  # bluff called: it backs down, you look firm
        assert out.deltas.total()[0, RESOLVE, C["bluff"]] == pytest.approx(8.0)
    else:  # real: tension bites
        assert out.deltas.total()[0, TENSION, C["deadline"]] == pytest.approx(12.0)


def test_giving_ground_under_a_deadline_is_yielding():
    spec = tiny_spec()
    st = new_state(spec, 1)
    st.deadline[0], st.deadline_issue[0] = 3, 1
    out = rules.step(spec, st, np.array([spec.action_index("concede_trade")]))
    assert st.deadline_outcome[0] == 1 and out.deadline[0] == 1
    assert out.deltas.total()[0, RESOLVE, C["yielded"]] == pytest.approx(-8.0)


# ----------------------------------------------------------------- the counterpart models you
def test_it_learns_your_priorities_from_what_you_keep():
    spec = tiny_spec()
    st = new_state(spec, 1)
    terms = np.array([[0, 1]])
    kinds = np.array([PK["propose"]])
    opponent.observe(spec, st, kinds, np.array([-1]), terms, np.array([True]))
    st.last_terms = terms.copy()
    opponent.observe(spec, st, kinds, np.array([-1]), np.array([[0, 2]]), np.array([True]))
    weights, values = opponent.believed(spec, st)
    # arms held twice (evidence 1), trade moved: it believes arms matters more to you.
    assert weights[0, 0] == pytest.approx(2 / 3) and weights[0, 1] == pytest.approx(1 / 3)
    assert values[0, 0, 0] == pytest.approx(1.0)  # your end, and what you keep offering
    assert np.isclose(spec.player_weights, weights[0]).sum() == 0  # not your true weights


def test_its_offers_never_take_back_ground_without_cause():
    from game.core.reply import generosity

    spec = tiny_spec("boulware")
    st = new_state(spec, 1)
    st.ai_given[0] = [1, 1]  # it once offered the middle on both issues
    st.aspiration_shift[0] = 0.0
    st.probed[0, 1] = True
    rules.step(spec, st, np.array([spec.action_index("rapport")]))  # no cause given
    offered = st.ai_offer[0]
    assert (generosity(spec, offered[None, :])[0] >= generosity(spec, np.array([[1, 1]]))[0])[offered >= 0].all()


def test_it_never_rejects_terms_it_offered():
    spec = with_compose(tiny_spec("boulware"))
    st = new_state(spec, 1)
    st.ai_given[0] = [1, 1]
    out = rules.step(spec, st, np.array([spec.action_index("compose")]), np.array([[1, 1]]))
    assert out.reply[0] == AK["accept"]


# ----------------------------------------------------------------- the ally is a party
def test_the_ally_reacts_to_terms_you_propose_by_its_pride():
    # Arms in the middle: the ally cares 1.0 for your end, 0.5 for the middle: it loses 0.5.
    # Confidence -10 x 0.5 x (0.5 + pride) from the proposal itself.
    for pride, expect in ((0.0, -2.5), (1.0, -7.5)):
        spec = with_compose(tiny_spec())
        from dataclasses import replace

        spec = replace(spec, ally=replace(spec.ally, traits=replace(spec.ally.traits, pride=pride)))
        st = new_state(spec, 1)
        out = rules.step(spec, st, np.array([spec.action_index("compose")]), np.array([[1, -1]]))
        assert out.deltas.total()[0, ALLY, C["ally_interests"]] == pytest.approx(expect)


def test_consulting_the_ally_wears_off():
    spec = tiny_spec()
    _, (first, second) = play(spec, "consult_ally", "consult_ally")
    assert first.deltas.total()[0, ALLY, C["action"]] == pytest.approx(8.0)
    assert second.deltas.total()[0, ALLY, C["action"]] == pytest.approx(4.0)


def test_a_volatile_ally_leaks_repeated_consultations():
    from dataclasses import replace

    spec = tiny_spec(tuning={"ally_leak_chance": 2.0})
    spec = replace(spec, ally=replace(spec.ally, traits=replace(spec.ally.traits, volatility=1.0)))
    _, (first, second) = play(spec, "consult_ally", "consult_ally")
    assert first.deltas.total()[0, TENSION, C["leak"]] == 0.0
    assert second.deltas.total()[0, TENSION, C["leak"]] == pytest.approx(4.0)


def test_an_ally_pushed_too_far_breaks_in_public():
    spec = tiny_spec()
    st = new_state(spec, 1)
    st.base[0, ALLY] = 10.0
    out = rules.step(spec, st, np.array([spec.action_index("rapport")]))
    assert st.ally_broke[0]
    assert out.deltas.total()[0, RESOLVE, C["ally_break"]] == pytest.approx(-10.0)


def test_the_counterpart_plays_on_a_shaken_alliance_and_says_why():
    # Confidence 35 (< divide_at 50, above the break line 30 x (1.5 - 0.5)): the wedge is
    # open; made to outscore everything, it costs the ally -5 x (0.5 + pride 0.5) = -5.
    spec = tiny_spec(tuning={"score_divide_shaky": 100.0})
    st = new_state(spec, 1)
    st.base[0, ALLY] = 35.0
    out = rules.step(spec, st, np.array([spec.action_index("rapport")]))
    assert out.reply[0] == AK["divide"]
    assert out.deltas.total()[0, ALLY, C["split"]] == pytest.approx(-5.0)


def test_no_wedge_while_the_alliance_is_steady_or_already_broken():
    spec = tiny_spec(tuning={"score_divide": 100.0, "score_divide_shaky": 100.0})
    st = new_state(spec, 1)  # confidence 60: steady, and a move that puts no terms forward
    out = rules.step(spec, st, np.array([spec.action_index("rapport")]))
    assert out.reply[0] != AK["divide"]
    st = new_state(spec, 1)
    st.base[0, ALLY] = 35.0
    st.ally_broke[0] = True
    out = rules.step(spec, st, np.array([spec.action_index("rapport")]))
    assert out.reply[0] != AK["divide"]


def test_terms_that_cost_the_ally_open_the_wedge():
    # Arms in the middle costs the ally 0.5 of its worth: divide is open at full confidence.
    spec = with_compose(tiny_spec(tuning={"score_divide_hurts": 100.0}))
    st = new_state(spec, 1)
    out = rules.step(spec, st, np.array([spec.action_index("compose")]), np.array([[1, -1]]))
    assert out.reply[0] == AK["divide"]


# ----------------------------------------------------------------- endings judge the lesson
def test_value_brought_home_is_a_share_of_the_best_signable_deal():
    spec = tiny_spec()
    st = new_state(spec, 1)
    st.agreed[0] = [0, 1]  # arms yours (1.0 x 0.8) and trade in the middle (0.5 x 0.2)
    assert judging.value_brought_home(spec, st)[0] == pytest.approx(0.9)
    assert judging.best_signable(spec) == pytest.approx(1.0)  # they have no red lines here
    assert judging.OPERATORS["value_at_least"](spec, st, 0.9)[0]
    assert not judging.OPERATORS["value_at_least"](spec, st, 0.95)[0]


def test_a_red_line_crossed_is_seen():
    from dataclasses import replace

    red = np.zeros((2, 3), dtype=bool)
    red[1, 2] = True
    spec = replace(tiny_spec(), player_red=red)
    st = new_state(spec, 1)
    st.agreed[0] = [-1, 2]
    assert judging.red_line_crossed(spec, st)[0]


# ----------------------------------------------------------------- your own offer
def test_compose_needs_terms_and_records_them_as_text():
    spec = with_compose(tiny_spec())
    game = Game.start(spec, 1)
    with pytest.raises(IllegalAction, match="needs terms"):
        game.play("compose")
    with pytest.raises(IllegalAction, match="no position"):
        game.play("compose", {"trade": "t9"})
    with pytest.raises(IllegalAction, match="fixed terms"):
        game.play("package", {"trade": "t1"})
    record = game.play("compose", {"trade": "t1"})
    assert game.choices == ["compose:trade=t1"]
    assert record["action"]["terms"] == {"trade": "trade: middle"}
    assert parse_choice(choice_text("compose", {"arms": "a0", "trade": "t1"})) == ("compose", {"arms": "a0", "trade": "t1"})


def test_preview_shows_exactly_what_a_counter_sends():
    spec = with_compose(tiny_spec())
    game = Game.start(spec, 1)
    game.state.ai_offer[0] = [2, 2]
    preview = game.preview_terms("counter")
    assert preview == {"arms": "a1", "trade": "t1"}  # one step from yours toward theirs
    record = game.play("counter")
    assert record["action"]["terms"] == {"arms": "arms: middle", "trade": "trade: middle"}


def test_composed_games_replay_alike_in_a_batch_and_alone():
    from game.sim import runner

    spec = with_compose(tiny_spec())
    choices = ["probe_trade", "compose:arms=a0+trade=t2", "rapport", "compose:trade=t1"]
    alone = Game.start(spec, 4, game_index=2)
    for c in choices:
        if not alone.over:
            alone.play_choice(c)
    batch = runner.play_batch(spec, 4, runner.scripted(choices[: alone.turn]), np.array([0, 1, 2]), record=True)
    assert batch.transcripts and (batch.state.agreed[2] == alone.state.agreed[0]).all()


def test_doubtful_intelligence_is_true_in_some_games_and_false_in_others():
    from game.core.conditions import holds

    spec = tiny_spec()
    st = new_state(spec, 5, np.arange(200))
    true = holds(spec, st, ("intel_true",))
    assert 60 < true.sum() < 140  # about half, and fixed per game:
    assert (holds(spec, st, ("intel_true",)) == true).all()
    assert (holds(spec, new_state(spec, 5, np.arange(200)), ("intel_true",)) == true).all()
