"""Page layouts shared by the scenes: a sheet of paper on the backdrop with a heading,
a scrolling body and a row of buttons, reflowed from the window size and text scale.

Every region is measured at the width it gets, so text wraps rather than overflows, and
whatever does not fit scrolls: at 1024x600 with 200 % text the heading moves into the
scrolling body rather than squeezing it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.palette import blend
from game.ui.widgets import FlowRow, ScrollPanel, TextBlock, Widget, corner


class Sheet(Widget):
    """The paper a page is written on (decoration: laid out first, never focused)."""

    decor = True

    def __init__(self, key: str = "sheet", tone: str = "paper", border: str = "panel_border"):
        super().__init__(key)
        self.tone = tone
        self.border = border

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        shadow = self.rect.move(m.px(4), m.px(5))
        pygame.draw.rect(surface, blend(p.bg, (0, 0, 0), 0.35), shadow, border_radius=corner(ctx))
        pygame.draw.rect(surface, getattr(p, self.tone), self.rect, border_radius=corner(ctx))
        pygame.draw.rect(surface, getattr(p, self.border), self.rect, m.px(1), border_radius=corner(ctx))
        if ctx.theme == "cable":  # a typed cable's ruled header line
            y = self.rect.top + m.px(6)
            pygame.draw.line(surface, p.accent, (self.rect.left + m.px(6), y), (self.rect.right - m.px(6), y), m.px(2))


def centred(rect: pygame.Rect, max_width: int) -> pygame.Rect:
    if rect.width <= max_width:
        return pygame.Rect(rect)
    return pygame.Rect(rect.centerx - max_width // 2, rect.top, max_width, rect.height)


def page(
    ctx,
    rect: pygame.Rect,
    *,
    title: str,
    subtitle: str = "",
    body: Sequence[Widget],
    footer: Sequence[Widget],
    body_key: str,
    scroll: dict[str, int],
    columns: int = 1,
    min_column: float = 0,
    max_width_em: float = 0,
    top: Sequence[Widget] = (),
    follow_end: bool = False,
    compact: bool = False,
    kicker: str = "",
    title_style: str = "h1",
    footer_align: str = "right",
) -> list[Widget]:
    """Heading, optional fixed `top` widgets (e.g. tabs), scrolling body, footer buttons.
    `compact` shrinks the sheet to its content and centres it (modal cards)."""
    m = ctx.metrics
    em = ctx.line("body")
    area = rect.inflate(-2 * m.margin, -2 * m.margin)
    if max_width_em:
        area = centred(area, round(max_width_em * em))

    heads: list[Widget] = []
    if kicker:
        heads.append(TextBlock(kicker.upper(), "small", "muted", key="page:kicker"))
    heads.append(TextBlock(title, title_style, "accent", key="page:title"))
    if subtitle:
        heads.append(TextBlock(subtitle, "lead", "muted", key="page:subtitle"))
    fixed_top = list(top)
    footer_row = FlowRow(list(footer), align=footer_align, key="page:footer")

    body_natural = None
    if compact:
        width = area.width - 2 * m.pad
        natural = sum(w.measure(ctx, width) + m.gap for w in heads + fixed_top)
        body_natural = ScrollPanel(list(body), key="", padding=m.px(4) + 2).measure(ctx, width)
        natural += body_natural
        natural += (footer_row.measure(ctx, width) + m.gap) if footer else 0
        natural += 2 * m.pad + m.px(6)
        if natural < area.height:
            area = pygame.Rect(area.left, area.centery - natural // 2, area.width, natural)
    sheet = Sheet(border="accent" if compact else "panel_border")  # a card over the table stands out
    sheet.place(ctx, area)
    inner = area.inflate(-2 * m.pad, -2 * m.pad)
    inner.top += m.px(6)
    inner.height -= m.px(6)

    head_h = sum(w.measure(ctx, inner.width) for w in heads) + m.gap * len(heads)
    top_h = sum(w.measure(ctx, inner.width) + m.gap for w in fixed_top)
    foot_h = footer_row.measure(ctx, inner.width) + m.gap if footer else 0
    min_body = max(em * 4, inner.height // 3)
    if body_natural is not None:
        min_body = min(min_body, body_natural)
    body_items = list(body)
    if head_h + top_h + foot_h + min_body > inner.height:
        # Not enough room: the heading scrolls with the body.
        body_items = heads + body_items
        heads, head_h = [], 0
        if top_h + foot_h + min_body > inner.height:
            body_items = fixed_top + body_items
            fixed_top, top_h = [], 0

    placed: list[Widget] = [sheet]
    y = inner.top
    for w in heads + fixed_top:
        h = w.measure(ctx, inner.width)
        w.place(ctx, pygame.Rect(inner.left, y, inner.width, h))
        placed.append(w)
        y += h + m.gap
    if footer:
        fh = footer_row.measure(ctx, inner.width)
        footer_row.place(ctx, pygame.Rect(inner.left, inner.bottom - fh, inner.width, fh))
    body_rect = pygame.Rect(inner.left, y, inner.width, inner.bottom - y - foot_h)
    offset = scroll.get(body_key, -1 if follow_end else 0)
    panel = ScrollPanel(
        body_items,
        key=body_key,
        columns=columns,
        min_column=min_column,
        offset=offset,
        follow_end=follow_end,
        padding=m.px(4) + 2,
    )
    panel.place(ctx, body_rect)
    placed.append(panel)
    if footer:
        placed.append(footer_row)
    return placed
