"""Drawing a bust from a look: head, ears, face, hair, glasses, and a suit or a tunic, in
a 100 x 100 figure box (`Pen`) so every size of portrait is the same picture."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.palette import RGB, blend
from game.ui.portrait_looks import Look, Tones


class Pen:
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


def draw_bust(pen: Pen, look: Look, t: Tones) -> None:
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


def _draw_generic(pen: Pen, t: Tones, rx: float, ry: float) -> None:
    """An archetype: a plain silhouette with collar and tie, no individual features."""
    pen.polygon(t.silhouette, _TORSO)
    pen.polygon(t.silhouette, [(42.5, 52), (57.5, 52), (58, 76), (42, 76)])
    pen.ellipse(t.silhouette, HEAD_X, HEAD_Y, rx, ry)
    pen.polygon(t.shirt, [(41, 71.5), (59, 71.5), (50, 90)])
    pen.polygon(t.tie, [(48.2, 74), (51.8, 74), (53.4, 94), (50, 98), (46.6, 94)])
    pen.polygon(t.tie, [(47.4, 71.8), (52.6, 71.8), (51.8, 75.5), (48.2, 75.5)])
    pen.polygon(t.silhouette, [(31, 72), (41, 70.5), (50, 90), (50, 101), (31, 101)])
    pen.polygon(t.silhouette, [(69, 72), (59, 70.5), (50, 90), (50, 101), (69, 101)])


def _draw_suit(pen: Pen, t: Tones) -> None:
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


def _draw_tunic(pen: Pen, t: Tones) -> None:
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


def _draw_face(pen: Pen, look: Look, t: Tones, rx: float, ry: float) -> None:
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


def _draw_hair(pen: Pen, look: Look, t: Tones, rx: float, ry: float) -> None:
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


def _draw_glasses(pen: Pen, look: Look, t: Tones, rx: float) -> None:
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
