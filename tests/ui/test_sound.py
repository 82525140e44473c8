"""Sound cues: silent and quiet without an audio device, never an exception."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.sound import CUES, Sound, cue_wave  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

PLAY_ALL = (
    "from game.ui.sound import CUES, Sound\n"
    "s = Sound(True)\n"
    "for name in CUES + ('no_such_cue',):\n"
    "    s.play(name)\n"
    "print('available' if s.available else 'silent')\n"
)


def run_python(code: str, audio_driver: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYGAME_HIDE_SUPPORT_PROMPT="1", SDL_VIDEODRIVER="dummy")
    env.pop("SDL_AUDIODRIVER", None)
    if audio_driver is not None:
        env["SDL_AUDIODRIVER"] = audio_driver
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("driver", ["no_such_audio_driver", None])
def test_without_an_audio_device_play_does_nothing_and_prints_nothing(driver):
    if driver is None and os.path.exists("/dev/snd"):
        pytest.skip("this machine has a sound card: the unset driver would find it")
    done = run_python(PLAY_ALL, driver)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "silent\n"
    assert done.stderr == ""  # not even ALSA's complaints


def test_with_the_dummy_driver_every_cue_plays_quietly():
    done = run_python(PLAY_ALL, "dummy")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "available\n" and done.stderr == ""


def test_disabled_sound_never_starts_the_mixer():
    before = pygame.mixer.get_init()
    sound = Sound(False)
    for name in CUES:
        sound.play(name)
    assert pygame.mixer.get_init() == before
    assert sound._ready is None


def test_unknown_cues_are_ignored():
    Sound(True).play("fanfare")


@pytest.mark.parametrize("name", CUES)
def test_cues_are_short_bounded_and_start_without_a_click(name):
    wave = cue_wave(name, 22050)
    assert 0 < wave.size <= 22050 * 2
    assert np.isfinite(wave).all() and np.abs(wave).max() <= 1.0
    assert abs(wave[0]) < 0.01
