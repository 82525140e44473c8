"""What every scene is given from above: the content library, the settings, and the look
(theme, palette, fonts, sizes) for the window's current size and text scale.

One `AppContext` per App, handed down to scenes and widgets; nothing here is global.
`layout_key` changes whenever anything a layout depends on changes (window size, text
scale, theme, colour-safe palette), so a scene lays itself out again exactly then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.content import listing as content_listing
from game.ui.art import backdrop, portrait
from game.ui.fonts import Fonts
from game.ui.palette import Palette, palette_for
from game.ui.settings import Settings
from game.ui.sound import Sound
from game.ui.text import TextKit

if TYPE_CHECKING:
    from game.content.library import Library

DEFAULT_THEME = "cable"

# Headings are already large: they follow the player's text scale only partly.
TEXT_SCALE_SHARE = {"h3": 0.75, "h2": 0.5, "h1": 0.5, "display": 0.35}

# Type sizes in pixels at a 1280x720 window and 100 % text; (font role, size).
TYPE = {
    "small": ("body", 15),
    "body": ("body", 18),
    "bold": ("heading", 18),
    "tab": ("heading", 16),
    "lead": ("body", 21),
    "mono": ("mono", 16),
    "h3": ("heading", 21),
    "h2": ("heading", 27),
    "h1": ("heading", 38),
    "display": ("heading", 66),
}


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size and text scale. `ui` grows the whole look with the window
    (a 4K screen is not a 1280x720 layout with tiny text); `text` is the player's choice."""

    width: int
    height: int
    text: float

    @cached_property
    def ui(self) -> float:
        """Below 1280x720 the look shrinks with the window; above it grows at half the
        rate, so a larger window shows more of the table rather than the same, bigger."""
        fit = min(self.width / 1280, self.height / 720)
        if fit > 1.0:
            fit = 1.0 + (fit - 1.0) * 0.5
        return min(3.0, max(0.8, fit))

    def font_px(self, style: str) -> int:
        share = TEXT_SCALE_SHARE.get(style, 1.0)
        return max(8, round(TYPE[style][1] * self.ui * (1.0 + (self.text - 1.0) * share)))

    def px(self, n: float) -> int:
        """A spacing or line width that grows with the window, not with the text."""
        return max(1, round(n * self.ui))

    @property
    def pad(self) -> int:
        """Inner padding: it grows with the text too, so big text is not cramped."""
        return max(6, round(12 * self.ui * (0.5 + 0.5 * self.text)))

    @property
    def gap(self) -> int:
        return max(4, round(10 * self.ui * (0.5 + 0.5 * self.text)))

    @property
    def margin(self) -> int:
        return max(8, round(20 * self.ui))


class LibraryLoader:
    """The content library, to be loaded later: in a background thread once the window
    has drawn its first frame (the title is drawn from the content listing, so it
    answers at once), or here and now by the first scene that needs it before then.
    A scene that needs it while the thread works waits for the rest of the load."""

    def __init__(self, load: Callable[[], Library]):
        self._load = load
        self._result: Library | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None and self._result is None:
            self._thread = threading.Thread(target=self._run, name="summit-content", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self._result = self._load()
        except BaseException as error:  # noqa: BLE001 - raised again in the thread that asks
            self._error = error

    def result(self) -> Library:
        if self._thread is not None:
            self._thread.join()
        elif self._result is None and self._error is None:
            self._run()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def ready(self) -> Library | None:
        """The library if it has finished loading (without waiting), else None."""
        return self._result


class AppContext:
    def __init__(self, library: Library | LibraryLoader, settings: Settings, sound: Sound, size: tuple[int, int],
                 listing: content_listing.Listing | None = None):
        self._library = library
        # What content there is (titles, years, leaders): all the title needs. From the
        # content cache, or from the library once it has loaded (`listing_arrived`).
        self._listing = listing
        self._awaiting_listing = listing is None and isinstance(library, LibraryLoader)
        self.settings = settings
        self.sound = sound
        self.theme = DEFAULT_THEME
        self.text = TextKit()
        self.metrics = Metrics(size[0], size[1], settings.text_scale)
        self.palette: Palette = palette_for(self.theme, settings.colour_safe)
        self._fonts: dict[str, Fonts] = {}
        self._font_of: dict[tuple, pygame.font.Font] = {}
        self._images: dict[tuple, pygame.Surface] = {}
        self.pointer: tuple[int, int] | None = None  # where the mouse was last seen
        self.keyboard_mode = False  # the focus ring shows while the keyboard is in use
        self.version = 0  # bumped when the look changes; part of layout_key
        # Set by the App: apply new settings (saves them, resizes the window if needed).
        self.change_settings: Callable[[Settings], None] = self._set_settings

    def load_in_background(self) -> None:
        """Start loading the library, if it is still to be loaded (after the first frame)."""
        if isinstance(self._library, LibraryLoader):
            self._library.start()

    @property
    def library(self) -> Library:
        if isinstance(self._library, LibraryLoader):
            self._library = self._library.result()
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        """Another library (content reloaded): its listing comes with it."""
        self._library = library
        self._listing = content_listing.of(library)

    def _library_if_loaded(self) -> Library | None:
        return self._library.ready() if isinstance(self._library, LibraryLoader) else self._library

    @property
    def listing(self) -> content_listing.Listing:
        """The content listing; empty while the library is still loading on a first
        launch (nothing in the content cache yet)."""
        if self._listing is None:
            library = self._library_if_loaded()
            if library is None:
                return content_listing.empty()
            self._listing = content_listing.of(library)
        return self._listing

    def listing_arrived(self) -> bool:
        """True once, when the library has loaded after scenes were laid out with an
        empty listing: they should be laid out again."""
        if not self._awaiting_listing or self._library_if_loaded() is None:
            return False
        self._awaiting_listing = False
        return True

    # ----------------------------------------------------------------- the look
    @property
    def layout_key(self) -> tuple:
        m = self.metrics
        return (m.width, m.height, m.text, self.theme, self.settings.colour_safe, self.version)

    def fonts(self) -> Fonts:
        fonts = self._fonts.get(self.theme)
        if fonts is None:
            # Sizes are computed here (window and text scale), so Fonts gets scale 1.
            fonts = self._fonts[self.theme] = Fonts(self.theme, 1.0)
        return fonts

    def scaled_fonts(self) -> Fonts:
        """Fonts whose own scale is the window's and the text's (for the charts module,
        which sizes its type from a Fonts scale rather than from pixel sizes)."""
        scale = round(self.metrics.ui * self.metrics.text, 3)
        key = f"{self.theme}@{scale}"
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = Fonts(self.theme, scale)
        return fonts

    def font(self, style: str) -> pygame.font.Font:
        # Asked thousands of times per layout: kept per look (theme and metrics, which
        # are replaced, never changed, when the window or the text scale changes).
        key = (self.theme, self.metrics, style)
        font = self._font_of.get(key)
        if font is None:
            if len(self._font_of) > 256:
                self._font_of.clear()
            role, _ = TYPE[style]
            font = self._font_of[key] = self.fonts().get(role, self.metrics.font_px(style))
        return font

    def line(self, style: str) -> int:
        return self.font(style).get_linesize()

    def set_theme(self, theme: str | None) -> None:
        theme = theme or DEFAULT_THEME
        if theme != self.theme:
            self.theme = theme
            self._restyle()

    def resize(self, width: int, height: int) -> None:
        if (width, height) != (self.metrics.width, self.metrics.height):
            self.metrics = Metrics(width, height, self.settings.text_scale)
            self._images.clear()

    def _set_settings(self, settings: Settings) -> None:
        self.apply_settings(settings)

    def apply_settings(self, settings: Settings) -> None:
        old = self.settings
        self.settings = settings
        if settings.sound != old.sound:
            self.sound = Sound(settings.sound)
        if settings.text_scale != old.text_scale:
            self.metrics = Metrics(self.metrics.width, self.metrics.height, settings.text_scale)
            self.text.clear()
        if settings.colour_safe != old.colour_safe:
            self._restyle()

    def _restyle(self) -> None:
        self.palette = palette_for(self.theme, self.settings.colour_safe)
        self.text.clear()
        self._images.clear()
        self.version += 1

    # ----------------------------------------------------------------- pictures
    def portrait(
        self, personality_id: str, name: str, size: tuple[int, int], palette: Palette | None = None
    ) -> pygame.Surface:
        palette = palette or self.palette
        key = ("portrait", personality_id, name, size, palette)
        image = self._images.get(key)
        if image is None:
            if len(self._images) > 64:
                self._images.clear()
            image = self._images[key] = self._mod_portrait(personality_id, size) or portrait(
                personality_id, name, size, palette
            )
        return image

    def _mod_portrait(self, personality_id: str, size: tuple[int, int]) -> pygame.Surface | None:
        """A modder's own drawn portrait (`portrait:` in the personality file, checked at
        load to stay inside its folder), scaled to fit; None to draw the built-in figure."""
        entry = next((p for p in self.listing["personalities"] if p["id"] == personality_id), None)
        if entry is None or not entry.get("portrait"):
            return None
        try:
            picture = pygame.image.load(str(Path(entry["path"]).parent / entry["portrait"]))
        except (pygame.error, OSError, FileNotFoundError):
            return None  # an unreadable image falls back to the drawn figure
        return pygame.transform.smoothscale(picture.convert_alpha() if pygame.display.get_surface() else picture, size)

    def backdrop(self, size: tuple[int, int]) -> pygame.Surface:
        key = ("backdrop", self.theme, size, self.palette)
        image = self._images.get(key)
        if image is None:
            if len(self._images) > 64:
                self._images.clear()
            image = self._images[key] = backdrop(self.theme, size, self.palette)
        return image
