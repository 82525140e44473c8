"""The pause menu (Esc at the table): resume, save, load, settings, help, quit to title."""

from __future__ import annotations

import time

import pygame

from game.match import Match
from game.paths import saves_dir
from game.ui.layout import page
from game.ui.scene import Pop, Push, Reset
from game.ui.scenes.notice import ModalScene, NoticeScene
from game.ui.widgets import Button, Widget


def named_save_path(match: Match):
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return saves_dir() / f"{match.scenario.id}-{match.side}-turn{match.game.turn}-{stamp}.json"


class PauseScene(ModalScene):
    title = "Paused"

    def __init__(self, ctx, match: Match):
        super().__init__(ctx)
        self.match = match

    def build(self, rect: pygame.Rect) -> list[Widget]:
        buttons: list[Widget] = [
            Button("Resume", lambda: self.send(Pop()), key="pause:resume", primary=True, hint="Esc"),
            Button("Save the game", self.save, key="pause:save"),
            Button("Load a saved game", self.load, key="pause:load"),
            Button("Settings", self.settings, key="pause:settings"),
            Button("How to play", self.help, key="pause:help", hint="F1"),
            Button("Quit to the title", self.quit_to_title, key="pause:quit"),
        ]
        sc = self.match.scenario
        return page(
            self.ctx,
            rect,
            title="Paused",
            subtitle=f"{sc.title}, turn {self.match.game.turn + 1}",
            body=buttons,
            footer=[],
            body_key="pause:body",
            scroll=self.scroll_state,
            max_width_em=26,
            compact=True,
            title_style="h2",
        )

    def save(self) -> None:
        path = self.match.save(named_save_path(self.match))
        self.send(
            Push(
                NoticeScene(self.ctx, "Saved", [f"The game is saved as {path.name}.", str(path.parent)], button="Close")
            )
        )

    def load(self) -> None:
        from game.ui.scenes.load import LoadScene

        self.match.save()
        self.send(Push(LoadScene(self.ctx)))

    def settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene

        self.send(Push(SettingsScene(self.ctx)))

    def help(self) -> None:
        from game.ui.scenes.help import HelpScene

        self.send(Push(HelpScene(self.ctx)))

    def quit_to_title(self) -> None:
        from game.ui.scenes.title import TitleScene

        # The table saves the match as it leaves the stack.
        self.send(Reset([TitleScene(self.ctx)]))
