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

import base64
import binascii
import json
import math
import zlib
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game.core.game import SAVE_VERSION
from game.paths import saves_dir

SAVE_FORMAT = "summit-save"
MAX_SAVE_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 64
MAX_MOVES = 1000
MAX_TIMELINES = 64
SLOT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
GAME_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
TEMP_MAX_AGE_S = 30.0


class SaveError(ValueError):
    """A save that cannot be read or written; the message says where and why."""


# --------------------------------------------------------------------------- where


def games_dir() -> Path:
    return saves_dir() / "games"


def autosave_path(game_id: str) -> Path:
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


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` atomically; SaveError (with the reason) if it cannot be done,
    and then the file that was there before is untouched."""
    path = Path(path)
    tmp: str | None = None
    try:
        if path.exists() and not path.is_file():
            raise SaveError(f"{path}: cannot save here: it is not a regular file")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(path.parent)
    except OSError as e:
        raise SaveError(f"{path}: cannot save: {e.strerror or e}") from None
    finally:
        if tmp is not None:
            try:
                Path(tmp).unlink(missing_ok=True)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a crash right after it keeps the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)


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


# --------------------------------------------------------------------------- the model

_ID = r"^[a-z][a-z0-9_]{0,63}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class MoveModel(_Strict):
    action: str = Field(min_length=1, max_length=100)
    terms: tuple[int, ...] | None = Field(default=None, max_length=64)

    @field_validator("terms")
    @classmethod
    def _terms_in_range(cls, v):
        if v is not None and any(not -1 <= x < 64 for x in v):
            raise ValueError("terms are position numbers from -1 to 63")
        return v


class TimelineModel(_Strict):
    moves: list[MoveModel] = Field(max_length=MAX_MOVES)
    parent: int | None = Field(default=None, ge=0)
    branched_at: int | None = Field(default=None, ge=0)


MAX_SOURCE_CHARS = 2 * 1024 * 1024


class SourceModel(_Strict):
    """A content file's text as the game was played with it: zlib-compressed, base64."""

    id: str = Field(pattern=_ID)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    zlib: str = Field(max_length=MAX_SOURCE_CHARS)

    @property
    def text(self) -> str:
        return unpack_text(self.zlib)


def pack_text(text: str) -> str:
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")


def unpack_text(packed: str) -> str:
    """The text back; ValueError for anything that is not a packed text of at most
    MAX_SOURCE_CHARS bytes (a zip bomb stops there)."""
    try:
        raw = base64.b64decode(packed, validate=True)
        d = zlib.decompressobj()
        out = d.decompress(raw, MAX_SOURCE_CHARS)
        if d.unconsumed_tail or not d.eof:
            raise ValueError("the copy is too large or cut short")
        return out.decode("utf-8")
    except (zlib.error, UnicodeDecodeError, binascii.Error) as e:
        raise ValueError(f"the copy cannot be unpacked ({e})") from None


class LogModel(_Strict):
    kind: Literal["undo", "rewind", "branch", "switch"]
    timeline: int = Field(ge=0, lt=MAX_TIMELINES)
    from_turn: int = Field(ge=0, le=MAX_MOVES)
    to_turn: int = Field(ge=0, le=MAX_MOVES)


class SaveFile(_Strict):
    """Everything a save holds. `timelines`, `current` and `position` are the truth (the
    moves); `state`, `choices`, `turn`, `over`, `ending` and `transcript` are derived and
    checked against a replay when the save is loaded."""

    format: Literal["summit-save"]
    version: int
    game_id: str = Field(pattern=GAME_ID.pattern)
    kind: Literal["autosave", "slot"]
    name: str | None = Field(default=None, max_length=64)
    title: str = Field(max_length=300)
    saved_at: float = Field(ge=0, allow_inf_nan=False)
    scenario: SourceModel
    personalities: dict[str, SourceModel] = Field(max_length=8)
    side: str = Field(pattern=_ID)
    seed: int = Field(ge=0, lt=2**63)
    vs: dict[str, str] = Field(max_length=8)
    difficulty: str | None = Field(default=None, max_length=32)
    undo: bool
    timelines: list[TimelineModel] = Field(min_length=1, max_length=MAX_TIMELINES)
    current: int = Field(ge=0)
    position: int = Field(ge=0)
    log: list[LogModel] = Field(max_length=10000)
    turn: int = Field(ge=0, le=MAX_MOVES)
    over: bool
    ending: str | None = Field(max_length=300)
    choices: list[str] = Field(max_length=MAX_MOVES)
    state: dict[str, Any]
    transcript: list[Any]

    def get(self, key: str, default: Any = None) -> Any:
        """Read a field as from the dict `read_save` used to return (the window's save
        lists; new code reads the attributes or uses `list_games`)."""
        if key == "scenario":
            return self.scenario.id
        return getattr(self, key, default)

    @field_validator("current")
    @classmethod
    def _current_in_range(cls, v, info):
        timelines = info.data.get("timelines")
        if timelines is not None and v >= len(timelines):
            raise ValueError(f"timeline {v} does not exist (there are {len(timelines)})")
        return v

    @field_validator("position")
    @classmethod
    def _position_in_range(cls, v, info):
        timelines, current = info.data.get("timelines"), info.data.get("current")
        if timelines is not None and current is not None and v > len(timelines[current].moves):
            raise ValueError(f"position {v} is past the end of its timeline")
        return v

    @field_validator("timelines")
    @classmethod
    def _parents_earlier(cls, v):
        for k, t in enumerate(v):
            if (t.parent is None) != (t.branched_at is None):
                raise ValueError(f"timeline {k}: parent and branched_at go together")
            if t.parent is not None and (t.parent >= k or t.branched_at > len(t.moves)):
                raise ValueError(f"timeline {k}: its parent must be an earlier timeline")
        return v


def parse_save(path: Path, data: Any) -> SaveFile:
    """Check the version first (so a newer save gets the right message, not a list of
    unknown fields), then the whole shape."""
    if not isinstance(data, dict):
        raise SaveError(f"{path}:1:1: a save is a JSON object")
    version = data.get("version")
    if data.get("format") != SAVE_FORMAT and "choices" not in data:
        raise SaveError(f"{path}:1:1: not a Summit save")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"{path}:1:1: not a Summit save (its version is {_short(version)})")
    if version > SAVE_VERSION:
        raise SaveError(f"{path}: this save was written by a newer Summit (save version {version}; this one "
                        f"reads version {SAVE_VERSION}). Update Summit to open it; the file is left as it is.")
    if version < SAVE_VERSION:
        raise SaveError(f"{path}: this save was written by an older Summit (save version {version}; this one "
                        f"reads version {SAVE_VERSION}) and cannot be continued. Start a new game with: "
                        "summit play --text")
    try:
        return SaveFile.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(top)"
        more = f" (and {e.error_count() - 1} more problem(s))" if e.error_count() > 1 else ""
        raise SaveError(f"{path}: damaged save: {where}: {first['msg']}{more}") from None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def read_save(path: Path) -> SaveFile:
    """The checked save at `path` (SaveError otherwise). The moves are not yet replayed:
    `game.match.load_match` does that."""
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


def _entries(paths: list[Path]) -> list[SaveEntry]:
    out = []
    for p in paths:
        try:
            s = read_save(p)
        except SaveError:
            continue  # a damaged file is reported when it is opened, not in a list
        out.append(SaveEntry(p, s.kind, s.name, s.game_id, s.title, s.side, s.turn, s.over, s.ending, s.saved_at))
    return sorted(out, key=lambda e: -e.saved_at)


def _json_files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.glob("*.json") if not p.is_symlink() and p.is_file()]
    except OSError:
        return []


def list_games(limit: int | None = 5) -> list[SaveEntry]:
    """The autosaves, one per game, newest first (the last `limit`; None for all)."""
    entries = _entries(_json_files(games_dir()))
    return entries if limit is None else entries[:limit]


def list_slots() -> list[SaveEntry]:
    """The named saves, newest first."""
    return _entries(_json_files(saves_dir()))


def latest_save() -> Path | None:
    """The most recently written save of either kind, or None."""
    files = _json_files(games_dir()) + _json_files(saves_dir())
    try:
        return max(files, key=lambda p: p.stat().st_mtime) if files else None
    except OSError:
        return None


def is_finite_tree(x: Any) -> bool:
    if isinstance(x, float):
        return math.isfinite(x)
    if isinstance(x, list):
        return all(is_finite_tree(v) for v in x)
    if isinstance(x, dict):
        return all(is_finite_tree(v) for v in x.values())
    return True
