"""Scenes and the messages they send to the App that stacks them.

Attributes go down, messages go up: a scene gets the app context when it is made and
never reaches for the App or other scenes; it asks for changes by `send`-ing a message
(Push, Pop, Replace, Reset, Quit) that the App carries out after the current event.
A modal scene is pushed with `on_result`; its `Pop(result)` hands the result back.

The base class owns what every screen does the same way: lay out widgets when the window
size, text scale or content changes; move a visible focus ring with Tab, Shift-Tab and the
arrow keys; activate with Enter or Space; hover and click with the mouse; wheel-scroll
the panel under the pointer; tooltips; and `visible_text()` for tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui.context import AppContext
from game.ui.widgets import ScrollPanel, Widget, draw_tooltip


# --------------------------------------------------------------------------- messages
@dataclass
class Push:
    scene: Scene
    on_result: Callable[[Any], None] | None = None


@dataclass
class Pop:
    result: Any = None


@dataclass
class Replace:
    scene: Scene


@dataclass
class Reset:
    """Replace the whole stack (e.g. back to the title, or title + a resumed game)."""

    scenes: list[Scene] = field(default_factory=list)


@dataclass
class Quit:
    pass


Message = Push | Pop | Replace | Reset | Quit


# --------------------------------------------------------------------------- scene
class Scene:
    theme: str | None = None  # the look this scene wants; None keeps the current one
    modal: bool = False  # drawn over the scene below, which stays visible but inert
    title: str = ""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self.outbox: list[Message] = []
        self.widgets: list[Widget] = []
        self.focused: Widget | None = None
        self.hovered: Widget | None = None
        self.active = False  # True while this scene is on top of the stack (set by the App)
        self.scroll_state: dict[str, int] = {}  # panel name -> offset, kept across layouts
        self._scroll_requests: dict[str, int] = {}  # offsets asked for by `scroll_to`, for the next layout
        self._layout_key: tuple | None = None
        self._content_version = 0
        self._focus_key: str | None = None
        self._focus_moved = False  # a focused widget's tooltip shows only after the player moved there
        self._hover_tip = True  # the pointer's tooltip shows (typing hides it until the pointer moves)

    # ----------------------------------------------------------------- shared parts
    page_defaults: dict = {}  # what this kind of scene passes to `layout.page` unless told

    def layout_page(self, rect: pygame.Rect, **options) -> list[Widget]:
        """This scene's page (`game.ui.layout.page`): its scroll offsets kept, its kind's
        defaults (modal cards are compact, titled h2) unless `options` say otherwise."""
        from game.ui.layout import page

        return page(self.ctx, rect, scroll=self.scroll_state, **{**self.page_defaults, **options})

    def back_button(self, label: str, key: str, primary: bool = False) -> Widget:
        """The button that closes this scene as Esc does."""
        from game.ui.widgets import Button

        return Button(label, lambda: self.send(Pop()), key=key, primary=primary, hint="Esc")

    # ----------------------------------------------------------------- to override
    def build(self, rect: pygame.Rect) -> list[Widget]:
        """Make and place this scene's widgets inside rect; return the top-level ones."""
        return []

    def on_escape(self) -> None:
        self.send(Pop())

    def on_key(self, event: pygame.event.Event) -> bool:
        """Scene-specific keys, after the focused widget had its chance."""
        return False

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while something still moves."""
        return False

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(self.ctx.backdrop(surface.get_size()), (0, 0))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Drawn after the widgets (e.g. decorations); tooltips come after this."""

    def on_enter(self) -> None:
        """The scene has just been put on the stack."""

    def on_leave(self) -> None:
        """The scene is leaving the stack for good (also when the window closes)."""

    def on_uncover(self) -> None:
        """A modal over this scene has just closed: this scene is on top again."""

    def extra_text(self) -> list[str]:
        """Strings drawn outside widgets, for visible_text()."""
        return []

    # ----------------------------------------------------------------- machinery
    def send(self, message: Message) -> None:
        self.outbox.append(message)

    def changed(self) -> None:
        """The content changed: lay out again before the next draw."""
        self._content_version += 1

    def rect(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.ctx.metrics.width, self.ctx.metrics.height)

    def ensure_layout(self) -> None:
        key = (self.ctx.layout_key, self._content_version)
        if key == self._layout_key:
            return
        self._remember_scroll()
        self.scroll_state.update(self._scroll_requests)
        self._scroll_requests.clear()
        if self.focused is not None:
            self._focus_key = self.focused.key
        self.widgets = self.build(self.rect())
        self._layout_key = key
        self.focused = None
        self.hovered = None
        self._focus_moved = False
        chain = self.focusables()
        if self._focus_key is not None:
            self.focused = next((w for w in chain if w.key == self._focus_key), None)
        if self.focused is None and chain:
            self.focused = self.default_focus(chain)
        if self.focused is not None:
            self._reveal(self.focused)
        if self.ctx.pointer is not None:
            self.hovered = self.widget_at(self.ctx.pointer)

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return chain[0]

    def scroll_to(self, key: str, offset: int) -> None:
        """Show the panel `key` from `offset` (-1: from its end, for a panel that follows
        its end) at the next layout, whatever it showed before."""
        self._scroll_requests[key] = offset

    def _remember_scroll(self) -> None:
        for w in self.all_widgets():
            if isinstance(w, ScrollPanel) and w.key:
                self.scroll_state[w.key] = w.offset

    def all_widgets(self) -> Iterator[Widget]:
        def walk(items: list[Widget]) -> Iterator[Widget]:
            for w in items:
                yield w
                yield from walk(w.children())

        yield from walk(self.widgets)

    def focusables(self) -> list[Widget]:
        return [w for w in self.all_widgets() if w.focusable and w.enabled and w.shown]

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        """The innermost widget under pos that takes the pointer (clipped by panels)."""

        def find(items: list[Widget], clip: pygame.Rect | None) -> Widget | None:
            for w in reversed(items):
                if not w.shown or not w.rect.collidepoint(pos):
                    continue
                if clip is not None and not clip.collidepoint(pos):
                    continue
                inner = find(w.children(), w.clip_rect() or clip)
                if inner is not None:
                    return inner
                if w.takes_pointer:
                    return w
            return None

        return find(self.widgets, None)

    def focus(self, widget: Widget | None, visible: bool = True) -> None:
        if widget is not None and not (widget.focusable and widget.enabled):
            return
        self.focused = widget
        if widget is not None:
            self._focus_key = widget.key
            self._reveal(widget)
        if visible:
            self.ctx.keyboard_mode = True
            self._focus_moved = True

    def _reveal(self, widget: Widget) -> None:
        for w in self.all_widgets():
            if isinstance(w, ScrollPanel) and widget in w.descendants():
                w.scroll_into_view(widget)

    def panel_at(self, pos: tuple[int, int]) -> ScrollPanel | None:
        found = None
        for w in self.all_widgets():
            if isinstance(w, ScrollPanel) and w.shown and w.rect.collidepoint(pos):
                found = w  # the innermost (last walked) wins
        return found

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Handle one event; True if the screen may have changed."""
        self.ensure_layout()
        if event.type == pygame.KEYDOWN:
            was = self.ctx.keyboard_mode
            self.ctx.keyboard_mode = True  # the focus ring shows from the first key press
            self._hover_tip = False  # typing: the pointer's tooltip goes until the mouse moves
            return self._key(event) or not was
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            self.ctx.pointer = event.pos
        if event.type == pygame.MOUSEMOTION:
            tip_back = not self._hover_tip  # hidden by typing: it shows again
            self._hover_tip = True
            hovered = self.widget_at(event.pos)
            changed = hovered is not self.hovered or tip_back
            self.hovered = hovered
            if hovered is not None and hovered.wants_drag and event.buttons[0]:
                return hovered.drag(self.ctx, event.pos) or changed
            return changed
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            target = self.widget_at(event.pos)
            self.hovered = target
            was = self.ctx.keyboard_mode
            self.ctx.keyboard_mode = False  # pointing: the ring would only be noise
            if target is None:
                return was
            if target.focusable and target.enabled:
                self.focus(target, visible=False)
            if target.enabled:
                target.click(self.ctx, event.pos)
                self.ctx.sound.play("click")
            return True
        if event.type == pygame.MOUSEWHEEL:
            pos = self.ctx.pointer
            panel = (self.panel_at(pos) if pos is not None else None) or self._focused_panel()
            if panel is not None and panel.scroll_by(-event.y * self.ctx.line("body") * 3):
                # What is under the pointer has changed: the tooltip follows (issue 9).
                self.hovered = self.widget_at(pos) if pos is not None else None
                self._focus_moved = False
                return True
            return False
        if event.type == pygame.TEXTINPUT:
            if self.focused is not None:
                return self.focused.text_input(self.ctx, event.text)
        return False

    def _focused_panel(self) -> ScrollPanel | None:
        for w in self.all_widgets():
            if (
                isinstance(w, ScrollPanel)
                and self.focused is not None
                and (w is self.focused or self.focused in w.descendants())
            ):
                return w
        return None

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if self.focused is not None and self.focused.key_down(self.ctx, event):
            return True
        if self.on_key(event):
            return True
        if key == pygame.K_TAB:
            self._step_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            self._move_focus(key)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.focused is not None and self.focused.enabled:
                self.focused.activate()
                self.ctx.sound.play("click")
                return True
            return False
        if key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END):
            panel = self._focused_panel() or self._largest_panel()
            if panel is not None:
                return panel.page(key)
            return False
        if key == pygame.K_ESCAPE:
            self.on_escape()
            return True
        return False

    def _largest_panel(self) -> ScrollPanel | None:
        panels = [w for w in self.all_widgets() if isinstance(w, ScrollPanel) and w.shown]
        return max(panels, key=lambda p: p.rect.width * p.rect.height, default=None)

    def _step_focus(self, step: int) -> None:
        chain = self.focusables()
        if not chain:
            return
        if self.focused in chain:
            index = (chain.index(self.focused) + step) % len(chain)
        else:
            index = 0 if step > 0 else len(chain) - 1
        self.focus(chain[index])

    def _move_focus(self, key: int) -> None:
        """Arrow keys: the nearest focusable in that direction (by screen position, so a
        grid of cards moves as it looks), else the previous or next in Tab order."""
        chain = self.focusables()
        if not chain:
            return
        if self.focused not in chain:
            self.focus(chain[0])
            return
        here = self.focused.rect
        dx, dy = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}[key]
        best, best_score = None, None
        for w in chain:
            if w is self.focused:
                continue
            r = w.rect
            if dx:
                ahead = (r.centerx - here.centerx) * dx
                overlap = min(r.bottom, here.bottom) - max(r.top, here.top)
                if ahead <= 0 or overlap <= 0:
                    continue
                side = abs(r.centery - here.centery)
            else:
                ahead = (r.centery - here.centery) * dy
                if ahead <= 0 or r.colliderect(here):
                    continue
                side = max(0, max(r.left, here.left) - min(r.right, here.right))
                side += abs(r.centerx - here.centerx) * 0.25
            score = ahead + 3 * side
            if best_score is None or score < best_score:
                best, best_score = w, score
        if best is None:
            self._step_focus(1 if dx + dy > 0 else -1)
        else:
            self.focus(best)

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        self.ensure_layout()
        self.draw_background(surface)
        focused = self.focused if (self.ctx.keyboard_mode and self.active) else None
        hovered = self.hovered if self.active else None
        for w in self.widgets:
            if w.shown:
                w.draw(surface, self.ctx, focused, hovered)
        self.draw_overlay(surface)
        pointed = hovered if self._hover_tip else None
        tip_owner = (
            pointed if (pointed is not None and pointed.tooltip(self.ctx)) else (focused if self._focus_moved else None)
        )
        if tip_owner is not None:
            lines = tip_owner.tooltip(self.ctx)
            if lines:
                draw_tooltip(surface, self.ctx, tip_owner.rect, lines)

    def visible_text(self) -> list[str]:
        self.ensure_layout()
        out: list[str] = []
        for w in self.all_widgets():
            if w.shown:
                out.extend(w.texts())
        return out + self.extra_text()

    def find(self, key: str) -> Widget | None:
        """The widget with this key, for tests and for the scene's own use."""
        self.ensure_layout()
        return next((w for w in self.all_widgets() if w.key == key), None)
