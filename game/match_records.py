"""The typed values the Match service hands to front ends: a move, a timeline, what a
play or a rewind did, the log of undos, and the comparison of two timelines (the window's
ending screen draws it; the terminal prints it). Worded once: `describe_log_entry`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.game import IllegalAction


class UndoRefused(IllegalAction):
    """Undo or rewind asked for when it is off (a graded run) or there is nothing to undo."""


@dataclass(frozen=True)
class Move:
    action: str
    terms: tuple[int, ...] | None = None

    def to_json(self) -> dict:
        return {"action": self.action, "terms": list(self.terms) if self.terms is not None else None}


@dataclass
class Timeline:
    moves: list[Move]
    parent: int | None = None
    branched_at: int | None = None  # turns shared with the parent


@dataclass(frozen=True)
class PlayResult:
    record: Any  # the turn record from Game.play
    session_ended: bool
    game_over: bool
    saved: Path | None
    save_error: str | None
    branched: int | None = None  # the new timeline's index when this move made a branch


@dataclass(frozen=True)
class Rewound:
    timeline: int
    from_turn: int
    to_turn: int
    saved: Path | None
    save_error: str | None


@dataclass(frozen=True)
class LogEntry:
    kind: str  # "undo", "rewind", "branch", "switch"
    timeline: int
    from_turn: int
    to_turn: int

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class TimelineInfo:
    index: int
    label: str
    parent: int | None
    branched_at: int | None
    turns: int
    over: bool
    ending: str | None
    current: bool


@dataclass(frozen=True)
class MeterSeries:
    ref: str
    name: str
    party: str
    a: tuple[float, ...]  # the meter after each turn, index 0 at the start
    b: tuple[float, ...]


@dataclass(frozen=True)
class IssueOutcome:
    issue: str  # as named in the scenario
    a: str | None  # the agreed position's label, None when left open
    b: str | None


@dataclass(frozen=True)
class EndingSummary:
    title: str
    rating: str
    turn: int


@dataclass(frozen=True)
class TimelineComparison:
    a: int
    b: int
    diverged_at: int  # turns both timelines share
    meters: tuple[MeterSeries, ...]
    agreements: tuple[IssueOutcome, ...]
    ending_a: EndingSummary | None
    ending_b: EndingSummary | None


def describe_log_entry(e: LogEntry) -> str:
    if e.kind == "undo":
        return f"Undo: back to the start of turn {e.to_turn + 1} (timeline {e.timeline + 1})."
    if e.kind == "rewind":
        return f"Rewind: from turn {e.from_turn + 1} back to the start of turn {e.to_turn + 1} (timeline {e.timeline + 1})."
    if e.kind == "branch":
        return f"A new timeline {e.timeline + 1} branches off at turn {e.to_turn}."
    return f"Switched to timeline {e.timeline + 1} at turn {e.to_turn + 1}."
