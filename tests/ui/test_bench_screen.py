"""`summit bench` plays the real table: however many frames it is asked for, it plays
only the moves a player could click, and never stops with an error."""

from __future__ import annotations

import pygame
import pytest

from game.ui import bench_screens


@pytest.mark.slow  # about 3 s: the full run has it, the fast tier does not
def test_the_bench_plays_summits_to_their_ends_with_clickable_moves(monkeypatch, home):
    # 150 moves, with the time between them passed at once (`settle` plays the table's
    # animations and cards out): several whole summits, which end and start over, with
    # every kind of action the table offers, its own offer (which needs terms) among the
    # open ones.
    pygame.display.init()
    try:
        surface = pygame.display.set_mode(bench_screens.SIZE)
        screen = bench_screens.app_screen(surface)
        assert screen is not None
        played = []
        from game.ui.scenes.table import TableScene

        original = TableScene.play

        def play(self, action_id, terms=None):
            played.append((self.game.turn, action_id))
            return original(self, action_id, terms)

        monkeypatch.setattr(TableScene, "play", play)
        for n in range(1, 151):
            screen.settle()
            screen.frame(n * bench_screens.ACTION_EVERY)
        screen.close()
    finally:
        pygame.display.quit()
    assert len(played) >= 140
    assert sum(1 for turn, _ in played if turn == 0) >= 5  # it went on through several summits
