"""The window's size on this display: the supported range, and a remembered size fitted
to the screen it opens on. Light (pygame only), so the splash can open the window at the
size the game will keep: opened at a larger remembered size, the window was centred for
that size and then shrunk in place, its top-left corner off the screen (-128,-60 on a
1024x600 display)."""

from __future__ import annotations

import pygame

MIN_SIZE = (1024, 600)
MAX_SIZE = (3840, 2160)


def fit_display(size: tuple[int, int], room: float = 1.0) -> tuple[int, int]:
    """The size shrunk to fit the display it opens on (`room` of it); never below the
    smallest supported size."""
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError, AttributeError):
        return size
    width = min(size[0], max(MIN_SIZE[0], int(desktop[0] * room)))
    height = min(size[1], max(MIN_SIZE[1], int(desktop[1] * room)))
    return width, height


def clamp_size(size: tuple[int, int]) -> tuple[int, int]:
    return (min(MAX_SIZE[0], max(MIN_SIZE[0], int(size[0]))), min(MAX_SIZE[1], max(MIN_SIZE[1], int(size[1]))))
