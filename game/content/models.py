"""Typed content models: what a scenario or personality YAML file may say.

Every model forbids unknown keys, so a misspelt field is an error an author sees, not a
setting silently ignored. The models are exported as JSON Schema (`summit schema`) so
editors can autocomplete. Cross-references between ids (an action naming an issue, an
ending naming a meter) are checked in `game.content.references`, which knows the whole
file; these models check only the shape and ranges of each value.
"""

# The models live in modules by subject; this module is the one place callers import them
# from (`from game.content.models import Scenario`).
from game.content.condition_models import Condition
from game.content.model_fields import PLACEHOLDERS, Delta, Id, LineEntry, LineSpec, MeterValue, PlayerActionKind
from game.content.model_fields import ReplyKindName, Strict, Text, TuningValue, Unit
from game.content.personality_models import Personality, Strategy, Traits
from game.content.scenario_models import (
    Action,
    Ally,
    Band,
    Debrief,
    Ending,
    Event,
    Interest,
    Issue,
    MeterDef,
    MeterEffect,
    MeterKind,
    Party,
    Position,
    Quotation,
    Rating,
    RedLine,
    Scenario,
    Session,
    Side,
    SideText,
    Source,
)

__all__ = [
    "PLACEHOLDERS", "Action", "Ally", "Band", "Condition", "Debrief", "Delta", "Ending", "Event", "Id",
    "Interest", "Issue", "LineEntry", "LineSpec", "MeterDef", "MeterEffect", "MeterKind", "MeterValue",
    "Party", "Personality", "PlayerActionKind", "Position", "Quotation", "Rating", "RedLine", "ReplyKindName",
    "Scenario", "Session", "Side", "SideText", "Source", "Strategy", "Strict", "Text", "Traits", "TuningValue",
    "Unit",
]
