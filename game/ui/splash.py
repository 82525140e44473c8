"""The first frame: the window opens at once with the title card, before the content
library and the rules are imported and read (together about a quarter of a second).

Kept deliberately light: only pygame, the palette, the bundled fonts and the settings.
"""

from __future__ import annotations

import os

import pygame

from game.ui.display import clamp_size, fit_display
from game.ui.fonts import font_path
from game.ui.palette import palette_for
from game.ui.settings import load_settings


def show_splash() -> bool:
    """Open the window and draw the title card; False if there is no display at all
    (the App then reports that itself)."""
    settings = load_settings()
    try:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Summit")
        flags = pygame.FULLSCREEN if settings.fullscreen else pygame.RESIZABLE
        size = (0, 0) if settings.fullscreen else fit_display(clamp_size(settings.window_size))
        screen = pygame.display.set_mode(size, flags)
    except pygame.error:
        return False
    if headless_by_accident():
        pygame.display.quit()
        return False
    palette = palette_for("cable", settings.colour_safe)
    screen.fill(palette.bg)
    width, height = screen.get_size()
    heading = font_path("cable", "heading")
    title_font = pygame.font.Font(str(heading) if heading else None, max(24, height // 9))
    body = font_path("cable", "body")
    note_font = pygame.font.Font(str(body) if body else None, max(12, height // 40))
    title = title_font.render("SUMMIT", True, palette.accent)
    note = note_font.render("Opening the dispatch boxes...", True, palette.muted)
    screen.blit(title, ((width - title.get_width()) // 2, height // 2 - title.get_height()))
    screen.blit(note, ((width - note.get_width()) // 2, height // 2 + note.get_height()))
    pygame.display.flip()
    return True


def headless_by_accident() -> bool:
    """With no display, SDL quietly falls back to an invisible 'offscreen' window: the game
    would run where nobody can see it. Only an explicit SDL_VIDEODRIVER (tests, the
    benchmark) may choose an invisible driver."""
    invisible = ("offscreen", "dummy")
    return pygame.display.get_driver() in invisible and os.environ.get("SDL_VIDEODRIVER") not in invisible
