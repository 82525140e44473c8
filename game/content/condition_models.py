"""The condition model: events and endings say when they apply as plain data, one key
per operator of `game.core.conditions` (whose docs are the keys' descriptions)."""


from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from game.content.model_fields import Id, Strict
from game.core.kinds import CONDITION_DOC


# Conditions are plain data: each key narrows the test; all keys given must hold.
class Condition(Strict):
    """Each key is an operator of `game.core.conditions` (its doc is the description)."""

    all: list["Condition"] | None = Field(None, description=CONDITION_DOC["all"])
    any: list["Condition"] | None = Field(None, description=CONDITION_DOC["any"])
    not_: "Condition | None" = Field(None, alias="not", description=CONDITION_DOC["not_"])
    meter: str | None = Field(None, description=CONDITION_DOC["meter"])
    at_least: Annotated[float, Field(ge=0.0, le=101.0)] | None = Field(
        None, description="With `meter`: the lowest value that holds (0-101)."
    )
    below: Annotated[float, Field(ge=0.0, le=101.0)] | None = Field(
        None, description="With `meter`: the first value that no longer holds (0-101; 101 includes 100)."
    )
    session_at_least: int | None = Field(None, ge=0, le=100, description=CONDITION_DOC["session_at_least"])
    session: Id | None = Field(None, description=CONDITION_DOC["session"])
    agreed: dict[Id, Id] | None = Field(None, description=CONDITION_DOC["agreed"])
    agreed_any: list[Id] | None = Field(None, description=CONDITION_DOC["agreed_any"])
    none_agreed: bool | None = Field(None, description=CONDITION_DOC["none_agreed"])
    agreements_at_least: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None, description=CONDITION_DOC["agreements_at_least"]
    )
    player_did: Id | None = Field(None, description=CONDITION_DOC["player_did"])
    breakdown: bool | None = Field(None, description=CONDITION_DOC["breakdown"])
    value_at_least: Annotated[float, Field(ge=0.0, le=1.0)] | None = Field(
        None, description=CONDITION_DOC["value_at_least"])
    red_line_crossed: bool | None = Field(None, description=CONDITION_DOC["red_line_crossed"])
    ally_broke: bool | None = Field(None, description=CONDITION_DOC["ally_broke"])
    intel_true: bool | None = Field(None, description=CONDITION_DOC["intel_true"])
    deadline: Literal["yielded", "bluff_called", "real"] | None = Field(None, description=CONDITION_DOC["deadline"])

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False)


Condition.model_rebuild()
