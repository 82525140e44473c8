"""The base widget and the simplest ones: spacing, text, rules."""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from game.ui.widgets.drawing import RGB, colour


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
