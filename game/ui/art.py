"""Pictures drawn by code: leaders' portraits and the themes' backdrops.

The portraits are stylised busts in the palette's tones: a head, hair, collar and tie
or a buttoned tunic, glasses where the person wore them, a nameplate. They suggest a
person by dress and hair, never by exaggerated features (no caricature), and no
photograph of a real person is used anywhere. Every figure shares one neutral skin tone
taken from the palette. Known ids have fixed looks; archetypes and unknown ids get a
generic figure whose small variations come from zlib.crc32 of the id (hash() is salted
per process, so it would give a different face every run).

Nothing is cached here: callers keep the surfaces they ask for.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import numpy as np
import pygame

from game.ui.fonts import Fonts
from game.ui.palette import RGB, Palette, blend, is_dark

# --------------------------------------------------------------------------- looks


@dataclass(frozen=True)
class Look:
    face: str = "oval"  # oval, round, long, broad
    hair: str = "parted"  # parted, full, bald, receding, swept_back, swept_volume, high_top
    hair_tone: str = "dark"  # black, dark, brown, grey, silver, white, fair
    glasses: str = ""  # "", round, rimless
    beard: str = ""  # "", goatee
    dress: str = "suit"  # suit, tunic
    cloth: str = "charcoal"  # navy, charcoal, black, grey
    tie: str = "dark_red"  # red, dark_red, blue, grey, dark, silver
    generic: bool = False


LOOKS: dict[str, Look] = {
    "khrushchev": Look(face="round", hair="bald", hair_tone="grey", cloth="charcoal", tie="dark"),
    "kennedy": Look(face="oval", hair="full", hair_tone="brown", cloth="charcoal", tie="dark"),
    "adenauer": Look(face="long", hair="receding", hair_tone="white", cloth="black", tie="grey"),
    "ulbricht": Look(face="oval", hair="receding", hair_tone="grey", glasses="round", beard="goatee",
                     cloth="grey", tie="dark"),
    "trump": Look(face="broad", hair="swept_volume", hair_tone="fair", cloth="navy", tie="red"),
    "kim_jong_un": Look(face="round", hair="high_top", hair_tone="black", dress="tunic", cloth="black", tie=""),
    "moon_jae_in": Look(face="oval", hair="parted", hair_tone="silver", glasses="rimless", cloth="navy", tie="blue"),
    "xi_jinping": Look(face="broad", hair="swept_back", hair_tone="black", cloth="black", tie="dark_red"),
}

_GENERIC_TIES = ("red", "blue", "grey", "dark_red", "silver")
_GENERIC_CLOTH = ("navy", "charcoal", "grey", "black")


def look_for(personality_id: str) -> Look:
    """The look of a known leader, or a generic figure varied by the id's crc32."""
    known = LOOKS.get(personality_id)
    if known is not None:
        return known
    code = zlib.crc32(personality_id.encode("utf-8"))
    return Look(
        face=("oval", "round", "long", "broad")[code % 4],
        cloth=_GENERIC_CLOTH[(code >> 4) % len(_GENERIC_CLOTH)],
        tie=_GENERIC_TIES[(code >> 8) % len(_GENERIC_TIES)],
        glasses="rimless" if (code >> 12) % 3 == 0 else "",
        generic=True,
    )


# --------------------------------------------------------------------------- tones


@dataclass(frozen=True)
class _Tones:
    ground: RGB
    glow: RGB
    skin: RGB
    skin_shade: RGB
    feature: RGB
    shirt: RGB
    cloth: RGB
    cloth_shade: RGB
    rim: RGB
    hair: RGB
    hair_shade: RGB
    tie: RGB
    silhouette: RGB


_WARM = (176, 134, 102)  # a neutral warm tint for the shared skin tone
_HAIR_TONES = {"black": 0.0, "dark": 0.12, "brown": 0.22, "grey": 0.5, "silver": 0.66, "white": 0.82}
_FAIR = (206, 178, 112)
_CLOTH_TINT = {"navy": (28, 40, 78), "charcoal": (54, 56, 62), "black": (22, 22, 26), "grey": (88, 90, 96)}


def _tones(palette: Palette, look: Look) -> _Tones:
    dark_theme = is_dark(palette)
    light = palette.ink if dark_theme else palette.paper
    dark = palette.bg if dark_theme else palette.ink
    skin = blend(light, _WARM, 0.32)
    cloth = blend(_CLOTH_TINT[look.cloth], dark, 0.35)
    if look.hair_tone == "fair":
        hair = blend(light, _FAIR, 0.75)
    else:
        hair = blend(blend(dark, (20, 16, 14), 0.5), light, _HAIR_TONES[look.hair_tone])
    tie = {
        "red": blend(palette.bad, dark, 0.15),
        "dark_red": blend(palette.bad, dark, 0.45),
        "blue": blend(palette.trust, dark, 0.25),
        "grey": blend(light, dark, 0.55),
        "silver": blend(light, dark, 0.3),
        "dark": blend(dark, palette.focus, 0.15),
        "": cloth,
    }[look.tie]
    if dark_theme:
        ground = blend(palette.panel, palette.panel_border, 0.35)
        glow = blend(palette.panel_border, palette.ink, 0.18)
        rim = blend(palette.panel_border, palette.ink, 0.35)
    else:
        ground = blend(palette.panel, palette.panel_border, 0.35)
        glow = blend(palette.paper, (255, 255, 255), 0.4)
        rim = blend(cloth, light, 0.25)
    return _Tones(
        ground=ground,
        glow=glow,
        skin=skin,
        skin_shade=blend(skin, dark, 0.16),
        feature=blend(skin, dark, 0.55),
        shirt=blend(light, (255, 255, 255), 0.5),
        cloth=cloth,
        cloth_shade=blend(cloth, (0, 0, 0), 0.3),
        rim=rim,
        hair=hair,
        hair_shade=blend(hair, dark, 0.3),
        tie=tie,
        silhouette=blend(ground, dark, 0.55),
    )


# --------------------------------------------------------------------------- drawing


class _Pen:
    """Draws in a 100 x 100 figure box mapped onto a (supersampled) surface."""

    def __init__(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        self.surface = surface
        self.ox, self.oy = box.x, box.y
        self.k = box.width / 100.0

    def p(self, x: float, y: float) -> tuple[int, int]:
        return round(self.ox + x * self.k), round(self.oy + y * self.k)

    def w(self, size: float) -> int:
        return max(1, round(size * self.k))

    def ellipse(self, colour: RGB, cx: float, cy: float, rx: float, ry: float, width: float = 0) -> None:
        rect = pygame.Rect(0, 0, self.w(2 * rx), self.w(2 * ry))
        rect.center = self.p(cx, cy)
        pygame.draw.ellipse(self.surface, colour, rect, self.w(width) if width else 0)

    def polygon(self, colour: RGB, points: list[tuple[float, float]], width: float = 0) -> None:
        pygame.draw.polygon(self.surface, colour, [self.p(x, y) for x, y in points], self.w(width) if width else 0)

    def line(self, colour: RGB, a: tuple[float, float], b: tuple[float, float], width: float) -> None:
        pygame.draw.line(self.surface, colour, self.p(*a), self.p(*b), self.w(width))

    def lines(self, colour: RGB, points: list[tuple[float, float]], width: float) -> None:
        pygame.draw.lines(self.surface, colour, False, [self.p(x, y) for x, y in points], self.w(width))


def _arc(cx: float, cy: float, rx: float, ry: float, start: float, stop: float, n: int = 18) -> list[tuple[float, float]]:
    """Points on an ellipse from angle start to stop (degrees; 0 = right, -90 = top)."""
    out = []
    for i in range(n + 1):
        a = math.radians(start + (stop - start) * i / n)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


_HEADS = {"oval": (16.5, 21.0), "round": (18.5, 20.0), "long": (15.0, 22.5), "broad": (19.0, 21.0)}
HEAD_X, HEAD_Y = 50.0, 41.0


def _draw_bust(pen: _Pen, look: Look, t: _Tones) -> None:
    rx, ry = _HEADS[look.face]
    cx, cy = HEAD_X, HEAD_Y
    if look.generic:
        _draw_generic(pen, look, t, rx, ry)
        return
    _draw_back_hair(pen, look, t, rx, ry)
    # shoulders first, then neck and collar, so the jacket frames the shirt
    pen.ellipse(t.cloth, 50, 103, 47, 33)
    pen.ellipse(t.rim, 50, 103, 47, 33, width=0.7)
    pen.polygon(t.skin_shade, [(43.5, 55), (56.5, 55), (57, 74), (43, 74)])
    if look.dress == "tunic":
        _draw_tunic(pen, t)
    else:
        _draw_suit(pen, look, t)
    for side in (-1, 1):  # ears
        pen.ellipse(t.skin_shade, cx + side * (rx - 0.5), cy + 2, 3.2, 5.6)
    pen.ellipse(t.skin, cx, cy, rx, ry)
    _draw_face(pen, look, t, rx, ry)
    _draw_hair(pen, look, t, rx, ry)
    if look.glasses:
        _draw_glasses(pen, look, t)


def _draw_generic(pen: _Pen, look: Look, t: _Tones, rx: float, ry: float) -> None:
    """An archetype: a plain silhouette with collar and tie, no individual features."""
    pen.ellipse(t.silhouette, 50, 103, 47, 33)
    pen.polygon(t.silhouette, [(43.5, 52), (56.5, 52), (57, 74), (43, 74)])
    pen.ellipse(t.silhouette, HEAD_X, HEAD_Y, rx, ry)
    pen.polygon(t.shirt, [(42, 70.5), (58, 70.5), (50, 86)])
    pen.polygon(t.tie, [(48.2, 72), (51.8, 72), (53.2, 92), (50, 96), (46.8, 92)])
    pen.polygon(t.silhouette, [(33, 69.5), (42, 70), (50, 88), (46, 100), (35, 100)])
    pen.polygon(t.silhouette, [(67, 69.5), (58, 70), (50, 88), (54, 100), (65, 100)])
    if look.glasses:
        for side in (-1, 1):
            pen.ellipse(t.glow, HEAD_X + side * 7, HEAD_Y + 1, 4.6, 3.6, width=0.9)
        pen.line(t.glow, (HEAD_X - 2.4, HEAD_Y + 0.5), (HEAD_X + 2.4, HEAD_Y + 0.5), 0.9)


def _draw_suit(pen: _Pen, look: Look, t: _Tones) -> None:
    pen.polygon(t.shirt, [(41, 69), (59, 69), (50, 90)])
    pen.polygon(t.tie, [(48.3, 73), (51.7, 73), (53.6, 95), (50, 100), (46.4, 95)])
    pen.polygon(t.tie, [(47.4, 69.6), (52.6, 69.6), (51.8, 74), (48.2, 74)])  # the knot
    pen.polygon(blend(t.shirt, t.cloth, 0.25), [(41, 69), (47.2, 69.4), (48.4, 75), (44, 73.5)])  # collar points
    pen.polygon(blend(t.shirt, t.cloth, 0.25), [(59, 69), (52.8, 69.4), (51.6, 75), (56, 73.5)])
    pen.polygon(t.cloth, [(31, 70), (41, 68.5), (50, 90), (45, 101), (33, 101)])  # lapels
    pen.polygon(t.cloth, [(69, 70), (59, 68.5), (50, 90), (55, 101), (67, 101)])
    pen.lines(t.cloth_shade, [(41, 68.5), (50, 90)], 0.6)
    pen.lines(t.cloth_shade, [(59, 68.5), (50, 90)], 0.6)
    pen.lines(t.rim, [(41, 68.5), (38, 78), (44, 80), (50, 90)], 0.5)
    pen.lines(t.rim, [(59, 68.5), (62, 78), (56, 80), (50, 90)], 0.5)


def _draw_tunic(pen: _Pen, t: _Tones) -> None:
    """A closed, buttoned tunic with a turn-down collar (no shirt or tie showing)."""
    pen.polygon(t.cloth, [(41.5, 64), (58.5, 64), (60, 72), (40, 72)])
    pen.polygon(t.cloth_shade, [(41.5, 64), (50, 71), (58.5, 64), (60, 72), (40, 72)], width=0.6)
    pen.polygon(t.rim, [(40.5, 67), (50, 74), (42, 76)], width=0.5)
    pen.polygon(t.rim, [(59.5, 67), (50, 74), (58, 76)], width=0.5)
    pen.line(t.cloth_shade, (50, 74), (50, 101), 0.7)
    for y in (79, 86, 93, 100):
        pen.ellipse(t.rim, 51.8, y, 1.0, 1.0)
    for x in (31, 57):  # chest pockets with flaps
        pen.polygon(t.rim, [(x, 82), (x + 12, 82), (x + 12, 86), (x, 86)], width=0.5)


def _draw_face(pen: _Pen, look: Look, t: _Tones, rx: float, ry: float) -> None:
    cx, cy = HEAD_X, HEAD_Y
    # a soft shadow along the jaw gives the head volume without drawing features
    pen.polygon(t.skin_shade, _arc(cx, cy, rx, ry, 20, 160) + _arc(cx, cy + 2, rx * 0.82, ry * 0.9, 160, 20)[::1])
    for side in (-1, 1):
        pen.line(t.feature, (cx + side * 4.5, cy - 4.2), (cx + side * 10, cy - 4.6), 1.1)  # brows
        pen.ellipse(t.feature, cx + side * 7, cy + 0.8, 1.2, 0.9)  # eyes
    pen.lines(t.skin_shade, [(cx + 0.6, cy + 1), (cx - 0.6, cy + 8.5), (cx + 2, cy + 9.2)], 0.9)  # nose
    pen.line(t.feature, (cx - 3.6, cy + 13.4), (cx + 3.6, cy + 13.4), 0.8)  # mouth
    if look.beard == "goatee":
        pen.polygon(t.hair, [(cx - 5, cy + 11.8), (cx + 5, cy + 11.8), (cx + 3.5, cy + 12.8), (cx - 3.5, cy + 12.8)])
        pen.polygon(t.hair, [(cx - 4.5, cy + 15), (cx + 4.5, cy + 15), (cx + 3, cy + ry + 1.5),
                             (cx, cy + ry + 3), (cx - 3, cy + ry + 1.5)])


def _draw_back_hair(pen: _Pen, look: Look, t: _Tones, rx: float, ry: float) -> None:
    """Hair seen behind the head's outline (before the face is drawn)."""
    cx, cy = HEAD_X, HEAD_Y
    if look.hair in ("full", "parted", "swept_back", "swept_volume"):
        pen.ellipse(t.hair_shade, cx, cy - 2.5, rx + 1.4, ry + 0.5)


def _hair_cap(cx: float, cy: float, rx: float, ry: float, lift: float, hairline: float, temple: float,
              sweep: float = 0.0) -> list[tuple[float, float]]:
    """A cap of hair: the outer line `lift` above the skull, the hairline `hairline` of the
    way down from the top, meeting the sides at the temples; `sweep` tilts the hairline."""
    outer = _arc(cx, cy - lift * 0.6, rx + 1.0, ry + lift, 180 + temple, 360 - temple, 24)
    top = cy - ry
    inner = []
    n = 16
    for i in range(n + 1):
        u = i / n  # right to left
        x = cx + rx * math.cos(math.radians(-temple)) * (1 - 2 * u)
        edge = math.sin(math.pi * u)  # 0 at the temples, 1 in the middle
        y = (cy + ry * math.sin(math.radians(-temple))) * (1 - edge) + (top + ry * hairline) * edge
        y += sweep * (u - 0.5) * edge
        inner.append((x, y))
    return outer + inner


def _draw_hair(pen: _Pen, look: Look, t: _Tones, rx: float, ry: float) -> None:
    cx, cy = HEAD_X, HEAD_Y
    style = look.hair
    if style == "bald":
        for side in (-1, 1):  # a short fringe above the ears
            pen.polygon(t.hair, _arc(cx, cy, rx + 0.6, ry + 0.4, 180 - side * 180 - 8 * side, 180 - side * 180 + 32 * side, 8)[::-1]
                        + _arc(cx, cy, rx - 2.8, ry - 2.5, 180 - side * 180 - 8 * side, 180 - side * 180 + 32 * side, 8))
            pen.polygon(t.hair, [(cx + side * (rx + 0.6), cy + 2), (cx + side * (rx - 2.2), cy - 8),
                                 (cx + side * (rx - 1.5), cy + 2)])
        return
    if style == "receding":
        for side in (-1, 1):
            pen.polygon(t.hair, [(cx + side * (rx + 0.8), cy + 1), (cx + side * (rx + 0.2), cy - 11),
                                 (cx + side * (rx - 4), cy - 16), (cx + side * (rx - 3.2), cy - 9),
                                 (cx + side * (rx - 1.6), cy + 1)])
        pen.polygon(t.hair, _hair_cap(cx, cy, rx * 0.72, ry, 0.6, 0.16, 40))
        return
    if style == "full":
        cap = _hair_cap(cx, cy, rx, ry, 3.2, 0.34, 12, sweep=3.5)
    elif style == "parted":
        cap = _hair_cap(cx, cy, rx, ry, 2.0, 0.33, 12, sweep=2.5)
    elif style == "swept_back":
        cap = _hair_cap(cx, cy, rx, ry, 2.4, 0.26, 16, sweep=-0.5)
    elif style == "swept_volume":
        cap = _hair_cap(cx, cy, rx + 0.6, ry, 4.2, 0.3, 10, sweep=-3.5)
    elif style == "high_top":
        cap = _hair_cap(cx, cy, rx * 0.93, ry, 4.0, 0.3, 30, sweep=0.0)
        for side in (-1, 1):  # closely cut sides
            pen.polygon(t.skin_shade, [(cx + side * (rx + 0.2), cy - 2), (cx + side * (rx - 0.4), cy - 10),
                                       (cx + side * (rx - 3.8), cy - 13), (cx + side * (rx - 2.2), cy - 2)])
    else:
        raise ValueError(f"no hair style {style!r}")
    pen.polygon(t.hair, cap)
    if style in ("full", "parted"):  # the parting, on the left of the picture
        pen.line(t.hair_shade, (cx - rx * 0.42, cy - ry * 0.62), (cx - rx * 0.3, cy - ry - 1.5), 0.7)
    if style in ("swept_back", "swept_volume", "high_top"):  # combing lines give direction
        for dx in (-6, 0, 6):
            pen.line(t.hair_shade, (cx + dx, cy - ry * 0.62), (cx + dx * 1.1, cy - ry - 1.8), 0.5)


def _draw_glasses(pen: _Pen, look: Look, t: _Tones) -> None:
    cx, cy = HEAD_X, HEAD_Y + 0.8
    colour = t.feature if look.glasses == "round" else blend(t.feature, t.skin, 0.35)
    width = 0.9 if look.glasses == "round" else 0.6
    for side in (-1, 1):
        if look.glasses == "round":
            pen.ellipse(colour, cx + side * 7, cy, 4.4, 4.2, width=width)
        else:
            pen.ellipse(colour, cx + side * 7, cy, 5.0, 3.4, width=width)
        pen.line(colour, (cx + side * 11.2, cy - 1), (cx + side * 16, cy - 2), width)
    pen.line(colour, (cx - 2.6, cy - 0.6), (cx + 2.6, cy - 0.6), width)


def _draw_ground(pen: _Pen, surface: pygame.Surface, t: _Tones) -> None:
    surface.fill(t.ground)
    for i in range(8):  # a soft pool of light behind the head
        pen.ellipse(blend(t.ground, t.glow, (i + 1) / 8), HEAD_X, HEAD_Y + 8, 46 - i * 4.2, 44 - i * 4.2)


def _nameplate_font(palette: Palette, px: int, fonts: Fonts | None) -> pygame.font.Font:
    if fonts is not None:
        return fonts.get("heading", max(1, round(px / fonts.scale)))
    return Fonts("briefing" if is_dark(palette) else "cable", 1.0).get("heading", px)


def _fit(font: pygame.font.Font, text: str, width: int) -> str:
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…" if text else ""


def portrait(personality_id: str, name: str, size: tuple[int, int], palette: Palette,
             fonts: Fonts | None = None) -> pygame.Surface:
    """A stylised bust of a leader with a nameplate; the same id always gives the same picture."""
    width, height = max(8, int(size[0])), max(8, int(size[1]))
    plate_h = max(12, round(height * 0.15)) if height >= 40 else 0
    art_h = height - plate_h
    look = look_for(personality_id)
    tones = _tones(palette, look)
    # Drawn three times larger and smoothed down: pygame's filled shapes have no
    # anti-aliasing, and the figure is small on screen.
    ss = 3 if width * art_h <= 400 * 500 else 2
    big = pygame.Surface((width * ss, art_h * ss), 0, 32)
    side = min(width, art_h) * ss
    box = pygame.Rect((width * ss - side) // 2, art_h * ss - side, side, side)
    pen = _Pen(big, box)
    _draw_ground(pen, big, tones)
    _draw_bust(pen, look, tones)
    out = pygame.Surface((width, height), 0, 32)
    out.blit(pygame.transform.smoothscale(big, (width, art_h)), (0, 0))
    if plate_h:
        plate = pygame.Rect(0, art_h, width, plate_h)
        out.fill(palette.panel, plate)
        pygame.draw.line(out, palette.panel_border, plate.topleft, (plate.right - 1, plate.top), 1)
        font = _nameplate_font(palette, max(6, round(plate_h * 0.62)), fonts)
        text = font.render(_fit(font, name, width - 8), True, palette.ink)
        out.blit(text, text.get_rect(center=plate.center))
    pygame.draw.rect(out, palette.panel_border, out.get_rect(), 1)
    return out


# --------------------------------------------------------------------------- backdrops


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
    # age: a few large, soft patches toward the darker desk tone
    mottle = rng.uniform(0.0, 1.0, size=(12, 8, 1)).astype(np.float32)
    paper, aged = np.asarray(palette.paper, np.float32), np.asarray(palette.bg, np.float32)
    patches = (paper + (aged - paper) * mottle).astype(np.uint8)
    blotches = pygame.transform.smoothscale(pygame.surfarray.make_surface(patches), (width, height))
    blotches.set_alpha(70)
    out.blit(blotches, (0, 0))
    _telegram_rules(out, palette)
    return out


def _telegram_rules(out: pygame.Surface, palette: Palette) -> None:
    """A telegram form's printed furniture, faint: header bars, typing rules, a margin."""
    width, height = out.get_size()
    unit = max(14, height // 40)  # one typed line
    rule = blend(palette.paper, palette.focus, 0.13)
    strong = blend(palette.paper, palette.focus, 0.3)
    stamp = blend(palette.paper, palette.accent, 0.22)
    top = unit * 3
    pygame.draw.rect(out, strong, (0, top - unit // 2 - 3, width, 3))
    pygame.draw.rect(out, strong, (0, top - unit // 2 + 3, width, 1))
    for y in range(top + unit, height - unit, unit):
        pygame.draw.line(out, rule, (unit * 3, y), (width - unit * 2, y), 1)
    margin = unit * 3 - unit // 2
    pygame.draw.line(out, stamp, (margin, top), (margin, height), 1)
    pygame.draw.line(out, stamp, (margin + 3, top), (margin + 3, height), 1)
    for i, x in enumerate(range(unit * 4, width - unit * 4, unit * 7)):  # the header's box cells
        if i % 3 == 0:
            pygame.draw.line(out, rule, (x, unit // 2), (x, top - unit), 1)
    pygame.draw.line(out, rule, (0, unit // 2), (width, unit // 2), 1)
    pygame.draw.line(out, rule, (0, top - unit), (width, top - unit), 1)


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
