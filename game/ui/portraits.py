"""Leaders' portraits: a stylised bust drawn by code (never a photograph of a real
person) over a soft pool of light, with a nameplate that shortens a long name before
it cuts it.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.ui.fonts import Fonts
from game.ui.palette import Palette, is_dark
from game.ui.portrait_drawing import Pen, draw_bust
from game.ui.portrait_looks import Tones, look_for, tones_for
from game.ui.text import fit_text


def _ground(size: tuple[int, int], t: Tones) -> pygame.Surface:
    """The portrait's background: a soft pool of light behind the head (radial, no bands)."""
    w, h = size
    x = (np.arange(w, dtype=np.float32) - w / 2) / max(1, w)
    y = (np.arange(h, dtype=np.float32) - h * 0.42) / max(1, h)
    r = np.sqrt(x[:, None] ** 2 + (y[None, :] * 1.1) ** 2)
    light = np.clip(1.0 - r / 0.55, 0.0, 1.0)[:, :, None] ** 1.6
    ground, glow = np.asarray(t.ground, np.float32), np.asarray(t.glow, np.float32)
    return pygame.surfarray.make_surface((ground + (glow - ground) * light).astype(np.uint8))


def _nameplate_font(palette: Palette, px: int, fonts: Fonts | None) -> pygame.font.Font:
    if fonts is not None:
        return fonts.get("heading", max(1, round(px / fonts.scale)))
    return Fonts("briefing" if is_dark(palette) else "cable", 1.0).get("heading", px)


def portrait(personality_id: str, name: str, size: tuple[int, int], palette: Palette,
             fonts: Fonts | None = None) -> pygame.Surface:
    """A stylised bust of a leader with a nameplate; the same id always gives the same picture.

    `fonts` (optional) sets the nameplate's type; by default the theme's heading face."""
    width, height = max(8, int(size[0])), max(8, int(size[1]))
    plate_h = max(12, round(height * 0.13)) if height >= 48 else 0
    art_h = height - plate_h
    look = look_for(personality_id)
    tones = tones_for(palette, look)
    # Drawn larger and smoothed down: pygame's filled shapes have no anti-aliasing, and
    # the figure is small on screen.
    ss = 3 if width * art_h <= 400 * 500 else 2
    big = pygame.transform.scale(_ground((width, art_h), tones), (width * ss, art_h * ss))
    side = round(min(width, art_h * 0.95) * ss * 1.08)
    box = pygame.Rect(0, 0, side, side)
    box.midbottom = (width * ss // 2, art_h * ss + round(side * 0.02))
    draw_bust(Pen(big, box), look, tones)
    out = pygame.Surface((width, height), 0, 32)
    out.blit(pygame.transform.smoothscale(big, (width, art_h)), (0, 0))
    if plate_h:
        _draw_nameplate(out, pygame.Rect(0, art_h, width, plate_h), name, palette, fonts)
    pygame.draw.rect(out, palette.panel_border, out.get_rect(), 1)
    return out


def _draw_nameplate(out: pygame.Surface, plate: pygame.Rect, name: str, palette: Palette, fonts: Fonts | None) -> None:
    out.fill(palette.panel, plate)
    pygame.draw.line(out, palette.panel_border, plate.topleft, (plate.right - 1, plate.top), 1)
    px = max(6, round(plate.height * 0.52))
    font = _nameplate_font(palette, px, fonts)
    while px > 8 and font.size(name)[0] > plate.width - 8:  # shrink a long name before shortening it
        px -= 1
        font = _nameplate_font(palette, px, fonts)
    text = font.render(plate_name(font, name, plate.width - 8), True, palette.ink)
    out.blit(text, text.get_rect(center=plate.center))


def short_names(name: str) -> list[str]:
    """Ever shorter forms of a name that stay the person's name: 'Nikita S. Khrushchev',
    'Nikita Khrushchev', 'N. Khrushchev', 'Khrushchev' (never 'Nikita S. Khrushch...')."""
    words = name.split()
    out = [name]
    if len(words) > 2:
        out.append(f"{words[0]} {words[-1]}")
    if len(words) > 1:
        out.append(f"{words[0][0]}. {words[-1]}")
        out.append(words[-1])
    return list(dict.fromkeys(out))


def plate_name(font: pygame.font.Font, name: str, width: int) -> str:
    """The longest form of the name that fits; an ellipsis only if not even the surname does."""
    for form in short_names(name):
        if font.size(form)[0] <= width:
            return form
    return fit_text(font, short_names(name)[-1], width)
