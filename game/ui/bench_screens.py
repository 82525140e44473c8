"""What the window benchmark draws: the real table scene when the App can show one, else
a stand-in "table" built from the art, chart and font modules.

The stand-in is the busiest screen the game has (portraits, four animated meters and
their charts, an agenda, actions, a transcript) drawn the way a careful scene would:
text and pictures rendered once, meters and charts redrawn on every frame of an
animation. It lets the benchmark run while the scenes are missing or broken.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pygame

from game.ui.art import backdrop, portrait
from game.ui.charts import draw_meter_charts
from game.ui.fonts import Fonts
from game.ui.palette import Palette, blend, palette_for

SIZE = (1280, 720)
ACTION_EVERY = 30  # frames between played actions: each starts a meter animation
FIRST_FRAME_ENV = "SUMMIT_BENCH_FIRST_FRAME"

_METERS = [
    {"meter": "counterpart.tension", "name": "Tension", "party": "counterpart", "band": "strained",
     "bands": [("calm", 25.0), ("strained", 50.0), ("crisis", 75.0), ("brink", 101.0)]},
    {"meter": "counterpart.trust", "name": "Trust", "party": "counterpart", "band": "wary",
     "bands": [("hostile", 20.0), ("wary", 45.0), ("working", 70.0), ("confident", 101.0)]},
    {"meter": "counterpart.resolve", "name": "Resolve", "party": "counterpart", "band": "untested",
     "bands": [("weak", 35.0), ("untested", 60.0), ("firm", 101.0)]},
    {"meter": "ally.confidence", "name": "Confidence", "party": "ally", "band": "uneasy",
     "bands": [("shaken", 40.0), ("uneasy", 60.0), ("steady", 101.0)]},
]
_AGENDA = [
    ("Berlin", "Free city under UN guarantee", "Western rights of access"),
    ("Nuclear test ban", "Moratorium, no inspections", "Three inspections a year"),
    ("Laos", "Neutral Laos, coalition", "Neutral Laos, ICC control"),
    ("General disarmament", "Complete, in four years", "Staged, verified"),
    ("Germany", "Two German peace treaties", "Status quo, no treaty"),
    ("Cuba", "No further intervention", "No comment"),
]
_ACTIONS = ["Propose", "Probe interests", "Reassure", "Warn", "Concede", "Appeal to survival",
            "Consult Bonn", "Call a break"]


def app_module_path() -> Path | None:
    """The file of game.ui.app if the window's App exists, else None."""
    try:
        spec = importlib.util.find_spec("game.ui.app")
    except (ImportError, ValueError):
        return None
    return Path(spec.origin) if spec and spec.origin else None


def app_supports_first_frame_exit() -> bool:
    """Whether the App exits after its first frame when SUMMIT_BENCH_FIRST_FRAME is set."""
    path = app_module_path()
    try:
        return path is not None and FIRST_FRAME_ENV in path.read_text(encoding="utf-8")
    except OSError:
        return False


@dataclass
class Screen:
    """A screen the benchmark can animate: frame(n) draws frame n and flips the display;
    idle() waits once the way the window waits when nothing happens."""

    description: str
    frame: Callable[[int], None]
    settle: Callable[[], None]  # let animations finish: the idle measure needs a still screen
    idle: Callable[[], None]
    close: Callable[[], None]


def standin_idle() -> None:
    """A careful window's idle wait: sleep in the event queue, redraw nothing."""
    pygame.event.wait(100)


class StandInTable:
    """The table screen, approximated with this package's own drawing modules."""

    def __init__(self, surface: pygame.Surface, theme: str = "cable", colour_safe: bool = False) -> None:
        self.surface = surface
        self.palette: Palette = palette_for(theme, colour_safe)
        self.fonts = Fonts(theme, 1.0)
        self.colour_safe = colour_safe
        w, h = surface.get_size()
        p = self.palette
        self.rng = np.random.default_rng(1961)
        self.history = np.array([[30.0, 35.0, 50.0, 55.0]])
        self.start_row = self.history[0].copy()
        self.target_row = self.history[0].copy()
        self.backdrop = backdrop(theme, (w, h), p)
        self.portraits = [portrait("kennedy", "John F. Kennedy", (150, 190), p),
                          portrait("khrushchev", "Nikita Khrushchev", (150, 190), p)]
        body, heading, mono = self.fonts.get("body", 16), self.fonts.get("heading", 22), self.fonts.get("mono", 14)
        self.title = heading.render("Vienna, 3 June 1961 - First meeting, US Embassy residence", True, p.ink)
        self.agenda = [(body.render(name, True, p.ink), mono.render(theirs, True, p.muted),
                        mono.render(ours, True, p.ink)) for name, theirs, ours in _AGENDA]
        self.actions = [body.render(a, True, p.ink) for a in _ACTIONS]
        self.log_font = mono
        self.log: list[pygame.Surface] = []
        self.bar_labels = [body.render(m["name"], True, p.ink) for m in _METERS]

    def _play_action(self, frame: int) -> None:
        """A played action: the meters head for new values, a transcript line appears."""
        self.history = np.vstack([self.history, self.history[-1]])
        self.start_row = self.history[-1].copy()
        self.target_row = np.clip(self.start_row + self.rng.normal(0.0, 9.0, size=4), 0.0, 100.0)
        turn = len(self.history) - 1
        line = f"Turn {turn}: {_ACTIONS[turn % len(_ACTIONS)]}; tension {self.target_row[0]:+.0f}"
        self.log = (self.log + [self.log_font.render(line, True, self.palette.ink)])[-8:]

    def draw(self, frame: int) -> None:
        if frame % ACTION_EVERY == 0:
            self._play_action(frame)
        t = min(1.0, (frame % ACTION_EVERY + 1) / (ACTION_EVERY * 0.6))
        ease = t * t * (3 - 2 * t)
        self.history[-1] = self.start_row + (self.target_row - self.start_row) * ease
        s, p = self.surface, self.palette
        w, h = s.get_size()
        s.blit(self.backdrop, (0, 0))
        s.blit(self.title, (40, 18))
        for i, image in enumerate(self.portraits):
            s.blit(image, (40, 70 + i * 205))
        agenda = pygame.Rect(210, 70, 560, 300)
        pygame.draw.rect(s, p.panel, agenda)
        pygame.draw.rect(s, p.panel_border, agenda, 1)
        highlighted = (frame // ACTION_EVERY) % len(self.agenda)
        for i, (name, theirs, ours) in enumerate(self.agenda):
            y = agenda.y + 12 + i * 47
            if i == highlighted:
                pygame.draw.rect(s, p.highlight, (agenda.x + 4, y - 4, agenda.width - 8, 44))
            s.blit(name, (agenda.x + 12, y))
            s.blit(theirs, (agenda.x + 12, y + 20))
            s.blit(ours, (agenda.x + 300, y + 20))
        bars = pygame.Rect(790, 70, 450, 130)
        pygame.draw.rect(s, p.panel, bars)
        for k, meter in enumerate(_METERS):
            y = bars.y + 10 + k * 29
            s.blit(self.bar_labels[k], (bars.x + 10, y))
            track = pygame.Rect(bars.x + 130, y + 4, 300, 14)
            pygame.draw.rect(s, blend(p.panel, p.muted, 0.25), track)
            fill = track.copy()
            fill.width = round(track.width * self.history[-1, k] / 100)
            pygame.draw.rect(s, getattr(p, meter["meter"].split(".")[1]), fill)
        draw_meter_charts(s, pygame.Rect(790, 210, 450, 300), self.history, _METERS, self.fonts, p, self.colour_safe)
        for i, label in enumerate(self.actions):
            button = pygame.Rect(210 + (i % 4) * 142, 390 + (i // 4) * 50, 134, 40)
            pygame.draw.rect(s, p.paper, button, border_radius=4)
            pygame.draw.rect(s, p.focus if i == frame % 8 else p.panel_border, button, 2, border_radius=4)
            s.blit(label, label.get_rect(center=button.center))
        log = pygame.Rect(210, 500, 1030, h - 520)
        pygame.draw.rect(s, p.paper, log)
        for i, line in enumerate(self.log):
            s.blit(line, (log.x + 10, log.y + 8 + i * 22))


def standin_screen(surface: pygame.Surface) -> Screen:
    table = StandInTable(surface)

    def frame(n: int) -> None:
        table.draw(n)
        pygame.display.flip()

    return Screen("stand-in table (portraits, charts, backdrop, text) drawn with game.ui's art/charts/fonts",
                  frame, lambda: None, standin_idle, lambda: None)


def app_screen(surface: pygame.Surface) -> Screen | None:
    """The real App on the table of a new Vienna 1961 match, playing an action every
    ACTION_EVERY frames (dismissing event notices, starting over when a summit ends).
    None if the App or its table scene is not there."""
    try:
        from game.content.library import load_library
        from game.match import new_match
        from game.ui import app as app_module
        from game.ui.scene import Pop, Push, Reset
        from game.ui.scenes.table import TableScene
        from game.ui.scenes.title import TitleScene
        from game.ui.settings import Settings
    except ImportError:
        return None
    library = load_library(include_mods=False)
    # default settings, not the player's (fullscreen, big text), and no sound
    app = app_module.App(None, size=SIZE, library=library, settings=Settings(sound=False, window_size=SIZE))
    state = {"table": TableScene(app.ctx, new_match(library, "vienna_1961", None, 1)), "seed": 1}
    app.scene.send(Push(state["table"]))
    app.update(0.0)  # delivers the push

    def settle() -> None:
        """Dismiss notices; start a new summit when this one is over."""
        for _ in range(20):
            if app.scene is state["table"] or not app.scene.modal:
                break
            app.scene.send(Pop())
            app.update(0.0)
        table = state["table"]
        if table.game.over or app.scene is not table:
            state["seed"] += 1
            table = state["table"] = TableScene(app.ctx, new_match(library, "vienna_1961", None, state["seed"]))
            app.scene.send(Reset([TitleScene(app.ctx), table]))
            app.update(0.0)

    def frame(n: int) -> None:
        if n % ACTION_EVERY == 0:
            settle()
            table = state["table"]
            # What a player could click: the table's own cards (not its own offer, which
            # needs terms from the composer), never walking out (it asks first).
            legal = [a for a in table.visible_actions() if a.kind != "walk_out"]
            if legal:
                table.play(legal[(n // ACTION_EVERY) % len(legal)].id)
        app.update(1 / 60)
        app.draw(force=True)
        pygame.event.pump()

    clock = pygame.time.Clock()

    def idle() -> None:
        """One pass of App.run's own loop on a static screen (it idles by itself)."""
        app.loop_step(clock)

    def still() -> None:
        for _ in range(600):
            if not app.update(0.05):
                break
        app.draw(force=True)

    return Screen(f"the App's table scene (vienna_1961), an action every {ACTION_EVERY} frames",
                  frame, still, idle, app.quit)


def standin_first_frame() -> None:
    """What `summit` costs to its first frame when the App cannot be timed: importing the
    window's modules, opening the window and drawing the stand-in table once."""
    try:
        import game.ui.context  # noqa: F401  (the scenes' imports, as the App would pay them)
    except ImportError:
        pass

    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode(SIZE)
    StandInTable(surface).draw(0)
    pygame.display.flip()
    pygame.quit()
