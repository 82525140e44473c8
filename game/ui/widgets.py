"""The window's own small widgets: text, buttons, cards, scrolling panels, meters, toggles,
sliders, choice cyclers, a digits field, pictures and charts.

Why not pygame_gui (0.6.14 is installed)? Measured on this machine (dummy video driver,
1280x720): importing it costs ~50 ms on top of pygame, and a UIManager with 31 elements
~33 ms to build; a frame of it draws in ~0.5 ms, against ~1.1 ms for a full redraw of our
busiest screen (the table) and ~3 ms to lay the table out again - speed decides nothing,
both are far inside a frame. What decides is the rest: its elements sit at absolute rects
from a theme file, so reflowing at every window size and text scale means rebuilding
them; it has no Tab / arrow-key focus traversal with a visible focus ring; and our
screens need text measured and wrapped per width (`game.ui.text.wrap`), cards that grow
with their text, and meters drawn with patterns for the colour-safe palette, which would
be custom drawing on top of it anyway. A few hundred lines of our own widgets do exactly
what the game needs, with one focus model for keyboard and mouse and no theme files.

Every widget answers three questions the scene asks: how tall are you at this width
(`measure`), where are you (`place`), and draw yourself (`draw`, told which widget has
the focus ring and which is under the pointer). Strings a widget draws are listed by
`texts()` so headless tests can read the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pygame

from game.ui.palette import blend, is_dark

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


# --------------------------------------------------------------------------- base
class Widget:
    focusable = False
    takes_pointer = False
    wants_drag = False
    span_all = False  # in a multi-column panel: a full-width row of its own

    def __init__(self, key: str = ""):
        self.key = key
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.enabled = True
        self.shown = True

    def measure(self, ctx, width: int) -> int:
        return 0

    def natural_width(self, ctx) -> int:
        return 0

    def place(self, ctx, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)

    def draw(self, surface: pygame.Surface, ctx, focused: Widget | None, hovered: Widget | None) -> None:
        pass

    def key_down(self, ctx, event: pygame.event.Event) -> bool:
        return False

    def text_input(self, ctx, text: str) -> bool:
        return False

    def click(self, ctx, pos: tuple[int, int]) -> None:
        self.activate()

    def drag(self, ctx, pos: tuple[int, int]) -> bool:
        return False

    def activate(self) -> None:
        pass

    def texts(self) -> list[str]:
        return []

    def children(self) -> list[Widget]:
        return []

    def descendants(self) -> Iterator[Widget]:
        for c in self.children():
            yield c
            yield from c.descendants()

    def clip_rect(self) -> pygame.Rect | None:
        return None

    def tooltip(self, ctx) -> list[str] | None:
        return None

    def update(self, dt: float, speed: float) -> bool:
        return False


class Spacer(Widget):
    def __init__(self, lines: float = 0.5, key: str = ""):
        super().__init__(key)
        self.lines = lines

    def measure(self, ctx, width: int) -> int:
        return round(ctx.line("body") * self.lines)


class TextBlock(Widget):
    """Wrapped text in one style."""

    def __init__(
        self,
        text: str,
        style: str = "body",
        tone: str | RGB = "ink",
        align: str = "left",
        key: str = "",
        span_all: bool = False,
        pre: bool = False,
    ):
        super().__init__(key)
        self.text = text
        self.pre = pre
        self.style = style
        self.tone = tone
        self.align = align
        self.span_all = span_all

    def measure(self, ctx, width: int) -> int:
        return ctx.text.height(ctx.font(self.style), self.text, width, self.pre)

    def natural_width(self, ctx) -> int:
        return max((ctx.font(self.style).size(line)[0] for line in self.text.split("\n")), default=0)

    def draw(self, surface, ctx, focused, hovered) -> None:
        ctx.text.draw(surface, ctx.font(self.style), self.text, colour(ctx, self.tone), self.rect, self.align, self.pre)

    def texts(self) -> list[str]:
        return [self.text]


class Rule(Widget):
    """A thin line between sections; typed dashes on cable paper."""

    span_all = True

    def measure(self, ctx, width: int) -> int:
        return ctx.metrics.gap * 2

    def draw(self, surface, ctx, focused, hovered) -> None:
        y = self.rect.centery
        tone = ctx.palette.panel_border
        if ctx.theme == "cable":
            dash = ctx.metrics.px(6)
            for x in range(self.rect.left, self.rect.right, dash * 2):
                pygame.draw.line(surface, tone, (x, y), (min(x + dash, self.rect.right), y), ctx.metrics.px(1))
        else:
            pygame.draw.line(surface, tone, (self.rect.left, y), (self.rect.right, y), ctx.metrics.px(1))


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
    ):
        super().__init__(key or f"button:{label}")
        self.label = label
        self.style = "tab" if small else "bold"
        self.small = small
        self.on_press = on_press
        self.primary = primary
        self.enabled = enabled and on_press is not None
        self.selected = selected
        self.hint = hint  # a key that does the same, shown small ("Esc", "F1")

    def _pads(self, ctx) -> tuple[int, int]:
        if self.small:
            return ctx.metrics.pad, max(3, round(ctx.metrics.pad * 0.4))
        return ctx.metrics.pad + ctx.metrics.px(4), max(4, round(ctx.metrics.pad * 0.6))

    def _text(self) -> str:
        return f"{self.label}  [{self.hint}]" if self.hint else self.label

    def natural_width(self, ctx) -> int:
        px, _ = self._pads(ctx)
        return ctx.font(self.style).size(self._text())[0] + 2 * px + 2

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

    def _inner(self, ctx, width: int) -> int:
        return max(
            1, width - 2 * ctx.metrics.pad - self._badge_w(ctx) - self._stripe_w(ctx) - self.leading_w(ctx, width)
        )

    def leading_w(self, ctx, width: int) -> int:
        """Room a subclass keeps at the left for a picture (0: none)."""
        return 0

    def leading_h(self, ctx, width: int) -> int:
        return 0

    def draw_leading(self, surface: pygame.Surface, ctx, rect: pygame.Rect) -> None:
        pass

    def _badge_w(self, ctx) -> int:
        return (ctx.font("h3").size("9")[0] + ctx.metrics.pad * 2) if self.badge else 0

    def _stripe_w(self, ctx) -> int:
        return ctx.metrics.px(5) if self.stripe else 0

    def _chip_rows(self, ctx, width: int) -> list[list[tuple[Chip, int]]]:
        font = ctx.font("small")
        gap = ctx.metrics.gap
        rows: list[list[tuple[Chip, int]]] = [[]]
        used = 0
        for chip in self.chips:
            w = min(width, font.size(chip.label)[0] + font.get_linesize() + gap * 2)
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
        return max(h, self.leading_h(ctx, width)) + 2 * ctx.metrics.pad

    def activate(self) -> None:
        if self.enabled and self.on_press is not None:
            self.on_press()

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        live = self.enabled and self.on_press is not None
        fill = p.highlight if (hovered is self and live) else p.panel
        draw_box(surface, ctx, self.rect, fill, p.accent if focused is self else p.panel_border, m.px(1.5))
        x = self.rect.left + m.pad
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
                surface, ctx, pygame.Rect(x, self.rect.top + m.pad, lead - m.pad, self.rect.height - 2 * m.pad)
            )
            x += lead
        if self.badge:
            font = ctx.font("h3")
            size = font.get_linesize()
            badge = pygame.Rect(x, self.rect.top + m.pad, self._badge_w(ctx) - m.pad, size)
            tone = p.accent if live else p.muted
            draw_box(surface, ctx, badge, None, tone, m.px(1.5))
            image = ctx.text.render(font, self.badge, tone)
            surface.blit(image, image.get_rect(center=badge.center))
            x += self._badge_w(ctx)
        inner = self._inner(ctx, self.rect.width)
        y = self.rect.top + m.pad
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


# --------------------------------------------------------------------------- scrolling
class ScrollPanel(Widget):
    """Children stacked in one or more columns, scrolled when taller than the panel.
    Children keep their laid-out size; only the offset moves them. With no focusable
    child, the panel itself takes the focus when it overflows, so the keyboard can scroll
    long text with the arrows and Page Up/Down."""

    takes_pointer = True
    wants_drag = True

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
        return self._layout(ctx, width)[1] + 2 * self._pad(ctx)

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
            draw_box(surface, ctx, self.rect, p.paper, p.panel_border, ctx.metrics.px(1))
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


# --------------------------------------------------------------------------- controls
class Toggle(Widget):
    focusable = True
    takes_pointer = True

    def __init__(self, label: str, value: bool, on_change: Callable[[bool], None], key: str = ""):
        super().__init__(key or f"toggle:{label}")
        self.label = label
        self.value = value
        self.on_change = on_change

    def _box(self, ctx) -> int:
        return ctx.line("body")

    def measure(self, ctx, width: int) -> int:
        inner = width - self._box(ctx) - 3 * ctx.metrics.pad - ctx.font("bold").size("Off")[0]
        return max(self._box(ctx), ctx.text.height(ctx.font("body"), self.label, max(1, inner))) + ctx.metrics.pad

    def activate(self) -> None:
        self.value = not self.value
        self.on_change(self.value)

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        if hovered is self:
            draw_box(surface, ctx, self.rect, p.highlight, None)
        size = self._box(ctx)
        box = pygame.Rect(self.rect.left + m.pad // 2, self.rect.top + m.pad // 2, size, size)
        draw_box(surface, ctx, box, p.paper, p.ink, m.px(2))
        if self.value:  # a check mark (a shape, not a colour) says "on"
            inset = box.inflate(-size // 2.5, -size // 2.5)
            pygame.draw.lines(
                surface,
                p.accent,
                False,
                [(inset.left, inset.centery), (inset.centerx - 1, inset.bottom), (inset.right, inset.top)],
                max(2, m.px(3)),
            )
        state = "On" if self.value else "Off"
        state_img = ctx.text.render(ctx.font("bold"), state, p.accent if self.value else p.muted)
        surface.blit(state_img, (self.rect.right - state_img.get_width() - m.pad // 2, box.top))
        text = pygame.Rect(box.right + m.pad, box.top, self.rect.width - size - 3 * m.pad - state_img.get_width(), 0)
        ctx.text.draw(surface, ctx.font("body"), self.label, p.ink, text)
        if focused is self:
            draw_focus_ring(surface, ctx, self.rect)

    def key_down(self, ctx, event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.activate()
            return True
        return False

    def texts(self) -> list[str]:
        return [self.label, "On" if self.value else "Off"]


class Choice(Widget):
    """One of several options, cycled with Left/Right (or Enter), or by clicking the
    arrows at either end: used for the side you lead and for swapping personalities."""

    focusable = True
    takes_pointer = True

    def __init__(
        self,
        label: str,
        options: Sequence[str],
        index: int,
        on_change: Callable[[int], None],
        key: str = "",
        note: str = "",
    ):
        super().__init__(key or f"choice:{label}")
        self.label = label
        self.options = list(options)
        self.index = index
        self.on_change = on_change
        self.note = note

    def _arrow_w(self, ctx) -> int:
        return ctx.line("h3") + ctx.metrics.pad

    def measure(self, ctx, width: int) -> int:
        m = ctx.metrics
        inner = max(1, width - 2 * self._arrow_w(ctx) - 2 * m.pad)
        h = ctx.text.height(ctx.font("small"), self.label, width) + m.gap // 2
        h += max(ctx.text.height(ctx.font("bold"), self.options[self.index], inner), ctx.line("h3")) + 2 * m.pad
        if self.note:
            h += m.gap // 2 + ctx.text.height(ctx.font("small"), self.note, width)
        return h

    def _set(self, index: int) -> None:
        self.index = index % len(self.options)
        self.on_change(self.index)

    def activate(self) -> None:
        self._set(self.index + 1)

    def key_down(self, ctx, event) -> bool:
        if event.key == pygame.K_LEFT:
            self._set(self.index - 1)
            return True
        if event.key == pygame.K_RIGHT:
            self._set(self.index + 1)
            return True
        return False

    def click(self, ctx, pos) -> None:
        box = self._box(ctx)
        self._set(self.index - 1 if pos[0] < box.centerx else self.index + 1)

    def _box(self, ctx) -> pygame.Rect:
        m = ctx.metrics
        top = self.rect.top + ctx.text.height(ctx.font("small"), self.label, self.rect.width) + m.gap // 2
        inner = max(1, self.rect.width - 2 * self._arrow_w(ctx) - 2 * m.pad)
        h = max(ctx.text.height(ctx.font("bold"), self.options[self.index], inner), ctx.line("h3")) + 2 * m.pad
        return pygame.Rect(self.rect.left, top, self.rect.width, h)

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        ctx.text.draw(surface, ctx.font("small"), self.label, p.muted, self.rect)
        box = self._box(ctx)
        draw_box(surface, ctx, box, p.highlight if hovered is self else p.panel, p.panel_border, m.px(1.5))
        aw = self._arrow_w(ctx)
        size = ctx.line("h3") // 2
        for sign, cx in ((-1, box.left + aw // 2), (1, box.right - aw // 2)):
            h = size // 2 + 2
            pts = [(cx + sign * h, box.centery), (cx - sign * h, box.centery - h), (cx - sign * h, box.centery + h)]
            pygame.draw.polygon(surface, p.accent, pts)
        inner = pygame.Rect(box.left + aw + m.pad, box.top + m.pad, box.width - 2 * aw - 2 * m.pad, 0)
        text_h = ctx.text.height(ctx.font("bold"), self.options[self.index], inner.width)
        inner.top = box.centery - text_h // 2
        ctx.text.draw(surface, ctx.font("bold"), self.options[self.index], p.ink, inner, "center")
        if self.note:
            note = pygame.Rect(self.rect.left, box.bottom + m.gap // 2, self.rect.width, 0)
            ctx.text.draw(surface, ctx.font("small"), self.note, p.muted, note)
        if focused is self:
            draw_focus_ring(surface, ctx, box)

    def texts(self) -> list[str]:
        return [self.label, self.options[self.index]] + ([self.note] if self.note else [])


class Slider(Widget):
    """A choice among ordered steps (text size 100-200 %, animation speed)."""

    focusable = True
    takes_pointer = True
    wants_drag = True

    def __init__(
        self,
        label: str,
        steps: Sequence[float],
        index: int,
        on_change: Callable[[int], None],
        show: Callable[[float], str],
        key: str = "",
    ):
        super().__init__(key or f"slider:{label}")
        self.label = label
        self.steps = list(steps)
        self.index = index
        self.on_change = on_change
        self.show = show

    def measure(self, ctx, width: int) -> int:
        return ctx.text.height(ctx.font("body"), self._caption(), width) + ctx.line("body") + ctx.metrics.pad * 2

    def _caption(self) -> str:
        return f"{self.label}: {self.show(self.steps[self.index])}"

    def _track(self, ctx) -> pygame.Rect:
        m = ctx.metrics
        h = ctx.line("body")
        top = self.rect.bottom - h - m.pad // 2
        return pygame.Rect(self.rect.left + h // 2 + m.pad, top, self.rect.width - h - 2 * m.pad, h)

    def _set(self, index: int) -> None:
        index = max(0, min(len(self.steps) - 1, index))
        if index != self.index:
            self.index = index
            self.on_change(index)

    def key_down(self, ctx, event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_MINUS, pygame.K_KP_MINUS):
            self._set(self.index - 1)
            return True
        if event.key in (pygame.K_RIGHT, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self._set(self.index + 1)
            return True
        return False

    def activate(self) -> None:
        self._set(self.index + 1 if self.index + 1 < len(self.steps) else 0)

    def click(self, ctx, pos) -> None:
        self.drag(ctx, pos)

    def drag(self, ctx, pos) -> bool:
        track = self._track(ctx)
        if len(self.steps) < 2:
            return False
        share = (pos[0] - track.left) / max(1, track.width)
        before = self.index
        self._set(round(max(0.0, min(1.0, share)) * (len(self.steps) - 1)))
        return self.index != before

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        if hovered is self:
            draw_box(surface, ctx, self.rect, p.highlight, None)
        ctx.text.draw(surface, ctx.font("body"), self._caption(), p.ink, self.rect.inflate(-m.pad, 0))
        track = self._track(ctx)
        y = track.centery
        pygame.draw.line(surface, p.panel_border, (track.left, y), (track.right, y), m.px(3))
        n = len(self.steps)
        for i in range(n):
            x = track.left + track.width * i // max(1, n - 1)
            pygame.draw.line(surface, p.panel_border, (x, y - m.px(5)), (x, y + m.px(5)), m.px(2))
        x = track.left + track.width * self.index // max(1, n - 1)
        pygame.draw.line(surface, p.accent, (track.left, y), (x, y), m.px(4))
        pygame.draw.circle(surface, p.accent, (x, y), track.height // 2 - 1)
        pygame.draw.circle(surface, p.paper, (x, y), max(2, track.height // 5))
        if focused is self:
            draw_focus_ring(surface, ctx, self.rect)

    def texts(self) -> list[str]:
        return [self._caption()]


class DigitsInput(Widget):
    """A short field of digits (the seed): type to edit, Backspace to delete."""

    focusable = True
    takes_pointer = True

    def __init__(self, label: str, value: str, on_change: Callable[[str], None], key: str = "", max_len: int = 9):
        super().__init__(key or f"digits:{label}")
        self.label = label
        self.value = value
        self.on_change = on_change
        self.max_len = max_len

    def measure(self, ctx, width: int) -> int:
        return (
            ctx.text.height(ctx.font("small"), self.label, width)
            + ctx.metrics.gap // 2
            + ctx.line("mono")
            + 2 * ctx.metrics.pad
        )

    def key_down(self, ctx, event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            if self.value:
                self.value = self.value[:-1]
                self.on_change(self.value)
            return True
        if event.key == pygame.K_DELETE:
            self.value = ""
            self.on_change(self.value)
            return True
        char = getattr(event, "unicode", "")
        if char and char.isdigit() and char.isascii():
            if len(self.value) < self.max_len:
                self.value = (self.value + char).lstrip("0") or "0"
                self.on_change(self.value)
            return True
        return False

    def _box(self, ctx) -> pygame.Rect:
        top = self.rect.top + ctx.text.height(ctx.font("small"), self.label, self.rect.width) + ctx.metrics.gap // 2
        return pygame.Rect(self.rect.left, top, self.rect.width, self.rect.bottom - top)

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        ctx.text.draw(surface, ctx.font("small"), self.label, p.muted, self.rect)
        box = self._box(ctx)
        draw_box(surface, ctx, box, p.paper, p.accent if focused is self else p.panel_border, m.px(2))
        font = ctx.font("mono")
        image = ctx.text.render(font, self.value or " ", p.ink)
        x = box.left + m.pad
        surface.blit(image, (x, box.centery - image.get_height() // 2))
        if focused is self:  # a caret shows where typing goes
            cx = x + (image.get_width() if self.value else 0) + 2
            pygame.draw.line(surface, p.accent, (cx, box.top + m.pad // 2), (cx, box.bottom - m.pad // 2), m.px(2))
            draw_focus_ring(surface, ctx, box)

    def texts(self) -> list[str]:
        return [self.label, self.value]


# --------------------------------------------------------------------------- pictures
class Picture(Widget):
    """A drawn image (a portrait) scaled to the width, with a caption under it."""

    def __init__(
        self,
        provider: Callable[[tuple[int, int]], pygame.Surface],
        caption: str = "",
        aspect: float = 1.2,
        max_height: int = 0,
        key: str = "",
        sub: str = "",
    ):
        super().__init__(key)
        self.provider = provider
        self.caption = caption
        self.sub = sub
        self.aspect = aspect
        self.max_height = max_height

    def _image_size(self, width: int) -> tuple[int, int]:
        h = round(width * self.aspect)
        if self.max_height and h > self.max_height:
            h = self.max_height
        w = round(h / self.aspect)
        return max(8, w), max(8, h)

    def _captions_h(self, ctx, width: int) -> int:
        h = 0
        if self.caption:
            h += ctx.metrics.gap // 2 + ctx.text.height(ctx.font("bold"), self.caption, width)
        if self.sub:
            h += ctx.text.height(ctx.font("small"), self.sub, width)
        return h

    def measure(self, ctx, width: int) -> int:
        return self._image_size(width)[1] + self._captions_h(ctx, width)

    def draw(self, surface, ctx, focused, hovered) -> None:
        size = self._image_size(self.rect.width)
        image = self.provider(size)
        x = self.rect.centerx - size[0] // 2
        surface.blit(image, (x, self.rect.top))
        y = self.rect.top + size[1] + ctx.metrics.gap // 2
        if self.caption:
            y += ctx.text.draw(
                surface,
                ctx.font("bold"),
                self.caption,
                ctx.palette.ink,
                pygame.Rect(self.rect.left, y, self.rect.width, 0),
                "center",
            )
        if self.sub:
            ctx.text.draw(
                surface,
                ctx.font("small"),
                self.sub,
                ctx.palette.muted,
                pygame.Rect(self.rect.left, y, self.rect.width, 0),
                "center",
            )

    def texts(self) -> list[str]:
        return [t for t in (self.caption, self.sub) if t]


class Canvas(Widget):
    """Space drawn by a function (the meter charts); its height follows its width."""

    def __init__(
        self,
        paint: Callable[[pygame.Surface, pygame.Rect], None],
        aspect: float,
        max_height: int = 0,
        key: str = "",
        words: Sequence[str] = (),
    ):
        super().__init__(key)
        self.paint = paint
        self.aspect = aspect
        self.max_height = max_height
        self.words = list(words)
        self.span_all = True

    def measure(self, ctx, width: int) -> int:
        h = round(width * self.aspect)
        return min(h, self.max_height) if self.max_height else h

    def draw(self, surface, ctx, focused, hovered) -> None:
        old = surface.get_clip()
        surface.set_clip(self.rect.clip(old) if old else self.rect)
        self.paint(surface, pygame.Rect(self.rect))
        surface.set_clip(old)

    def texts(self) -> list[str]:
        return self.words
