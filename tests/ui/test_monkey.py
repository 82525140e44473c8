"""20,000 random events across every scene, with a fixed seed: keys (Tab, Enter, Esc,
F1, F11, digits, arrows, letters), mouse moves, clicks and wheel turns, window resizes to
random sizes in the supported range and text-scale changes. Nothing may raise.

To keep the run short the window is drawn on every 10th event only (drawing is where
most of a frame's time goes); layouts are still rebuilt whenever an event needs one.
"""

from __future__ import annotations

import random

import pygame
import pytest

from game.match import new_match

pytestmark = pytest.mark.slow  # minutes of random input

EVENTS = 20_000
DRAW_EVERY = 10
KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_F1,
    pygame.K_F11,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_BACKSPACE,
    pygame.K_a,
    pygame.K_b,
    pygame.K_l,
    pygame.K_x,
]
KEYS += [getattr(pygame, f"K_{n}") for n in range(10)]
# Weighted: Enter and Tab drive the player through the screens; the rest stirs.
WEIGHTED_KEYS = KEYS + [pygame.K_RETURN] * 8 + [pygame.K_TAB] * 4 + [pygame.K_1, pygame.K_2, pygame.K_3] * 3


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    roll = rng.random()
    w, h = size
    if roll < 0.55:
        key = rng.choice(WEIGHTED_KEYS)
        mod = pygame.KMOD_SHIFT if (key == pygame.K_TAB and rng.random() < 0.3) else 0
        char = pygame.key.name(key) if len(pygame.key.name(key)) == 1 else ""
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0)
    if roll < 0.57:
        key = rng.choice([pygame.K_EQUALS, pygame.K_MINUS, pygame.K_0])
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=pygame.KMOD_CTRL, unicode="", scancode=0)
    pos = (rng.randrange(w), rng.randrange(h))
    if roll < 0.72:
        buttons = (1, 0, 0) if rng.random() < 0.1 else (0, 0, 0)
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=buttons)
    if roll < 0.90:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice([1, 1, 1, 3]))
    if roll < 0.985:
        y = rng.choice([-3, -1, 1, 3])
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y))
    new = (rng.randrange(1024, 3841), rng.randrange(600, 2161))
    return pygame.event.Event(pygame.VIDEORESIZE, w=new[0], h=new[1], size=new)


def test_twenty_thousand_random_events(make_app, library):
    from game.ui.scenes.ending import EndingScene
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    rng = random.Random(20240611)
    d = make_app()
    visited: set[str] = set()
    for n in range(EVENTS):
        if not d.app.running:  # the player chose Quit: start the game again
            d = make_app(size=(rng.randrange(1024, 1921), rng.randrange(600, 1081)))
        if n % 2500 == 0 and n:
            # Drop the player somewhere new, so every screen gets its share of chaos.
            ctx = d.app.ctx
            sid = rng.choice(sorted(library.scenarios))
            match = new_match(library, sid, None, rng.randrange(1, 100))
            if n % 5000 == 0:
                while not match.game.over:  # moves that need no composed terms
                    spec = match.game.spec
                    match.game.play(rng.choice([a for a in match.game.legal_actions()
                                                if not spec.action_open_terms[spec.action_index(a.id)]]).id)
                d.app.show([TitleScene(ctx), EndingScene(ctx, match)])
            else:
                d.app.show([TitleScene(ctx), TableScene(ctx, match)])
        d.app.handle(random_event(rng, d.app.screen.get_size()))
        d.app.update(rng.choice([0.0, 0.016, 0.05, 0.3]))
        visited.add(type(d.app.scene).__name__)
        if n % DRAW_EVERY == 0:
            d.app.draw()
    expected = {
        "TitleScene",
        "ScenarioChoiceScene",
        "SetupScene",
        "BriefingScene",
        "TableScene",
        "NoticeScene",
        "PauseScene",
        "HelpScene",
        "SettingsScene",
        "EndingScene",
    }
    assert expected <= visited, expected - visited
