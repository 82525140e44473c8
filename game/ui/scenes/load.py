"""Load a saved game: every save in the saves folder, newest first; a damaged save is a
card with its error and never hides the others."""

from __future__ import annotations

import time
from pathlib import Path

import pygame

from game.paths import saves_dir
from game.saves import SaveError, entry_of, read_save, save_files
from game.ui.flow import load_match, save_summary, scenes_for_match
from game.ui.scene import Push, Reset, Scene
from game.ui.widgets import Card, Line, TextBlock, Widget


def save_label(path: Path, data) -> str:
    """A named save by its name; a game's autosave as 'Autosave'."""
    kind = data.get("kind") if hasattr(data, "get") else None
    return f"Saved as {path.stem!r}" if kind == "slot" else "Autosave of this game"


class LoadScene(Scene):
    title = "Load a saved game"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        cards: list[Widget] = []
        for path in save_files():
            try:
                when = time.strftime("%d %b %Y, %H:%M", time.localtime(path.stat().st_mtime))
                data = read_save(path)
                summary = save_summary(entry_of(path, data), self.ctx.listing)
            except (SaveError, OSError) as error:
                cards.append(
                    Card(
                        path.name,
                        [Line(str(error), "small", "bad")],
                        key=f"save:{path.name}",
                        on_press=lambda e=error: self.show_error(str(e)),
                        stripe="bad",
                    )
                )
                continue
            cards.append(
                Card(
                    summary,
                    [Line(f"{save_label(path, data)} - {when}", "small", "muted")],
                    on_press=lambda p=path: self.open(p),
                    key=f"save:{path.name}",
                    stripe="accent",
                    title_style="bold",
                )
            )
        if not cards:
            cards.append(
                TextBlock("No saved games yet. A game saves itself after every move and when you quit.", "lead")
            )
        footer = [self.back_button("Back", "load:back")]
        return self.layout_page(
            rect,
            title="Load a saved game",
            subtitle=str(saves_dir()),
            body=cards,
            footer=footer,
            body_key="load:list",
            max_width_em=56,
        )

    def open(self, path: Path) -> None:
        try:
            match = load_match(self.ctx, path)
        except SaveError as error:
            self.show_error(str(error))
            return
        self.send(Reset(scenes_for_match(self.ctx, match)))

    def show_error(self, text: str) -> None:
        from game.ui.scenes.notice import NoticeScene

        self.send(Push(NoticeScene(self.ctx, "This save cannot be opened", text, button="Close")))
