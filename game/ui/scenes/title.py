"""The title: new game, continue the latest save, load, settings, help, quit."""

from __future__ import annotations

import pygame

from game.content.listing import leader_of
from game.saves import SaveError, latest_save, peek
from game.ui.flow import save_summary
from game.ui.palette import palette_for
from game.ui.scene import Push, Quit, Reset, Scene
from game.ui.scenes.menus import MenuActions
from game.ui.widgets import Button, FlowRow, Spacer, TextBlock, Widget


class LeaderStrip(Widget):
    """The leaders of every summit side by side, each drawn in their summit's colours,
    with the year under each pair: the game's cast at a glance."""

    def __init__(self, pairs: list[tuple[str, str, list[tuple[str, str]]]], key: str = "title:leaders"):
        super().__init__(key)
        self.pairs = pairs  # (year, theme, [(personality id, name)])

    def _size(self, ctx, width: int) -> tuple[int, int]:
        count = max(1, sum(len(p[2]) for p in self.pairs))
        gap = ctx.metrics.gap
        w = (width - gap * (count - 1) - gap * 2 * (len(self.pairs) - 1)) // count
        w = max(8, min(w, round(ctx.metrics.height * 0.1)))
        return w, round(w * 1.25)

    def measure(self, ctx, width: int) -> int:
        return self._size(ctx, width)[1] + ctx.metrics.gap // 2 + ctx.line("small")

    def draw(self, surface, ctx, focused, hovered) -> None:
        w, h = self._size(ctx, self.rect.width)
        gap = ctx.metrics.gap
        total = sum(len(p[2]) for p in self.pairs) * (w + gap) - gap + gap * 2 * (len(self.pairs) - 1)
        x = self.rect.centerx - total // 2
        for year, theme, leaders in self.pairs:
            palette = palette_for(theme, ctx.settings.colour_safe)
            start = x
            for pid, name in leaders:
                surface.blit(ctx.portrait(pid, name, (w, h), palette), (x, self.rect.top))
                x += w + gap
            label = ctx.text.render(ctx.font("small"), year, ctx.palette.muted)
            centre = (start + x - gap) // 2
            surface.blit(label, (centre - label.get_width() // 2, self.rect.top + h + gap // 2))
            x += gap * 2

    def texts(self) -> list[str]:
        return [year for year, _, _ in self.pairs]


class TitleScene(MenuActions, Scene):
    theme = "cable"
    title = "Summit"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        latest = latest_save()
        continue_note = ""
        if latest is not None:
            # From the save's header: the title never waits for the save model to load
            # (a damaged save says why when it is opened).
            entry = peek(latest)
            continue_note = save_summary(entry, self.ctx.listing) if entry else f"{latest.name} (cannot be read)"
        # From the listing: the title never waits for the content library to load.
        scenarios = sorted(self.ctx.listing["scenarios"], key=lambda sc: sc["year"])
        strip = LeaderStrip(
            [(str(sc["year"]), sc["theme"], [(s["personality"], s["leader"]) for s in sc["sides"]]) for sc in scenarios]
        )
        buttons: list[Widget] = [
            strip,
            Spacer(0.3),
            Button("New game", self.new_game, key="title:new", primary=True),
            Button("Continue", self.continue_game, key="title:continue", enabled=latest is not None),
        ]
        if continue_note:
            buttons.append(TextBlock(continue_note, "small", "muted", key="title:continue_note"))
        buttons += self._recent_games(latest)
        buttons += [
            Button("Load a saved game", self.load, key="title:load"),
            FlowRow(  # one row, so the list of recent games never pushes Quit out of view
                [
                    Button("Settings", self.settings, key="title:settings"),
                    Button("How to play", self.help, key="title:help", hint="F1"),
                    Button("Quit", lambda: self.send(Quit()), key="title:quit"),
                ],
                align="stretch",
                key="title:more",
            ),
        ]
        return self.layout_page(
            rect,
            title="SUMMIT",
            subtitle="Meet the other leader, read the room, and see what history might have been.",
            body=buttons,
            footer=[],
            body_key="title:body",
            max_width_em=32,
            compact=True,
            title_style="display",
        )

    def new_game(self) -> None:
        from game.ui.scenes.scenario_choice import ScenarioChoiceScene

        self.send(Push(ScenarioChoiceScene(self.ctx)))

    def continue_game(self) -> None:
        path = latest_save()
        if path is not None:
            self.open_save(path)

    def _recent_games(self, latest) -> list[Widget]:
        """The last few games besides the latest, each one click from the table."""
        try:
            from game.saves import list_games
        except ImportError:
            return []
        out: list[Widget] = []
        for i, entry in enumerate(e for e in list_games(5, checked=False) if e.path != latest):
            if i >= 2:
                break
            who = leader_of(self.ctx.listing, entry.scenario, entry.side) or entry.side
            state = "over" if entry.over else f"turn {entry.turn + 1}"
            out.append(Button(f"{entry.title.split(':')[0]}, {who.split()[-1]}, {state}",
                              lambda p=entry.path: self.open_save(p), key=f"title:game:{i}", small=True))
        # One row under Continue: the other recent games, each one click from its table.
        return [FlowRow(out, align="center", key="title:games")] if out else []

    def open_save(self, path) -> None:
        from game.ui.flow import load_match, scenes_for_match

        try:
            match = load_match(self.ctx, path)
        except SaveError as error:
            from game.ui.scenes.notice import NoticeScene

            self.send(Push(NoticeScene(self.ctx, "This save cannot be opened", str(error), kicker="Continue")))
            return
        self.send(Reset(scenes_for_match(self.ctx, match)))

    def on_escape(self) -> None:
        # Esc on the title does not quit at once: it moves to the Quit button.
        self.focus(self.find("title:quit"))
