"""Settings controls: toggles, choice cyclers, sliders and a digits field."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import draw_box, draw_focus_ring


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


class NameInput(DigitsInput):
    """A short name (a save slot): letters, digits, spaces, '-', '_' and '.'; typed
    characters come with their key presses, so each is taken once."""

    ALLOWED = set(" -_.")

    def __init__(self, label: str, value: str, on_change: Callable[[str], None], key: str = "", max_len: int = 40):
        super().__init__(label, value, on_change, key=key or f"name:{label}", max_len=max_len)

    def key_down(self, ctx, event) -> bool:
        if event.key in (pygame.K_BACKSPACE, pygame.K_DELETE):
            self.value = self.value[:-1] if event.key == pygame.K_BACKSPACE else ""
            self.on_change(self.value)
            return True
        char = getattr(event, "unicode", "")
        if char and len(char) == 1 and (char.isalnum() or char in self.ALLOWED) and char.isprintable():
            if len(self.value) < self.max_len and (self.value or char not in self.ALLOWED):
                self.value += char
                self.on_change(self.value)
            return True
        return False
