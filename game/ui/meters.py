"""The meters at the table: a gauge widget, the words around it, and its animation.

A gauge never relies on colour alone: the name, the number and the band are written
out, the change has an arrow shape and a sign, and in the colour-safe palette each kind
of meter fills its bar with its own pattern (stripes, dots, solid, cross-hatch).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game import wording
from game.core.records import TurnRecord
from game.ui.palette import blend
from game.ui.widgets import Widget, draw_arrow, draw_box, draw_focus_ring, draw_pattern

# Whether a rise in this kind of meter is good for you (tension rising is not).
RISE_IS_GOOD = {"tension": False, "trust": True, "resolve": True, "confidence": True, "approval": True}


def meter_subtitle(kind: str, party: str, counterpart: str, ally: str) -> str:
    if party == "ally":
        return f"{ally}'s confidence in you" if kind == "confidence" else f"{ally}"
    return {
        "tension": "in the room",
        "trust": f"{counterpart}'s trust in you",
        "resolve": f"your resolve, as {counterpart} reads it",
        "approval": "at home",
    }.get(kind, counterpart)


def meter_meaning(kind: str, counterpart: str, ally: str) -> str:
    return {
        "tension": "How close the talks are to breaking down. If it reaches the top, the summit ends in crisis.",
        "trust": f"How far {counterpart} believes you. Your unverifiable promises are worth more with trust.",
        "resolve": f"{counterpart}'s estimate of your resolve. Firm, consistent, constructive play raises it; "
        "early concessions and threats you do not back lower it.",
        "confidence": f"{ally or 'Your ally'}'s confidence that you will not trade away its interests.",
        "approval": "How the talks play at home.",
    }.get(kind, "")


def recent_reasons(transcript: Sequence[dict], ref: str, limit: int = 3) -> list[str]:
    """The latest changes of one meter with their reasons, newest first."""
    out = []
    # Newest first, each turn read only when reached: the last few turns usually suffice,
    # and the table asks again for every meter each time it is laid out.
    for raw in reversed(transcript[1:]):
        record = TurnRecord.from_dict(raw)
        for move in record.meters:
            if move.meter != ref:
                continue
            head = f"{wording.turn_heading(record)}: {wording.meter_change(move)}"
            why = wording.reasons_text(move)
            out.append(f"{head}: {why}" if why else head)
        if len(out) >= limit:
            break
    return out[:limit]


@dataclass
class MeterInfo:
    ref: str
    kind: str
    name: str
    subtitle: str
    meaning: str
    value: float
    band: str
    bands: tuple[tuple[str, float], ...]
    change: float  # the change in the last turn played (0 if none)
    reasons: list[str]


class MeterAnimation:
    """The value each gauge shows, easing toward the real value after a turn."""

    RATE = 30.0  # meter points per second at speed 1

    def __init__(self) -> None:
        self.shown: dict[str, float] = {}
        self.target: dict[str, float] = {}

    def set(self, ref: str, target: float, start: float | None = None) -> None:
        self.target[ref] = target
        if start is not None:
            self.shown[ref] = start
        self.shown.setdefault(ref, target)

    def update(self, dt: float, speed: float) -> bool:
        moving = False
        for ref, target in self.target.items():
            here = self.shown.get(ref, target)
            if speed <= 0:
                self.shown[ref] = target
                continue
            step = self.RATE * speed * dt * (1.0 + abs(target - here) / 10.0)
            if abs(target - here) <= step:
                self.shown[ref] = target
            else:
                self.shown[ref] = here + step * (1 if target > here else -1)
                moving = True
        return moving

    def value(self, ref: str) -> float:
        return self.shown.get(ref, self.target.get(ref, 0.0))

    @property
    def busy(self) -> bool:
        return any(abs(self.shown.get(r, t) - t) > 1e-6 for r, t in self.target.items())


class MeterGauge(Widget):
    """One meter: name, value and band on the first line, the last change as a whole
    number with an arrow (never over the value), the subtitle unless `compact`, a bar."""

    focusable = True  # focus (or hover) shows why it moved
    takes_pointer = True

    def __init__(self, info: MeterInfo, shown: Callable[[], float], key: str = "", compact: bool = False):
        super().__init__(key or f"meter:{info.ref}")
        self.info = info
        self.shown = shown
        self.compact = compact

    def _right_text(self, value: float) -> str:
        return f"{value:.0f}  {self.info.band}"

    def _delta_text(self) -> str:
        return wording.signed(self.info.change) if round(self.info.change) else ""

    def _delta_w(self, ctx) -> int:
        """Room right of the bar for the change: an arrow and the widest whole number a
        turn can bring, so a change never runs into the value or the bar (issue 9)."""
        return ctx.line("small") + ctx.text.width(ctx.font("small"), "+100") + ctx.metrics.gap

    def _one_line(self, ctx, width: int) -> bool:
        title = ctx.text.width(ctx.font("bold"), self.info.name)
        # The widest band, not the current one: the card keeps its height as the band
        # changes ("Confidence 65 steady" on one line jumped to two at "uneasy").
        bands = [name for name, _ in self.info.bands] or [self.info.band]
        right = max(ctx.text.width(ctx.font("bold"), f"100  {band}") for band in bands)
        return title + right + ctx.metrics.gap <= width

    def measure(self, ctx, width: int) -> int:
        m = ctx.metrics
        head = ctx.line("bold") * (1 if self._one_line(ctx, width - 2 * m.pad) else 2)
        sub = 0 if self.compact else ctx.text.height(ctx.font("small"), self.info.subtitle, width - 2 * m.pad)
        return m.pad * 2 + head + sub + m.gap // 2 + max(self._bar_h(ctx), ctx.line("small"))

    def _bar_h(self, ctx) -> int:
        return max(8, round(ctx.line("small") * 0.8))

    def draw(self, surface, ctx, focused, hovered) -> None:
        p, m = ctx.palette, ctx.metrics
        info = self.info
        value = self.shown()
        tone = p.meter_colour(info.kind) or p.accent
        fill = p.highlight if hovered is self else p.panel
        draw_box(surface, ctx, self.rect, fill, p.panel_border, m.px(1))
        inner = self.rect.inflate(-2 * m.pad, -2 * m.pad)
        bold = ctx.font("bold")
        lh = bold.get_linesize()
        surface.blit(ctx.text.render(bold, info.name, p.ink), inner.topleft)
        right = ctx.text.render(bold, self._right_text(value), tone if not ctx.settings.colour_safe else p.ink)
        y = inner.top if self._one_line(ctx, inner.width) else inner.top + lh
        surface.blit(right, (inner.right - right.get_width(), y))
        y += lh
        if not self.compact:
            y += ctx.text.draw(
                surface, ctx.font("small"), info.subtitle, p.muted, pygame.Rect(inner.left, y, inner.width, 0)
            )
        row_h = max(self._bar_h(ctx), ctx.line("small"))
        row = pygame.Rect(inner.left, y + m.gap // 2, inner.width, row_h)
        bar = pygame.Rect(row.left, row.centery - self._bar_h(ctx) // 2, row.width - self._delta_w(ctx), self._bar_h(ctx))
        delta = self._delta_text()
        if delta:
            good = (info.change > 0) == RISE_IS_GOOD.get(info.kind, True)
            arrow_tone = p.good if good else p.bad
            change = ctx.text.render(ctx.font("small"), delta, arrow_tone)
            sh = ctx.line("small")
            surface.blit(change, (row.right - change.get_width(), row.centery - change.get_height() // 2))
            ax = row.right - change.get_width() - sh // 2 - m.px(2)
            draw_arrow(surface, (ax, row.centery), sh // 2 + 2, 1 if info.change > 0 else -1, arrow_tone)
        pygame.draw.rect(surface, p.paper, bar)
        filled = bar.copy()
        filled.width = round(bar.width * max(0.0, min(100.0, value)) / 100)
        if ctx.settings.colour_safe:
            draw_pattern(surface, filled, tone, info.kind, p.paper, m.px(8))
        else:
            pygame.draw.rect(surface, tone, filled)
        for _, below in info.bands[:-1]:  # band edges as ticks
            x = bar.left + round(bar.width * min(100.0, below) / 100)
            pygame.draw.line(
                surface, blend(p.ink, p.paper, 0.35), (x, bar.top - m.px(2)), (x, bar.bottom + m.px(1)), m.px(1)
            )
        pygame.draw.rect(surface, p.panel_border, bar, 1)
        if focused is self:
            draw_focus_ring(surface, ctx, self.rect)

    def tooltip(self, ctx) -> list[str]:
        info = self.info
        lines = [f"{info.name}: {info.value:.0f} ({info.band})", info.meaning]
        if info.reasons:
            lines.append("Why it moved lately:")
            lines.extend(info.reasons)
        else:
            lines.append("No changes yet.")
        return lines

    def texts(self) -> list[str]:
        out = [self.info.name] + ([] if self.compact else [self.info.subtitle])
        return out + [f"{self.shown():.0f}", self.info.band] + ([self._delta_text()] if self._delta_text() else [])
