"""Small line charts of the meters over the summit, one per meter, in a grid.

Each meter has its own marker shape (and, colour-safe, its own dash pattern), so the
charts never depend on colour alone. Drawn with pygame.draw and font renders only; the
layout helpers are public so tests and scenes can find where a value lands.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pygame

from game.ui.fonts import Fonts
from game.ui.palette import RGB, Palette, blend
from game.ui.text import fit_text

TITLE_PT = 13
LABEL_PT = 11
PAD = 6  # inside a cell, in pixels at 100 % (scaled with the fonts)
GAP = 8  # between cells
MIN_PLOT_W = 60
MARKERS = ("circle", "square", "triangle", "diamond", "triangle_down", "cross", "plus", "hexagon")
DASHES: tuple[tuple[int, int], ...] = ((0, 0), (9, 5), (3, 4), (12, 4), (6, 6), (2, 6), (14, 8), (5, 3))


def _px(fonts: Fonts, size: float) -> int:
    return max(1, round(size * fonts.scale))


def _margins(fonts: Fonts) -> tuple[int, int, int, int, int]:
    """(title height, left, right, bottom, marker radius) of a cell's plot, in pixels."""
    title_h = fonts.get("heading", TITLE_PT).get_linesize()
    label = fonts.get("mono", LABEL_PT)
    radius = max(3, _px(fonts, 4))
    left = label.size("100")[0] + _px(fonts, PAD) + 4
    right = label.size("100")[0] + radius + _px(fonts, PAD) + 4
    bottom = label.get_linesize() + 2
    return title_h, left, right, bottom, radius


def _minimum_cell(fonts: Fonts) -> tuple[int, int]:
    title_h, left, right, bottom, _ = _margins(fonts)
    line = fonts.get("mono", LABEL_PT).get_linesize()
    pad = _px(fonts, PAD)
    return left + _px(fonts, MIN_PLOT_W) + right, pad * 3 + title_h + 3 * line + bottom


def chart_cells(rect: pygame.Rect, count: int, fonts: Fonts) -> list[pygame.Rect] | None:
    """The cells of `count` charts laid out in rect, or None if they cannot fit legibly."""
    if count < 1:
        return []
    min_w, min_h = _minimum_cell(fonts)
    gap = _px(fonts, GAP)
    best: tuple[float, int] | None = None
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        cell_w = (rect.width - (cols - 1) * gap) / cols
        cell_h = (rect.height - (rows - 1) * gap) / rows
        if cell_w < min_w or cell_h < min_h:
            continue
        # prefer cells about twice as wide as tall, and few empty places in the grid
        score = abs(math.log((cell_w / cell_h) / 2.0)) + 0.15 * (cols * rows - count)
        if best is None or score < best[0]:
            best = (score, cols)
    if best is None:
        return None
    cols = best[1]
    rows = math.ceil(count / cols)
    cell_w = (rect.width - (cols - 1) * gap) // cols
    cell_h = (rect.height - (rows - 1) * gap) // rows
    return [
        pygame.Rect(rect.x + (i % cols) * (cell_w + gap), rect.y + (i // cols) * (cell_h + gap), cell_w, cell_h)
        for i in range(count)
    ]


def plot_area(cell: pygame.Rect, fonts: Fonts) -> pygame.Rect:
    """The inner rectangle of a cell where 0..100 is drawn (0 at the bottom row)."""
    title_h, left, right, bottom, _ = _margins(fonts)
    pad = _px(fonts, PAD)
    top = cell.y + pad + title_h + pad
    return pygame.Rect(cell.x + left, top, cell.width - left - right, cell.bottom - pad - bottom - top)


def value_y(plot: pygame.Rect, value: float) -> int:
    """The pixel row of a meter value (clamped to 0..100) inside a plot."""
    v = min(100.0, max(0.0, float(value)))
    return plot.bottom - 1 - round(v / 100.0 * (plot.height - 1))


def turn_x(plot: pygame.Rect, turn: int, turns: int) -> int:
    """The pixel column of a turn, with `turns` the last turn shown (0: only the start)."""
    if turns <= 0:
        return plot.x
    return plot.x + round(turn / turns * (plot.width - 1))


def meter_colour(meter: dict, index: int, palette: Palette) -> RGB:
    """A meter's colour from its kind ('counterpart.tension' -> palette.tension), else a fallback."""
    ref = str(meter.get("meter") or meter.get("kind") or meter.get("name") or "")
    kind = ref.rsplit(".", 1)[-1].strip().lower()
    colour = palette.meter_colour(kind)
    if colour is not None:
        return colour
    spare = (palette.accent, palette.focus, palette.warn, palette.good) + palette.meter_colours()
    return spare[index % len(spare)]


# --------------------------------------------------------------------------- drawing


def draw_meter_charts(surface: pygame.Surface, rect: pygame.Rect, history: np.ndarray, meters: list[dict],
                      fonts: Fonts, palette: Palette, colour_safe: bool = False) -> None:
    """One small chart per meter, in a grid filling rect; never draws outside rect.

    history is [turns + 1, K]: every meter after each turn, row 0 the start."""
    rect = pygame.Rect(rect)
    values = np.asarray(history, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    try:
        cells = chart_cells(rect, len(meters), fonts)
        if not meters:
            _note(surface, rect, "No meters to chart.", fonts, palette)
        elif cells is None:
            _note(surface, rect, "Too small for the charts: enlarge the window or the panel.", fonts, palette)
        else:
            for k, (meter, cell) in enumerate(zip(meters, cells)):
                column = values[:, k] if k < values.shape[1] else np.zeros(0)
                _draw_chart(surface, cell, column, meter, k, fonts, palette, colour_safe)
    finally:
        surface.set_clip(old_clip)


def _note(surface: pygame.Surface, rect: pygame.Rect, text: str, fonts: Fonts, palette: Palette) -> None:
    font = fonts.get("body", LABEL_PT)
    words, lines, line = text.split(), [], ""
    for word in words:  # wrap to the rect's width
        trial = f"{line} {word}".strip()
        if line and font.size(trial)[0] > rect.width - 8:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    y = rect.centery - len(lines) * font.get_linesize() // 2
    for line in lines:
        image = font.render(line, True, palette.muted)
        surface.blit(image, image.get_rect(midtop=(rect.centerx, y)))
        y += font.get_linesize()


def _draw_chart(surface: pygame.Surface, cell: pygame.Rect, column: np.ndarray, meter: dict, index: int,
                fonts: Fonts, palette: Palette, colour_safe: bool) -> None:
    colour = meter_colour(meter, index, palette)
    pygame.draw.rect(surface, palette.panel, cell)
    pygame.draw.rect(surface, palette.panel_border, cell, 1)
    plot = plot_area(cell, fonts)
    pad = _px(fonts, PAD)
    title_font, label = fonts.get("heading", TITLE_PT), fonts.get("mono", LABEL_PT)
    _, _, _, _, radius = _margins(fonts)

    finite = column[np.isfinite(column)] if column.size else column
    last = float(finite[-1]) if finite.size else None
    bands = [(str(name), float(below)) for name, below in meter.get("bands") or ()]
    # the band of the value drawn, so the tint and the line agree while meters animate
    band_now = _band_of(bands, last) if bands and last is not None else str(meter.get("band") or "")

    # title, with the band now on the right when there is room
    title = f"{meter.get('name', '?')} ({meter.get('party', '?')})"
    band_w = label.size(band_now)[0] + pad if band_now else 0
    room = cell.width - 2 * pad
    title_text = fit_text(title_font, title, room - band_w if title_font.size(title)[0] + band_w <= room else room)
    surface.blit(title_font.render(title_text, True, palette.ink), (cell.x + pad, cell.y + pad))
    if band_now and title_font.size(title)[0] + band_w <= room:
        image = label.render(band_now, True, palette.muted)
        surface.blit(image, image.get_rect(bottomright=(cell.right - pad, cell.y + pad + title_font.get_ascent() + 1)))

    _draw_bands(surface, plot, bands, band_now, colour, label, palette)
    _draw_axes(surface, plot, len(column), label, palette)
    if finite.size:
        _draw_line(surface, plot, column, colour, index, radius, colour_safe)
        _label_final(surface, plot, cell, last, radius, label, palette)
    for name, box in band_label_boxes(plot, bands, column, label, 2 * radius + 4, radius + 2):
        surface.blit(label.render(name, True, palette.muted), box)


def _line_points(plot: pygame.Rect, column: np.ndarray) -> list[tuple[int, int]]:
    turns = max(0, len(column) - 1)
    return [(turn_x(plot, t, turns), value_y(plot, v)) for t, v in enumerate(column) if np.isfinite(v)]


def _line_hits(points: list[tuple[int, int]], box: pygame.Rect) -> bool:
    """Whether the polyline through points passes through box (sampled every pixel)."""
    if len(points) == 1:
        return box.collidepoint(points[0])
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for k in range(steps + 1):
            if box.collidepoint(round(x0 + (x1 - x0) * k / steps), round(y0 + (y1 - y0) * k / steps)):
                return True
    return False


def band_label_boxes(plot: pygame.Rect, bands: Sequence[tuple[str, float]], column: np.ndarray,
                     label: pygame.font.Font, indent: int, clearance: int) -> list[tuple[str, pygame.Rect]]:
    """Where each band's name is written: inside its band, at the left or the right, top,
    middle or bottom, wherever the meter's line (and its markers, `clearance`) does not
    pass; a band with no such place is left unnamed rather than drawn over (issue 9)."""
    points = _line_points(plot, column) if column.size else []
    out = []
    low = 0.0
    for name, below in bands:
        y_low, y_high = value_y(plot, low), value_y(plot, min(100.0, below))
        low = below
        w, h = label.size(name)
        if y_low - y_high < h or w + indent > plot.width:
            continue
        for x in (plot.x + indent, plot.right - w - indent):
            found = None
            for y in ((y_low + y_high - h) // 2, y_high + 1, y_low - h):
                box = pygame.Rect(x, y, w, h)
                if not _line_hits(points, box.inflate(2 * clearance, 2 * clearance)):
                    found = box
                    break
            if found is not None:
                out.append((name, found))
                break
    return out


def _band_of(bands: Sequence[tuple[str, float]], value: float) -> str:
    for name, below in bands:
        if value < below:
            return name
    return bands[-1][0] if bands else ""


def _draw_bands(surface: pygame.Surface, plot: pygame.Rect, bands: list[tuple[str, float]], band_now: str,
                colour: RGB, label: pygame.font.Font, palette: Palette) -> None:
    """The band of the value now tinted and the band edges as faint lines (the names
    come after the line, where it leaves room: `band_label_boxes`)."""
    faint = blend(palette.panel, palette.muted, 0.3)
    low = 0.0
    for name, below in bands:
        top_v = min(100.0, below)
        y_low, y_high = value_y(plot, low), value_y(plot, top_v)
        if name == band_now:  # the band the meter is in now, tinted
            tint = blend(palette.panel, colour, 0.1)
            pygame.draw.rect(surface, tint, (plot.x, y_high, plot.width, y_low - y_high + 1))
        if below < 100.0:
            pygame.draw.line(surface, faint, (plot.x, y_high), (plot.right - 1, y_high), 1)
        low = below


def _draw_axes(surface: pygame.Surface, plot: pygame.Rect, rows: int, label: pygame.font.Font,
               palette: Palette) -> None:
    axis = palette.muted
    pygame.draw.line(surface, axis, (plot.x - 1, plot.y), (plot.x - 1, plot.bottom), 1)
    pygame.draw.line(surface, axis, (plot.x - 1, plot.bottom), (plot.right, plot.bottom), 1)
    for v in (0, 50, 100):
        y = value_y(plot, v)
        pygame.draw.line(surface, axis, (plot.x - 4, y), (plot.x - 1, y), 1)
        image = label.render(str(v), True, palette.muted)
        surface.blit(image, image.get_rect(midright=(plot.x - 6, y)))
    turns = max(0, rows - 1)
    if turns and plot.width / turns >= 5:
        for t in range(turns + 1):
            x = turn_x(plot, t, turns)
            pygame.draw.line(surface, axis, (x, plot.bottom), (x, plot.bottom + 3), 1)
    y = plot.bottom + 2
    start = label.render("start" if turns == 0 else "0", True, palette.muted)
    surface.blit(start, (plot.x, y))
    if turns:
        end = label.render(f"turn {turns}", True, palette.muted)
        if end.get_width() + start.get_width() + 8 <= plot.width:
            surface.blit(end, end.get_rect(topright=(plot.right, y)))


def _draw_line(surface: pygame.Surface, plot: pygame.Rect, column: np.ndarray, colour: RGB, index: int,
               radius: int, colour_safe: bool) -> None:
    turns = max(0, len(column) - 1)
    points = [(turn_x(plot, t, turns), value_y(plot, v)) for t, v in enumerate(column) if np.isfinite(v)]
    width = 3 if colour_safe else 2
    if len(points) >= 2:
        dash = DASHES[index % len(DASHES)] if colour_safe else (0, 0)
        _polyline(surface, colour, points, width, dash)
    spacing = plot.width / turns if turns else plot.width
    shape = MARKERS[index % len(MARKERS)]
    marked = points if spacing >= 3 * radius else points[-1:]  # crowded: mark only the end
    for point in marked:
        _marker(surface, shape, point, radius, colour)


def _polyline(surface: pygame.Surface, colour: RGB, points: list[tuple[int, int]], width: int,
              dash: tuple[int, int]) -> None:
    on, off = dash
    if not on:
        pygame.draw.lines(surface, colour, False, points, width)
        return
    carry = 0.0  # how far into the dash pattern the next segment starts
    period = on + off
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            phase = (carry + pos) % period
            step = (on - phase) if phase < on else (period - phase)
            end = min(length, pos + step)
            if phase < on and end > pos:
                a, b = pos / length, end / length
                pygame.draw.line(surface, colour, (round(x0 + (x1 - x0) * a), round(y0 + (y1 - y0) * a)),
                                 (round(x0 + (x1 - x0) * b), round(y0 + (y1 - y0) * b)), width)
            pos = end
        carry = (carry + length) % period


def _marker(surface: pygame.Surface, shape: str, centre: tuple[int, int], r: int, colour: RGB) -> None:
    x, y = centre
    if shape == "circle":
        pygame.draw.circle(surface, colour, centre, r)
    elif shape == "square":
        pygame.draw.rect(surface, colour, (x - r + 1, y - r + 1, 2 * r - 1, 2 * r - 1))
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)])
    elif shape == "triangle_down":
        pygame.draw.polygon(surface, colour, [(x, y + r + 1), (x + r + 1, y - r), (x - r - 1, y - r)])
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)])
    elif shape == "cross":
        pygame.draw.line(surface, colour, (x - r, y - r), (x + r, y + r), 3)
        pygame.draw.line(surface, colour, (x - r, y + r), (x + r, y - r), 3)
    elif shape == "plus":
        pygame.draw.rect(surface, colour, (x - r - 1, y - 1, 2 * r + 3, 3))
        pygame.draw.rect(surface, colour, (x - 1, y - r - 1, 3, 2 * r + 3))
    else:  # hexagon
        pygame.draw.polygon(surface, colour, [(x + round((r + 1) * math.cos(math.pi / 3 * i)),
                                               y + round((r + 1) * math.sin(math.pi / 3 * i))) for i in range(6)])


def _label_final(surface: pygame.Surface, plot: pygame.Rect, cell: pygame.Rect, last: float, radius: int,
                 label: pygame.font.Font, palette: Palette) -> None:
    # in the right margin, level with the last point (which is at the right edge once a
    # turn has been played, and at the start before that)
    image = label.render(f"{last:.0f}", True, palette.ink)
    box = image.get_rect(midleft=(plot.right + radius + 3, value_y(plot, last)))
    box.clamp_ip(cell.inflate(-2, -2))
    surface.blit(image, box)
