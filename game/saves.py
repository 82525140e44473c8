"""Save files: JSON, written atomically, read with located errors.

A save is never half-written: the new text goes to a temporary file in the same folder,
is flushed to disk, then renamed over the old one. If anything fails the old save stays.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from game.paths import saves_dir

AUTOSAVE_NAME = "autosave.json"


class SaveError(ValueError):
    """A save file that cannot be read; the message says where and why."""


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_save(path: Path, data: dict) -> Path:
    write_atomic(path, json.dumps(data, indent=1, sort_keys=True))
    return path


def autosave_path() -> Path:
    return saves_dir() / AUTOSAVE_NAME


def latest_save() -> Path | None:
    folder = saves_dir()
    if not folder.is_dir():
        return None
    saves = [p for p in folder.glob("*.json") if p.is_file()]
    return max(saves, key=lambda p: p.stat().st_mtime) if saves else None


REQUIRED = ("version", "scenario", "side", "seed", "choices", "state", "transcript")


def read_save(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SaveError(f"{path}: cannot read: {e}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SaveError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    if not isinstance(data, dict):
        raise SaveError(f"{path}:1:1: a save is a JSON object")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise SaveError(f"{path}:1:1: not a Summit save (missing {', '.join(missing)})")
    return data
