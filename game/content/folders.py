"""Where content is read from: the shipped scenarios and every mod folder, in priority
order. Standard library only, so that a listing answered from the cache
(`game.content.listing`) never has to import the content models.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
from collections.abc import Sequence
from pathlib import Path

from game.paths import mods_dir

YAML_SUFFIXES = (".yaml", ".yml")
# The folder personalities live in, inside any content folder.
PERSONALITIES_FOLDER = "personalities"


def builtin_scenarios_dir() -> Path:
    """The shipped scenarios: the installed package `game._scenarios` when there is one
    (pyproject maps `scenarios/` to it), else `scenarios/` beside the `game` package."""
    if importlib.util.find_spec("game._scenarios") is not None:
        root = importlib.resources.files("game._scenarios")
        if isinstance(root, Path):
            return root
    return Path(__file__).resolve().parent.parent.parent / "scenarios"


def builtin_personalities_dir() -> Path:
    return builtin_scenarios_dir() / PERSONALITIES_FOLDER


def content_folders(extra_dirs: Sequence[Path | str] = (), include_mods: bool = True) -> list[Path]:
    """The folders content loads from, in priority order: built-ins, extras, then mods
    (each folder under `mods_dir()`, by name)."""
    folders = [builtin_scenarios_dir(), *map(Path, extra_dirs)]
    if include_mods and mods_dir().is_dir():
        folders += sorted(path for path in mods_dir().iterdir() if path.is_dir())
    unique: dict[Path, Path] = {}
    for folder in folders:
        unique.setdefault(folder.resolve(), folder)
    return list(unique.values())
