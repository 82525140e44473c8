"""Difficulty levels, defined once: chosen at setup (`--difficulty`, the window's setup
screen), recorded in saves and transcripts.

Each level is tuning on top of the scenario's own, and whether the counterpart is drawn
per game from a pool of personalities. `LEVELS` lists them in order, easiest first;
`DEFAULT` is the middle one, the record as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Level:
    name: str
    title: str
    description: str  # one line, for setup screens and --help
    tuning: Mapping[str, float] = field(default_factory=dict)
    pool: bool = False  # the counterpart is drawn per game from a pool of personalities


LEVELS: tuple[Level, ...] = (
    Level(
        "guided", "Guided",
        "Honest probes and a patient counterpart: time to learn what each side needs.",
        MappingProxyType({"probe_noise": 0.05, "probe_mislead": 0.0, "stall_patience": 0.08,
                          "stall_batna": 0.02, "probe_heard_aspiration": 0.07}),
    ),
    Level(
        "historical", "Historical",
        "The record as written: the leaders as they were, intelligence as good as it was.",
    ),
    Level(
        "hard", "Hard",
        "A counterpart whose type is drawn each game from a pool of personalities, and "
        "intelligence that may mislead.",
        MappingProxyType({"probe_noise": 0.4, "probe_mislead": 0.3, "stall_patience": 0.18,
                          "stall_batna": 0.045, "probe_heard_aspiration": 0.035}),
        pool=True,
    ),
)
DEFAULT = "historical"
LEVEL = MappingProxyType({lv.name: lv for lv in LEVELS})
# Personalities a hard game may draw besides the scenario's own (all leader-neutral).
POOL = ("conciliator", "hardliner", "pragmatist", "stonewaller")


def level(name: str) -> Level:
    try:
        return LEVEL[name]
    except KeyError:
        raise ValueError(f"unknown difficulty {name!r}; choose one of: {', '.join(LEVEL)}") from None
