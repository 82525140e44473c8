"""The pieces of the table, built from the game's records and view: the counterpart's
reply, the agenda, the log of the talks, the action cards, portraits and the schedule.

Pure builders from data to widgets, so the table scene itself only arranges them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.core.spec import ActionSpec, GameSpec
from game.ui.hints import NOTES, likely_effects
from game.ui.meters import meter_meaning, meter_subtitle, signed
from game.ui.palette import blend
from game.ui.widgets import Card, Chip, Line, TextBlock, Widget, draw_box
from game.vocabulary import KIND_TAGS

METER_LABELS = {
    "tension": "Tension",
    "trust": "Trust",
    "resolve": "Resolve",
    "confidence": "Ally",
    "approval": "Approval",
}


def quoted(text: str) -> str:
    return "\u201c" + text.strip().strip('"').strip() + "\u201d"


def terms_words(spec: GameSpec, terms: Sequence[int]) -> str:
    return "; ".join(f"{spec.issue_names[i]}: {spec.position_labels[i][p]}" for i, p in enumerate(terms) if p >= 0)


def issue_names(spec: GameSpec, mapping: dict[str, str]) -> list[str]:
    names = dict(zip(spec.issue_ids, spec.issue_names))
    return [f"{names.get(k, k)}: {v}" for k, v in mapping.items()]


def meter_move_line(move: dict) -> str:
    why = "; ".join(f"{r['text']} ({signed(r['amount'])})" for r in move["reasons"] if r.get("text"))
    head = f"{move['name']} {signed(move['change'])} to {move['after']:.0f} ({move['band']})"
    return f"{head}: {why}" if why else head


# --------------------------------------------------------------------------- the reply
def reply_widgets(spec: GameSpec, record: dict, you: str) -> list[Widget]:
    """What just happened: your words, the counterpart's answer, offers, what was agreed,
    what a probe revealed, and why each meter moved."""
    out: list[Widget] = []
    action = record.get("action")
    if action:
        where = f"Turn {record['turn']}, {record.get('session_name', '')}"
        out.append(TextBlock(f"{where} - {you}: {action['label']}", "small", "muted", key="reply:you"))
    else:
        out.append(TextBlock("The talks open", "small", "muted"))
    reply = record["reply"]
    out.append(TextBlock(reply["speaker"], "bold", "accent"))
    out.append(TextBlock(quoted(reply["text"]), "lead", "ink", key="reply:text"))
    if reply.get("offer"):
        out.append(
            TextBlock("Their offer: " + "; ".join(issue_names(spec, reply["offer"])), "body", "warn", key="reply:offer")
        )
    if record.get("agreed"):
        out.append(
            TextBlock("Agreed: " + "; ".join(issue_names(spec, record["agreed"])), "bold", "good", key="reply:agreed")
        )
    ally = record.get("ally")
    if ally:
        out.append(TextBlock(f"{ally['speaker']} (your ally): {quoted(ally['text'])}", "body", "muted", key="reply:ally"))
    probe = record.get("probe")
    if probe:
        name = dict(zip(spec.issue_ids, spec.issue_names)).get(probe["issue"], probe["issue"])
        out.append(
            TextBlock(
                f"What you learned about {name}: it seems {probe['importance']} to them. {probe['note']}",
                "body",
                "accent",
                key="reply:probe",
            )
        )
    moves = [m for m in record.get("meters", []) if "change" in m]
    for move in moves:
        out.append(TextBlock(meter_move_line(move), "small", "muted"))
    for event in record.get("events", []):
        out.append(TextBlock(f"Event: {event['title']}", "small", "warn"))
    return out


# --------------------------------------------------------------------------- agenda and log
def agenda_cards(view: dict) -> list[Widget]:
    cards: list[Widget] = []
    for item in view["agenda"]:
        if item["agreed"]:
            lines = [Line(f"Agreed: {item['agreed']}", "bold", "good")]
            stripe = "good"
        else:
            lines = [
                Line(f"Your position: {item['your_position']}", "small"),
                Line(
                    f"Their offer: {item['their_offer'] or 'none yet'}",
                    "small",
                    "warn" if item["their_offer"] else "muted",
                ),
            ]
            stripe = "panel_border"
        if item["probed"]:
            lines.append(
                Line(f"Probe: {item['their_interest']}. {item['their_need'] or ''}".strip(), "small", "accent")
            )
        cards.append(Card(item["name"], lines, key=f"agenda:{item['issue']}", stripe=stripe, title_style="bold"))
    return cards


def log_cards(spec: GameSpec, transcript: Sequence[dict], you: str) -> list[Widget]:
    cards: list[Widget] = []
    for record in transcript:
        lines: list[Line] = []
        action = record.get("action")
        if action:
            lines.append(Line(f"{you}: {action['label']}", "small", "muted"))
        lines.append(Line(f"{record['reply']['speaker']}: {quoted(record['reply']['text'])}", "small"))
        if record["reply"].get("offer"):
            lines.append(
                Line("Their offer: " + "; ".join(issue_names(spec, record["reply"]["offer"])), "small", "warn")
            )
        if record.get("agreed"):
            lines.append(Line("Agreed: " + "; ".join(issue_names(spec, record["agreed"])), "small", "good"))
        if record.get("ally"):
            lines.append(Line(f"{record['ally']['speaker']} (ally): {quoted(record['ally']['text'])}", "small", "muted"))
        if record.get("probe"):
            lines.append(
                Line(
                    f"Learned: {record['probe']['issue']} seems {record['probe']['importance']} to them",
                    "small",
                    "accent",
                )
            )
        for move in record.get("meters", []):
            if "change" in move:
                lines.append(Line(meter_move_line(move), "small", "muted"))
        for event in record.get("events", []):
            lines.append(Line(f"Event: {event['title']}", "small", "warn"))
        title = f"Turn {record['turn']}: {record.get('session_name', '')}" if action else "Opening"
        cards.append(Card(title, lines, key=f"log:{record['turn']}", title_style="bold"))
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
    tag = KIND_TAGS.get(action.kind, action.kind)
    if action.issue >= 0:
        tag += f" - {spec.issue_names[action.issue]}"
    lines = [] if compact else [Line(tag, "small", "muted")]
    terms = ""
    if action.kind == "propose" and action.terms:
        open_terms = [p if i not in agreed else -1 for i, p in enumerate(action.terms)]
        terms = terms_words(spec, open_terms)
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
    if action.kind in NOTES:
        details.append(NOTES[action.kind])
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

    def measure(self, ctx, width: int) -> int:
        main, ally = self._sizes(ctx, width)
        caption = self._caption_h(ctx, self.main[2], main[0])
        if ally:  # both captions sit under the large portrait's foot
            caption = max(caption, self._caption_h(ctx, self.ally[2], ally[0]))
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
            ctx.text.draw(
                surface, ctx.font("small"), self.ally[2], ctx.palette.muted, pygame.Rect(ax, y, ally[0], 0), "center"
            )

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
