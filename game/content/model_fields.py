"""The pieces every content model is built from: the strict base class, the field types
(ids, 0-1 fractions, meter values, text), the kind names taken from `game.core.kinds`, and
the shape of a line of dialogue (used by personalities and by a side's issue lines).
"""


from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from game.core.kinds import PLAYER_KIND_TABLE, REPLY_KIND_TABLE

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=48)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
MeterValue = Annotated[float, Field(ge=0.0, le=100.0)]
Delta = Annotated[float, Field(ge=-100.0, le=100.0)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
# The widest range any rule number may take; tighter ranges per name are checked in
# game.content.references (TUNING_RANGES).
TuningValue = Annotated[float, Field(ge=-100.0, le=100.0, allow_inf_nan=False)]


class Strict(BaseModel):
    # No NaN or infinity anywhere: every number from content is finite, so the core can
    # never compute NaN from a file (`.nan` or `.inf` in YAML are refused here).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _kind_literal(table):
    """A Literal over a kinds table's names whose JSON Schema describes each kind with its
    manual entry (`doc` in `game.core.kinds`), so an editor shows it while typing."""
    names = tuple(k.name for k in table)
    schema = {"type": "string", "oneOf": [{"const": k.name, "description": k.doc} for k in table]}
    return Annotated[Literal[names], WithJsonSchema(schema)]


ReplyKindName = _kind_literal(REPLY_KIND_TABLE)
PlayerActionKind = _kind_literal(PLAYER_KIND_TABLE)


class LineSpec(Strict):
    """A line with the context it fits (see game.core.lines). A plain string fits any."""

    text: Text = Field(description="The words, with {placeholders} filled in when said.")
    mood: Literal["tense", "warm"] | None = Field(
        None, description="Said only in this mood: 'tense' (tension 50 or more) or 'warm' (trust 50 or more, not tense)."
    )
    answers: list[PlayerActionKind] = Field(
        default_factory=list, description="Said only in reply to one of these player moves (default: any)."
    )


LineEntry = Text | LineSpec
PLACEHOLDERS = ("issue", "position", "leader", "you", "them")
