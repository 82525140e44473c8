"""Pictures and canvases drawn by callbacks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.widgets.base import Widget


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
