"""Short cues synthesised with numpy: no sound files to license or ship.

The mixer starts on the first cue, not at import. A machine without an audio device
(CI, a server, SDL_AUDIODRIVER unset in a container) gets silence: no exception and
nothing printed, even though ALSA itself writes errors straight to the process's stderr
while SDL probes for a device.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import numpy as np
import pygame

CUES = ("click", "turn", "event", "agreement", "breakdown")
_VOLUME = 0.35


class Sound:
    def __init__(self, enabled: bool) -> None:
        self.enabled = bool(enabled)
        self._ready: bool | None = None  # None: the mixer not tried yet
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    @property
    def available(self) -> bool:
        """Whether cues can be heard (starts the mixer if that has not been tried)."""
        if self._ready is None:
            self._ready = _start_mixer()
        return self._ready

    def play(self, name: str) -> None:
        if not self.enabled or name not in CUES:
            return
        try:
            if not self.available:
                return
            sound = self._sounds.get(name)
            if sound is None:
                sound = _make_sound(name)
                self._sounds[name] = sound
            sound.play()
        except Exception:  # a sound must never take the game down  # noqa: BLE001
            self._ready = False


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence file descriptor 2 (C libraries write there, not to sys.stderr)."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _start_mixer() -> bool:
    try:
        if pygame.mixer.get_init() is None:
            with _quiet_stderr():
                pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=512)
        return pygame.mixer.get_init() is not None
    except Exception:  # noqa: BLE001  (pygame.error, or a missing SDL_mixer)
        return False


# --------------------------------------------------------------------------- synthesis


def _tone(freq: float, seconds: float, rate: int, decay: float, harmonics: tuple[float, ...] = (1.0,)) -> np.ndarray:
    t = np.arange(int(seconds * rate), dtype=np.float64) / rate
    wave = sum(amp * np.sin(2 * np.pi * freq * (i + 1) * t) for i, amp in enumerate(harmonics))
    attack = np.minimum(1.0, t / 0.004)  # 4 ms of fade-in: no click at the start
    return wave * attack * np.exp(-t * decay)


def _sequence(parts: list[np.ndarray], rate: int, gap: float = 0.0) -> np.ndarray:
    silence = np.zeros(int(gap * rate))
    out: list[np.ndarray] = []
    for part in parts:
        out += [part, silence]
    return np.concatenate(out)


def cue_wave(name: str, rate: int) -> np.ndarray:
    """A cue as mono samples in -1..1."""
    if name == "click":  # a typewriter key: a very short, bright tick
        wave = _tone(1800, 0.035, rate, 160, (1.0, 0.4, 0.2))
    elif name == "turn":  # the carriage-return bell
        wave = _tone(1320, 0.45, rate, 9, (1.0, 0.0, 0.25, 0.0, 0.1))
    elif name == "event":  # three telegraph pips
        pip = _tone(700, 0.07, rate, 25, (1.0, 0.2))
        wave = _sequence([pip, pip, pip], rate, gap=0.05)
    elif name == "agreement":  # a rising major arpeggio settling on the chord
        notes = [_tone(f, 0.16, rate, 8, (1.0, 0.3)) for f in (523.25, 659.25, 783.99)]
        chord = sum(_tone(f, 0.7, rate, 4, (1.0, 0.25)) for f in (523.25, 659.25, 783.99, 1046.5)) / 3
        wave = _sequence(notes + [chord], rate)
    elif name == "breakdown":  # two low notes falling a semitone, with a slow beat
        first = _tone(196.0, 0.35, rate, 4, (1.0, 0.5, 0.3))
        second = _tone(185.0, 0.8, rate, 3, (1.0, 0.5, 0.3))
        second *= 0.75 + 0.25 * np.sin(2 * np.pi * 5 * np.arange(second.size) / rate)
        wave = _sequence([first, second], rate, gap=0.04)
    else:
        raise ValueError(f"no cue {name!r}; known: {', '.join(CUES)}")
    peak = float(np.max(np.abs(wave))) or 1.0
    return wave / peak * _VOLUME


def _make_sound(name: str) -> pygame.mixer.Sound:
    rate, size, channels = pygame.mixer.get_init()
    wave = cue_wave(name, rate)
    # sndarray wants the mixer's own sample type: size is bits, negative when signed
    if size == 32:
        samples = wave.astype(np.float32)
    elif size == -32:
        samples = (wave * 2147483647).astype(np.int32)
    elif abs(size) == 8:
        samples = (wave * 127).astype(np.int8) if size < 0 else ((wave + 1) * 127.5).astype(np.uint8)
    else:
        samples = (wave * 32767).astype(np.int16) if size < 0 else ((wave + 1) * 32767.5).astype(np.uint16)
    if channels > 1:
        samples = np.repeat(samples[:, None], channels, axis=1)
    return pygame.sndarray.make_sound(np.ascontiguousarray(samples))
