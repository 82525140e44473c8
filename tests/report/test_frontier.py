"""The efficient frontier, checked on hand-worked cases."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from game.report.frontier import compute_frontier, deal_worth, pareto_mask, standing


def test_pareto_mask_by_hand():
    you = np.array([0.0, 1.0, 0.5, 0.4, 0.5, 0.5])
    them = np.array([1.0, 0.0, 0.5, 0.4, 0.3, 0.5])
    # (0.4, 0.4) and (0.5, 0.3) are beaten by (0.5, 0.5); the tied (0.5, 0.5) twins both count
    assert pareto_mask(you, them).tolist() == [True, True, True, False, False, True]


def _tiny():
    """Two issues, two positions each. You care 3:1 for issue 0, they 1:3; position 0 is
    yours, position 1 theirs. Position 1 of issue 1 crosses your red line."""
    return SimpleNamespace(
        n_issues=2,
        position_mask=np.ones((2, 2), bool),
        player_values=np.array([[1.0, 0.0], [1.0, 0.0]]),
        ai_values=np.array([[0.0, 1.0], [0.0, 1.0]]),
        player_weights=np.array([0.75, 0.25]),
        ai_weights=np.array([0.25, 0.75]),
        player_red=np.array([[False, False], [False, True]]),
        ai_red=np.zeros((2, 2), bool),
    )


def test_frontier_excludes_red_lines_and_finds_efficient_deals():
    spec = _tiny()
    f = compute_frontier(spec)
    # issue 1 may only be position 0 (their 1 crosses your red line): two deals remain
    assert sorted(map(tuple, f.deals.tolist())) == [(0, 0), (1, 0)]
    assert f.points() == [(0.25, 0.25), (1.0, 0.0)]


def test_standing_counts_value_left_on_the_table():
    spec = _tiny()
    spec.player_red = np.zeros((2, 2), bool)
    f = compute_frontier(spec)
    # Only issue 1 agreed, at your position: worth 0.25 to you, 0 to them.
    s = standing(f, spec, np.array([-1, 0]))
    assert (s.you, s.them) == (0.25, 0.0)
    # The best deal at least as good for both: (0, 1): you 0.75, them 0.75; joint 1.5 vs 0.25
    assert s.better_deal == (0, 1)
    assert abs(s.left_on_table - 1.25) < 1e-9 and abs(s.gain_you - 0.5) < 1e-9 and abs(s.gain_them - 0.75) < 1e-9
    assert not s.efficient
    assert standing(f, spec, np.array([0, 1])).efficient


def test_open_issues_count_nothing():
    assert deal_worth(np.array([[1.0, 0.0]]), np.array([1.0]), np.array([-1])) == 0.0


def test_real_frontier_dominates_every_deal(library, personalities):
    from game.content.compile import compile_game

    spec = compile_game(library.scenarios["vienna_1961"][1], "usa", personalities, {})
    f = compute_frontier(spec)
    eff = np.nonzero(f.efficient)[0]
    for d in range(len(f.you)):  # every deal is weakly beaten by some efficient deal
        assert ((f.you[eff] >= f.you[d] - 1e-12) & (f.them[eff] >= f.them[d] - 1e-12)).any()
    for a in eff:  # and no efficient deal is strictly beaten by any deal
        beats = (f.you >= f.you[a]) & (f.them >= f.them[a]) & ((f.you > f.you[a]) | (f.them > f.them[a]))
        assert not beats.any()


def test_an_agreement_across_a_red_line_is_named_not_called_efficient():
    from game.report.render import frontier_text

    spec = _tiny()
    f = compute_frontier(spec)
    s = standing(f, spec, np.array([1, 1]))  # their ideal: crosses your red line on issue 1
    assert s.crossed_yours == (1,) and s.crossed_theirs == ()
    d = {"counterpart": {"leader": "K"}, "frontier": {
        "deal": {"you": s.you, "them": s.them}, "efficient": s.efficient, "left_on_table": s.left_on_table,
        "gain_you": s.gain_you, "gain_them": s.gain_them, "best_joint": s.best_joint,
        "crossed_yours": ["Cuba"], "crossed_theirs": []}}
    text = frontier_text(d)
    assert "red line on Cuba" in text and "efficient frontier" not in text
