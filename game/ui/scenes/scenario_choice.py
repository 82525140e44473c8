"""Choose a summit: a card per scenario (title, place, dates, hook, sides), and a card
for every content file that failed to load, with its errors, so a broken mod is seen
and never blocks the rest."""

from __future__ import annotations

import pygame

from game.content.models import Scenario
from game.ui.palette import palette_for
from game.ui.scene import Push, Scene
from game.ui.widgets import Card, Line, TextBlock, Widget


class ScenarioCard(Card):
    """A scenario's card, with both leaders drawn in the scenario's own colours."""

    def __init__(self, *args, leaders: list[tuple[str, str]], theme: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.leaders = leaders  # (personality id, name)
        self.theme = theme

    def leading_w(self, ctx, width: int) -> int:
        return min(round(width * 0.32), ctx.line("body") * 7) + ctx.metrics.pad

    def _picture(self, ctx, width: int) -> tuple[int, int]:
        w = (self.leading_w(ctx, width) - ctx.metrics.pad - ctx.metrics.gap // 2) // 2
        return max(8, w), max(8, round(w * 1.3))

    def leading_h(self, ctx, width: int) -> int:
        return self._picture(ctx, width)[1]

    def draw_leading(self, surface, ctx, rect) -> None:
        size = self._picture(ctx, self.rect.width)
        palette = palette_for(self.theme, ctx.settings.colour_safe)
        for i, (pid, name) in enumerate(self.leaders[:2]):
            surface.blit(
                ctx.portrait(pid, name, size, palette), (rect.left + i * (size[0] + ctx.metrics.gap // 2), rect.top)
            )


def first_sentence(text: str) -> str:
    """The hook's opening sentence: a one-line summary for the card."""
    text = " ".join(text.split())
    for end in (". ", "? ", "! "):
        cut = text.find(end)
        if 0 < cut < 220:
            return text[: cut + 1]
    return text if len(text) <= 220 else text[:217].rsplit(" ", 1)[0] + "..."


def sides_line(scenario: Scenario) -> str:
    return "Play as " + " or ".join(f"{s.leader} ({s.name})" for s in scenario.sides)


class ScenarioChoiceScene(Scene):
    theme = "cable"
    title = "Choose a summit"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        library = self.ctx.library
        cards: list[Widget] = []
        for sid, (_, scenario) in sorted(library.scenarios.items(), key=lambda kv: kv[1][1].year):
            cards.append(
                ScenarioCard(
                    scenario.title,
                    [
                        Line(f"{scenario.place} - {scenario.dates}", "small", "muted"),
                        Line(" ".join(scenario.hook.split()), "body"),
                        Line(sides_line(scenario), "small", "accent"),
                    ],
                    on_press=lambda sid=sid: self.choose(sid),
                    key=f"scenario:{sid}",
                    stripe="accent",
                    leaders=[(s.personality, s.leader) for s in scenario.sides],
                    theme=scenario.theme,
                )
            )
        for path, error in library.broken:
            problems = error.problems
            shown = "\n".join(p.format() for p in problems[:3])
            more = f"\n... and {len(problems) - 3} more" if len(problems) > 3 else ""
            cards.append(
                Card(
                    f"Could not load {path.name}",
                    [Line(str(path), "small", "muted"), Line(shown + more, "mono", "bad", pre=True)],
                    on_press=lambda path=path, error=error: self.show_error(path, error),
                    key=f"broken:{path}",
                    stripe="bad",
                )
            )
        if not cards:
            cards.append(TextBlock("No scenarios were found. Check the scenarios folder of the installation.", "lead"))
        footer = [self.back_button("Back", "choice:back")]
        return self.layout_page(
            rect,
            title="Choose a summit",
            subtitle="Each is played on its historical schedule; you may lead either side.",
            body=cards,
            footer=footer,
            body_key="choice:cards",
            columns=1,
            max_width_em=60,
        )

    def choose(self, scenario_id: str) -> None:
        from game.ui.scenes.setup import SetupScene

        self.send(Push(SetupScene(self.ctx, scenario_id)))

    def show_error(self, path, error) -> None:
        from game.ui.scenes.notice import NoticeScene

        text = "\n\n".join(p.format() for p in error.problems)
        self.send(
            Push(
                NoticeScene(
                    self.ctx, f"Could not load {path.name}", [str(path), text], kicker="Content error", button="Close"
                )
            )
        )
