"""The window's type: the bundled fonts of each theme, at the player's text scale.

Fonts live in assets/fonts (OFL, licences beside them). An installed game finds them as
the package game._assets (see pyproject.toml); a checkout finds the assets/ folder next
to the game package. A missing file falls back to pygame's default font, so a broken
install still shows text rather than crashing.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pygame

ROLES = ("body", "heading", "mono")

# theme -> role -> file name in assets/fonts
_FILES: dict[str, dict[str, str]] = {
    "cable": {"body": "CourierPrime-Regular.otf", "heading": "NotoSerif-Bold.ttf", "mono": "CourierPrime-Regular.otf"},
    "briefing": {"body": "Inter-Regular.otf", "heading": "Inter-Bold.otf", "mono": "CourierPrime-Regular.otf"},
}

_SMALLEST_PX = 6  # below this no font is legible; tiny scales clamp here


def assets_dir() -> Path:
    """The folder of the built-in assets (fonts/, images/, sounds/)."""
    try:
        return Path(str(importlib.resources.files("game._assets")))
    except ModuleNotFoundError:  # a source checkout: assets/ sits beside game/
        return Path(__file__).resolve().parents[2] / "assets"


def font_path(theme: str, role: str) -> Path | None:
    """The bundled file for a theme's role, or None if it is not on disk."""
    if theme not in _FILES:
        raise ValueError(f"no theme {theme!r}; known: {', '.join(_FILES)}")
    if role not in ROLES:
        raise ValueError(f"no font role {role!r}; known: {', '.join(ROLES)}")
    path = assets_dir() / "fonts" / _FILES[theme][role]
    return path if path.is_file() else None


class Fonts:
    """Fonts for one theme and text scale; each (role, size) is loaded once per instance."""

    def __init__(self, theme: str, scale: float = 1.0) -> None:
        if theme not in _FILES:
            raise ValueError(f"no theme {theme!r}; known: {', '.join(_FILES)}")
        if not scale > 0:
            raise ValueError(f"font scale must be positive, got {scale!r}")
        self.theme = theme
        self.scale = float(scale)
        self._loaded: dict[tuple[str, int], pygame.font.Font] = {}

    def pixels(self, size: int) -> int:
        """The pixel size used for a size given at 100 % scale."""
        return max(_SMALLEST_PX, round(size * self.scale))

    def path(self, role: str) -> Path | None:
        """The file a role is drawn with (None: pygame's default font)."""
        return font_path(self.theme, role)

    def get(self, role: str, size: int) -> pygame.font.Font:
        px = self.pixels(size)
        key = (role, px)
        font = self._loaded.get(key)
        if font is None:
            font = self._load(role, px)
            self._loaded[key] = font
        return font

    def _load(self, role: str, px: int) -> pygame.font.Font:
        if not pygame.font.get_init():
            pygame.font.init()
        path = self.path(role)
        if path is not None:
            try:
                return pygame.font.Font(path, px)
            except (OSError, pygame.error):  # a damaged file: show text anyway
                pass
        font = pygame.font.Font(None, px)
        if role == "heading":
            font.bold = True
        return font
