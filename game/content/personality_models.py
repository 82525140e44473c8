"""The personality model: a leader's mind as data (traits, bargaining strategy, lines),
swappable onto any counterpart."""


from typing import Annotated, Self

from pydantic import Field, model_validator

from game.content.model_fields import Id, LineEntry, ReplyKindName, Strict, Text, Unit


class Traits(Strict):
    """Named aspects with defaults (Wesnoth-style): 0 = not at all, 1 = extremely."""

    risk_tolerance: Unit = Field(0.5, description="How readily the leader threatens when tension is high (0-1).")
    patience: Unit = Field(
        0.5,
        description="How long the leader holds out: an impatient one concedes sooner as the summit runs out "
        "and walks out at high tension; 0.6 or more never walks out (0-1).",
    )
    pride: Unit = Field(0.5, description="How much hostile acts (warnings, statements) raise the leader's tension (0-1).")
    volatility: Unit = Field(0.3, description="How unpredictable the leader's reaction to hostile acts is (0-1).")
    zeal: Unit = Field(
        0.3, description="Ideological fervour: lectures more, warms less, and is less moved by appeals (0-1)."
    )
    memory: Unit = Field(0.5, description="How slowly grudges and goodwill fade from session to session (0-1).")
    warmth: Unit = Field(0.5, description="How much personal rapport and reassurance move this leader (0-1).")


class Strategy(Strict):
    """How the leader bargains: a strategy family and its numbers."""

    family: Id = Field(
        description="boulware, conceder, reciprocator or hardliner, or a plug-in family's name (entry point group summit.strategies)."
    )
    aspiration: Unit = Field(0.85, description="Utility (0-1) the leader first insists on; at least the reservation.")
    reservation: Unit = Field(0.35, description="Walk-away value (0-1): the leader never accepts a deal worth less.")
    concession_curve: Annotated[float, Field(ge=0.1, le=10.0)] = Field(
        1.0,
        description="Exponent of the time-based curve, 0.1-10: below 1 concedes late, above 1 concedes early.",
    )

    @model_validator(mode="after")
    def _aspiration_above_reservation(self) -> Self:
        if self.aspiration < self.reservation:
            raise ValueError("aspiration must be at least the reservation value")
        return self


class Personality(Strict):
    """A leader's mind as data. Scenario interests are separate: a personality can be
    swapped onto any counterpart ("what if Khrushchev were a conciliator?")."""

    id: Id = Field(description="Unique among all personalities; scenarios name it in `personality:` and --vs uses it.")
    name: Text = Field(description="The name shown in lists, e.g. 'Nikita Khrushchev' or 'The Pragmatist'.")
    description: Text = Field(description="Who this is and how they negotiate, for the player choosing a swap.")
    historical: bool = Field(False, description="Portrays a real person (public record only).")
    traits: Traits = Field(Traits(), description="Personality traits, each 0-1; a trait left out keeps its default.")
    strategy: Strategy = Field(description="How the leader bargains: family, aspiration, reservation, concession curve.")
    portrait: str | None = Field(
        None,
        description="A drawn (never photographed) portrait image, a path relative to this file's folder; it may not leave it.",
    )
    lines: dict[ReplyKindName, list[LineEntry]] = Field(
        default_factory=dict,
        description="Dialogue by AI action; {issue}, {position}, {leader}, {you}, {them} are filled in. "
        "A line may be a string or {text, mood, answers}; see game.core.lines for how one is chosen.",
    )
