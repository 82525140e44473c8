"""The meter charts: values land where they should, small rects get a note, nothing is
drawn outside the rect, and every meter has its own marker shape."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import charts  # noqa: E402
from game.ui.charts import (  # noqa: E402
    MARKERS,
    chart_cells,
    draw_meter_charts,
    meter_colour,
    plot_area,
    turn_x,
    value_y,
)
from game.ui.fonts import Fonts  # noqa: E402
from game.ui.palette import palette_for  # noqa: E402

SENTINEL = (1, 2, 3)

TENSION = {"meter": "counterpart.tension", "name": "Tension", "party": "counterpart", "band": "crisis",
           "bands": [("calm", 25.0), ("strained", 50.0), ("crisis", 75.0), ("brink", 101.0)]}
TRUST = {"meter": "counterpart.trust", "name": "Trust", "party": "counterpart", "band": "wary",
         "bands": [("hostile", 20.0), ("wary", 45.0), ("working", 70.0), ("confident", 101.0)]}
RESOLVE = {"meter": "counterpart.resolve", "name": "Resolve", "party": "counterpart", "band": "untested",
           "bands": [("weak", 35.0), ("untested", 60.0), ("firm", 101.0)]}
CONFIDENCE = {"meter": "ally.confidence", "name": "Confidence", "party": "ally", "band": "uneasy",
              "bands": [("shaken", 40.0), ("uneasy", 60.0), ("steady", 101.0)]}
FOUR = [TENSION, TRUST, RESOLVE, CONFIDENCE]


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    yield


@pytest.fixture
def fonts() -> Fonts:
    return Fonts("cable", 1.0)


def canvas(size=(900, 600)) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(SENTINEL)
    return surface


def outside_untouched(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    pixels = pygame.surfarray.array3d(surface)
    inside = np.zeros(pixels.shape[:2], bool)
    inside[rect.left:rect.right, rect.top:rect.bottom] = True
    return bool((pixels[~inside] == SENTINEL).all())


@pytest.mark.parametrize("safe", [False, True])
def test_the_last_value_is_drawn_at_its_height_at_the_right_edge(fonts, safe):
    palette = palette_for("cable", safe)
    surface, rect = canvas((400, 300)), pygame.Rect(0, 0, 400, 300)
    history = np.array([[50.0], [60.0], [75.0]])
    draw_meter_charts(surface, rect, history, [TENSION], fonts, palette, colour_safe=safe)
    plot = plot_area(chart_cells(rect, 1, fonts)[0], fonts)
    x = turn_x(plot, 2, 2)
    assert x == plot.right - 1
    assert value_y(plot, 75) == plot.bottom - 1 - round(0.75 * (plot.height - 1))
    assert tuple(surface.get_at((x, value_y(plot, 75))))[:3] == palette.tension
    assert tuple(surface.get_at((x, value_y(plot, 25))))[:3] != palette.tension
    assert tuple(surface.get_at((turn_x(plot, 0, 2), value_y(plot, 50))))[:3] == palette.tension


def test_value_y_spans_the_plot_and_clamps():
    plot = pygame.Rect(10, 20, 100, 101)
    assert value_y(plot, 0) == plot.bottom - 1
    assert value_y(plot, 100) == plot.top
    assert value_y(plot, 50) == 70
    assert value_y(plot, -5) == value_y(plot, 0) and value_y(plot, 130) == value_y(plot, 100)


def test_a_history_of_one_row_shows_the_start(fonts):
    palette = palette_for("briefing", False)
    surface, rect = canvas((400, 300)), pygame.Rect(0, 0, 400, 300)
    draw_meter_charts(surface, rect, np.array([[40.0, 60.0]]), [TENSION, TRUST], fonts, palette)
    cells = chart_cells(rect, 2, fonts)
    for meter, cell, value in zip((TENSION, TRUST), cells, (40.0, 60.0)):
        plot = plot_area(cell, fonts)
        colour = meter_colour(meter, 0, palette)
        assert tuple(surface.get_at((turn_x(plot, 0, 0), value_y(plot, value))))[:3] == colour


def test_a_rect_too_small_gets_a_note_and_nothing_outside(fonts):
    palette = palette_for("cable", False)
    surface, rect = canvas((400, 300)), pygame.Rect(50, 40, 200, 120)
    assert chart_cells(rect, 4, fonts) is None
    history = np.array([[10.0, 20.0, 30.0, 40.0], [15.0, 25.0, 35.0, 45.0]])
    draw_meter_charts(surface, rect, history, FOUR, fonts, palette)
    assert outside_untouched(surface, rect)
    drawn = pygame.surfarray.array3d(surface)[rect.left:rect.right, rect.top:rect.bottom]
    assert (drawn == palette.muted).all(axis=2).any()  # the note's text
    for colour in (palette.tension, palette.trust):  # and no chart lines
        assert not (drawn == colour).all(axis=2).any()


def test_one_chart_fits_the_smallest_rect(fonts):
    palette = palette_for("cable", False)
    surface, rect = canvas((400, 300)), pygame.Rect(10, 10, 200, 120)
    assert chart_cells(rect, 1, fonts) is not None
    draw_meter_charts(surface, rect, np.array([[30.0], [80.0]]), [TENSION], fonts, palette)
    assert outside_untouched(surface, rect)
    plot = plot_area(chart_cells(rect, 1, fonts)[0], fonts)
    assert tuple(surface.get_at((turn_x(plot, 1, 1), value_y(plot, 80))))[:3] == palette.tension


@pytest.mark.parametrize("count", range(1, 9))
def test_one_to_eight_meters_lay_out_without_overlap_inside_the_rect(fonts, count):
    palette = palette_for("briefing", True)
    rect = pygame.Rect(20, 30, 860, 540)
    meters = [dict(FOUR[k % 4], name=f"Meter {k}") for k in range(count)]
    rng = np.random.default_rng(count)
    history = np.clip(rng.normal(50, 20, size=(12, count)), 0, 100)
    surface = canvas()
    draw_meter_charts(surface, rect, history, meters, fonts, palette, colour_safe=True)
    assert outside_untouched(surface, rect)
    cells = chart_cells(rect, count, fonts)
    assert cells is not None and len(cells) == count
    for i, a in enumerate(cells):
        assert rect.contains(a)
        assert all(not a.colliderect(b) for b in cells[i + 1:])


def test_bigger_text_needs_more_room(fonts):
    rect = pygame.Rect(0, 0, 420, 260)
    assert chart_cells(rect, 4, fonts) is not None
    assert chart_cells(rect, 4, Fonts("cable", 2.0)) is None


def test_every_meter_has_its_own_marker_shape():
    assert len(set(MARKERS)) == 8
    masks = []
    for shape in MARKERS:
        surface = pygame.Surface((21, 21))
        surface.fill((0, 0, 0))
        charts._marker(surface, shape, (10, 10), 5, (255, 255, 255))
        masks.append(pygame.image.tobytes(surface, "RGB"))
    assert len(set(masks)) == len(MARKERS)


def test_meter_colours_follow_their_kind_and_fall_back_for_others():
    palette = palette_for("cable", False)
    assert meter_colour(TENSION, 3, palette) == palette.tension
    assert meter_colour(CONFIDENCE, 0, palette) == palette.confidence
    assert meter_colour({"name": "Trust"}, 0, palette) == palette.trust
    assert meter_colour({"name": "Approval", "meter": "domestic.approval"}, 0, palette) in (
        palette.accent, palette.focus, palette.warn, palette.good) + palette.meter_colours()


def test_odd_input_does_not_fail(fonts):
    palette = palette_for("cable", False)
    surface, rect = canvas(), pygame.Rect(0, 0, 900, 600)
    history = np.array([[np.nan, 150.0], [-20.0, np.nan], [50.0, 50.0]])
    draw_meter_charts(surface, rect, history, [TENSION, TRUST], fonts, palette)
    draw_meter_charts(surface, rect, np.zeros((0, 2)), [TENSION, TRUST], fonts, palette)
    draw_meter_charts(surface, rect, np.array([[10.0]]), [TENSION, TRUST], fonts, palette)  # fewer columns
    draw_meter_charts(surface, rect, np.array([[10.0]]), [], fonts, palette)
    draw_meter_charts(surface, rect, np.array([[10.0]]), [{"name": "Bare"}], fonts, palette)
    assert outside_untouched(surface, rect)


def test_the_callers_clip_is_kept(fonts):
    surface = canvas()
    surface.set_clip(pygame.Rect(0, 0, 300, 300))
    draw_meter_charts(surface, pygame.Rect(0, 0, 600, 400), np.array([[10.0]]), [TENSION], fonts,
                      palette_for("cable", False))
    assert surface.get_clip() == pygame.Rect(0, 0, 300, 300)
    assert tuple(surface.get_at((450, 100)))[:3] == SENTINEL


def test_band_names_are_never_under_the_line(fonts):
    """A meter that runs through the middle of each band, at the left and the right: the
    band names go where the line is not (or are left out), never under it (issue 9)."""
    palette = palette_for("cable", False)
    rect = pygame.Rect(0, 0, 420, 300)
    cell = chart_cells(rect, 1, fonts)[0]
    plot = plot_area(cell, fonts)
    label = fonts.get("mono", charts.LABEL_PT)
    history = np.array([12.0, 37.0, 62.0, 88.0, 62.0, 37.0, 12.0])
    radius = charts._margins(fonts)[4]
    boxes = charts.band_label_boxes(plot, TENSION["bands"], history, label, 2 * radius + 4, radius + 2)
    assert boxes, "no band was named at all"
    points = charts._line_points(plot, history)
    for name, box in boxes:
        assert not charts._line_hits(points, box), f"{name} is under the line"
    # The same meter drawn: every named band's text is on a clean patch of panel.
    surface = canvas((420, 300))
    draw_meter_charts(surface, rect, history[:, None], [TENSION], fonts, palette, colour_safe=False)
    for _, box in boxes:
        pixels = {tuple(surface.get_at((x, y)))[:3] for x in range(box.left, box.right) for y in range(box.top, box.bottom)}
        assert palette.tension not in pixels
