"""Scrolling panels: a column of widgets taller than its room."""

from __future__ import annotations

import pygame

from game.ui.palette import blend
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import draw_box, draw_focus_ring


# --------------------------------------------------------------------------- scrolling
class ScrollPanel(Widget):
    """Children stacked in one or more columns, scrolled when taller than the panel.
    Children keep their laid-out size; only the offset moves them. With no focusable
    child, the panel itself takes the focus when it overflows, so the keyboard can scroll
    long text with the arrows and Page Up/Down."""

    takes_pointer = True
    wants_drag = True
    border = ""  # a palette tone for a framed panel's edge that should stand out (the offer)

    def __init__(
        self,
        items: list[Widget],
        key: str,
        columns: int = 1,
        framed: bool = False,
        offset: int = 0,
        follow_end: bool = False,
        padding: int | None = None,
        min_column: int = 0,
    ):
        super().__init__(key)
        self.items = items
        self.columns = max(1, columns)
        self.min_column = min_column  # ems; fewer columns when a column would be narrower
        self.framed = framed
        self.offset = offset
        self.follow_end = follow_end  # start scrolled to the end (a log)
        self.padding = padding
        self.content_height = 0
        self._places: list[tuple[Widget, pygame.Rect]] = []
        self._bar_w = 0

    def children(self) -> list[Widget]:
        return self.items

    @property
    def focusable(self) -> bool:  # type: ignore[override]
        return self.overflows and not any(w.focusable for w in self.descendants())

    @property
    def overflows(self) -> bool:
        return self.content_height > self.rect.height

    def clip_rect(self) -> pygame.Rect:
        return self.rect

    def _pad(self, ctx) -> int:
        return ctx.metrics.pad if self.padding is None else self.padding

    def measure(self, ctx, width: int) -> int:
        pad = self._pad(ctx)
        return self._layout(ctx, width - 2 * pad)[1] + 2 * pad  # laid out as `place` will

    def _layout(self, ctx, width: int) -> tuple[list[tuple[Widget, pygame.Rect]], int]:
        """Positions relative to the content's top-left, and the content height."""
        gap = ctx.metrics.gap
        columns = self.columns
        if self.min_column:
            fit = max(1, (width + gap) // max(1, round(self.min_column * ctx.line("body")) + gap))
            columns = max(1, min(columns, fit))
        col_w = max(1, (width - gap * (columns - 1)) // columns)
        places: list[tuple[Widget, pygame.Rect]] = []
        y = 0
        row: list[Widget] = []

        def flush() -> None:
            nonlocal y, row
            if not row:
                return
            h = max(w.measure(ctx, col_w) for w in row)
            for i, w in enumerate(row):
                places.append((w, pygame.Rect(i * (col_w + gap), y, col_w, h)))
            y += h + gap
            row = []

        for item in self.items:
            if not item.shown:
                continue
            if item.span_all or columns == 1:
                flush()
                h = item.measure(ctx, width)
                places.append((item, pygame.Rect(0, y, width, h)))
                y += h + gap
                continue
            row.append(item)
            if len(row) == columns:
                flush()
        flush()
        return places, max(0, y - gap)

    def place(self, ctx, rect: pygame.Rect) -> None:
        super().place(ctx, rect)
        pad = self._pad(ctx)
        inner_w = rect.width - 2 * pad
        places, height = self._layout(ctx, inner_w)
        self._bar_w = 0
        if height + 2 * pad > rect.height:
            self._bar_w = max(6, ctx.metrics.px(10))
            places, height = self._layout(ctx, inner_w - self._bar_w - ctx.metrics.gap // 2)
        self._places = places
        self.content_height = height + 2 * pad
        if self.follow_end and self.offset < 0:
            self.offset = self.max_offset
        self.offset = max(0, min(self.offset, self.max_offset))
        self._position(ctx)

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.height)

    def _position(self, ctx) -> None:
        pad = self._pad(ctx)
        for w, r in self._places:
            w.place(ctx, r.move(self.rect.left + pad, self.rect.top + pad - self.offset))
        self._ctx = ctx

    def scroll_by(self, dy: int) -> bool:
        new = max(0, min(self.offset + int(dy), self.max_offset))
        if new == self.offset:
            return False
        delta = new - self.offset
        self.offset = new
        for w, _ in self._places:
            _shift(w, -delta)
        return True

    def scroll_into_view(self, widget: Widget) -> None:
        if widget.rect.height >= self.rect.height or widget.rect.top < self.rect.top:
            self.scroll_by(widget.rect.top - self.rect.top - self._pad_px())
        elif widget.rect.bottom > self.rect.bottom:
            self.scroll_by(widget.rect.bottom - self.rect.bottom + self._pad_px())

    def _pad_px(self) -> int:
        return self._pad(self._ctx) if hasattr(self, "_ctx") else 0

    def page(self, key: int) -> bool:
        step = max(1, self.rect.height - self.rect.height // 6)
        if key == pygame.K_PAGEUP:
            return self.scroll_by(-step)
        if key == pygame.K_PAGEDOWN:
            return self.scroll_by(step)
        if key == pygame.K_HOME:
            return self.scroll_by(-self.offset)
        return self.scroll_by(self.max_offset - self.offset)

    def key_down(self, ctx, event) -> bool:
        if not self.focusable:
            return False
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            return self.scroll_by((-1 if event.key == pygame.K_UP else 1) * ctx.line("body") * 2) or True
        if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END):
            return self.page(event.key) or True
        return False

    def _bar_track(self) -> pygame.Rect:
        return pygame.Rect(self.rect.right - self._bar_w - 2, self.rect.top + 2, self._bar_w, self.rect.height - 4)

    def _thumb(self) -> pygame.Rect:
        track = self._bar_track()
        share = self.rect.height / max(1, self.content_height)
        h = max(track.height * share, self._bar_w * 2)
        top = track.top + (track.height - h) * (self.offset / max(1, self.max_offset))
        return pygame.Rect(track.left, round(top), track.width, round(h))

    def click(self, ctx, pos) -> None:
        if self._bar_w and pos[0] >= self._bar_track().left:
            self.drag(ctx, pos)

    def drag(self, ctx, pos) -> bool:
        if not self._bar_w or pos[0] < self._bar_track().left - self._bar_w:
            return False
        track = self._bar_track()
        thumb = self._thumb()
        share = (pos[1] - track.top - thumb.height / 2) / max(1, track.height - thumb.height)
        return self.scroll_by(round(max(0.0, min(1.0, share)) * self.max_offset) - self.offset)

    def draw(self, surface, ctx, focused, hovered) -> None:
        p = ctx.palette
        if self.framed:
            edge = getattr(p, self.border, p.panel_border) if self.border else p.panel_border
            draw_box(surface, ctx, self.rect, p.paper, edge, ctx.metrics.px(3 if self.border else 1))
        old = surface.get_clip()
        surface.set_clip(self.rect.clip(old) if old else self.rect)
        for w, _ in self._places:
            if w.rect.colliderect(self.rect):
                w.draw(surface, ctx, focused, hovered)
        surface.set_clip(old)
        if self._bar_w:
            pygame.draw.rect(
                surface, blend(p.panel_border, p.paper, 0.6), self._bar_track(), border_radius=self._bar_w // 2
            )
            pygame.draw.rect(
                surface,
                p.panel_border if hovered is not self else p.accent,
                self._thumb(),
                border_radius=self._bar_w // 2,
            )
        if focused is self:
            draw_focus_ring(surface, ctx, self.rect.inflate(-4, -4))


def _shift(widget: Widget, dy: int) -> None:
    widget.rect.move_ip(0, dy)
    if isinstance(widget, ScrollPanel):
        for w, _ in widget._places:
            _shift(w, dy)
    else:
        for child in widget.children():
            _shift(child, dy)
