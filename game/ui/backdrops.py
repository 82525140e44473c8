"""The themes' full-window backdrops: the cable theme's teleprinter paper (grain, age,
a telegram form's faint printed rules) and the briefing theme's dark room with its grid.
"""

from __future__ import annotations

import zlib

import numpy as np
import pygame

from game.ui.fonts import Fonts
from game.ui.palette import Palette, blend


def backdrop(theme: str, size: tuple[int, int], palette: Palette) -> pygame.Surface:
    """The full-window background of a theme; cheap enough to redraw on every resize."""
    width, height = max(1, int(size[0])), max(1, int(size[1]))
    if theme == "cable":
        return _cable_paper(width, height, palette)
    if theme == "briefing":
        return _briefing_room(width, height, palette)
    raise ValueError(f"no theme {theme!r}; known: cable, briefing")


def _upscaled_noise(seed: int, cells: tuple[int, int], size: tuple[int, int], amount: float) -> np.ndarray:
    """Smooth noise in -amount..amount over size, from a coarse random grid (cheap)."""
    rng = np.random.default_rng(seed)
    coarse = rng.uniform(-amount, amount, size=(cells[0], cells[1])).astype(np.float32)
    reps = (-(-size[0] // cells[0]), -(-size[1] // cells[1]))
    return np.kron(coarse, np.ones(reps, dtype=np.float32))[: size[0], : size[1]]


def _cable_paper(width: int, height: int, palette: Palette) -> pygame.Surface:
    seed = zlib.crc32(b"cable")
    # paper grain: a small tile of fine noise repeated, plus faint large blotches
    tile_w, tile_h = min(width, 256), min(height, 256)
    rng = np.random.default_rng(seed)
    grain = rng.normal(0.0, 3.2, size=(tile_w, tile_h)).astype(np.float32)
    fibres = _upscaled_noise(seed + 1, (max(1, tile_w // 16), max(1, tile_h // 2)), (tile_w, tile_h), 2.0)
    tile_rgb = np.clip(np.asarray(palette.paper, np.float32)[None, None, :] + (grain + fibres)[:, :, None], 0, 255)
    tile = pygame.surfarray.make_surface(tile_rgb.astype(np.uint8))
    out = pygame.Surface((width, height))
    for x in range(0, width, tile_w):
        for y in range(0, height, tile_h):
            out.blit(tile, (x, y))
    # age: a few large, soft patches toward the darker desk tone, subtracted from the grain.
    # Smoothed at 1/8 size and enlarged without smoothing: the steps are under one level.
    mottle = rng.uniform(0.0, 1.0, size=(12, 8, 1)).astype(np.float32)
    darkening = np.clip(np.asarray(palette.paper, np.float32) - np.asarray(palette.bg, np.float32), 0, 255) * 0.3
    small = (max(1, width // 8), max(1, height // 8))
    patches = pygame.transform.smoothscale(pygame.surfarray.make_surface((mottle * darkening).astype(np.uint8)), small)
    out.blit(pygame.transform.scale(patches, (width, height)), (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    _telegram_rules(out, palette)
    return out


def _telegram_rules(out: pygame.Surface, palette: Palette) -> None:
    """A telegram form's printed furniture, faint: a header, typing rules, a margin, and
    the sprocket holes of teleprinter paper along both edges."""
    width, height = out.get_size()
    unit = max(12, height // 27)  # one typed line
    rule = blend(palette.paper, palette.focus, 0.11)
    strong = blend(palette.paper, palette.focus, 0.26)
    stamp = blend(palette.paper, palette.accent, 0.2)
    hole = blend(palette.paper, palette.bg, 0.9)
    edge = max(10, unit * 3 // 4)
    for y in range(unit // 2, height, unit):
        for x in (edge // 2, width - edge // 2 - 1):
            pygame.draw.circle(out, hole, (x, y), max(2, unit // 7))
    for x in (edge, width - edge - 1):  # where the sprocket strips tear off
        for y in range(0, height, 6):
            pygame.draw.line(out, rule, (x, y), (x, y + 2), 1)
    header = unit * 3
    title = Fonts("cable", 1.0).get("heading", max(10, unit))
    word = title.render("T E L E G R A M", True, stamp)
    out.blit(word, (edge + unit * 2, header // 2 - word.get_height() // 2))
    for x in range(width // 2, width - edge - unit, max(unit * 5, width // 10)):
        pygame.draw.line(out, rule, (x, header // 4), (x, header - unit // 2), 1)  # the form's boxes
    pygame.draw.line(out, rule, (width // 2, header // 4), (width - edge - unit, header // 4), 1)
    pygame.draw.rect(out, strong, (edge, header - 3, width - 2 * edge, 2))
    pygame.draw.line(out, strong, (edge, header + 2), (width - edge, header + 2), 1)
    margin = edge + unit * 2
    for y in range(header + unit * 2, height - unit // 2, unit):
        pygame.draw.line(out, rule, (margin, y), (width - edge - unit, y), 1)
    pygame.draw.line(out, stamp, (margin - 6, header + 4), (margin - 6, height), 1)
    pygame.draw.line(out, stamp, (margin - 3, header + 4), (margin - 3, height), 1)


def _briefing_room(width: int, height: int, palette: Palette) -> pygame.Surface:
    top = np.asarray(blend(palette.bg, palette.panel, 0.9), np.float32)
    bottom = np.asarray(palette.bg, np.float32)
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[None, :, None] ** 0.8
    column = (top * (1 - t) + bottom * t).astype(np.uint8)  # shape (1, height, 3)
    out = pygame.transform.scale(pygame.surfarray.make_surface(column), (width, height))
    grid = blend(palette.bg, palette.panel_border, 0.22)
    step = max(24, height // 18)
    for x in range(step // 2, width, step):
        pygame.draw.line(out, grid, (x, 0), (x, height), 1)
    for y in range(step // 2, height, step):
        pygame.draw.line(out, grid, (0, y), (width, y), 1)
    accent = blend(palette.bg, palette.accent, 0.55)
    pygame.draw.rect(out, accent, (0, 0, width, max(2, height // 240)))
    return out
