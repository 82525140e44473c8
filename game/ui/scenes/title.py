"""The title: new game, continue the latest save, load, settings, help, quit."""

from __future__ import annotations

import pygame

from game.saves import SaveError, latest_save, read_save
from game.ui.flow import load_match, save_summary, scenes_for_match
from game.ui.layout import page
from game.ui.scene import Push, Quit, Reset, Scene
from game.ui.widgets import Button, Spacer, TextBlock, Widget


class TitleScene(Scene):
    theme = "cable"
    title = "Summit"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        latest = latest_save()
        continue_note = ""
        if latest is not None:
            try:
                continue_note = save_summary(read_save(latest))
            except SaveError:
                continue_note = f"{latest.name} (cannot be read)"
        buttons: list[Widget] = [
            TextBlock("Two summits, two sides each. Meet the other leader, read the room, and see what history "
                      "might have been.", "lead", "ink"),
            Spacer(0.4),
            Button("New game", self.new_game, key="title:new", primary=True),
            Button("Continue", self.continue_game, key="title:continue", enabled=latest is not None),
        ]
        if continue_note:
            buttons.append(TextBlock(continue_note, "small", "muted", key="title:continue_note"))
        buttons += [
            Button("Load a saved game", self.load, key="title:load"),
            Button("Settings", self.settings, key="title:settings"),
            Button("How to play", self.help, key="title:help", hint="F1"),
            Button("Quit", lambda: self.send(Quit()), key="title:quit"),
        ]
        return page(self.ctx, rect, title="SUMMIT", subtitle="Vienna 1961 - Singapore 2018", body=buttons, footer=[],
                    body_key="title:body", scroll=self.scroll_state, max_width_em=30, compact=True,
                    title_style="display")

    def new_game(self) -> None:
        from game.ui.scenes.scenario_choice import ScenarioChoiceScene

        self.send(Push(ScenarioChoiceScene(self.ctx)))

    def continue_game(self) -> None:
        path = latest_save()
        if path is None:
            return
        try:
            match = load_match(self.ctx, path)
        except SaveError as error:
            from game.ui.scenes.notice import NoticeScene

            self.send(Push(NoticeScene(self.ctx, "This save cannot be opened", str(error), kicker="Continue")))
            return
        self.send(Reset(scenes_for_match(self.ctx, match)))

    def load(self) -> None:
        from game.ui.scenes.load import LoadScene

        self.send(Push(LoadScene(self.ctx)))

    def settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene

        self.send(Push(SettingsScene(self.ctx)))

    def help(self) -> None:
        from game.ui.scenes.help import HelpScene

        self.send(Push(HelpScene(self.ctx)))

    def on_escape(self) -> None:
        # Esc on the title does not quit at once: it moves to the Quit button.
        self.focus(self.find("title:quit"))
