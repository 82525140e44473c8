"""A mod's personality may bring its own drawn portrait; a broken image falls back."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame

from game.content.library import load_library
from game.ui.context import AppContext
from game.ui.settings import Settings
from game.ui.sound import Sound

PERSONALITY = """id: painted
name: The Painted Envoy
description: A mod personality with its own portrait.
strategy: {family: conceder}
portrait: faces/envoy.png
"""


def test_mod_portrait_is_used_and_a_bad_one_falls_back(summit_home):
    pygame.display.init()
    pygame.display.set_mode((320, 240))
    folder = summit_home / "mods" / "envoys" / "personalities"
    (folder / "faces").mkdir(parents=True)
    picture = pygame.Surface((40, 50))
    picture.fill((10, 200, 30))
    pygame.image.save(picture, str(folder / "faces" / "envoy.png"))
    (folder / "painted.yaml").write_text(PERSONALITY)
    library = load_library()
    assert "painted" in library.personalities, library.broken
    ctx = AppContext(library, Settings(sound=False), Sound(False), (320, 240))
    image = ctx.portrait("painted", "The Painted Envoy", (80, 100))
    assert image.get_size() == (80, 100)
    assert tuple(image.get_at((40, 50)))[:3] == (10, 200, 30)

    (folder / "faces" / "envoy.png").write_bytes(b"not a png")
    ctx = AppContext(library, Settings(sound=False), Sound(False), (320, 240))
    drawn = ctx.portrait("painted", "The Painted Envoy", (80, 100))
    assert drawn.get_size() == (80, 100)
    assert tuple(drawn.get_at((40, 50)))[:3] != (10, 200, 30)
