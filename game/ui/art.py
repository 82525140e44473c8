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
from game.ui.text import fit_text

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
    def pick(aspect: str, options: tuple[str, ...]) -> str:
        # one crc32 per aspect: the low bits of a single code are too alike between ids
        return options[zlib.crc32(f"{personality_id}/{aspect}".encode()) % len(options)]

    return Look(
        face=pick("face", ("oval", "round", "long", "broad")),
        cloth=pick("cloth", _GENERIC_CLOTH),
        tie=pick("tie", _GENERIC_TIES),
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
        silhouette=blend(blend(ground, dark, 0.55), cloth, 0.25),  # archetypes differ a little in dress
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


def _arc(cx: float, cy: float, rx: float, ry: float, start: float, stop: float,
         n: int = 18) -> list[tuple[float, float]]:
    """Points on an ellipse from angle start to stop (degrees; 0 = right, -90 = top)."""
    out = []
    for i in range(n + 1):
        a = math.radians(start + (stop - start) * i / n)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


def _torso() -> list[tuple[float, float]]:
    """The jacket's outline: rounded, sloping shoulders down past the bottom of the frame."""
    left = [(31 + 29 * math.cos(math.radians(a)), 102 + 31 * math.sin(math.radians(a))) for a in range(180, 271, 10)]
    right = [(100 - x, y) for x, y in reversed(left)]
    return left + [(42, 69.5), (58, 69.5)] + right


_TORSO = _torso()
_HEADS = {"oval": (16.5, 21.0), "round": (18.0, 20.0), "long": (15.0, 22.5), "broad": (18.5, 20.5)}
HEAD_X, HEAD_Y = 50.0, 42.0


@dataclass(frozen=True)
class _HairShape:
    top_lift: float  # how far the hair stands above the skull
    side_lift: float  # how far it stands out at the sides
    hairline: float  # the forehead hairline, as a fraction of the head's half-height from the top
    temple: float  # where the side hair ends, relative to the head's centre (negative: above)
    sweep: float = 0.0  # tilts the hairline (positive: lower on the right of the picture)
    part: float = 0.0  # x of a parting as a fraction of the half-width (0: none)
    combed: bool = False  # lines combed back from the forehead


_HAIR_SHAPES = {
    "full": _HairShape(top_lift=3.6, side_lift=1.4, hairline=0.36, temple=-2.0, sweep=4.0, part=-0.45),
    "parted": _HairShape(top_lift=2.2, side_lift=1.0, hairline=0.34, temple=-2.5, sweep=1.8, part=-0.42),
    "swept_back": _HairShape(top_lift=2.8, side_lift=1.0, hairline=0.28, temple=-3.0, combed=True),
    "swept_volume": _HairShape(top_lift=4.6, side_lift=1.8, hairline=0.34, temple=-1.5, sweep=-2.5, combed=True),
    "high_top": _HairShape(top_lift=4.4, side_lift=0.5, hairline=0.3, temple=-8.5, combed=True),
}


def _draw_bust(pen: _Pen, look: Look, t: _Tones) -> None:
    rx, ry = _HEADS[look.face]
    if look.generic:
        _draw_generic(pen, t, rx, ry)
        return
    # shoulders first, then the neck and collar, so the jacket frames the shirt
    pen.polygon(t.cloth, _TORSO)
    pen.polygon(t.skin_shade, [(42.5, 56), (57.5, 56), (58, 76), (42, 76)])
    if look.dress == "tunic":
        _draw_tunic(pen, t)
    else:
        _draw_suit(pen, t)
    for side in (-1, 1):  # ears
        pen.ellipse(t.skin_shade, HEAD_X + side * (rx - 0.3), HEAD_Y + 2, 3.2, 5.6)
    pen.ellipse(t.skin, HEAD_X, HEAD_Y, rx, ry)
    _draw_face(pen, look, t, rx, ry)
    _draw_hair(pen, look, t, rx, ry)
    if look.glasses:
        _draw_glasses(pen, look, t, rx)


def _draw_generic(pen: _Pen, t: _Tones, rx: float, ry: float) -> None:
    """An archetype: a plain silhouette with collar and tie, no individual features."""
    pen.polygon(t.silhouette, _TORSO)
    pen.polygon(t.silhouette, [(42.5, 52), (57.5, 52), (58, 76), (42, 76)])
    pen.ellipse(t.silhouette, HEAD_X, HEAD_Y, rx, ry)
    pen.polygon(t.shirt, [(41, 71.5), (59, 71.5), (50, 90)])
    pen.polygon(t.tie, [(48.2, 74), (51.8, 74), (53.4, 94), (50, 98), (46.6, 94)])
    pen.polygon(t.tie, [(47.4, 71.8), (52.6, 71.8), (51.8, 75.5), (48.2, 75.5)])
    pen.polygon(t.silhouette, [(31, 72), (41, 70.5), (50, 90), (50, 101), (31, 101)])
    pen.polygon(t.silhouette, [(69, 72), (59, 70.5), (50, 90), (50, 101), (69, 101)])


def _draw_suit(pen: _Pen, t: _Tones) -> None:
    collar = blend(t.shirt, t.cloth, 0.2)
    pen.polygon(t.shirt, [(40.5, 70.5), (59.5, 70.5), (50, 92)])
    pen.polygon(t.tie, [(48.3, 75), (51.7, 75), (53.4, 96), (50, 100), (46.6, 96)])
    pen.polygon(t.tie, [(47.3, 71.5), (52.7, 71.5), (51.8, 76), (48.2, 76)])  # the knot
    pen.polygon(collar, [(41, 70), (47.4, 71), (48.2, 77), (43.5, 75)])  # collar points
    pen.polygon(collar, [(59, 70), (52.6, 71), (51.8, 77), (56.5, 75)])
    for side in (-1, 1):  # jacket fronts meeting at the button, with notched lapels
        front = [(50 + side * 19, 73), (50 + side * 9.5, 70), (50, 92), (50, 101), (50 + side * 19, 101)]
        pen.polygon(t.cloth, front)
        pen.lines(t.rim, [(50 + side * 9.5, 70), (50 + side * 12.5, 79.5), (50 + side * 9, 80.5), (50, 92)], 0.5)
        pen.line(t.cloth_shade, (50 + side * 9.5, 70), (50, 92), 0.5)
    pen.ellipse(t.cloth_shade, 50, 95.5, 0.9, 0.9)


def _draw_tunic(pen: _Pen, t: _Tones) -> None:
    """A closed, buttoned tunic with a turn-down collar (no shirt or tie showing)."""
    pen.polygon(t.cloth, [(41.5, 66), (58.5, 66), (61, 76), (39, 76)])
    for side in (-1, 1):  # the collar's two flaps, meeting at the throat
        flap = [(50 + side * 8.6, 66.5), (50 + side * 0.6, 71.5), (50 + side * 4.5, 77.5), (50 + side * 11, 73)]
        pen.polygon(t.cloth_shade, flap)
        pen.polygon(t.rim, flap, width=0.45)
    pen.line(t.cloth_shade, (50.4, 72), (50.4, 101), 0.6)
    for y in (80, 87, 94):
        pen.ellipse(t.rim, 52, y, 0.9, 0.9)
    for x in (30, 58):  # chest pockets with pointed flaps
        pen.lines(t.rim, [(x, 84), (x + 12, 84), (x + 12, 86.5), (x + 6, 88), (x, 86.5), (x, 84)], 0.45)


def _draw_face(pen: _Pen, look: Look, t: _Tones, rx: float, ry: float) -> None:
    cx, cy = HEAD_X, HEAD_Y
    # a soft shadow along the jaw gives the head volume
    pen.polygon(t.skin_shade, _arc(cx, cy, rx, ry, 15, 165) + _arc(cx, cy + 1.5, rx * 0.86, ry * 0.93, 165, 15))
    for side in (-1, 1):
        pen.line(t.feature, (cx + side * 4.2, cy - 4.4), (cx + side * 9.6, cy - 4.9), 1.0)  # brows
        pen.ellipse(t.feature, cx + side * 6.8, cy + 0.6, 1.15, 0.85)  # eyes
    pen.lines(t.skin_shade, [(cx + 0.6, cy + 1.5), (cx - 0.8, cy + 8.5), (cx + 1.8, cy + 9.2)], 0.8)  # nose
    pen.line(t.feature, (cx - 3.4, cy + 13.2), (cx + 3.4, cy + 13.2), 0.75)  # mouth
    if look.beard == "goatee":
        moustache = [(cx - 4.6, cy + 11.6), (cx + 4.6, cy + 11.6), (cx + 3.2, cy + 12.6), (cx - 3.2, cy + 12.6)]
        pen.polygon(t.hair, moustache)
        pen.polygon(t.hair, [(cx - 4.2, cy + 14.6), (cx + 4.2, cy + 14.6), (cx + 2.8, cy + ry + 1.2),
                             (cx, cy + ry + 2.6), (cx - 2.8, cy + ry + 1.2)])


def _side_band(cx: float, cy: float, rx: float, ry: float, side: int, upper: float, lower: float,
               thickness: float, outset: float) -> list[tuple[float, float]]:
    """Hair hugging the skull on one side between two angles (degrees below the horizontal)."""

    def point(angle: float, grow: float) -> tuple[float, float]:
        a = math.radians(angle)
        return cx + side * (rx + grow) * math.cos(a), cy + (ry + grow) * math.sin(a)

    n = 10
    angles = [upper + (lower - upper) * i / n for i in range(n + 1)]
    # thin at the top, full above the ear, so the band reads as hair and not as a tuft
    inner = [point(a, -thickness * (0.25 + 0.75 * i / n)) for i, a in enumerate(angles)]
    return [point(a, outset * i / n) for i, a in enumerate(angles)] + inner[::-1]


def _hair_cap(cx: float, cy: float, rx: float, ry: float, shape: _HairShape) -> list[tuple[float, float]]:
    """The outline of hair over the top of the head, from the left temple to the right one."""
    outer_rx, outer_ry = rx + shape.side_lift, ry + shape.top_lift
    right = math.degrees(math.asin(max(-1.0, min(1.0, shape.temple / outer_ry))))  # negative: above centre
    outer = _arc(cx, cy, outer_rx, outer_ry, 180 - right, 360 + right, 28)
    hair_y = cy - ry + ry * shape.hairline
    corner = rx * 0.8
    half = rx * math.sqrt(max(0.0, 1 - (shape.temple / ry) ** 2))  # the skull's half-width there
    inner = [(cx + half - 1.2, cy + shape.temple), (cx + half - 2.6, cy + shape.temple - 2.0)]
    n = 14
    for i in range(n + 1):
        u = i / n  # right to left across the forehead
        x = cx + corner * (1 - 2 * u)
        arch = 1.8 * math.sin(math.pi * u)  # the hairline rises a little in the middle
        y = hair_y + 2.2 - arch + shape.sweep * (0.5 - u)
        inner.append((x, y))
    inner += [(cx - half + 2.6, cy + shape.temple - 2.0), (cx - half + 1.2, cy + shape.temple)]
    return outer + inner


def _draw_hair(pen: _Pen, look: Look, t: _Tones, rx: float, ry: float) -> None:
    cx, cy = HEAD_X, HEAD_Y
    style = look.hair
    if style == "bald":  # a short fringe above and behind the ears
        for side in (-1, 1):
            pen.polygon(t.hair, _side_band(cx, cy, rx, ry, side, -34, 8, 2.6, 0.6))
        return
    if style == "receding":  # thin hair on the crown, fuller at the sides
        for side in (-1, 1):
            pen.polygon(t.hair, _side_band(cx, cy, rx, ry, side, -70, 6, 2.8, 0.8))
        crown = _HairShape(top_lift=1.0, side_lift=0.3, hairline=0.08, temple=-14.0)
        pen.polygon(t.hair, _hair_cap(cx, cy, rx * 0.78, ry, crown))
        return
    shape = _HAIR_SHAPES.get(style)
    if shape is None:
        raise ValueError(f"no hair style {style!r}")
    if style == "high_top":  # closely cut sides
        for side in (-1, 1):
            pen.polygon(t.skin_shade, _side_band(cx, cy, rx, ry, side, -45, -4, 2.0, 0.2))
    pen.polygon(t.hair, _hair_cap(cx, cy, rx, ry, shape))
    hair_y = cy - ry + ry * shape.hairline
    outer_rx, outer_ry = rx + shape.side_lift, ry + shape.top_lift

    def inside_top(x: float) -> float:  # a point just inside the hair's outline above x
        return cy - outer_ry * math.sqrt(max(0.0, 1 - ((x - cx) / outer_rx) ** 2)) + 1.6

    if shape.part:
        x = cx + shape.part * rx
        pen.line(t.hair_shade, (x, hair_y + 1.5), (x + 1.0, inside_top(x + 1.0)), 0.6)
    if shape.combed:
        for dx in (-7.5, -2.5, 2.5, 7.5):
            x = cx + dx * 1.15
            pen.line(t.hair_shade, (cx + dx, hair_y + 0.5), (x, inside_top(x)), 0.45)


def _draw_glasses(pen: _Pen, look: Look, t: _Tones, rx: float) -> None:
    cx, cy = HEAD_X, HEAD_Y + 0.6
    colour = t.feature if look.glasses == "round" else blend(t.feature, t.skin, 0.3)
    width = 0.85 if look.glasses == "round" else 0.55
    for side in (-1, 1):
        if look.glasses == "round":
            pen.ellipse(colour, cx + side * 6.8, cy, 4.2, 4.0, width=width)
        else:
            pen.ellipse(colour, cx + side * 6.8, cy, 4.8, 3.3, width=width)
        pen.line(colour, (cx + side * 11, cy - 0.8), (cx + side * (rx - 0.4), cy - 1.6), width)
    pen.line(colour, (cx - 2.6, cy - 0.5), (cx + 2.6, cy - 0.5), width)


def _ground(size: tuple[int, int], t: _Tones) -> pygame.Surface:
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
    tones = _tones(palette, look)
    # Drawn larger and smoothed down: pygame's filled shapes have no anti-aliasing, and
    # the figure is small on screen.
    ss = 3 if width * art_h <= 400 * 500 else 2
    big = pygame.transform.scale(_ground((width, art_h), tones), (width * ss, art_h * ss))
    side = round(min(width, art_h * 0.95) * ss * 1.08)
    box = pygame.Rect(0, 0, side, side)
    box.midbottom = (width * ss // 2, art_h * ss + round(side * 0.02))
    _draw_bust(_Pen(big, box), look, tones)
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
