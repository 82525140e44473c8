"""The end of the summit, in pages: the communiqué issue by issue, the epilogue of your
timeline, every meter charted over the sessions, what really happened (with quotations
and sources), where you departed from history and how the counterpart read your resolve.
"""

from __future__ import annotations

import pygame

from game import wording
from game.core.game import IllegalAction
from game.core.records import EndingRecord, session_series, turn_records
from game.match import Match
from game.ui.charts import draw_meter_charts
from game.ui.scene import Push, Replace, Reset, Scene
from game.ui.scenes.briefing import paragraphs
from game.ui.scenes.timelines import default_pair, has_timelines, timeline_widgets
from game.ui.widgets import Button, Canvas, Card, FlowRow, Line, TextBlock, Widget

PAGES = ("Communiqué", "Epilogue", "The meters", "What happened", "Your path", "Sources")
RATINGS = {
    "better": "Better than history",
    "history": "As history went",
    "worse": "Worse than history",
    "breakdown": "Breakdown",
}


class EndingScene(Scene):
    title = "The summit ends"

    def __init__(self, ctx, match: Match):
        super().__init__(ctx)
        self.match = match
        self.theme = match.scenario.theme
        self.page = 0
        self.end = match.game.ending() or {}
        self.pages = PAGES + (("Timelines",) if has_timelines(match) else ())
        self.pair = default_pair(match) if has_timelines(match) else (0, 0)

    # ----------------------------------------------------------------- pages
    def _communique(self) -> list[Widget]:
        end, sc, spec = self.end, self.match.scenario, self.match.spec
        how = wording.ending_cause(EndingRecord.from_dict(end), spec.ai_leader) if end else ""
        out: list[Widget] = [TextBlock(RATINGS.get(end.get("rating", ""), ""), "h3", "accent"), TextBlock(how, "lead")]
        agreed = end.get("agreements", {})
        for issue in sc.issues:
            if issue.id in agreed:
                out.append(
                    Card(
                        issue.name,
                        [Line(f"Agreed: {agreed[issue.id]}", "bold", "good")],
                        stripe="good",
                        key=f"communique:{issue.id}",
                        title_style="bold",
                    )
                )
            else:
                out.append(
                    Card(
                        issue.name,
                        [Line("No agreement", "body", "muted")],
                        stripe="panel_border",
                        key=f"communique:{issue.id}",
                        title_style="bold",
                    )
                )
        return out

    def _epilogue(self) -> list[Widget]:
        text = self.end.get("epilogue") or "The summit ends; history takes over."
        return [TextBlock(p, "lead" if i == 0 else "body") for i, p in enumerate(paragraphs(text))]

    def _meters(self) -> list[Widget]:
        spec, game = self.match.spec, self.match.game
        meters = [{"meter": m.ref, "name": m.name, "party": m.party, "bands": list(m.bands)} for m in spec.meters]
        history = game.meter_history()

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            draw_meter_charts(
                surface, rect, history, meters, self.ctx.scaled_fonts(), self.ctx.palette, self.ctx.settings.colour_safe
            )

        height = max(round(self.ctx.metrics.height * 0.55), self.ctx.line("body") * 12)
        finals = [wording.final_meter_line(m) for m in game.meters()]
        out: list[Widget] = [
            TextBlock("Every meter after each turn; the marks show the bands.", "body", "muted"),
            Canvas(paint, aspect=0.62, max_height=height, key="ending:charts", words=finals),
        ]
        out += [TextBlock(line, "body") for line in finals]
        return out

    def _history(self) -> list[Widget]:
        d = self.match.scenario.debrief
        out: list[Widget] = [TextBlock(p) for p in paragraphs(d.summary)]
        if d.quotations:
            out.append(TextBlock("In their own words", "h3", "accent"))
            for q in d.quotations:
                out.append(
                    Card(
                        q.speaker,
                        [
                            Line("\u201c" + " ".join(q.text.split()) + "\u201d", "body"),
                            Line(q.source, "small", "muted"),
                        ],
                        title_style="bold",
                    )
                )
        return out

    def _path(self) -> list[Widget]:
        sc, game, spec = self.match.scenario, self.match.game, self.match.spec
        path = wording.path_by_session(spec, turn_records(game.transcript))
        series = session_series(spec, game.meter_history(), "counterpart.resolve")
        resolve = {p.session: p for p in series.points} if series else {}
        out: list[Widget] = [
            TextBlock("Session by session: what happened in history, and what you did.", "body", "muted")
        ]
        for s in sc.sessions:
            lines = [
                Line(f"History: {' '.join(s.history.split())}", "small"),
                Line(f"You: {path.get(s.id) or wording.NO_PATH}", "small", "accent"),
            ]
            if s.name in resolve:
                p = resolve[s.name]
                lines.append(Line(f"{spec.ai_leader}'s reading of your resolve: {p.value:.0f} ({p.band})", "small", "muted"))
            out.append(Card(f"{s.name} - {s.when}", lines, key=f"path:{s.id}", title_style="bold"))
        story = wording.resolve_story(spec, series)
        if story:
            out.append(TextBlock("How they read your resolve", "h3", "accent"))
            out += [TextBlock(line) for line in story]
        return out

    def _sources(self) -> list[Widget]:
        sc = self.match.scenario
        out: list[Widget] = [TextBlock("Sources", "h3", "accent")]
        out += [TextBlock(f"- {wording.source_line(src)}") for src in sc.debrief.sources]
        out.append(TextBlock("For discussion", "h3", "accent"))
        out += [TextBlock(f"- {o}") for o in sc.learning_objectives]
        return out

    def _timelines(self) -> list[Widget]:
        return timeline_widgets(self.ctx, self.match, self.pair[0], self.pair[1], self.pick_timeline,
                                self.switch_timeline)

    def switch_timeline(self, index: int) -> None:
        """Go on with another timeline: its ending if it is over, else its table."""
        from game.ui.scenes.notice import NoticeScene
        from game.ui.scenes.table import TableScene

        try:
            self.match.switch(index)
        except IllegalAction as error:
            self.send(Push(NoticeScene(self.ctx, "Cannot switch", str(error), button="Close")))
            return
        if self.match.game.over:
            self.send(Replace(EndingScene(self.ctx, self.match)))
            return
        table = TableScene(self.ctx, self.match)
        table.queue.clear()
        self.send(Replace(table))

    def pick_timeline(self, which: str, index: int) -> None:
        self.pair = (index, self.pair[1]) if which == "a" else (self.pair[0], index)
        self._focus_key = f"timelines:{which}"
        self.changed()

    def back_to_log(self) -> None:
        """Back to the table's log, where each turn has a button to its start."""
        from game.ui.scenes.table import TableScene

        table = TableScene(self.ctx, self.match)
        table.queue.clear()
        table.side_tab = table.narrow_tab = "log"
        self.send(Replace(table))

    def export(self) -> None:
        from game.ui.scenes.pause import export_notice

        self.send(Push(export_notice(self.ctx, self.match)))

    def build(self, rect: pygame.Rect) -> list[Widget]:
        builders = (self._communique, self._epilogue, self._meters, self._history, self._path, self._sources,
                    self._timelines)
        last = len(self.pages) - 1
        tabs = FlowRow(
            [
                Button(name, lambda i=i: self.go(i), key=f"ending:tab{i}", selected=i == self.page, small=True)
                for i, name in enumerate(self.pages)
            ],
            key="ending:tabs",
        )
        footer: list[Widget] = [Button("Export the record", self.export, key="ending:export")]
        if getattr(self.match, "undo_allowed", False):
            footer.append(Button("Rewind...", self.back_to_log, key="ending:rewind"))
        if self.page > 0:
            footer.append(Button("Back", lambda: self.go(self.page - 1), key="ending:back"))
        if self.page < last:
            footer.append(Button("Next", lambda: self.go(self.page + 1), key="ending:next", primary=True))
        footer.append(Button("To the title", self.to_title, key="ending:title", primary=self.page == last))
        return self.layout_page(
            rect,
            title=self.end.get("title", "The summit ends"),
            kicker=self.pages[self.page],
            subtitle=self.match.scenario.title,
            top=[tabs],
            body=builders[self.page](),
            footer=footer,
            body_key=f"ending:body{self.page}",
            max_width_em=54 if self.pages[self.page] != "Timelines" else 80,
            columns=2 if self.pages[self.page] == "Timelines" else 1,
        )

    def go(self, index: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, index))
        self._focus_key = "ending:next" if self.page < len(self.pages) - 1 else "ending:title"
        self.focused = None
        self.changed()

    def to_title(self) -> None:
        from game.ui.scenes.title import TitleScene

        self.send(Reset([TitleScene(self.ctx)]))

    def on_escape(self) -> None:
        if self.page > 0:
            self.go(self.page - 1)
        else:
            self.to_title()

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "ending:next"), None) or next(
            (w for w in chain if w.key == "ending:title"), chain[0]
        )
