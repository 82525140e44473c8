"""Portraits and backdrops drawn by code: distinct per leader, the same every time."""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.art import LOOKS, backdrop, look_for, portrait  # noqa: E402
from game.ui.palette import THEMES, palette_for  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
KNOWN = ("khrushchev", "kennedy", "adenauer", "ulbricht", "trump", "kim_jong_un", "moon_jae_in", "xi_jinping")
ARCHETYPES = ("conciliator", "stonewaller", "hardliner", "pragmatist")
SIZE = (150, 190)


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    yield


def digest(surface: pygame.Surface) -> str:
    return hashlib.sha256(pygame.image.tobytes(surface, "RGB")).hexdigest()


def colours(surface: pygame.Surface, rect: pygame.Rect | None = None) -> set[tuple[int, int, int]]:
    rect = rect or surface.get_rect()
    return {tuple(surface.get_at((x, y)))[:3]
            for x in range(rect.left, rect.right, 3) for y in range(rect.top, rect.bottom, 3)}


def test_every_known_leader_has_a_look_and_the_archetypes_are_generic():
    assert set(KNOWN) <= set(LOOKS)
    assert all(not look_for(pid).generic for pid in KNOWN)
    assert all(look_for(pid).generic for pid in ARCHETYPES + ("someone_new",))
    assert len({look_for(pid) for pid in KNOWN}) == len(KNOWN)


@pytest.mark.parametrize("theme", THEMES)
def test_portraits_differ_between_ids_even_with_the_same_name(theme):
    palette = palette_for(theme, False)
    pictures = {pid: digest(portrait(pid, "A Leader", SIZE, palette)) for pid in KNOWN + ARCHETYPES}
    for a, b in itertools.combinations(pictures, 2):
        assert pictures[a] != pictures[b], f"{a} and {b} look the same"


def test_the_same_id_gives_the_same_picture():
    palette = palette_for("cable", False)
    for pid in KNOWN + ("hardliner", "someone_new"):
        assert digest(portrait(pid, "Name", SIZE, palette)) == digest(portrait(pid, "Name", SIZE, palette))


def test_generic_figures_do_not_depend_on_the_process_hash_seed():
    code = ("import hashlib, pygame; pygame.font.init();"
            "from game.ui.art import portrait; from game.ui.palette import palette_for;"
            "s = portrait('a_new_envoy', 'Envoy', (120, 150), palette_for('cable', False));"
            "print(hashlib.sha256(pygame.image.tobytes(s, 'RGB')).hexdigest())")
    out = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        out.append(done.stdout.strip())
    assert out[0] == out[1]


@pytest.mark.parametrize("theme,safe", [(t, s) for t in THEMES for s in (False, True)])
def test_portrait_has_the_size_asked_a_figure_and_a_nameplate(theme, safe):
    palette = palette_for(theme, safe)
    picture = portrait("kennedy", "John F. Kennedy", SIZE, palette)
    assert picture.get_size() == SIZE
    art = pygame.Rect(0, 0, SIZE[0], int(SIZE[1] * 0.8))
    assert len(colours(picture, art)) > 20  # a drawn figure, not a flat box
    plate = pygame.Rect(4, int(SIZE[1] * 0.88), SIZE[0] - 8, int(SIZE[1] * 0.1))
    plate_colours = colours(picture, plate)
    assert tuple(palette.panel) in plate_colours and len(plate_colours) > 2  # text on the plate


def test_a_long_name_is_fitted_and_tiny_sizes_do_not_fail():
    palette = palette_for("briefing", False)
    assert portrait("trump", "A Very Long Name " * 6, (90, 120), palette).get_size() == (90, 120)
    for size in ((8, 8), (30, 30), (40, 400), (400, 40)):
        assert portrait("xi_jinping", "Xi Jinping", size, palette).get_size() == size


@pytest.mark.parametrize("theme", THEMES)
def test_backdrop_fills_the_size_and_is_not_flat(theme):
    palette = palette_for(theme, False)
    image = backdrop(theme, (640, 360), palette)
    assert image.get_size() == (640, 360)
    assert len(colours(image)) > 5
    assert digest(image) == digest(backdrop(theme, (640, 360), palette))
    assert backdrop(theme, (1, 1), palette).get_size() == (1, 1)


def test_backdrop_refuses_an_unknown_theme():
    with pytest.raises(ValueError):
        backdrop("neon", (100, 100), palette_for("cable", False))
