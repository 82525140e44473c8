"""The themes' colours and type: contrast for text, meters told apart without colour
vision, the bundled fonts found and scaled."""

from __future__ import annotations

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import dataclasses  # noqa: E402

import numpy as np  # noqa: E402
import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import fonts as fonts_module  # noqa: E402
from game.ui.fonts import ROLES, Fonts, assets_dir  # noqa: E402
from game.ui.palette import THEMES, Palette, blend, contrast_ratio, is_dark, palette_for  # noqa: E402

ALL = [(theme, safe) for theme in THEMES for safe in (False, True)]
TEXT_COLOURS = ("ink", "muted", "accent", "focus", "good", "bad", "warn", "tension", "trust", "resolve", "confidence")
METERS = ("tension", "trust", "resolve", "confidence")

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def _lab(rgb, vision: str) -> np.ndarray:
    """CIELAB of an sRGB colour as seen with the given colour vision."""
    c = np.asarray(rgb, float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    linear = np.clip(CVD[vision] @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 0.008856, np.cbrt(t), 7.787 * t + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _delta_e(a, b, vision: str) -> float:
    return float(np.linalg.norm(_lab(a, vision) - _lab(b, vision)))


# --------------------------------------------------------------------------- contrast


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)
    assert contrast_ratio((120, 30, 200), (120, 30, 200)) == pytest.approx(1.0)
    # #767676 on white is the classic "just passes AA" grey; #777777 just fails
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) < 4.5


@pytest.mark.parametrize("theme,safe", ALL)
def test_text_colours_meet_wcag_aa_on_paper_and_panels(theme, safe):
    p = palette_for(theme, safe)
    for name in TEXT_COLOURS:
        for ground in ("paper", "panel"):
            ratio = contrast_ratio(getattr(p, name), getattr(p, ground))
            assert ratio >= 4.5, f"{theme}{' safe' if safe else ''}: {name} on {ground} is {ratio:.2f}:1"
    assert contrast_ratio(p.ink, p.highlight) >= 4.5


@pytest.mark.parametrize("theme,safe", ALL)
def test_meter_lines_stand_out_from_panels(theme, safe):
    p = palette_for(theme, safe)
    for name in METERS:  # WCAG 1.4.11: graphics at least 3:1
        assert contrast_ratio(getattr(p, name), p.panel) >= 3.0, name


# --------------------------------------------------------------------------- colour vision


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("vision", list(CVD))
def test_colour_safe_meters_are_distinguishable_with_each_colour_vision(theme, vision):
    p = palette_for(theme, True)
    for a, b in itertools.combinations(METERS, 2):
        delta = _delta_e(getattr(p, a), getattr(p, b), vision)
        assert delta >= 10.0, f"{theme}: {a} and {b} differ by only dE {delta:.1f} with {vision}"


@pytest.mark.parametrize("theme", THEMES)
def test_colour_safe_good_and_bad_are_not_a_red_green_pair(theme):
    p = palette_for(theme, True)
    for vision in ("protanopia", "deuteranopia"):
        assert _delta_e(p.good, p.bad, vision) >= 20.0, vision


def test_colour_safe_palettes_differ_from_the_plain_ones():
    for theme in THEMES:
        plain, safe = palette_for(theme, False), palette_for(theme, True)
        assert [getattr(plain, m) for m in METERS] != [getattr(safe, m) for m in METERS]


# --------------------------------------------------------------------------- the API


def test_palettes_are_frozen_hashable_and_complete():
    names = {f.name for f in dataclasses.fields(Palette)}
    assert {"bg", "paper", "ink", "muted", "accent", "focus", "panel", "panel_border", "highlight", "good", "bad",
            "warn", "tension", "trust", "resolve", "confidence"} <= names
    p = palette_for("cable", False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.ink = (0, 0, 0)  # type: ignore[misc]
    assert len({palette_for(t, s) for t, s in ALL}) == 4
    for theme, safe in ALL:
        for f in dataclasses.fields(Palette):
            value = getattr(palette_for(theme, safe), f.name)
            assert len(value) == 3 and all(isinstance(c, int) and 0 <= c <= 255 for c in value), f.name


def test_themes_are_light_paper_and_dark_briefing():
    assert not is_dark(palette_for("cable", False)) and is_dark(palette_for("briefing", False))


def test_unknown_theme_is_refused_with_the_known_names():
    with pytest.raises(ValueError, match="cable"):
        palette_for("neon", False)


def test_blend_goes_from_one_colour_to_the_other():
    assert blend((0, 0, 0), (200, 100, 50), 0.0) == (0, 0, 0)
    assert blend((0, 0, 0), (200, 100, 50), 1.0) == (200, 100, 50)
    assert blend((0, 0, 0), (200, 100, 50), 0.5) == (100, 50, 25)


# --------------------------------------------------------------------------- fonts

BUNDLED = {
    ("cable", "body"): ("CourierPrime-Regular.otf", "Courier Prime"),
    ("cable", "mono"): ("CourierPrime-Regular.otf", "Courier Prime"),
    ("cable", "heading"): ("NotoSerif-Bold.ttf", "Noto Serif"),
    ("briefing", "body"): ("Inter-Regular.otf", "Inter"),
    ("briefing", "heading"): ("Inter-Bold.otf", "Inter"),
    ("briefing", "mono"): ("CourierPrime-Regular.otf", "Courier Prime"),
}


@pytest.fixture(scope="module", autouse=True)
def font_module():
    pygame.font.init()
    yield


@pytest.mark.parametrize("theme,role", list(BUNDLED))
def test_fonts_load_the_bundled_files(theme, role):
    file_name, family = BUNDLED[(theme, role)]
    fonts = Fonts(theme, 1.0)
    path = fonts.path(role)
    assert path is not None and path.name == file_name
    assert path.parent == assets_dir() / "fonts" and path.is_file()
    font = fonts.get(role, 16)
    assert font.name == family
    if role == "heading":
        assert "Bold" in font.style_name


def test_assets_are_found_in_the_checkout():
    assert (assets_dir() / "fonts" / "README.md").is_file()
    assert not (assets_dir() / "fonts" / "freesansbold.ttf").exists()


def test_fonts_scale_and_are_cached_per_instance():
    normal, large = Fonts("cable", 1.0), Fonts("cable", 2.0)
    assert normal.pixels(12) == 12 and large.pixels(12) == 24
    assert large.get("body", 12).get_height() >= 1.8 * normal.get("body", 12).get_height()
    assert normal.get("body", 12) is normal.get("body", 12)
    assert normal.get("body", 12) is not Fonts("cable", 1.0).get("body", 12)  # no module-level cache
    assert Fonts("cable", 0.01).pixels(12) >= 6  # never illegibly small


def test_a_missing_font_file_falls_back_to_pygames_default(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts_module, "assets_dir", lambda: tmp_path)
    fonts = Fonts("briefing", 1.0)
    assert fonts.path("body") is None
    font = fonts.get("body", 16)
    assert font.get_height() > 0 and font.render("Summit", True, (0, 0, 0)).get_width() > 0


def test_fonts_refuse_unknown_themes_and_roles():
    with pytest.raises(ValueError):
        Fonts("neon", 1.0)
    with pytest.raises(ValueError):
        Fonts("cable", 1.0).get("italic", 12)
    assert set(ROLES) == {"body", "heading", "mono"}
