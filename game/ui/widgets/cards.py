"""Cards: a title, lines of text, optional chips and a badge; pressable."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.palette import blend
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import (
    colour,
    corner,
    draw_arrow,
    draw_box,
    draw_focus_ring,
)


# --------------------------------------------------------------------------- cards
class Line:
    """One paragraph on a card: text in a style and tone."""

    __slots__ = ("text", "style", "tone", "pre")

    def __init__(self, text: str, style: str = "body", tone: str = "ink", pre: bool = False):
        self.text, self.style, self.tone, self.pre = text, style, tone, pre


class Chip:
    """A small label with a direction arrow, e.g. 'Tension' with an up triangle."""

    __slots__ = ("label", "direction", "tone")

    def __init__(self, label: str, direction: int, tone: str):
        self.label, self.direction, self.tone = label, direction, tone


class Card(Widget):
    """A box with a title, paragraphs and optional effect chips; activatable if it has
    an action. `badge` is a short tag drawn in the corner (the number key for actions)."""

    def __init__(
        self,
        title: str,
        lines: Sequence[Line] = (),
        on_press: Callable[[], None] | None = None,
        key: str = "",
        badge: str = "",
        stripe: str | None = None,
        chips: Sequence[Chip] = (),
        enabled: bool = True,
        span_all: bool = False,
        title_style: str = "h3",
    ):
        super().__init__(key or f"card:{title}")
        self.title = title
        self.lines = list(lines)
        self.on_press = on_press
        self.badge = badge
        self.stripe = stripe
        self.chips = list(chips)
        self.enabled = enabled
        self.span_all = span_all
        self.title_style = title_style
        self.focusable = on_press is not None
        self.takes_pointer = on_press is not None

    tight = False  # less padding (the table's compact action cards)

    def _pad(self, ctx) -> int:
        return max(4, round(ctx.metrics.pad * 0.6)) if self.tight else ctx.metrics.pad

    def _inner(self, ctx, width: int) -> int:
        return max(
            1, width - 2 * self._pad(ctx) - self._badge_w(ctx) - self._stripe_w(ctx) - self.leading_w(ctx, width)
        )

    def leading_w(self, ctx, width: int) -> int:
        """Room a subclass keeps at the left for a picture (0: none)."""
        return 0

    def leading_h(self, ctx, width: int) -> int:
        return 0

    def draw_leading(self, surface: pygame.Surface, ctx, rect: pygame.Rect) -> None:
        pass

    def _badge_w(self, ctx) -> int:
        return (ctx.text.width(ctx.font("h3"), "9") + ctx.metrics.pad * 2) if self.badge else 0

    def _stripe_w(self, ctx) -> int:
        return ctx.metrics.px(5) if self.stripe else 0

    def _chip_rows(self, ctx, width: int) -> list[list[tuple[Chip, int]]]:
        font = ctx.font("small")
        gap = ctx.metrics.gap
        rows: list[list[tuple[Chip, int]]] = [[]]
        used = 0
        for chip in self.chips:
            w = min(width, ctx.text.width(font, chip.label) + font.get_linesize() + gap * 2)
            if rows[-1] and used + gap + w > width:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + w
            rows[-1].append((chip, w))
        return [r for r in rows if r]

    def _chip_h(self, ctx) -> int:
        return ctx.line("small") + ctx.metrics.px(6)

    def measure(self, ctx, width: int) -> int:
        inner = self._inner(ctx, width)
        gap = ctx.metrics.gap // 2
        h = ctx.text.height(ctx.font(self.title_style), self.title, inner) if self.title else 0
        for line in self.lines:
            h += gap + ctx.text.height(ctx.font(line.style), line.text, inner, line.pre)
        if self.chips:
            rows = self._chip_rows(ctx, inner)
            h += gap + len(rows) * self._chip_h(ctx) + (len(rows) - 1) * gap
        return max(h, self.leading_h(ctx, width)) + 2 * self._pad(ctx)

    def activate(self) -> None:
        if self.enabled and self.on_press is not None:
            self.on_press()

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        pad = self._pad(ctx)
        live = self.enabled and self.on_press is not None
        fill = p.highlight if (hovered is self and live) else p.panel
        draw_box(surface, ctx, self.rect, fill, p.accent if focused is self else p.panel_border, m.px(1.5))
        x = self.rect.left + pad
        if self.stripe:
            stripe = pygame.Rect(self.rect.left, self.rect.top, self._stripe_w(ctx), self.rect.height)
            pygame.draw.rect(
                surface,
                colour(ctx, self.stripe),
                stripe,
                border_top_left_radius=corner(ctx),
                border_bottom_left_radius=corner(ctx),
            )
            x += stripe.width
        lead = self.leading_w(ctx, self.rect.width)
        if lead:
            self.draw_leading(
                surface, ctx, pygame.Rect(x, self.rect.top + pad, lead - pad, self.rect.height - 2 * pad)
            )
            x += lead
        if self.badge:
            font = ctx.font("h3")
            size = font.get_linesize()
            badge = pygame.Rect(x, self.rect.top + pad, self._badge_w(ctx) - m.pad, size)
            tone = p.accent if live else p.muted
            draw_box(surface, ctx, badge, None, tone, m.px(1.5))
            image = ctx.text.render(font, self.badge, tone)
            surface.blit(image, image.get_rect(center=badge.center))
            x += self._badge_w(ctx)
        inner = self._inner(ctx, self.rect.width)
        y = self.rect.top + pad
        dim = not self.enabled
        if self.title:
            tone = p.muted if dim else p.ink
            y += ctx.text.draw(surface, ctx.font(self.title_style), self.title, tone, pygame.Rect(x, y, inner, 0))
        for line in self.lines:
            y += m.gap // 2
            tone = p.muted if dim else colour(ctx, line.tone)
            y += ctx.text.draw(
                surface, ctx.font(line.style), line.text, tone, pygame.Rect(x, y, inner, 0), pre=line.pre
            )
        if self.chips:
            y += m.gap // 2
            font = ctx.font("small")
            ch = self._chip_h(ctx)
            for row in self._chip_rows(ctx, inner):
                cx = x
                for chip, w in row:
                    box = pygame.Rect(cx, y, w, ch)
                    tone = colour(ctx, chip.tone)
                    draw_box(surface, ctx, box, p.paper, blend(tone, p.paper, 0.3), m.px(1))
                    size = font.get_linesize()
                    draw_arrow(surface, (box.left + m.gap + size // 2 - 2, box.centery), size - 4, chip.direction, tone)
                    label = ctx.text.render(font, chip.label, p.ink)
                    surface.blit(label, (box.left + m.gap + size, box.centery - label.get_height() // 2))
                    cx += w + m.gap
                y += ch + m.gap
        if focused is self:
            draw_focus_ring(surface, ctx, self.rect)

    def texts(self) -> list[str]:
        out = [self.badge, self.title] if self.badge else [self.title]
        return out + [line.text for line in self.lines] + [c.label for c in self.chips]
