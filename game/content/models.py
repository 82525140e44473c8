"""Typed content models: what a scenario or personality YAML file may say.

Every model forbids unknown keys, so a misspelt field is an error an author sees, not a
setting silently ignored. The models are exported as JSON Schema (`summit schema`) so
editors can autocomplete. Cross-references between ids (an action naming an issue, an
ending naming a meter) are checked in `game.content.references`, which knows the whole
file; these models check only the shape and ranges of each value.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from game.core.conditions import OPERATOR
from game.core.kinds import PLAYER_KIND, PLAYER_KIND_TABLE, REPLY_KIND_TABLE

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=48)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
MeterValue = Annotated[float, Field(ge=0.0, le=100.0)]
Delta = Annotated[float, Field(ge=-100.0, le=100.0)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- personality


def _kind_literal(table):
    """A Literal over a kinds table's names whose JSON Schema describes each kind with its
    manual entry (`doc` in `game.core.kinds`), so an editor shows it while typing."""
    names = tuple(k.name for k in table)
    schema = {"type": "string", "oneOf": [{"const": k.name, "description": k.doc} for k in table]}
    return Annotated[Literal[names], WithJsonSchema(schema)]


ReplyKindName = _kind_literal(REPLY_KIND_TABLE)
PlayerActionKind = _kind_literal(PLAYER_KIND_TABLE)


class Traits(Strict):
    """Named aspects with defaults (Wesnoth-style): 0 = not at all, 1 = extremely."""

    risk_tolerance: Unit = 0.5
    patience: Unit = 0.5
    pride: Unit = 0.5
    volatility: Unit = 0.3
    zeal: Unit = 0.3
    memory: Unit = Field(0.5, description="How slowly grudges and goodwill fade.")
    warmth: Unit = Field(0.5, description="How much personal rapport moves this leader.")


class Strategy(Strict):
    family: Id = Field(
        description="boulware, conceder, reciprocator or hardliner, or a plug-in family's name (entry point group summit.strategies)."
    )
    aspiration: Unit = Field(0.85, description="Utility the leader first insists on.")
    reservation: Unit = Field(0.35, description="Walk-away value: never accepts less.")
    concession_curve: Annotated[float, Field(gt=0.0, le=10.0)] = Field(
        1.0,
        description="Exponent of the time-based curve: <1 concedes late, >1 concedes early.",
    )

    @model_validator(mode="after")
    def _aspiration_above_reservation(self) -> Strategy:
        if self.aspiration < self.reservation:
            raise ValueError("aspiration must be at least the reservation value")
        return self


class Personality(Strict):
    """A leader's mind as data. Scenario interests are separate: a personality can be
    swapped onto any counterpart ("what if Khrushchev were a conciliator?")."""

    id: Id
    name: Text
    description: Text
    historical: bool = Field(False, description="Portrays a real person (public record only).")
    traits: Traits = Traits()
    strategy: Strategy
    portrait: str | None = Field(
        None,
        description="A drawn (never photographed) portrait image, a path relative to this file's folder; it may not leave it.",
    )
    lines: dict[ReplyKindName, list[Text]] = Field(
        default_factory=dict,
        description="Dialogue by AI action; {issue}, {position}, {leader}, {you} are filled in.",
    )


# --------------------------------------------------------------------------- scenario


class Source(Strict):
    title: Text
    author: str | None = None
    date: str | None = None
    note: str | None = None


class Position(Strict):
    id: Id
    label: Text
    short: Text | None = Field(
        None,
        description="How a leader names it in conversation, written to fit mid-sentence "
        "(e.g. 'an interim arrangement for Berlin'); fills {position} in dialogue. Default: the label.",
    )
    promise_by: Id | None = Field(
        None, description="Side id whose unverifiable promise this is; its worth to the other side scales with trust."
    )


class Issue(Strict):
    id: Id
    name: Text
    summary: Text
    positions: list[Position] = Field(min_length=2, max_length=6)


class Interest(Strict):
    weight: Annotated[float, Field(gt=0.0, le=10.0)]
    values: list[Unit] = Field(description="Worth of each position, in the issue's order.")
    red_lines: list[Id] = Field(default_factory=list, description="Positions never accepted.")
    note: str | None = Field(None, description="What this side needs here, shown when probed.")



class Action(Strict):
    id: Id
    kind: PlayerActionKind
    label: Text
    issue: Id | None = Field(None, description="The issue a probe, warning or concession concerns.")
    terms: dict[Id, Id] = Field(default_factory=dict, description="issue id -> position id, for propose.")
    says: str | None = Field(None, description="What the leader says, in character (own dialogue).")

    @model_validator(mode="after")
    def _shape(self) -> Action:
        if self.kind == "propose" and not self.terms:
            raise ValueError("a 'propose' action needs terms (issue id -> position id)")
        if PLAYER_KIND[self.kind].needs_issue and self.issue is None:
            raise ValueError(f"a '{self.kind}' action needs an issue")
        return self


class Ally(Strict):
    id: Id
    name: Text
    leader: Text
    personality: Id
    cares: dict[Id, list[Unit]] = Field(
        default_factory=dict, description="issue id -> how the ally values each position."
    )


class Side(Strict):
    id: Id
    name: Text
    leader: Text
    title: Text = Field(description="e.g. 'President of the United States'.")
    address: Text | None = Field(
        None, description="How the other side addresses this leader at the table, e.g. 'Mr. President'; fills {leader} in dialogue."
    )
    personality: Id
    ally: Ally | None = None
    interests: dict[Id, Interest]
    briefing: Text
    objectives: list[Text] = Field(min_length=1)
    red_lines: list[Text] = Field(default_factory=list)
    intelligence: list[Text] = Field(default_factory=list, description="What your staff says about the other leader.")
    actions: list[Action] = Field(min_length=1)


MeterKind = Literal["tension", "trust", "resolve", "confidence", "approval"]


class Band(Strict):
    name: Id
    below: Annotated[float, Field(gt=0.0, le=101.0)] = Field(
        description="The band holds values strictly below this; the last band also holds 100."
    )


Party = Literal["counterpart", "ally"]


class MeterDef(Strict):
    """A meter on one party: 'counterpart' is the other side's leader, 'ally' your own ally.
    Referred to elsewhere as '<party>.<kind>', e.g. 'counterpart.tension'."""

    party: Party
    kind: MeterKind
    start: MeterValue = 50.0
    bands: list[Band] = Field(default_factory=list)


class Session(Strict):
    id: Id
    name: Text
    when: Text = Field(description="Date and time, e.g. '3 June 1961, 12:45'.")
    place: Text
    turns: Annotated[int, Field(ge=1, le=4)] = 1
    history: Text = Field(description="What actually happened in this session (for the debrief).")


# Conditions are plain data: each key narrows the test; all keys given must hold.
class Condition(Strict):
    """Each key is an operator of `game.core.conditions` (its doc is the description)."""

    all: list[Condition] | None = Field(None, description=OPERATOR["all"].doc)
    any: list[Condition] | None = Field(None, description=OPERATOR["any"].doc)
    not_: Condition | None = Field(None, alias="not", description=OPERATOR["not_"].doc)
    meter: str | None = Field(None, description=OPERATOR["meter"].doc)
    at_least: float | None = Field(None, description="With `meter`: the lowest value that holds.")
    below: float | None = Field(None, description="With `meter`: the first value that no longer holds.")
    session_at_least: int | None = Field(None, ge=0, description=OPERATOR["session_at_least"].doc)
    session: Id | None = Field(None, description=OPERATOR["session"].doc)
    agreed: dict[Id, Id] | None = Field(None, description=OPERATOR["agreed"].doc)
    agreed_any: list[Id] | None = Field(None, description=OPERATOR["agreed_any"].doc)
    none_agreed: bool | None = Field(None, description=OPERATOR["none_agreed"].doc)
    agreements_at_least: int | None = Field(None, description=OPERATOR["agreements_at_least"].doc)
    player_did: Id | None = Field(None, description=OPERATOR["player_did"].doc)
    breakdown: bool | None = Field(None, description=OPERATOR["breakdown"].doc)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class MeterEffect(Strict):
    meter: str = Field(description="'<party>.<kind>'.")
    delta: Delta
    lasting: bool = Field(True, description="False: fades session by session like a grudge.")


class SideText(Strict):
    """Text that differs by the side the player leads; 'any' is used when the side has none."""

    any: Text | None = None
    by_side: dict[Id, Text] = Field(default_factory=dict)


class Event(Strict):
    id: Id
    title: Text
    for_sides: list[Id] | None = Field(
        None, description="Only when you lead one of these sides (default: either side)."
    )
    when: Condition
    text: SideText
    effects: list[MeterEffect] = Field(default_factory=list)
    aspiration: Annotated[float, Field(ge=-0.5, le=0.5)] = Field(
        0.0, description="Shift in the counterpart's aspiration."
    )


Rating = Literal["better", "history", "worse", "breakdown"]


class Ending(Strict):
    id: Id
    title: Text
    rating: Rating
    when: Condition
    epilogue: SideText


class Debrief(Strict):
    summary: Text
    quotations: list[Quotation] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)


class Quotation(Strict):
    speaker: Text
    text: Text
    source: Text


class Scenario(Strict):
    id: Id
    title: Text
    place: Text
    dates: Text
    year: Annotated[int, Field(ge=1800, le=2100)]
    hook: Text
    theme: Literal["cable", "briefing"] = "cable"
    sides: list[Side] = Field(min_length=2, max_length=2)
    issues: list[Issue] = Field(min_length=1, max_length=8)
    meters: list[MeterDef] = Field(min_length=2)
    sessions: list[Session] = Field(min_length=1, max_length=20)
    events: list[Event] = Field(default_factory=list)
    endings: list[Ending] = Field(min_length=1)
    learning_objectives: list[Text] = Field(min_length=1)
    debrief: Debrief
    tuning: dict[Id, float] = Field(
        default_factory=dict, description="Overrides of the rules' numbers (see game.core.tuning)."
    )


Condition.model_rebuild()
Debrief.model_rebuild()
