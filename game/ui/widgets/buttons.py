"""Buttons and rows of them."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.palette import blend, is_dark
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import draw_box, draw_focus_ring


# --------------------------------------------------------------------------- buttons
class Button(Widget):
    focusable = True
    takes_pointer = True

    def __init__(
        self,
        label: str,
        on_press: Callable[[], None] | None,
        key: str = "",
        primary: bool = False,
        enabled: bool = True,
        selected: bool = False,
        hint: str = "",
        small: bool = False,
        tight: bool = False,
    ):
        super().__init__(key or f"button:{label}")
        self.label = label
        self.style = "tab" if small else "bold"
        self.small = small
        self.tight = tight  # narrower side padding, for a row that must fit a narrow column
        self.on_press = on_press
        self.primary = primary
        self.enabled = enabled and on_press is not None
        self.selected = selected
        self.hint = hint  # a key that does the same, shown small ("Esc", "F1")

    def _pads(self, ctx) -> tuple[int, int]:
        if self.small:
            side = max(4, round(ctx.metrics.pad * 0.5)) if self.tight else ctx.metrics.pad
            return side, max(3, round(ctx.metrics.pad * 0.4))
        return ctx.metrics.pad + ctx.metrics.px(4), max(4, round(ctx.metrics.pad * 0.6))

    def _text(self) -> str:
        if not self.hint:
            return self.label
        return f"{self.label} [{self.hint}]" if self.small else f"{self.label}  [{self.hint}]"

    def natural_width(self, ctx) -> int:
        px, _ = self._pads(ctx)
        return ctx.text.width(ctx.font(self.style), self._text()) + 2 * px + 2

    def measure(self, ctx, width: int) -> int:
        px, py = self._pads(ctx)
        return ctx.text.height(ctx.font(self.style), self._text(), max(1, width - 2 * px)) + 2 * py

    def activate(self) -> None:
        if self.enabled and self.on_press is not None:
            self.on_press()

    def draw(self, surface, ctx, focused, hovered) -> None:
        p = ctx.palette
        px, py = self._pads(ctx)
        if not self.enabled:
            fill, border, ink = p.panel, blend(p.panel_border, p.panel, 0.4), blend(p.muted, p.panel, 0.25)
        elif self.primary or self.selected:
            fill, border, ink = p.accent, p.accent, p.paper if not is_dark(p) else p.bg
            if hovered is self:
                fill = blend(p.accent, p.ink, 0.2)
        else:
            fill, border, ink = (p.highlight if hovered is self else p.panel), p.panel_border, p.ink
        draw_box(surface, ctx, self.rect, fill, border, ctx.metrics.px(1.5))
        text_rect = self.rect.inflate(-2 * px, -2 * py)
        height = ctx.text.height(ctx.font(self.style), self._text(), text_rect.width)
        text_rect.top = self.rect.centery - height // 2
        ctx.text.draw(surface, ctx.font(self.style), self._text(), ink, text_rect, "center")
        if focused is self:
            draw_focus_ring(surface, ctx, self.rect)

    def texts(self) -> list[str]:
        return [self.label]


class FlowRow(Widget):
    """Buttons (or any widgets) side by side, wrapping onto more rows when narrow."""

    def __init__(self, items: list[Widget], align: str = "left", key: str = ""):
        super().__init__(key)
        self.items = items
        self.align = align

    def children(self) -> list[Widget]:
        return self.items

    def _rows(self, ctx, width: int) -> list[list[tuple[Widget, int]]]:
        gap = ctx.metrics.gap
        rows: list[list[tuple[Widget, int]]] = [[]]
        used = 0
        for item in self.items:
            w = min(width, max(1, item.natural_width(ctx)))
            if rows[-1] and used + gap + w > width:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + w
            rows[-1].append((item, w))
        return [r for r in rows if r]

    def measure(self, ctx, width: int) -> int:
        rows = self._rows(ctx, width)
        gap = ctx.metrics.gap
        return sum(max(i.measure(ctx, w) for i, w in row) for row in rows) + gap * max(0, len(rows) - 1)

    def place(self, ctx, rect: pygame.Rect) -> None:
        super().place(ctx, rect)
        gap = ctx.metrics.gap
        y = rect.top
        for row in self._rows(ctx, rect.width):
            h = max(i.measure(ctx, w) for i, w in row)
            total = sum(w for _, w in row) + gap * (len(row) - 1)
            if self.align == "stretch":
                extra = (rect.width - total) // len(row)
                row = [(i, w + extra) for i, w in row]
                total = rect.width
            x = {"center": rect.left + (rect.width - total) // 2, "right": rect.right - total}.get(
                self.align, rect.left
            )
            for item, w in row:
                item.place(ctx, pygame.Rect(x, y, w, h))
                x += w + gap
            y += h + gap

    def draw(self, surface, ctx, focused, hovered) -> None:
        for item in self.items:
            item.draw(surface, ctx, focused, hovered)
