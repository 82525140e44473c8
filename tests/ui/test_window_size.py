"""The first window (the splash) opens at the size the game keeps: a size remembered from
a larger screen is fitted to this one before the window exists, so it is not centred for
the larger size and then shrunk in place with its corner off the screen (seen at -128,-60
on a 1024x600 display)."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.ui import splash
from game.ui.settings import Settings


def test_the_splash_opens_at_the_fitted_size(home, monkeypatch):
    monkeypatch.setattr(splash, "load_settings", lambda: replace(Settings(), window_size=(1920, 1080)))
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1024, 600)])
    try:
        assert splash.show_splash()
        assert pygame.display.get_surface().get_size() == (1024, 600)
    finally:
        pygame.display.quit()
