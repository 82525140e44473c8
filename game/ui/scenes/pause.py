"""The pause menu (Esc at the table): resume, save to a named slot, export the record,
load, settings, help, quit to title.

A named save is a slot of its own (`Match.save_as`): the game's autosave goes on being
written elsewhere, so a slot loaded and played on is never written over, and a slot that
holds another game is refused with a message rather than replaced.
"""

from __future__ import annotations

import time

import pygame

from game.match import Match
from game.saves import SaveError
from game.ui.scene import Pop, Push, Reset
from game.ui.scenes.menus import MenuActions
from game.ui.scenes.notice import ModalScene, NoticeScene
from game.ui.widgets import Button, NameInput, TextBlock, Widget


def default_slot_name(match: Match) -> str:
    return f"{match.scenario.id} {match.side} turn {match.game.turn} {time.strftime('%H%M')}"


def export_notice(ctx, match: Match) -> NoticeScene:
    """Export the record and say where it went (or why it could not be written)."""
    from game.ui.export import export_record

    try:
        path = export_record(match)
    except (OSError, SaveError) as error:
        return NoticeScene(ctx, "The record could not be written", str(error), button="Close")
    return NoticeScene(
        ctx, "The record is exported", [f"Written to {path.name}", f"in the folder {path.parent}"], button="Close"
    )


class PauseScene(MenuActions, ModalScene):
    title = "Paused"

    def __init__(self, ctx, match: Match):
        super().__init__(ctx)
        self.match = match

    def build(self, rect: pygame.Rect) -> list[Widget]:
        buttons: list[Widget] = [
            self.back_button("Resume", "pause:resume", primary=True),
            Button("Save as...", self.save, key="pause:save"),
            Button("Export the record", self.export, key="pause:export"),
            Button("Load a saved game", self.load, key="pause:load"),
            Button("Settings", self.settings, key="pause:settings"),
            Button("How to play", self.help, key="pause:help", hint="F1"),
            Button("Quit to the title", self.quit_to_title, key="pause:quit"),
        ]
        sc = self.match.scenario
        return self.layout_page(
            rect,
            title="Paused",
            subtitle=f"{sc.title}, turn {self.match.game.turn + 1}",
            body=buttons,
            footer=[],
            body_key="pause:body",
            max_width_em=26,
        )

    def save(self) -> None:
        self.send(Push(SaveSlotScene(self.ctx, self.match), self._saved))

    def _saved(self, result) -> None:
        if result:
            name, path = result
            self.send(Push(NoticeScene(self.ctx, "Saved", [f"The game is saved as {name!r}.", str(path)],
                                       button="Close")))

    def export(self) -> None:
        self.send(Push(export_notice(self.ctx, self.match)))

    def load(self) -> None:
        self.match.autosave() if hasattr(self.match, "autosave") else self.match.save()
        super().load()

    def quit_to_title(self) -> None:
        from game.ui.scenes.title import TitleScene

        # The table saves the match as it leaves the stack.
        self.send(Reset([TitleScene(self.ctx)]))


class SaveSlotScene(ModalScene):
    """Name a save slot and write it."""

    title = "Save as"

    def __init__(self, ctx, match: Match):
        super().__init__(ctx)
        self.match = match
        self.name = default_slot_name(match)

    def build(self, rect: pygame.Rect) -> list[Widget]:
        field = NameInput("Name of the save", self.name, self._set, key="slot:name")
        body: list[Widget] = [
            TextBlock("A named save stays as it is: the game goes on saving itself elsewhere.", "small", "muted"),
            field,
        ]
        footer = [
            self.back_button("Cancel", "slot:cancel"),
            Button("Save", self.write, key="slot:save", primary=True, enabled=bool(self.name.strip())),
        ]
        return self.layout_page(
            rect,
            title="Save as",
            body=body,
            footer=footer,
            body_key="slot:body",
            max_width_em=34,
        )

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "slot:name"), chain[0])

    def _set(self, value: str) -> None:
        self.name = value
        self.changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focused is not None \
                and self.focused.key == "slot:name":
            self.write()
            return True
        return False

    def write(self) -> None:
        name = self.name.strip()
        try:
            path = self.match.save_as(name)
        except SaveError as error:
            self.send(Push(NoticeScene(self.ctx, "Not saved", str(error), button="Close")))
            return
        self.send(Pop((name, path)))
