"""A cache of validated content, so that `summit list` and the window's start-up need not
parse and check every YAML file on every launch.

An entry is the validated model as JSON (never pickle), stored under a key made of what
the model depends on: the file's resolved path, size, modification time and SHA-256 of
its text; what it was loaded as (and, for a scenario, the personality ids it may name);
and a stamp of the code that validates content (size and modification time of
`game/content/*.py` and `game/core/kinds.py`), so that a changed model or check is never
answered from an old entry. A hit is re-validated by pydantic from the JSON; an entry
that cannot be read, does not parse, fails its checksum or fails validation is a miss,
never trusted. Only files that loaded cleanly are cached; a broken file is read anew
each time so its problems are always shown with their snippets. Writing is best effort
(a read-only home just means no cache).

`SUMMIT_HOME/cache` when `SUMMIT_HOME` is set, else the platform's user cache folder;
`SUMMIT_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # `summit list` answered from the cache imports no pydantic
    from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound="BaseModel")

_FORMAT = 1
MAX_ENTRIES = 400  # past this, a store drops the oldest half (each edit of a file adds one)
_CODE_FILES = ("content", "core/kinds.py")


def cache_dir() -> Path | None:
    if os.environ.get("SUMMIT_NO_CACHE"):
        return None
    override = os.environ.get("SUMMIT_HOME")
    if override:
        return Path(override) / "cache" / "content"
    import platformdirs

    return Path(platformdirs.user_cache_dir("summit", appauthor=False)) / "content"


_code_stamp_memo: str | None = None


def code_stamp() -> str:
    global _code_stamp_memo  # the code does not change while the program runs
    if _code_stamp_memo is None:
        game = Path(__file__).resolve().parent.parent
        files = sorted((game / "content").glob("*.py")) + [game / "core" / "kinds.py"]
        parts = []
        for path in files:
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
        _code_stamp_memo = ";".join(parts)
    return _code_stamp_memo


def entry_key(path: Path, text: str, kind: str, names: Iterable[str] = ()) -> str:
    """The key of the entry for `path` (whose text is `text`) loaded as `kind`."""
    stat = path.stat()
    parts = [
        str(_FORMAT), code_stamp(), str(path.resolve()), str(stat.st_size), str(stat.st_mtime_ns),
        hashlib.sha256(text.encode("utf-8")).hexdigest(), kind, ",".join(sorted(names)),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def load(key: str, model: type[ModelT]) -> ModelT | None:
    """The cached model under `key`, or None when there is none that can be trusted."""
    body = _load_body(key)
    if body is None:
        return None
    try:
        return model.model_validate_json(body)
    except Exception:  # noqa: BLE001 - an entry that does not validate is a miss
        return None


def store(key: str, value: BaseModel) -> None:
    """Keep `value` under `key`; silently nothing when the cache folder is not writable."""
    _store_body(key, value.model_dump_json(by_alias=True, exclude_unset=True))


def load_text(key: str) -> str | None:
    """A short text kept under `key` (an id read from a file), or None."""
    body = _load_body(key)
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def store_text(key: str, value: str) -> None:
    _store_body(key, json.dumps(value))


def _load_body(key: str) -> str | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        body = entry["model"]
        if entry.get("key") != key or entry.get("sha256") != hashlib.sha256(body.encode("utf-8")).hexdigest():
            return None
        return body
    except Exception:  # noqa: BLE001 - any fault in an entry makes it a miss, never an error
        return None


def _store_body(key: str, body: str) -> None:
    folder = cache_dir()
    if folder is None:
        return
    entry = json.dumps({"key": key, "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "model": body})
    target = folder / f"{key}.json"
    temporary = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(entry, encoding="utf-8")
        os.replace(temporary, target)  # readers see the whole entry or none
        _prune(folder)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


def _prune(folder: Path) -> None:
    entries = list(folder.glob("*.json"))
    if len(entries) <= MAX_ENTRIES:
        return
    by_age = sorted(entries, key=lambda path: path.stat().st_mtime_ns)
    for path in by_age[: len(by_age) // 2]:
        path.unlink(missing_ok=True)
