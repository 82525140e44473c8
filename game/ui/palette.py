"""The window's colours: one palette per theme, each with a colour-safe variant.

'cable' is Vienna 1961: off-white cable paper, carbon ink, the muted reds and blues of
period stamps and letterheads. 'briefing' is Singapore 2018: a dark navy press-briefing
room with white type and clean accents.

The colour-safe variants draw the meters from the Okabe-Ito set (Okabe & Ito, "Color
Universal Design", 2002), chosen so that people with red-green colour blindness can
still tell them apart, and never make good/bad a red/green pair. Every palette keeps ink
on paper and on panels at or above WCAG 2.1's 4.5:1 contrast for text; tests check it.
"""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]

THEMES = ("cable", "briefing")


@dataclass(frozen=True)
class Palette:
    bg: RGB  # behind everything
    paper: RGB  # the sheet text sits on
    ink: RGB  # body text
    muted: RGB  # secondary text (still readable: >= 4.5:1 on paper)
    accent: RGB  # headings, stamps, the chosen thing
    focus: RGB  # keyboard focus ring
    panel: RGB  # cards and boxes on the paper
    panel_border: RGB
    highlight: RGB  # the row under the mouse, a marked passage
    good: RGB
    bad: RGB
    warn: RGB
    tension: RGB
    trust: RGB
    resolve: RGB
    confidence: RGB

    def meter_colour(self, kind: str) -> RGB | None:
        """The colour of a meter kind ('tension', 'trust', ...), or None if it has none."""
        return getattr(self, kind) if kind in _METER_KINDS else None

    def meter_colours(self) -> tuple[RGB, ...]:
        """Every meter colour, in a fixed order (fallbacks for meters of other kinds)."""
        return tuple(getattr(self, kind) for kind in _METER_KINDS)


_METER_KINDS = ("tension", "trust", "resolve", "confidence")

# Okabe-Ito: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
OKABE_ITO: dict[str, RGB] = {
    "black": (0, 0, 0),
    "orange": (230, 159, 0),
    "sky_blue": (86, 180, 233),
    "bluish_green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "reddish_purple": (204, 121, 167),
}

_CABLE = Palette(
    bg=(222, 214, 194),
    paper=(244, 239, 226),
    ink=(33, 31, 36),
    muted=(92, 86, 78),
    accent=(140, 38, 34),  # the red of a "SECRET" stamp
    focus=(31, 72, 138),  # a letterhead blue
    panel=(236, 229, 211),
    panel_border=(150, 138, 116),
    highlight=(232, 218, 168),
    good=(44, 98, 62),
    bad=(150, 40, 36),
    warn=(134, 84, 10),
    tension=(158, 44, 38),
    trust=(36, 82, 148),
    resolve=(112, 74, 30),
    confidence=(48, 112, 84),
)

# On light paper the Okabe-Ito hues are darkened (same hue, lower lightness) so that lines
# keep WCAG's 3:1 for graphics; the hues, which carry the distinction, are unchanged.
_CABLE_SAFE = Palette(
    bg=_CABLE.bg,
    paper=(247, 243, 232),
    ink=(20, 20, 24),
    muted=(80, 76, 70),
    accent=(0, 94, 148),
    focus=(0, 0, 0),
    panel=(238, 232, 216),
    panel_border=(110, 104, 92),
    highlight=(226, 232, 242),
    good=(0, 94, 148),  # blue, not green
    bad=(176, 72, 0),  # vermillion, not red
    warn=(130, 86, 0),
    tension=(176, 72, 0),  # vermillion
    trust=(0, 100, 160),  # blue
    resolve=(150, 78, 124),  # reddish purple
    confidence=(0, 118, 86),  # bluish green
)

_BRIEFING = Palette(
    bg=(10, 20, 38),
    paper=(18, 33, 58),
    ink=(242, 245, 250),
    muted=(168, 182, 204),
    accent=(64, 156, 255),
    focus=(255, 204, 72),
    panel=(25, 44, 75),
    panel_border=(58, 84, 124),
    highlight=(36, 64, 108),
    good=(86, 196, 120),
    bad=(248, 112, 106),
    warn=(240, 176, 64),
    tension=(248, 112, 106),
    trust=(80, 166, 255),
    resolve=(240, 186, 80),
    confidence=(110, 200, 140),
)

# On dark navy the Okabe-Ito hues are used as they are, or lightened, for the same reason.
_BRIEFING_SAFE = Palette(
    bg=_BRIEFING.bg,
    paper=(16, 30, 54),
    ink=(250, 250, 250),
    muted=(184, 196, 214),
    accent=OKABE_ITO["sky_blue"],
    focus=OKABE_ITO["yellow"],
    panel=(24, 42, 72),
    panel_border=(96, 116, 148),
    highlight=(40, 70, 116),
    good=OKABE_ITO["sky_blue"],
    bad=OKABE_ITO["orange"],
    warn=OKABE_ITO["yellow"],
    tension=OKABE_ITO["orange"],
    trust=OKABE_ITO["sky_blue"],
    resolve=(226, 150, 196),  # reddish purple, lightened
    confidence=(40, 190, 146),  # bluish green, lightened
)

_PALETTES: dict[tuple[str, bool], Palette] = {
    ("cable", False): _CABLE,
    ("cable", True): _CABLE_SAFE,
    ("briefing", False): _BRIEFING,
    ("briefing", True): _BRIEFING_SAFE,
}


def palette_for(theme: str, colour_safe: bool) -> Palette:
    """The palette of a theme ('cable' or 'briefing'); Palettes are frozen, so sharing is safe."""
    try:
        return _PALETTES[(theme, bool(colour_safe))]
    except KeyError:
        raise ValueError(f"no theme {theme!r}; known: {', '.join(THEMES)}") from None


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2.1 contrast ratio between two colours: 1.0 (same) .. 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    lighter, darker = max(la, lb), min(la, lb)
    return (lighter + 0.05) / (darker + 0.05)


def blend(a: RGB, b: RGB, t: float) -> RGB:
    """The colour t of the way from a to b (0 gives a, 1 gives b)."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3]))  # type: ignore[return-value]


def is_dark(palette: Palette) -> bool:
    """Whether the palette is light type on a dark ground (the briefing room)."""
    return relative_luminance(palette.paper) < relative_luminance(palette.ink)
