"""The pieces of the table, built from the game's records and view: the counterpart's
reply, the agenda, the log of the talks, the action cards, portraits and the schedule.

Pure builders from data to widgets, so the table scene itself only arranges them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.core.spec import ActionSpec, GameSpec
from game import wording
from game.core.kinds import PLAYER_KIND
from game.core.records import TurnRecord, turn_records
from game.core.transcript import terms_text
from game.wording import quoted
from game.ui.hints import likely_effects, note
from game.ui.meters import meter_meaning, meter_subtitle
from game.ui.palette import blend
from game.ui.widgets import Card, Chip, Line, TextBlock, Widget, draw_box

METER_LABELS = {
    "tension": "Tension",
    "trust": "Trust",
    "resolve": "Resolve",
    "confidence": "Ally",
    "approval": "Approval",
}


# --------------------------------------------------------------------------- the reply
def reply_widgets(spec: GameSpec, record: dict, you: str) -> list[Widget]:
    """What just happened: your words, the counterpart's answer, offers, what was agreed,
    what a probe revealed, and why each meter moved."""
    r = TurnRecord.from_dict(record)
    out: list[Widget] = []
    if r.action:
        out.append(TextBlock(f"{wording.turn_heading(r)} - {you}: {r.action.label}", "small", "muted", key="reply:you"))
    else:
        out.append(TextBlock(wording.turn_heading(r), "small", "muted"))
    out.append(TextBlock(r.reply.speaker, "bold", "accent"))
    out.append(TextBlock(quoted(r.reply.text), "lead", "ink", key="reply:text"))
    if r.reply.offer:
        out.append(TextBlock("Their offer: " + "; ".join(wording.terms_lines(spec, r.reply.offer)), "body", "warn",
                             key="reply:offer"))
    if r.agreed:
        out.append(TextBlock("Agreed: " + "; ".join(wording.terms_lines(spec, r.agreed)), "bold", "good",
                             key="reply:agreed"))
    if r.ally:
        out.append(TextBlock(f"{r.ally.speaker} (your ally): {quoted(r.ally.text)}", "body", "muted", key="reply:ally"))
    if r.probe:
        out.append(TextBlock(wording.probe_sentence(spec, r.probe), "body", "accent", key="reply:probe"))
    for move in r.meters:
        if move.before is not None:
            out.append(TextBlock(wording.meter_move_line(move), "small", "muted"))
    for event in r.events:
        out.append(TextBlock(wording.event_line(event.title), "small", "warn"))
    return out


# --------------------------------------------------------------------------- agenda and log
AGENDA_LOOK = {"agreed": ("bold", "good"), "position": ("small", "ink"), "offer": ("small", "warn"),
               "no_offer": ("small", "muted"), "probe": ("small", "accent")}


def agenda_cards(view: dict) -> list[Widget]:
    cards: list[Widget] = []
    for item in view["agenda"]:
        lines = [Line(sentence, *AGENDA_LOOK[role]) for role, sentence in wording.agenda_lines(item)]
        stripe = "good" if item["agreed"] else "panel_border"
        cards.append(Card(item["name"], lines, key=f"agenda:{item['issue']}", stripe=stripe, title_style="bold"))
    return cards


def log_cards(spec: GameSpec, transcript: Sequence[dict], you: str) -> list[Widget]:
    """The log: every turn in the same words as the reply panel, shorter."""
    cards: list[Widget] = []
    for r in turn_records(transcript):
        lines: list[Line] = []
        if r.action:
            lines.append(Line(f"{you}: {r.action.label}", "small", "muted"))
        lines.append(Line(f"{r.reply.speaker}: {quoted(r.reply.text)}", "small"))
        if r.reply.offer:
            lines.append(Line("Their offer: " + "; ".join(wording.terms_lines(spec, r.reply.offer)), "small", "warn"))
        if r.agreed:
            lines.append(Line("Agreed: " + "; ".join(wording.terms_lines(spec, r.agreed)), "small", "good"))
        if r.ally:
            lines.append(Line(f"{r.ally.speaker} (your ally): {quoted(r.ally.text)}", "small", "muted"))
        if r.probe:
            lines.append(Line(wording.probe_sentence(spec, r.probe), "small", "accent"))
        lines += [Line(wording.meter_move_line(m), "small", "muted") for m in r.meters if m.before is not None]
        lines += [Line(wording.event_line(e.title), "small", "warn") for e in r.events]
        title = f"Turn {r.turn}: {r.session_name}" if r.action else "Opening"
        cards.append(Card(title, lines, key=f"log:{r.turn}", title_style="bold"))
    return cards


# --------------------------------------------------------------------------- actions
class ActionCard(Card):
    """An action you can take, with its number key and what you know of its effect."""

    def __init__(self, *args, details: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.details = details

    def tooltip(self, ctx) -> list[str]:
        return self.details


def action_card(
    spec: GameSpec,
    action: ActionSpec,
    number: int,
    on_press: Callable[[], None],
    overrides: dict[str, float],
    crossed: list[str] = (),
    agreed: Sequence[int] = (),
    compact: bool = False,
) -> ActionCard:
    """`crossed`: issues on which taking this action would cross your own red lines;
    `agreed`: issues already agreed, left out of a package's terms (they no longer count);
    `compact`: the terms go to the tooltip so more cards fit (the small default window)."""
    kinds = {m.kind for m in spec.meters}
    tag = PLAYER_KIND[action.kind].tag if action.kind in PLAYER_KIND else action.kind
    if action.issue >= 0:
        tag += f" - {spec.issue_names[action.issue]}"
    lines = [] if compact else [Line(tag, "small", "muted")]
    terms = ""
    if action.kind == "propose" and action.terms:
        open_terms = [p if i not in agreed else -1 for i, p in enumerate(action.terms)]
        terms = "; ".join(wording.terms_lines(spec, terms_text(spec, open_terms)))
        if terms and not compact:
            lines.append(Line(terms, "small"))
    if crossed:
        lines.append(Line("Crosses your red line: " + ", ".join(crossed), "small", "bad"))
    hints = likely_effects(action.kind, kinds, overrides)
    chips = [
        Chip(
            METER_LABELS.get(h.meter_kind, h.meter_kind) + ("?" if h.conditional else ""),
            h.direction,
            h.meter_kind if h.meter_kind in ("tension", "trust", "resolve", "confidence") else "accent",
        )
        for h in hints
    ]
    details = [action.label, tag] + (["Puts on the table: " + terms] if terms else [])
    details += ["Crosses your red line: " + ", ".join(crossed)] if crossed else []
    if hints:
        conditional = hints[0].conditional
        words = ", ".join(
            f"{METER_LABELS.get(h.meter_kind, h.meter_kind).lower()} {'up' if h.direction > 0 else 'down'}"
            for h in hints
        )
        details.append(("If they agree: " if conditional else "Likely: ") + words + ".")
    if note(action.kind):
        details.append(note(action.kind))
    if action.says:
        details.append("You would say: " + quoted(action.says))
    card = ActionCard(
        action.label,
        lines,
        on_press=on_press,
        key=f"action:{action.id}",
        badge=str(number) if number <= 9 else "",
        chips=chips,
        details=details,
        title_style="bold",
    )
    card.tight = compact
    return card


# --------------------------------------------------------------------------- portraits, schedule
class PortraitPair(Widget):
    """The counterpart large and, beside it, your ally smaller, each with a caption."""

    def __init__(
        self,
        ctx,
        main: tuple[str, str, str],
        ally: tuple[str, str, str] | None,
        max_height: int,
        key: str = "table:portraits",
    ):
        super().__init__(key)
        self.ctx_portrait = ctx.portrait
        self.main = main  # (personality id, name on the plate, caption)
        self.ally = ally
        self.max_height = max_height

    def _sizes(self, ctx, width: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        gap = ctx.metrics.gap
        main_w = round(width * 0.62) if self.ally else width
        main_h = min(round(main_w * 1.15), self.max_height)
        main_w = min(main_w, round(main_h / 1.15))
        if not self.ally:
            return (main_w, main_h), None
        ally_w = min(width - main_w - gap, round(main_w * 0.6))
        return (main_w, main_h), (max(8, ally_w), max(8, round(ally_w * 1.15)))

    def _caption_h(self, ctx, text: str, width: int) -> int:
        return ctx.text.height(ctx.font("small"), text, width) if text else 0

    def _ally_caption_span(self, ctx, width: int) -> tuple[int, int]:
        """(offset from the left, width) of the ally's caption: under its portrait when it
        fits there, else the whole room right of the large portrait ("Your ally" broke
        into two lines under a narrow portrait)."""
        main, ally = self._sizes(ctx, width)
        if ctx.font("small").size(self.ally[2])[0] <= ally[0]:
            return width - ally[0], ally[0]
        left = main[0] + ctx.metrics.gap // 2
        return left, width - left

    def measure(self, ctx, width: int) -> int:
        main, ally = self._sizes(ctx, width)
        caption = self._caption_h(ctx, self.main[2], main[0])
        if ally:  # both captions sit under the large portrait's foot
            caption = max(caption, self._caption_h(ctx, self.ally[2], self._ally_caption_span(ctx, width)[1]))
        return main[1] + ctx.metrics.gap // 2 + caption

    def draw(self, surface, ctx, focused, hovered) -> None:
        main, ally = self._sizes(ctx, self.rect.width)
        x = self.rect.left
        if not ally:
            x = self.rect.centerx - main[0] // 2
        surface.blit(self.ctx_portrait(self.main[0], self.main[1], main), (x, self.rect.top))
        y = self.rect.top + main[1] + ctx.metrics.gap // 2
        ctx.text.draw(
            surface, ctx.font("small"), self.main[2], ctx.palette.muted, pygame.Rect(x, y, main[0], 0), "center"
        )
        if ally:
            ax = self.rect.right - ally[0]
            ay = self.rect.top + main[1] - ally[1]
            surface.blit(self.ctx_portrait(self.ally[0], self.ally[1], ally), (ax, ay))
            left, span = self._ally_caption_span(ctx, self.rect.width)
            ctx.text.draw(surface, ctx.font("small"), self.ally[2], ctx.palette.muted,
                          pygame.Rect(self.rect.left + left, y, span, 0), "center")

    def texts(self) -> list[str]:
        out = [self.main[1], self.main[2]]
        if self.ally:
            out += [self.ally[1], self.ally[2]]
        return out


class Schedule(Widget):
    """The summit's sessions as marks: done (filled), now (large ring), to come (hollow)."""

    def __init__(self, count: int, current: int, over: bool, moves_left: int = 0, key: str = "table:schedule"):
        super().__init__(key)
        self.count = count
        self.current = current
        self.over = over
        self.moves_left = moves_left

    def _label(self) -> str:
        if self.over:
            return "Summit over"
        left = f" - {self.moves_left} move{'s' if self.moves_left != 1 else ''} left" if self.moves_left else ""
        return f"Session {self.current + 1} of {self.count}{left}"

    def natural_width(self, ctx) -> int:
        dot = ctx.line("small")
        return max(ctx.font("small").size(self._label())[0], round(self.count * dot * 1.4))

    def _dot(self, ctx, width: int) -> int:
        return max(6, min(ctx.line("small"), int(width / (max(1, self.count) * 1.4))))

    def measure(self, ctx, width: int) -> int:
        return self._dot(ctx, width) + ctx.metrics.gap // 2 + ctx.text.height(ctx.font("small"), self._label(), width)

    def draw(self, surface, ctx, focused, hovered) -> None:
        p = ctx.palette
        dot = self._dot(ctx, self.rect.width)
        step = round(dot * 1.4)
        y = self.rect.top + dot // 2
        r = max(2, dot // 2 - 1)
        for i in range(self.count):
            cx = self.rect.left + dot // 2 + i * step
            if self.over or i < self.current:
                pygame.draw.circle(surface, p.accent, (cx, y), r)
            elif i == self.current:
                pygame.draw.circle(surface, p.focus, (cx, y), r, max(2, r // 2))
                pygame.draw.circle(surface, p.accent, (cx, y), max(1, r // 3))
            else:
                pygame.draw.circle(surface, blend(p.muted, p.paper, 0.3), (cx, y), r, max(1, r // 3))
        ctx.text.draw(
            surface,
            ctx.font("small"),
            self._label(),
            p.muted,
            pygame.Rect(self.rect.left, self.rect.top + dot + ctx.metrics.gap // 2, self.rect.width, 0),
        )

    def texts(self) -> list[str]:
        return [self._label()]


class Band(Widget):
    """A flat strip behind the table's header (decoration)."""

    decor = True

    def draw(self, surface, ctx, focused, hovered) -> None:
        draw_box(surface, ctx, self.rect, ctx.palette.paper, ctx.palette.panel_border, ctx.metrics.px(1))


def meter_words(spec: GameSpec, kind: str, party: str) -> tuple[str, str]:
    return (
        meter_subtitle(kind, party, spec.ai_leader, spec.ally_name),
        meter_meaning(kind, spec.ai_leader, spec.ally_name),
    )
