"""What a save file holds, as a typed model (pydantic): version, shapes, ranges and
choices' form are checked here; `game.setup.load_match` then replays the moves and compares
the result with the stored state. `parse_save` checks the version first, so a newer save
gets the right message rather than a list of unknown fields.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game.core.version import SAVE_VERSION
from game.save_error import SaveError  # noqa: F401 - raised here, and re-exported

SAVE_FORMAT = "summit-save"
MAX_MOVES = 1000
MAX_TIMELINES = 64
GAME_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")


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
