"""Drawing helpers shared by the widgets: boxes, focus rings, arrows, patterns, tooltips."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.palette import blend

RGB = tuple[int, int, int]


# --------------------------------------------------------------------------- drawing helpers
def corner(ctx) -> int:
    """Corner radius: typed cable paper has square corners, the briefing room rounds them."""
    return ctx.metrics.px(2) if ctx.theme == "cable" else ctx.metrics.px(9)


def colour(ctx, name: str | RGB) -> RGB:
    return getattr(ctx.palette, name) if isinstance(name, str) else name


def draw_box(
    surface: pygame.Surface, ctx, rect: pygame.Rect, fill: RGB | None, border: RGB | None, width: int = 1
) -> None:
    radius = corner(ctx)
    if fill is not None:
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, max(1, width), border_radius=radius)


def draw_focus_ring(surface: pygame.Surface, ctx, rect: pygame.Rect) -> None:
    """A thick ring in the focus colour, outside the widget, so it never hides text."""
    w = max(2, ctx.metrics.px(3))
    ring = rect.inflate(w * 2, w * 2)
    pygame.draw.rect(surface, ctx.palette.focus, ring, w, border_radius=corner(ctx) + w)


def draw_arrow(surface: pygame.Surface, centre: tuple[int, int], size: int, direction: int, fill: RGB) -> None:
    """A triangle pointing up (direction > 0) or down (< 0); a bar for no change. Shapes
    carry the direction so nothing depends on telling red from green."""
    x, y = centre
    h = max(3, size // 2)
    if direction > 0:
        points = [(x - h, y + h // 2 + 1), (x + h, y + h // 2 + 1), (x, y - h)]
    elif direction < 0:
        points = [(x - h, y - h // 2 - 1), (x + h, y - h // 2 - 1), (x, y + h)]
    else:
        pygame.draw.rect(surface, fill, pygame.Rect(x - h, y - max(1, h // 4), 2 * h, max(2, h // 2)))
        return
    pygame.draw.polygon(surface, fill, points)


def draw_pattern(surface: pygame.Surface, rect: pygame.Rect, fill: RGB, kind: str, ground: RGB, step: int) -> None:
    """Fill rect with a pattern that differs by meter kind (for the colour-safe palette):
    tension diagonal stripes, trust dots, resolve solid, confidence cross-hatch."""
    if rect.width <= 0 or rect.height <= 0:
        return
    if kind == "resolve":
        pygame.draw.rect(surface, fill, rect)
        return
    pygame.draw.rect(surface, blend(fill, ground, 0.55), rect)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    step = max(4, step)
    if kind == "trust":
        r = max(1, step // 4)
        for x in range(rect.left + step // 2, rect.right, step):
            for y in range(rect.top + step // 2, rect.bottom + 1, step):
                pygame.draw.circle(surface, fill, (x, y), r)
    else:
        width = max(1, step // 3)
        for x in range(rect.left - rect.height, rect.right + rect.height, step):
            pygame.draw.line(surface, fill, (x, rect.bottom), (x + rect.height, rect.top), width)
            if kind != "tension":
                pygame.draw.line(surface, fill, (x, rect.top), (x + rect.height, rect.bottom), width)
    surface.set_clip(clip)


def tooltip_box(surface_size: tuple[int, int], ctx, anchor: pygame.Rect, height_for) -> pygame.Rect:
    """Where a tooltip goes: beside the anchor if there is room (right, then left), else
    below or above it, so the thing it explains stays in sight; always inside the window."""
    m = ctx.metrics
    sw, sh = surface_size
    em = ctx.line("body")
    wanted = min(round(em * 20), sw - 2 * m.margin)
    right = sw - m.margin - anchor.right - m.gap
    left = anchor.left - m.gap - m.margin
    for room, place_left in ((right, False), (left, True)):
        if room >= min(wanted, em * 12):
            width = min(wanted, room)
            height = min(height_for(width), sh - 2 * m.margin)
            x = anchor.left - m.gap - width if place_left else anchor.right + m.gap
            y = max(m.margin, min(anchor.top, sh - m.margin - height))
            return pygame.Rect(x, y, width, height)
    width = wanted
    height = min(height_for(width), sh - 2 * m.margin)
    x = max(m.margin, min(anchor.left, sw - m.margin - width))
    if anchor.bottom + m.gap + height <= sh - m.margin:
        y = anchor.bottom + m.gap
    elif anchor.top - m.gap - height >= m.margin:
        y = anchor.top - m.gap - height
    else:
        y = max(m.margin, sh - m.margin - height)
    return pygame.Rect(x, y, width, height)


def draw_tooltip(surface: pygame.Surface, ctx, anchor: pygame.Rect, lines: Sequence[str]) -> pygame.Rect:
    """A box of wrapped lines near anchor (the first line as its heading)."""
    m = ctx.metrics
    font = ctx.font("small")

    def height_for(width: int) -> int:
        inner = width - 2 * m.pad
        return (
            ctx.text.height(ctx.font("bold"), lines[0], inner)
            + sum(ctx.text.height(font, line, inner) for line in lines[1:])
            + 2 * m.pad
        )

    box = tooltip_box(surface.get_size(), ctx, anchor, height_for)
    inner = box.width - 2 * m.pad
    shadow = box.move(m.px(3), m.px(3))
    pygame.draw.rect(surface, blend(ctx.palette.bg, (0, 0, 0), 0.4), shadow, border_radius=corner(ctx))
    draw_box(surface, ctx, box, ctx.palette.paper, ctx.palette.accent, m.px(2))
    clip = surface.get_clip()
    surface.set_clip(box)
    y = box.top + m.pad
    for i, line in enumerate(lines):
        tone = ctx.palette.ink if i else ctx.palette.accent
        y += ctx.text.draw(
            surface, ctx.font("bold" if i == 0 else "small"), line, tone, pygame.Rect(box.left + m.pad, y, inner, 0)
        )
    surface.set_clip(clip)
    return box
