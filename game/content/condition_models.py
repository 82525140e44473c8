"""The condition model: events and endings say when they apply as plain data, one key
per operator of `game.core.conditions` (whose docs are the keys' descriptions)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from game.content.model_fields import Id, Strict
from game.core.conditions import OPERATOR


# Conditions are plain data: each key narrows the test; all keys given must hold.
class Condition(Strict):
    """Each key is an operator of `game.core.conditions` (its doc is the description)."""

    all: list[Condition] | None = Field(None, description=OPERATOR["all"].doc)
    any: list[Condition] | None = Field(None, description=OPERATOR["any"].doc)
    not_: Condition | None = Field(None, alias="not", description=OPERATOR["not_"].doc)
    meter: str | None = Field(None, description=OPERATOR["meter"].doc)
    at_least: Annotated[float, Field(ge=0.0, le=101.0)] | None = Field(
        None, description="With `meter`: the lowest value that holds (0-101)."
    )
    below: Annotated[float, Field(ge=0.0, le=101.0)] | None = Field(
        None, description="With `meter`: the first value that no longer holds (0-101; 101 includes 100)."
    )
    session_at_least: int | None = Field(None, ge=0, le=100, description=OPERATOR["session_at_least"].doc)
    session: Id | None = Field(None, description=OPERATOR["session"].doc)
    agreed: dict[Id, Id] | None = Field(None, description=OPERATOR["agreed"].doc)
    agreed_any: list[Id] | None = Field(None, description=OPERATOR["agreed_any"].doc)
    none_agreed: bool | None = Field(None, description=OPERATOR["none_agreed"].doc)
    agreements_at_least: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None, description=OPERATOR["agreements_at_least"].doc
    )
    player_did: Id | None = Field(None, description=OPERATOR["player_did"].doc)
    breakdown: bool | None = Field(None, description=OPERATOR["breakdown"].doc)
    value_at_least: Annotated[float, Field(ge=0.0, le=1.0)] | None = Field(
        None, description=OPERATOR["value_at_least"].doc)
    red_line_crossed: bool | None = Field(None, description=OPERATOR["red_line_crossed"].doc)
    ally_broke: bool | None = Field(None, description=OPERATOR["ally_broke"].doc)
    intel_true: bool | None = Field(None, description=OPERATOR["intel_true"].doc)
    deadline: Literal["yielded", "bluff_called", "real"] | None = Field(None, description=OPERATOR["deadline"].doc)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False)


Condition.model_rebuild()
