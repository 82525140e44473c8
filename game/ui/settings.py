"""The player's settings, remembered between runs in `settings_path()` as JSON.

Reading never fails: a missing, damaged or half-valid file gives the defaults for what it
lacks (a settings file is not worth refusing to start over). Writing is atomic, so a crash
while saving never leaves a truncated file behind.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from game.paths import settings_path

TEXT_SCALE_MIN = 1.0
TEXT_SCALE_MAX = 2.0
TEXT_SCALE_STEP = 0.1
# Named animation speeds: 0 shows every change at once (for players who want no motion).
ANIMATION_SPEEDS = (0.0, 0.5, 1.0, 2.0)
ANIMATION_NAMES = {0.0: "Off", 0.5: "Slow", 1.0: "Normal", 2.0: "Fast"}


@dataclass(frozen=True)
class Settings:
    text_scale: float = 1.0  # 1.0-2.0: 100 % to 200 % text size
    colour_safe: bool = False
    animation_speed: float = 1.0
    sound: bool = True
    fullscreen: bool = False
    window_size: tuple[int, int] = (1280, 720)

    def with_text_scale(self, value: float) -> Settings:
        return replace(self, text_scale=clamp_text_scale(value))


def clamp_text_scale(value: float) -> float:
    stepped = round(round(value / TEXT_SCALE_STEP) * TEXT_SCALE_STEP, 2)
    return min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, stepped))


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    values = {}
    for f in fields(Settings):
        default = getattr(defaults, f.name)
        value = data.get(f.name, default)
        values[f.name] = _coerce(value, default)
    settings = Settings(**values)
    speed = min(ANIMATION_SPEEDS, key=lambda s: abs(s - settings.animation_speed))
    width, height = settings.window_size
    size = (min(3840, max(1024, width)), min(2160, max(600, height)))
    return replace(settings, text_scale=clamp_text_scale(settings.text_scale), animation_speed=speed, window_size=size)


def _coerce(value, default):
    """The value if it has the default's type (ints pass for floats), else the default."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, float):
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default
    if isinstance(default, tuple):
        ok = isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value)
        return (int(value[0]), int(value[1])) if ok else default
    return default


def save_settings(settings: Settings, path: Path | None = None) -> None:
    # Imported here: game.saves brings the rules and numpy, which the title card (it reads
    # the settings before the first frame) must not wait for.
    from game.saves import write_atomic

    data = asdict(settings)
    data["window_size"] = list(settings.window_size)
    write_atomic(path or settings_path(), json.dumps(data, indent=1, sort_keys=True))
