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
