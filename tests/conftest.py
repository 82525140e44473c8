from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# The window's tests and any stray pygame import must never open a real window or sound.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = ("vienna_1961", "singapore_2018")


@pytest.fixture(autouse=True)
def summit_home(tmp_path, monkeypatch):
    """Every test gets its own user data folder: no test sees the player's saves or mods."""
    home = tmp_path / "summit_home"
    monkeypatch.setenv("SUMMIT_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def library():
    from game.content.library import load_library

    lib = load_library(include_mods=False)
    assert not lib.broken, lib.broken
    return lib


@pytest.fixture(scope="session")
def personalities(library):
    return {pid: p for pid, (_, p) in library.personalities.items()}


@pytest.fixture(scope="session")
def spec_for(library, personalities):
    from game.content.compile import compile_game

    cache = {}

    def make(scenario: str, side: str | None = None, vs: dict | None = None):
        key = (scenario, side, tuple(sorted((vs or {}).items())))
        if key not in cache:
            sc = library.scenarios[scenario][1]
            cache[key] = compile_game(sc, side or sc.sides[0].id, personalities, vs or {})
        return cache[key]

    return make


def run_summit(*args: str, input: str | None = None, env: dict | None = None, timeout: float = 120):
    """Run the command line in a fresh process, as a user would."""
    import subprocess

    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "game", *args], input=input, capture_output=True, text=True,
                          env=full_env, timeout=timeout, cwd=str(REPO))
