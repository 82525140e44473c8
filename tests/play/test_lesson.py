"""Only the lesson wins: the reference players on the same seeds, at the middle difficulty.

The rates themselves live in the balance report (tests/bench/balance_report.py); these
tests hold the qualitative claims of issue 7, which began as its reproduced findings
(eleven recesses then the grand package won 200/200; countering or accepting everything
won on most sides; better endings with your own red lines crossed).
"""

from __future__ import annotations

import numpy as np
import pytest

from game.core.utility import take
from game.sim.balance import play_player, row_for
from game.sim.players import DEGENERATE, REFERENCE_PLAYERS

SIDES = [("vienna_1961", "usa"), ("vienna_1961", "ussr"), ("singapore_2018", "usa"), ("singapore_2018", "dprk")]
SEEDS = 100


@pytest.fixture(scope="module")
def tables(spec_for):
    out = {}
    for scenario, side in SIDES:
        spec = spec_for(scenario, side)
        out[scenario, side] = {name: row_for(spec, name, play_player(spec, f(spec), SEEDS))
                               for name, f in REFERENCE_PLAYERS.items()}
    return out


@pytest.mark.slow
@pytest.mark.parametrize("scenario,side", SIDES)
@pytest.mark.parametrize("player", DEGENERATE)
def test_constructive_beats_each_degenerate_player_on_the_same_seeds(tables, scenario, side, player):
    rows = tables[scenario, side]
    good, bad = rows["constructive"].better_games, rows[player].better_games
    assert good.sum() > bad.sum(), f"{player}: {bad.sum()} vs constructive {good.sum()} of {SEEDS}"
    # ...and not by luck of different draws: the degenerate line rarely wins where the lesson fails.
    assert (bad & ~good).sum() <= max(2, SEEDS // 20)


@pytest.mark.slow
@pytest.mark.parametrize("scenario,side", SIDES)
@pytest.mark.parametrize("player", ["staller", "counter_spammer", "accept_everything", "repeat_proposer"])
def test_waiting_and_spamming_do_not_win(tables, scenario, side, player):
    """Reproduces the issue: 'eleven recesses then the grand package wins 200/200' and
    'countering every offer wins on three of four sides'."""
    assert tables[scenario, side][player].better <= 0.05


KNOWN_SOFT = pytest.mark.xfail(
    reason="issue 7 aim not met yet: random play as the DPRK reaches 'a verified beginning' in about 7 % of "
           "seeds (Trump, a conceder, answers rejections with better packages that it then signs as its own, or "
           "random presses the staged-settlement quick pick after asking the right questions by luck); "
           "see the balance report", strict=False)


@pytest.mark.slow
@pytest.mark.parametrize("scenario,side", [
    pytest.param(sc, sd, marks=KNOWN_SOFT) if (sc, sd) == ("singapore_2018", "dprk") else (sc, sd) for sc, sd in SIDES])
def test_random_play_rarely_does_better_than_history(tables, scenario, side):
    assert tables[scenario, side]["random"].better <= 0.05


@pytest.mark.slow
@pytest.mark.parametrize("scenario,side", SIDES)
def test_a_better_ending_never_crosses_your_red_lines_or_comes_at_zero_resolve(spec_for, scenario, side):
    spec = spec_for(scenario, side)
    for name in ("random", "capitulator", "constructive", "accept_everything"):
        st = play_player(spec, REFERENCE_PLAYERS[name](spec), SEEDS).state
        better = np.array([e >= 0 and spec.endings[e].rating == "better" for e in st.ending])
        crossed = (take(spec.player_red, st.agreed) & (st.agreed >= 0)).any(axis=1)
        assert not (better & crossed).any(), name
        k = spec.meter_index("counterpart.resolve")
        assert not (better & (st.meters()[:, k] <= 0.0)).any(), name


@pytest.mark.slow
@pytest.mark.parametrize("scenario,side", SIDES)
def test_swapping_the_ally_changes_games(spec_for, scenario, side):
    spec = spec_for(scenario, side)
    if spec.ally is None:
        pytest.skip("no ally on this side")
    other = "stonewaller" if spec.ally.id != "stonewaller" else "conciliator"
    swapped = spec_for(scenario, side, {"ally": other})
    changed = 0
    for name in ("random", "constructive", "ally_spammer"):
        a = play_player(spec, REFERENCE_PLAYERS[name](spec), SEEDS).state
        b = play_player(swapped, REFERENCE_PLAYERS[name](swapped), SEEDS).state
        changed += int((a.ending != b.ending).sum() + (np.abs(a.meters() - b.meters()).max(axis=1) > 0.5).sum())
    assert changed > 0
