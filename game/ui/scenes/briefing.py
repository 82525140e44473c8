"""The briefing, paced in sections: the situation, your objectives and red lines, the
agenda, the other leader (what your staff believes, some of it wrong) and the schedule.
Opened again from the table with B, it returns there."""

from __future__ import annotations

import pygame

from game.match import Match
from game.ui.scene import Pop, Reset, Scene
from game.ui.widgets import Button, Card, FlowRow, Line, Picture, TextBlock, Widget

SECTIONS = ("The situation", "Objectives", "The agenda", "The other leader", "The schedule")


ABBREVIATIONS = {"mr.", "mrs.", "dr.", "st.", "u.s.", "u.n.", "e.g.", "i.e.", "gen.", "no.", "vs."}
PARAGRAPH_CHARS = 420  # a long folded text is regrouped into paragraphs about this long


def sentences(text: str) -> list[str]:
    """Sentences of a text; initials ('John F. Kennedy') and abbreviations do not end one."""
    words = text.split()
    out, current = [], []
    for i, word in enumerate(words):
        current.append(word)
        bare = word.rstrip('"\u201d\u2019)')
        nxt = words[i + 1] if i + 1 < len(words) else ""
        ends = bare.endswith((".", "!", "?")) and not (len(bare) == 2 and bare[0].isupper())
        if (
            ends
            and bare.lower() not in ABBREVIATIONS
            and (not nxt or nxt[0].isupper() or nxt[0] in '"\u201c(0123456789')
        ):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def paragraphs(text: str) -> list[str]:
    """The text's own paragraphs, with long ones (YAML folds a briefing into one line)
    regrouped by sentence so that a page never shows a wall of text."""
    out = []
    for block in text.split("\n"):
        if not block.strip():
            continue
        group = ""
        for sentence in sentences(block):
            if group and len(group) + len(sentence) > PARAGRAPH_CHARS:
                out.append(group)
                group = sentence
            else:
                group = f"{group} {sentence}".strip()
        if group:
            out.append(group)
    return out


class BriefingScene(Scene):
    def __init__(self, ctx, match: Match, review: bool = False):
        super().__init__(ctx)
        self.match = match
        self.review = review  # opened from the table: closing returns there
        self.theme = match.scenario.theme
        self.section = 0
        self.title = "Briefing"

    # ----------------------------------------------------------------- content
    def _section_widgets(self) -> list[Widget]:
        sc, me, other = self.match.scenario, self.match.side_model(), self.match.other_side_model()
        if self.section == 0:
            out: list[Widget] = [TextBlock(" ".join(sc.hook.split()), "lead", "accent")]
            out += [TextBlock(p) for p in paragraphs(me.briefing)]
            return out
        if self.section == 1:
            out = [TextBlock("Your objectives", "h3", "accent")]
            out += [TextBlock(f"- {o}") for o in me.objectives]
            if me.red_lines:
                out.append(TextBlock("Your red lines", "h3", "bad"))
                out += [TextBlock(f"- {r}") for r in me.red_line_texts]
            return out
        if self.section == 2:
            out = [
                TextBlock(
                    "Each issue has a few concrete positions. An agreement is a position both of you accept; "
                    "a package settles several at once.",
                    "body",
                    "muted",
                )
            ]
            for issue in sc.issues:
                out.append(
                    Card(
                        issue.name,
                        # One line per position: labels may contain ";" themselves (issue 9).
                        [Line(" ".join(issue.summary.split())), Line("Positions:", "small", "muted")]
                        + [Line(f"- {p.label}", "small", "muted") for p in issue.positions],
                        key=f"issue:{issue.id}",
                    )
                )
            return out
        if self.section == 3:
            spec = self.match.spec
            out = [
                Picture(
                    lambda size: self.ctx.portrait(spec.counterpart.id, other.leader, size),
                    aspect=1.15,
                    max_height=round(self.ctx.metrics.height * 0.32),
                    sub=other.title,
                    key="briefing:portrait",
                )
            ]
            if me.intelligence:
                out.append(
                    TextBlock(f"What your staff says about {other.leader} (not all of it is right)", "h3", "accent")
                )
                out += [TextBlock(f"- {i}") for i in me.intelligence]
            if spec.counterpart.id != other.personality:
                out.append(
                    TextBlock(
                        f"In this game {other.leader} thinks like {spec.counterpart.name} ({spec.counterpart.family}).",
                        "body",
                        "warn",
                    )
                )
            if me.ally is not None:
                out.append(
                    TextBlock(
                        f"Your ally: {me.ally.name} ({me.ally.leader}). Its confidence in you is a meter "
                        "too: what you give away at its expense, it notices.",
                        "body",
                    )
                )
            return out
        out = [TextBlock(f"{len(sc.sessions)} sessions, on the summit's real schedule.", "body", "muted")]
        for n, s in enumerate(sc.sessions, 1):
            out.append(
                Card(
                    f"{n}. {s.name}",
                    [Line(f"{s.when} - {s.place}", "small", "muted")],
                    key=f"session:{s.id}",
                    title_style="bold",
                )
            )
        return out

    def build(self, rect: pygame.Rect) -> list[Widget]:
        sc, me = self.match.scenario, self.match.side_model()
        tabs = FlowRow(
            [
                Button(name, lambda i=i: self.go(i), key=f"briefing:tab{i}", selected=i == self.section, small=True)
                for i, name in enumerate(SECTIONS)
            ],
            key="briefing:tabs",
        )
        last = self.section == len(SECTIONS) - 1
        footer: list[Widget] = [Button("Back", self.back, key="briefing:back", hint="Esc")]
        if not last:
            footer.append(Button("Next", lambda: self.go(self.section + 1), key="briefing:next", primary=True))
        if self.review:
            footer.append(Button("Return to the table", lambda: self.send(Pop()), key="briefing:close", primary=last))
        else:
            footer.append(Button("Begin the talks", self.begin, key="briefing:begin", primary=last))
        return self.layout_page(
            rect,
            title=f"Briefing: {SECTIONS[self.section]}",
            subtitle=f"For {me.leader}, {me.title} - {sc.title}",
            top=[tabs],
            body=self._section_widgets(),
            footer=footer,
            body_key=f"briefing:body{self.section}",
            max_width_em=46,
        )

    # ----------------------------------------------------------------- moving
    def go(self, section: int) -> None:
        self.section = max(0, min(len(SECTIONS) - 1, section))
        self._focus_key = (
            "briefing:next"
            if self.section < len(SECTIONS) - 1
            else ("briefing:close" if self.review else "briefing:begin")
        )
        self.focused = None
        self.changed()

    def back(self) -> None:
        if self.section > 0:
            self.go(self.section - 1)
            self._focus_key = "briefing:back"
        else:
            self.send(Pop())

    def on_escape(self) -> None:
        self.send(Pop()) if self.review else self.back()

    def begin(self) -> None:
        from game.ui.scenes.table import TableScene
        from game.ui.scenes.title import TitleScene

        self.send(Reset([TitleScene(self.ctx), TableScene(self.ctx, self.match)]))

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "briefing:next"), None) or next(
            (w for w in chain if w.key in ("briefing:begin", "briefing:close")), chain[0]
        )
