"""Two timelines side by side on the ending screen: how each ended, what each agreed,
and every meter over the turns, from `Match.compare` (the match keeps every timeline
when you rewind and play on differently)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame

from game.ui.charts import draw_meter_charts
from game.ui.widgets import Button, Canvas, Card, Choice, Line, TextBlock, Widget

RATING_WORDS = {"better": "Better than history", "history": "As history went", "worse": "Worse than history",
                "breakdown": "Breakdown"}


def has_timelines(match) -> bool:
    try:
        return len(match.timelines) > 1
    except (AttributeError, TypeError):
        return False


def default_pair(match) -> tuple[int, int]:
    """The timeline you are on, against the one it branched from (else the first)."""
    infos = match.timelines
    now = next((t for t in infos if t.current), infos[-1])
    other = now.parent if now.parent is not None else next(t.index for t in infos if t.index != now.index)
    return other, now.index


def timeline_name(t) -> str:
    """'timeline 2 (branch of timeline 1 at turn 4, ended: The Vienna accord)'."""
    moves = f"{t.turns} move{'s' if t.turns != 1 else ''}"
    state = f"ended: {t.ending}" if t.over and t.ending else ("ended" if t.over else moves)
    return f"timeline {t.index + 1} ({t.label}, {state})"


def timeline_widgets(ctx, match, a: int, b: int, pick: Callable[[str, int], None],
                     switch: Callable[[int], None] | None = None) -> list[Widget]:
    """The comparison; with `switch`, a button under each side that is not the timeline
    you are on, to go on with it."""
    infos = match.timelines
    names = [f"{t.index + 1}: {t.label}" + (" (this one)" if t.current else "") for t in infos]
    cmp = match.compare(a, b)
    out: list[Widget] = [
        TextBlock(
            f"Timeline {a + 1} and timeline {b + 1} part at turn {cmp.diverged_at + 1}." if cmp.diverged_at is not None
            else "Two timelines.", "body", "muted", span_all=True),
        Choice("Left", names, a, lambda i: pick("a", i), key="timelines:a"),
        Choice("Right", names, b, lambda i: pick("b", i), key="timelines:b"),
    ]
    for side, end in (("a", cmp.ending_a), ("b", cmp.ending_b)):
        if end is None:
            lines = [Line("Not over yet", "body", "muted")]
            title = "In progress"
        else:
            lines = [Line(RATING_WORDS.get(end.rating, end.rating), "bold", "accent"), Line(f"after {end.turn} turns",
                                                                                          "small", "muted")]
            title = end.title
        out.append(Card(title, lines, key=f"timelines:end:{side}", title_style="bold"))
    for side in ("a", "b"):
        lines = []
        for outcome in cmp.agreements:
            agreed = getattr(outcome, side)
            lines.append(Line(f"{outcome.issue}: {agreed}" if agreed else f"{outcome.issue}: no agreement",
                              "small", "good" if agreed else "muted"))
        out.append(Card("Agreed", lines, key=f"timelines:agreed:{side}", title_style="bold"))
    if switch is not None:
        for side, index in (("a", a), ("b", b)):
            t = infos[index]
            if t.current:
                out.append(TextBlock(f"You are on timeline {index + 1}.", "small", "muted", key=f"timelines:here:{side}"))
            else:
                out.append(Button(f"Go on with timeline {index + 1}", lambda i=index: switch(i),
                                  key=f"timelines:go:{side}", small=True))
    meters = [{"meter": s.ref, "name": s.name, "party": s.party,
               "bands": list(next(m.bands for m in match.spec.meters if m.ref == s.ref))} for s in cmp.meters]
    for side in ("a", "b"):
        history = np.array([getattr(s, side) for s in cmp.meters], dtype=float).T

        def paint(surface: pygame.Surface, rect: pygame.Rect, history=history) -> None:
            draw_meter_charts(surface, rect, history, meters, ctx.scaled_fonts(), ctx.palette,
                              ctx.settings.colour_safe)

        finals = [f"{s.name}: {getattr(s, side)[-1]:.0f}" for s in cmp.meters]
        canvas = Canvas(paint, aspect=1.1, max_height=round(ctx.metrics.height * 0.6), key=f"timelines:chart:{side}",
                        words=finals)
        canvas.span_all = False
        out.append(canvas)
    return out
