"""Where Summit keeps the player's files: saves, settings, mods.

`SUMMIT_HOME` overrides the platform's user data folder (tests and portable installs use
it); nothing here is cached, so every caller sees the environment as it is now.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("SUMMIT_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("summit", appauthor=False))


def saves_dir() -> Path:
    return data_dir() / "saves"


def mods_dir() -> Path:
    return data_dir() / "mods"


def settings_path() -> Path:
    return data_dir() / "settings.json"
