"""The window words a turn as the terminal does: the reply panel and the log card name
issues as the scenario does (the log card once said 'Learned: berlin seems vital')."""

from __future__ import annotations

from game.core.game import Game
from game.text import render
from game.ui.scenes.table_parts import log_cards, reply_widgets


def texts(widgets):
    return [t for w in widgets for t in w.texts()]


def test_a_probe_is_worded_alike_in_the_panel_the_log_and_the_terminal(spec_for):
    spec = spec_for("vienna_1961")
    game = Game.start(spec, 1)
    record = game.play("probe_berlin")
    panel = " ".join(texts(reply_widgets(spec, record, "You")))
    log = " ".join(texts(log_cards(spec, game.transcript, "You")))
    terminal: list[str] = []
    render.turn(render.Writer(terminal.append, width=10_000), spec, record)
    sentence = f"What you learned about {spec.issue_names[spec.issue_ids.index('berlin')]}: it seems"
    assert sentence in panel and sentence in log and sentence in " ".join(terminal)
    assert "berlin seems" not in log + panel


def test_meter_moves_read_in_whole_numbers_whose_reasons_add_up():
    """'Tension +6.2 -> 45' once stood beside whole-number meters (issue 9): the change is
    read from the values shown (38.6 -> 44.8 reads 39 -> 45, +6) and the reasons' whole
    amounts add up to it."""
    import re

    from game import wording
    from game.core.records import MeterMove, Reason

    move = MeterMove("counterpart.tension", "Tension", "counterpart", 44.8, "tense", before=38.6, change=6.2,
                     reasons=(Reason("threat", "you threatened", 4.4), Reason("fade", "tempers cool", -0.3),
                              Reason("ally", "the ally's worries", 2.1)))
    line = wording.meter_move_line(move)
    assert line.startswith("Tension (their) +6 -> 45 tense: ") and "." not in line.split(":")[0]
    amounts = [int(a) for a in re.findall(r"\(([+-]\d+)\)", line)]
    assert sum(amounts) == 6 and amounts == [4, -0, 2]
    assert "tempers cool (-0)" in line  # a small reason keeps its direction
    # A move the shown values round away from its change: 40.4 -> 41.6 reads 40 -> 42.
    two = MeterMove("counterpart.trust", "Trust", "counterpart", 41.6, "wary", before=40.4, change=1.2,
                    reasons=(Reason("a", "one", 0.6), Reason("b", "two", 0.6)))
    assert wording.meter_change(two) == "+2 to 42 (wary)"
    assert sorted(int(a) for a in re.findall(r"\(([+-]\d+)\)", wording.reasons_text(two))) == [1, 1]


def test_whole_parts_always_add_up():
    from hypothesis import given
    from hypothesis import strategies as st

    from game.wording import whole_parts

    @given(st.lists(st.floats(-30, 30), min_size=1, max_size=6), st.integers(-2, 2))
    def check(amounts, slack):
        total = round(sum(amounts)) + slack
        parts = whole_parts(amounts, total)
        assert sum(parts) == total
        assert all(abs(p - a) < 1 + abs(slack) for p, a in zip(parts, amounts))

    check()
