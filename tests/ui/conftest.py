"""Headless window tests: SDL's dummy video and audio drivers, a private SUMMIT_HOME.

The environment is set before pygame is imported anywhere (pytest imports this file
before the test modules). `Driver` wraps an App with the few moves a player makes."""

from __future__ import annotations

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
os.environ.setdefault("SUMMIT_HOME", tempfile.mkdtemp(prefix="summit-ui-"))

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.content.library import load_library  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.scene import Scene  # noqa: E402
from game.ui.widgets import ScrollPanel, Widget  # noqa: E402


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh SUMMIT_HOME (saves, settings) for one test."""
    monkeypatch.setenv("SUMMIT_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def library():
    return load_library(include_mods=False)


class Driver:
    def __init__(self, app: App):
        self.app = app

    @property
    def scene(self) -> Scene:
        return self.app.scene

    @property
    def name(self) -> str:
        return type(self.app.scene).__name__

    def texts(self) -> list[str]:
        return self.app.scene.visible_text()

    def text(self) -> str:
        return "\n".join(self.texts())

    def step(self, dt: float = 0.05) -> None:
        self.app.update(dt)
        self.app.draw()

    def settle(self, seconds: float = 10.0) -> None:
        """Run until nothing animates and no queued card is waiting to appear."""
        t = 0.0
        self.step(0.0)
        while t < seconds and self.app.update(0.1):
            t += 0.1
        self.app.draw()

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        self.app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
        self.step()

    def type(self, text: str) -> None:
        for char in text:
            self.key(pygame.key.key_code(char) if char.isalnum() else 0, unicode=char)

    def click_at(self, pos: tuple[int, int], button: int = 1) -> None:
        self.app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        self.app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        self.app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
        self.step()

    def widget(self, key: str) -> Widget:
        widget = self.scene.find(key)
        assert widget is not None, f"no widget {key!r} in {self.name}: {[w.key for w in self.scene.all_widgets()]}"
        return widget

    def click(self, key: str) -> None:
        """Click a widget by key the way a player would: scroll it into view with the
        wheel if a panel hides it, then click its visible middle."""
        widget = self.widget(key)
        for _ in range(200):
            rect = self.visible_rect(widget)
            if rect is not None and rect.height >= min(widget.rect.height, 8):
                break
            panel = self.panel_of(widget)
            assert panel is not None, f"{key} is not visible and not in a panel"
            direction = -1 if widget.rect.top > panel.rect.top else 1
            self.app.handle(
                pygame.event.Event(pygame.MOUSEMOTION, pos=panel.rect.center, rel=(0, 0), buttons=(0, 0, 0))
            )
            pygame.mouse.set_pos(panel.rect.center)
            self.app.handle(
                pygame.event.Event(
                    pygame.MOUSEWHEEL, x=0, y=direction, flipped=False, precise_x=0.0, precise_y=float(direction)
                )
            )
            widget = self.widget(key)
        rect = self.visible_rect(widget)
        assert rect is not None, f"{key} could not be scrolled into view"
        self.click_at(rect.center)

    def panel_of(self, widget: Widget) -> ScrollPanel | None:
        for w in self.scene.all_widgets():
            if isinstance(w, ScrollPanel) and widget in list(w.descendants()):
                return w
        return None

    def visible_rect(self, widget: Widget):
        rect = widget.rect.clip(pygame.Rect(0, 0, *self.app.screen.get_size()))
        for w in self.scene.all_widgets():
            if isinstance(w, ScrollPanel) and widget in list(w.descendants()):
                rect = rect.clip(w.rect)
        return rect if rect.width > 0 and rect.height > 0 else None


@pytest.fixture
def make_app(home, library):
    apps: list[App] = []

    def make(args=None, size=(1280, 720)) -> Driver:
        app = App(args, size=size, library=library)
        apps.append(app)
        app.draw()
        return Driver(app)

    yield make
    for app in apps:
        app.quit()
