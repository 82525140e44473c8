"""Modal cards: a notice (an event breaking in, a new session, an error, a saved game)
and a yes/no question whose answer goes back to the scene that asked.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.context import AppContext
from game.ui.scene import Pop, Scene
from game.ui.widgets import Button, TextBlock, Widget


class ModalScene(Scene):
    """Drawn over the scene below (which the App dims); Esc closes it with no result."""

    modal = True
    page_defaults = {"compact": True, "title_style": "h2"}

    def draw_background(self, surface: pygame.Surface) -> None:
        pass


class NoticeScene(ModalScene):
    def __init__(
        self,
        ctx: AppContext,
        title: str,
        body: str | Sequence[str],
        kicker: str = "",
        button: str = "Continue",
        sound: str = "",
    ):
        super().__init__(ctx)
        self.title = title
        self.paragraphs = [body] if isinstance(body, str) else list(body)
        self.kicker = kicker
        self.button = button
        self.sound = sound

    def on_enter(self) -> None:
        if self.sound:
            self.ctx.sound.play(self.sound)

    def build(self, rect: pygame.Rect) -> list[Widget]:
        body: list[Widget] = [TextBlock(p, "lead" if i == 0 else "body") for i, p in enumerate(self.paragraphs) if p]
        close = Button(self.button, lambda: self.send(Pop(True)), key="notice:close", primary=True, hint="Enter")
        return self.layout_page(
            rect,
            title=self.title,
            kicker=self.kicker,
            body=body,
            footer=[close],
            body_key="notice:body",
            max_width_em=38,
        )

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "notice:close"), chain[0])


class ConfirmScene(ModalScene):
    """A question with two answers; the result is True for yes, False for no or Esc."""

    def __init__(self, ctx: AppContext, title: str, body: str, yes: str, no: str = "Cancel"):
        super().__init__(ctx)
        self.title = title
        self.body = body
        self.yes = yes
        self.no = no

    def build(self, rect: pygame.Rect) -> list[Widget]:
        buttons = [
            Button(self.no, lambda: self.send(Pop(False)), key="confirm:no", hint="Esc"),
            Button(self.yes, lambda: self.send(Pop(True)), key="confirm:yes", primary=True),
        ]
        return self.layout_page(
            rect,
            title=self.title,
            body=[TextBlock(self.body, "lead")],
            footer=buttons,
            body_key="confirm:body",
            max_width_em=34,
        )

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "confirm:no"), chain[0])

    def on_escape(self) -> None:
        self.send(Pop(False))
