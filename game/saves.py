"""Save files: where they live, how they are written, how they are read and checked.

Two kinds of save, both JSON in the saves folder:
- **one autosave per game**, `saves/games/<game id>.json`, rewritten after every move;
  `list_games()` lists them (the window's Continue, newest first);
- **named slots**, `saves/<name>.json`, written only when the player asks (`--save NAME`,
  the pause menu); `list_slots()` lists them.

Writing: the new text goes to a temporary file in the same folder, is flushed and fsynced,
renamed over the old file and the folder is fsynced, so a save is either the complete old
or the complete new file. A failed write raises SaveError and the old file stays.
Temporary files left by a killed write are removed by `clean_temp_files()`.

Reading never blocks and never reads without bound: the path must be a regular file (a
FIFO, a device or a directory is refused before it is opened, and it is opened
non-blocking), at most `MAX_SAVE_BYTES`, UTF-8 JSON without NaN, and then `SaveFile` (a
pydantic model) checks version, shapes, ranges and choices; `game.match.load_match`
then replays the choices and compares the result with the stored state.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.core.version import SAVE_VERSION  # noqa: F401 - callers read it here
from game.files import write_whole
from game.jsonfields import has_fields
from game.paths import saves_dir
from game.save_error import SaveError

if TYPE_CHECKING:
    from game.savefile import SaveFile

# The save model (`game.savefile`, pydantic) is imported only when a save is read or a
# name of it asked for here, so that listing saves and naming errors stay light.
_FROM_SAVEFILE = frozenset({"GAME_ID", "MAX_MOVES", "MAX_TIMELINES", "SAVE_FORMAT", "SaveFile", "SourceModel",
                            "pack_text", "parse_save", "unpack_text"})


def __getattr__(name: str):
    if name in _FROM_SAVEFILE:
        from game import savefile

        return getattr(savefile, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

MAX_SAVE_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 64
SLOT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
TEMP_MAX_AGE_S = 30.0


# --------------------------------------------------------------------------- where


def games_dir() -> Path:
    return saves_dir() / "games"


def autosave_path(game_id: str) -> Path:
    from game.savefile import GAME_ID

    if not GAME_ID.match(game_id):
        raise SaveError(f"not a game id: {game_id!r}")
    return games_dir() / f"{game_id}.json"


def slot_path(name: str) -> Path:
    """The file of the named save slot `name` (letters, digits, space, _ . -; no paths)."""
    if not SLOT_NAME.match(name) or name.endswith(".") or ".." in name:
        raise SaveError(f"save name {name!r}: use 1-64 letters, digits, spaces, '_', '-' or '.', "
                        "starting with a letter or digit (no folders)")
    return saves_dir() / f"{name}.json"


# --------------------------------------------------------------------------- writing


class SaveExists(SaveError):
    """`write_atomic(..., exclusive=True)` found the name taken; nothing was written."""


def write_atomic(path: Path, text: str, *, shared: bool = False, exclusive: bool = False) -> None:
    """Write `text` to `path` atomically: beside it first, flushed to disk, then renamed
    over it (or, `exclusive`, linked into place only if the name is free: SaveExists
    otherwise). SaveError (with the reason) if it cannot be done, and then the file that
    was there before is untouched. Saves stay private to the user (0600); `shared`
    documents (transcripts, reports, schemas, new scenario files) are readable by anyone."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise SaveError(f"{path}: cannot save here: it is not a regular file")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, text, replace=not exclusive, mode=0o644 if shared else None)
    except FileExistsError:
        raise SaveExists(f"{path} already exists (it was not changed)") from None
    except OSError as e:
        raise SaveError(f"{path}: cannot save: {e.strerror or e}") from None


def clean_temp_files(max_age_s: float = TEMP_MAX_AGE_S) -> int:
    """Remove temporary files of killed writes (`.NAME.json.*.tmp`) older than `max_age_s`
    from the saves folders; returns how many went. Younger ones may belong to a write in
    progress in another Summit, so they stay."""
    removed, now = 0, time.time()
    for folder in (saves_dir(), games_dir()):
        try:
            candidates = list(folder.glob(".*.tmp"))
        except OSError:
            continue
        for p in candidates:
            try:
                st = p.lstat()
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > max_age_s:
                    p.unlink()
                    removed += 1
            except OSError:
                pass
    return removed


# --------------------------------------------------------------------------- reading


def read_json(path: Path) -> Any:
    """The JSON in `path`, or SaveError: never blocks (FIFOs and devices are refused),
    never reads more than MAX_SAVE_BYTES, never returns NaN or a structure deeper than
    MAX_JSON_DEPTH."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except OSError as e:
        raise SaveError(f"{path}: cannot read: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise SaveError(f"{path}: this is a folder, not a save file")
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(f"{path}: not a regular file (a pipe or a device?); a save is a .json file")
    if st.st_size > MAX_SAVE_BYTES:
        raise SaveError(f"{path}: {st.st_size} bytes; a save is at most {MAX_SAVE_BYTES} bytes")
    raw = _read_capped(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SaveError(f"{path}: not UTF-8 text (byte {e.start})") from None
    if not text.strip():
        raise SaveError(f"{path}:1:1: the file is empty")
    depth = _max_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise SaveError(f"{path}:1:1: nested {depth} levels deep; a save is at most {MAX_JSON_DEPTH}")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise SaveError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    except (ValueError, RecursionError) as e:
        raise SaveError(f"{path}:1:1: not a valid save: {e}") from None


def _read_capped(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise SaveError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise SaveError(f"{path}: not a regular file")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_SAVE_BYTES:
                raise SaveError(f"{path}: more than {MAX_SAVE_BYTES} bytes; not a save")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise SaveError(f"{path}: cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save may hold")


def _max_depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings (checked before json.loads, which
    would recurse)."""
    depth = best = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth -= 1
    return best


def read_save(path: Path) -> SaveFile:
    """The checked save at `path` (SaveError otherwise). The moves are not yet replayed:
    `game.match.load_match` does that."""
    from game.savefile import parse_save

    return parse_save(path, read_json(path))


def write_save(path: Path, data: dict) -> Path:
    try:
        text = json.dumps(data, sort_keys=True, allow_nan=False, separators=(",", ":"))
    except ValueError as e:  # a NaN in the state would be a bug, never a save
        raise SaveError(f"{path}: cannot save: {e}") from None
    write_atomic(path, text)
    return path


# --------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class SaveEntry:
    """One save as a list shows it (read cheaply: the moves are not replayed)."""

    path: Path
    kind: str  # "autosave" or "slot"
    name: str | None  # the slot's name
    game_id: str
    title: str  # the scenario's title
    side: str
    turn: int  # turns played
    over: bool
    ending: str | None  # the ending's title once over
    saved_at: float  # seconds since the epoch
    scenario: str = ""  # the scenario's id


def entry_of(path: Path, save: SaveFile) -> SaveEntry:
    """The list entry of a save already read and checked (`read_save`)."""
    return SaveEntry(path, save.kind, save.name, save.game_id, save.title, save.side, save.turn, save.over,
                     save.ending, save.saved_at, save.scenario.id)


# What `peek` reads of a save, and the type each must have.
_HEADER = {"format": str, "game_id": str, "kind": str, "title": str, "side": str, "turn": int, "over": bool,
           "saved_at": (int, float), "scenario": dict}


def peek(path: Path) -> SaveEntry | None:
    """A save's list entry from its header fields alone, without the save model (the
    window's title shows the latest games at once); None when the file is not a save.
    A save that peeks well may still fail its full check when it is opened, which then
    says why."""
    try:
        data = read_json(path)
    except SaveError:
        return None
    if not has_fields(data, _HEADER) or data["format"] != "summit-save":
        return None
    name, ending, scenario = data.get("name"), data.get("ending"), data["scenario"].get("id")
    if not (isinstance(name, (str, type(None))) and isinstance(ending, (str, type(None))) and isinstance(scenario, str)):
        return None
    return SaveEntry(path, data["kind"], name, data["game_id"], data["title"], data["side"], data["turn"], data["over"],
                     ending, float(data["saved_at"]), scenario)


def _entries(paths: list[Path], checked: bool = True) -> list[SaveEntry]:
    out = []
    for p in paths:
        if checked:
            try:
                entry = entry_of(p, read_save(p))
            except SaveError:
                continue  # a damaged file is reported when it is opened, not in a list
        else:
            entry = peek(p)
            if entry is None:
                continue
        out.append(entry)
    return sorted(out, key=lambda e: -e.saved_at)


def _json_files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.glob("*.json") if not p.is_symlink() and p.is_file()]
    except OSError:
        return []


def list_games(limit: int | None = 5, checked: bool = True) -> list[SaveEntry]:
    """The autosaves, one per game, newest first (the last `limit`; None for all).
    `checked=False`: from each save's header alone (`peek`), without the save model."""
    entries = _entries(_json_files(games_dir()), checked)
    return entries if limit is None else entries[:limit]


def list_slots() -> list[SaveEntry]:
    """The named saves, newest first."""
    return _entries(_json_files(saves_dir()))


def save_files() -> list[Path]:
    """Every save file, damaged ones included (a list that shows them can say why they
    cannot be opened): the named slots, then each game's autosave, newest first within
    each."""
    def newest_first(paths: list[Path]) -> list[Path]:
        def written(path: Path) -> float:
            try:
                return path.stat().st_mtime
            except OSError:
                return 0.0

        return sorted(paths, key=written, reverse=True)

    return newest_first(_json_files(saves_dir())) + newest_first(_json_files(games_dir()))


def latest_save() -> Path | None:
    """The most recently written save of either kind, or None."""
    files = _json_files(games_dir()) + _json_files(saves_dir())
    try:
        return max(files, key=lambda p: p.stat().st_mtime) if files else None
    except OSError:
        return None
