"""What content there is, in a few lines per file: the scenarios (title, year, sides and
their leaders) and the personalities. `summit list` prints it and the window's title
draws its strip of leaders from it, both without importing the content models when
the cache already holds it.

The listing is kept in the content cache (`game.content.cache`) under a key made of
every content file's name, size, modification time and SHA-256, in every content
folder, and the stamp of the code that validates content: any added, removed or edited
file, or a new version of the game, makes a new key. A library with broken files is
never kept, so their problems are printed on every run. Standard library only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from game.content import cache
from game.content.folders import PERSONALITIES_FOLDER, YAML_SUFFIXES, content_folders
from game.jsonfields import has_fields

_FORMAT = 1

Listing = dict[str, list[dict[str, Any]]]  # {"scenarios": [...], "personalities": [...]}


def empty() -> Listing:
    """The listing of no content: what the title shows until the library has loaded on
    a first launch."""
    return {"scenarios": [], "personalities": []}


def snapshot_key() -> str | None:
    """The key of the listing of the content as it is on disk now (None: unreadable)."""
    digest = hashlib.sha256(f"listing:{_FORMAT}\n{cache.code_stamp()}\n".encode())
    try:
        for folder in content_folders():
            for where in (folder / PERSONALITIES_FOLDER, folder):
                digest.update(f"[{where}]\n".encode())
                if not where.is_dir():
                    continue
                for path in sorted(where.iterdir()):
                    if path.suffix not in YAML_SUFFIXES:
                        continue
                    link = path.lstat()
                    digest.update(f"{path.name}:{link.st_size}:{link.st_mtime_ns}:{path.is_symlink()}\n".encode())
                    if path.is_file():
                        stat = path.stat()
                        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}:".encode())
                        digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def cached(key: str | None = None) -> Listing | None:
    """The listing of the content on disk (whose `snapshot_key` is `key`, computed when
    not given), when the cache holds it."""
    key = key or snapshot_key()
    text = cache.load_text(key) if key else None
    if text is None:
        return None
    try:
        listing = json.loads(text)
    except ValueError:
        return None
    return listing if _well_formed(listing) else None


_SCENARIO_KEYS = {"id": str, "title": str, "year": int, "dates": str, "place": str, "theme": str, "sides": list,
                  "path": str}
_SIDE_KEYS = {"id": str, "leader": str, "name": str, "personality": str}
_PERSONALITY_KEYS = {"id": str, "name": str, "family": str, "historical": bool, "path": str}


def _well_formed(listing) -> bool:
    """Every field the listing's readers use is there with its type: an entry that is
    not is a miss, never a crash."""
    if not isinstance(listing, dict):
        return False
    scenarios, personalities = listing.get("scenarios"), listing.get("personalities")
    if not isinstance(scenarios, list) or not isinstance(personalities, list):
        return False
    return (all(has_fields(sc, _SCENARIO_KEYS) and all(has_fields(side, _SIDE_KEYS) for side in sc["sides"]) for sc in scenarios)
            and all(has_fields(p, _PERSONALITY_KEYS) and isinstance(p.get("portrait"), (str, type(None))) for p in personalities))


def of(library) -> Listing:
    """The listing of a loaded `game.content.library.Library`."""
    scenarios = [
        {
            "id": sid,
            "title": sc.title,
            "year": sc.year,
            "dates": sc.dates,
            "place": sc.place,
            "theme": sc.theme,
            "sides": [{"id": s.id, "leader": s.leader, "name": s.name, "personality": s.personality} for s in sc.sides],
            "path": str(path),
        }
        for sid, (path, sc) in sorted(library.scenarios.items())
    ]
    personalities = [
        {"id": pid, "name": p.name, "family": p.strategy.family, "historical": p.historical, "path": str(path),
         "portrait": p.portrait}
        for pid, (path, p) in sorted(library.personalities.items())
    ]
    return {"scenarios": scenarios, "personalities": personalities}


def leader_of(listing: Listing, scenario_id: str, side_id: str) -> str | None:
    """The leader of a scenario's side, as the listing names them (None if unknown)."""
    scenario = next((sc for sc in listing["scenarios"] if sc["id"] == scenario_id), None)
    if scenario is None:
        return None
    return next((side["leader"] for side in scenario["sides"] if side["id"] == side_id), None)


def cached_or_later(load) -> tuple[Listing | None, Callable[[], Any]]:
    """(the listing from the cache, `load`) when the cache holds it; else (None, a
    function that calls `load` and keeps the library's listing for next time, unless
    the library has broken files). The window's title draws at once either way and
    loads the library later, in the background."""
    key = snapshot_key()
    found = cached(key)
    if found is not None:
        return found, load

    def load_and_keep():
        library = load()
        if not library.broken:
            keep(key, of(library))
        return library

    return None, load_and_keep


def cached_or_loaded(load) -> tuple[Listing, Any]:
    """(the listing, None) from the cache; else (its listing, the library) from `load()`,
    the listing then kept for next time unless the library has broken files."""
    found, load_and_keep = cached_or_later(load)
    if found is not None:
        return found, None
    library = load_and_keep()
    return of(library), library


def keep(key: str | None, listing: Listing) -> None:
    """Keep the listing of a library loaded without broken files under `key` (taken
    before loading, so a file edited meanwhile makes the next run load again)."""
    if key:
        cache.store_text(key, json.dumps(listing))
