"""The game window: `summit` with no arguments, `summit play ...`, `python -m game`.

`App` owns the window, the app context and the scene stack, and runs step by step so
tests can drive it without a loop:

    app = App(args=None, size=(1280, 720))
    app.handle(event)      # one pygame event (synthetic in tests)
    app.update(dt)         # advance animations by dt seconds
    app.draw()             # redraw if anything changed; returns whether it drew
    app.scene              # the scene on top; scene.visible_text(), scene.find(key)

`run()` is the real loop. It draws only when something changed (input that mattered, an
animation, a resize). While idle it sleeps 33 ms at a time between looks at the event
queue: measured under Xvfb, `pygame.event.wait(timeout)` wakes every millisecond inside
SDL (about 1.7 % of a core doing nothing), while `pygame.time.wait(33)` costs about 0.1 %
and still answers a key within a frame or two.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.content import listing as content_listing
from game.saves import SaveError, latest_save
from game.ui.context import AppContext, LibraryLoader
from game.ui.display import clamp_size as _clamp_size
from game.ui.display import MIN_SIZE, fit_display
from game.ui.palette import is_dark
from game.ui.scene import Message, Pop, Push, Quit, Replace, Reset, Scene
from game.ui.settings import TEXT_SCALE_STEP, Settings, load_settings, save_settings
from game.ui.sound import Sound

if TYPE_CHECKING:
    from game.content.library import Library

IDLE_WAIT_MS = 33  # the idle loop's sleep between looks at the event queue
FRAME_RATE = 60  # while something animates, and just after input (smooth hover)
BUSY_AFTER_INPUT_S = 0.25
FIRST_FRAME_ENV = "SUMMIT_BENCH_FIRST_FRAME"  # `summit bench`: exit after the first frame


def _content(library=None) -> tuple:
    """(the library or its loader, the listing or None). The library loads in the
    background after the title's first frame. With the listing in the content cache
    (every launch after the first with unchanged content) the title's strip of leaders
    is drawn from it at once; on a first launch it is filled in when the library has
    loaded, and the listing is kept for next time."""
    if library is not None:
        return library, None
    found, load = content_listing.cached_or_later(_load_library)
    return LibraryLoader(load), found


def _load_library():
    from game.content.library import load_library  # imported here: in the loading thread

    return load_library()


class App:
    def __init__(
        self,
        args=None,
        *,
        size: tuple[int, int] | None = None,
        library: Library | None = None,
        settings: Settings | None = None,
    ):
        pygame.display.init()  # not pygame.init(): the mixer starts only when a sound plays
        pygame.font.init()
        settings = settings or load_settings()
        # A size remembered from a larger screen is fitted to this one (issue 9: a window
        # restored at 1920x1080 on a 1280x800 display opened at -320,-140).
        self.windowed_size = _clamp_size(size) if size else fit_display(_clamp_size(settings.window_size))
        content, found = _content(library)
        self.ctx = AppContext(content, settings, Sound(settings.sound), self.windowed_size, listing=found)
        self.ctx.change_settings = self.change_settings
        pygame.display.set_caption("Summit")
        self.screen = self._open_window()
        self.stack: list[Scene] = []
        self.on_results: list = []  # parallel to stack: the callback for a modal's result
        self.running = True
        self._last_input = 0.0
        self.dirty = True
        self.animating = False
        self._dim: pygame.Surface | None = None
        for scene in self._initial_scenes(args):
            self._push(scene)
        self._after_stack_change()

    @property
    def library(self):
        return self.ctx.library

    # ----------------------------------------------------------------- the window
    def _open_window(self) -> pygame.Surface:
        if self.ctx.settings.fullscreen:
            try:
                screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        else:
            screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        try:  # pygame-ce 2.4+: the window may not be made smaller than the layouts support
            with warnings.catch_warnings():  # from_display_module is deprecated, but is the only way
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error, ValueError):
            pass
        self.ctx.resize(*screen.get_size())
        self._dim = None
        self.dirty = True
        return screen

    def _resized(self, width: int, height: int) -> None:
        size = (max(1, width), max(1, height))
        if self.screen.get_size() != size and not self.ctx.settings.fullscreen:
            # A synthetic resize (tests) or a platform that does not resize the surface itself.
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        if not self.ctx.settings.fullscreen:
            self.windowed_size = _clamp_size(size)
        self.ctx.resize(*self.screen.get_size())
        self._dim = None
        self.dirty = True

    def change_settings(self, settings: Settings) -> None:
        """Apply new settings everywhere and remember them between runs."""
        old = self.ctx.settings
        self.ctx.apply_settings(settings)
        if settings.fullscreen != old.fullscreen:
            self.screen = self._open_window()
        try:
            save_settings(replace(self.ctx.settings, window_size=self.windowed_size))
        except OSError:
            pass  # an unwritable settings folder must not stop the game
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        self.change_settings(replace(self.ctx.settings, fullscreen=not self.ctx.settings.fullscreen))

    def change_text_scale(self, steps: int) -> None:
        value = 1.0 if steps == 0 else self.ctx.settings.text_scale + steps * TEXT_SCALE_STEP
        new = self.ctx.settings.with_text_scale(value)
        if new != self.ctx.settings:
            self.change_settings(new)

    # ----------------------------------------------------------------- scenes
    @property
    def scene(self) -> Scene:
        return self.stack[-1]

    def _initial_scenes(self, args) -> list[Scene]:
        from game.ui.scenes.title import TitleScene

        scenes: list[Scene] = [TitleScene(self.ctx)]
        if args is None:
            return scenes
        from game.content.compile import SetupError  # only for a game named on the command line
        from game.content.errors import ContentError

        try:
            return scenes + self._scenes_for_args(args)
        except (SaveError, SetupError, ContentError) as error:
            from game.ui.scenes.notice import NoticeScene

            text = "\n".join(p.format() for p in error.problems) if isinstance(error, ContentError) else str(error)
            return scenes + [NoticeScene(self.ctx, "Summit could not open that", text, button="Close")]

    def _scenes_for_args(self, args) -> list[Scene]:
        """`summit play [SCENARIO] [--as SIDE] [--seed N] [--vs K=P] [--resume [SAVE]]`."""
        from game.match import new_match
        from game.setup import find_scenario, parse_vs
        from game.ui.flow import load_match, scenes_for_match
        from game.ui.scenes.briefing import BriefingScene
        from game.ui.scenes.setup import SetupScene

        if getattr(args, "resume", None) is not None:
            path = Path(args.resume) if args.resume else latest_save()
            if path is None:
                raise SaveError("There is no saved game to continue yet.")
            return scenes_for_match(self.ctx, load_match(self.ctx, path))[1:]
        scenario_ref = getattr(args, "scenario", None)
        side = getattr(args, "side", None)
        seed = getattr(args, "seed", None)
        vs = parse_vs(getattr(args, "vs", None))  # SetupError, shown as a notice
        if scenario_ref is None and side is None and seed is None and not vs:
            return []
        scenario = find_scenario(self.library, scenario_ref or "vienna_1961")
        if scenario.id not in self.library.scenarios:
            self.library.scenarios[scenario.id] = (Path(scenario_ref), scenario)  # a scenario given by path
        if side is not None:  # everything needed is given: straight to the briefing
            match = new_match(self.library, scenario.id, side, 1 if seed is None else seed, vs)
            return [BriefingScene(self.ctx, match)]
        return [SetupScene(self.ctx, scenario.id, None, seed, vs)]

    def show(self, scenes: list[Scene]) -> None:
        """Replace the whole stack (tests, and the command line's starting scenes)."""
        self.apply(self.scene, Reset(list(scenes)))
        self._after_stack_change()

    def _push(self, scene: Scene, on_result=None) -> None:
        self.stack.append(scene)
        self.on_results.append(on_result)
        scene.on_enter()

    def apply(self, sender: Scene, message: Message) -> None:
        if isinstance(message, Push):
            self._push(message.scene, message.on_result)
        elif isinstance(message, Pop):
            if sender is not self.scene or len(self.stack) < 2:
                return
            scene = self.stack.pop()
            callback = self.on_results.pop()
            scene.on_leave()
            self.scene.on_uncover()
            if callback is not None:
                callback(message.result)
        elif isinstance(message, Replace):
            if sender is not self.scene:
                return
            self.stack.pop().on_leave()
            self.on_results.pop()
            self._push(message.scene)
        elif isinstance(message, Reset):
            keep = set(map(id, message.scenes))
            for scene in reversed(self.stack):
                if id(scene) not in keep:
                    scene.on_leave()
            self.stack, self.on_results = [], []
            for scene in message.scenes:
                self._push(scene)
        elif isinstance(message, Quit):
            self.quit()

    def _deliver(self) -> None:
        """Carry out the scenes' messages (a message's effects may send more)."""
        for _ in range(20):
            pending = [(scene, message) for scene in self.stack for message in scene.outbox]
            for scene in self.stack:
                scene.outbox.clear()
            if not pending:
                return
            for scene, message in pending:
                if not self.running:
                    return
                if scene in self.stack or isinstance(message, (Quit, Reset)):
                    self.apply(scene, message)
            self._after_stack_change()

    def _after_stack_change(self) -> None:
        if not self.stack:
            from game.ui.scenes.title import TitleScene

            self._push(TitleScene(self.ctx))
        for scene in self.stack:
            scene.active = scene is self.stack[-1]
        self.ctx.set_theme(next((s.theme for s in reversed(self.stack) if s.theme), None))
        self.dirty = True

    # ----------------------------------------------------------------- a step
    def handle(self, event: pygame.event.Event) -> None:
        if not self.running:
            return
        kind = event.type
        if kind == pygame.QUIT:
            self.quit()
            return
        if kind == pygame.VIDEORESIZE:
            self._resized(event.w, event.h)
        elif kind == pygame.WINDOWSIZECHANGED:
            self._resized(event.x, event.y)
        elif kind in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
            self.dirty = True
        elif kind == pygame.KEYDOWN and self._global_key(event):
            self.dirty = True
        elif self.scene.handle(event):
            self.dirty = True
        self._deliver()

    def _global_key(self, event: pygame.event.Event) -> bool:
        key, ctrl = event.key, event.mod & pygame.KMOD_CTRL
        if key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if key == pygame.K_F1:
            from game.ui.scenes.help import HelpScene

            if not isinstance(self.scene, HelpScene):
                self._push(HelpScene(self.ctx))
                self._after_stack_change()
            return True
        if ctrl and key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
            self.change_text_scale(1)
            return True
        if ctrl and key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.change_text_scale(-1)
            return True
        if ctrl and key in (pygame.K_0, pygame.K_KP0):
            self.change_text_scale(0)
            return True
        return False

    def update(self, dt: float) -> bool:
        """Advance animations; True while something is still moving."""
        if not self.running:
            return False
        moving = False
        for scene in list(self.stack):
            moving = scene.update(dt) or moving
        self._deliver()
        self.animating = moving
        if moving:
            self.dirty = True
        return moving

    def draw(self, force: bool = False) -> bool:
        """Redraw the stack if anything changed; returns whether it drew."""
        if not self.running or not (self.dirty or force):
            return False
        surface = self.screen
        base = max((i for i, s in enumerate(self.stack) if not s.modal), default=0)
        for scene in self.stack[base:]:
            if scene.modal:
                surface.blit(self._dimmer(surface.get_size()), (0, 0))
            scene.draw(surface)
        pygame.display.flip()
        self.dirty = False
        return True

    def _dimmer(self, size: tuple[int, int]) -> pygame.Surface:
        if self._dim is None or self._dim.get_size() != size:
            self._dim = pygame.Surface(size, pygame.SRCALPHA)
            shade = (0, 0, 0, 150) if is_dark(self.ctx.palette) else (30, 24, 16, 110)
            self._dim.fill(shade)
        return self._dim

    def quit(self) -> None:
        """Leave: every scene gets on_leave (the table saves the game), settings are saved."""
        if not self.running:
            return
        self.running = False
        for scene in reversed(self.stack):
            scene.on_leave()
        try:
            save_settings(replace(self.ctx.settings, window_size=self.windowed_size))
        except OSError:
            pass

    # ----------------------------------------------------------------- the loop
    def run(self) -> int:
        first_frame_only = bool(os.environ.get(FIRST_FRAME_ENV))
        clock = pygame.time.Clock()
        self.draw()  # the title at once, before the first look at the event queue
        self.ctx.load_in_background()  # the content library loads while the title answers
        while self.running:
            self.loop_step(clock)
            if first_frame_only:
                self.quit()
        return 0

    def loop_step(self, clock: pygame.time.Clock) -> None:
        """One pass of the real loop: at frame rate while something moves or just after
        input; otherwise a 33 ms sleep between looks at the event queue (idle)."""
        now = pygame.time.get_ticks() / 1000.0
        if self.animating or now - self._last_input < BUSY_AFTER_INPUT_S:
            dt = clock.tick(FRAME_RATE) / 1000.0
        else:
            pygame.time.wait(IDLE_WAIT_MS)
            dt = clock.tick() / 1000.0
        events = pygame.event.get()
        if events:
            self._last_input = pygame.time.get_ticks() / 1000.0
        for event in events:
            self.handle(event)
        if self.ctx.listing_arrived():  # a first launch: the title's leaders can be drawn now
            self.ctx.version += 1
            self.dirty = True
        self.update(min(dt, 0.1))
        self.draw()


def run_window(args=None) -> int:
    """Open the game window (the CLI's `summit`, `summit play`, `python -m game`)."""
    try:
        app = App(args)
    except pygame.error as error:  # no display at all (a server, a bare container)
        pygame.quit()
        sys.stderr.write(f"summit: cannot open a window ({error}).\nPlay in the terminal: summit play --text\n")
        return 2
    try:
        return app.run()
    finally:
        app.quit()
        pygame.quit()
