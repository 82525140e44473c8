"""The scenario model: a historical summit as data (sides and their interests, issues,
meters, sessions, events, endings, debrief). Cross-references between ids are checked in
`game.content.references`; these models check only the shape and ranges of each value.
"""


from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from game.content.condition_models import Condition
from game.content.model_fields import (
    Delta,
    Id,
    LineEntry,
    MeterValue,
    PlayerActionKind,
    ReplyKindName,
    Strict,
    Text,
    TuningValue,
    Unit,
)
from game.core.kinds import PLAYER_KIND


class Source(Strict):
    title: Text = Field(description="Title of the book, article, archive file or transcript.")
    author: str | None = Field(None, description="Author or editor.")
    date: str | None = Field(None, description="Publication date, as text (e.g. '1993').")
    note: str | None = Field(None, description="What this source supports, pages, an archive reference.")


class Position(Strict):
    id: Id = Field(description="Unique within its issue; named by action terms, red_lines and `agreed` conditions.")
    label: Text = Field(description="The position in full, as shown in offers and agreements.")
    short: Text | None = Field(
        None,
        description="How a leader names it in conversation, written to fit mid-sentence "
        "(e.g. 'an interim arrangement for Berlin'); fills {position} in dialogue. Default: the label.",
    )
    promise_by: Id | None = Field(
        None, description="Side id whose unverifiable promise this is; its worth to the other side scales with trust."
    )


class Issue(Strict):
    id: Id = Field(description="Unique within the scenario; sides' interests, action terms and conditions name it.")
    name: Text = Field(description="The issue's name at the table.")
    short: Text | None = Field(
        None,
        description="How a leader names the issue mid-sentence (e.g. 'denuclearization', 'the test ban'); "
        "fills {issue} in dialogue. Default: the name.",
    )
    summary: Text = Field(description="What is at stake, for the briefing.")
    positions: list[Position] = Field(
        min_length=2,
        max_length=6,
        description="2-6 positions, ordered from the most favourable to sides[0] to the most favourable to sides[1].",
    )


class Interest(Strict):
    """How much one side cares about one issue, and about each of its positions."""

    weight: Annotated[float, Field(gt=0.0, le=10.0)] = Field(
        description="How much this issue matters against the side's other issues (more than 0, at most 10)."
    )
    values: list[Unit] = Field(description="Worth of each position (0-1), one per position, in the issue's order.")
    red_lines: list[Id] = Field(
        default_factory=list,
        description="Position ids of this issue the side never accepts; the game enforces them (the side's prose "
        "`red_lines` only describe them).",
    )
    note: str | None = Field(None, description="What this side needs here, shown when probed.")



class Action(Strict):
    """A move the player may make when leading this side."""

    id: Id = Field(description="Unique within the side; `summit simulate --choices` names it.")
    kind: PlayerActionKind = Field(
        description="What the move does in the rules (see docs/authoring.md: propose, accept, counter, reject, probe, "
        "reassure, warn, concede, appeal, rapport, consult_ally, statement, break, walk_out)."
    )
    label: Text = Field(description="The move as the player sees it on the menu or card.")
    issue: Id | None = Field(
        None, description="Issue id a probe, warning or concession concerns (required for those kinds)."
    )
    terms: dict[Id, Id] = Field(
        default_factory=dict, description="issue id -> position id of that issue: what a propose puts on the table."
    )
    says: str | None = Field(None, description="What the leader says, in character (own dialogue).")

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.kind == "propose" and not self.terms:
            raise ValueError("a 'propose' action needs terms (issue id -> position id)")
        if PLAYER_KIND[self.kind].needs_issue and self.issue is None:
            raise ValueError(f"a '{self.kind}' action needs an issue")
        return self


class RedLine(Strict):
    """A red line in words, with the structured red lines (interests.<issue>.red_lines)
    it stands for, so the two cannot drift apart (checked by game.content.checks)."""

    text: Text = Field(description="The red line as the briefing states it.")
    positions: dict[Id, list[Id]] = Field(
        default_factory=dict,
        description="issue id -> the positions this sentence rules out; each must be in that issue's red_lines, "
        "and every structured red line must be named by some prose red line of the side.",
    )


class Ally(Strict):
    """The player's ally, whose confidence (the ally.confidence meter) the player must keep."""

    id: Id = Field(description="The ally's id.")
    name: Text = Field(description="The ally's country or organisation.")
    leader: Text = Field(description="The ally's leader, by name.")
    personality: Id = Field(description="Personality id (built-in or from a mod) that plays the ally.")
    cares: dict[Id, list[Unit]] = Field(
        default_factory=dict, description="issue id -> how the ally values each position."
    )


class Side(Strict):
    """One of the two delegations. The player leads one side; a personality plays the other."""

    id: Id = Field(description="Unique side id; `--as` chooses it, and by_side, for_sides and promise_by name it.")
    name: Text = Field(description="The country or delegation.")
    leader: Text = Field(description="The leader, by name.")
    title: Text = Field(description="e.g. 'President of the United States'.")
    address: Text | None = Field(
        None,
        description="How the other side addresses this leader at the table, e.g. 'Mr. President'; fills {leader} "
        "and {you} in the counterpart's lines. Default: the leader's name.",
    )
    personality: Id = Field(
        description="Personality id (built-in or from a mod) that plays this side when the player leads the other."
    )
    ally: Ally | None = Field(None, description="This side's ally, if any.")
    interests: dict[Id, Interest] = Field(description="issue id -> how this side values it; one entry per issue.")
    briefing: Text = Field(description="What the player leading this side is told before the talks.")
    objectives: list[Text] = Field(min_length=1, description="The player's goals, shown in the briefing.")
    red_lines: list[Text | RedLine] = Field(
        default_factory=list,
        description="Red lines in words, for the briefing: a plain string for a rule of conduct, {text, positions} "
        "for one that rules out positions. The game enforces only the structured interests.<issue>.red_lines.",
    )
    intelligence: list[Text] = Field(default_factory=list, description="What your staff says about the other leader.")
    actions: list[Action] = Field(
        min_length=1,
        description="The player's moves when leading this side; at least one must be of a kind that is always open "
        "(reassure, appeal, rapport, statement, break, walk_out).",
    )
    issue_lines: dict[Id, dict[ReplyKindName, list[LineEntry]]] = Field(
        default_factory=dict,
        description="Lines this side's own leader says about one issue (issue id -> kind -> lines), preferred "
        "over the personality's general lines; not used when another personality is swapped in.",
    )
    never_offers: dict[Id, list[Id]] = Field(
        default_factory=dict,
        description="Positions (issue id -> position ids) this side's leader, as counterpart, never puts on the "
        "table at this summit because the record shows nothing of the kind on offer; the test suite plays the "
        "opening turns and checks it.",
    )

    @property
    def red_line_texts(self) -> list[str]:
        return [r if isinstance(r, str) else r.text for r in self.red_lines]


MeterKind = Literal["tension", "trust", "resolve", "confidence", "approval"]


class Band(Strict):
    """A named range of a meter, e.g. 'crisis'."""

    name: Id = Field(description="The band's name, shown beside the meter.")
    below: Annotated[float, Field(gt=0.0, le=101.0)] = Field(
        description="The band holds values strictly below this; the last band also holds 100."
    )


Party = Literal["counterpart", "ally"]


class MeterDef(Strict):
    """A meter on one party: 'counterpart' is the other side's leader, 'ally' your own ally.
    Referred to elsewhere as '<party>.<kind>', e.g. 'counterpart.tension'."""

    party: Party = Field(description="'counterpart' (the other side's leader) or 'ally' (your own ally).")
    kind: MeterKind = Field(
        description="tension, trust, resolve, confidence or approval. The rules move counterpart.tension, "
        "counterpart.trust, counterpart.resolve and ally.confidence; other meters move only by events."
    )
    start: MeterValue = Field(50.0, description="The value at the start of the summit (0-100).")
    bands: list[Band] = Field(
        default_factory=list, description="Named ranges in rising order; the last must reach 100."
    )


class Session(Strict):
    """One sitting of the summit; sessions run in the order written."""

    id: Id = Field(description="Unique session id; `session:` conditions name it.")
    name: Text = Field(description="The session's name, e.g. 'Morning talks'.")
    when: Text = Field(description="Date and time, e.g. '3 June 1961, 12:45'.")
    place: Text = Field(description="Where it took place.")
    turns: Annotated[int, Field(ge=1, le=4)] = Field(1, description="How many moves the player makes in it (1-4).")
    history: Text = Field(description="What actually happened in this session (for the debrief).")


class MeterEffect(Strict):
    """A change to one meter when an event breaks in."""

    meter: str = Field(description="A declared meter, '<party>.<kind>', e.g. 'ally.confidence'.")
    delta: Delta = Field(description="Points added (negative: taken away), -100 to 100; meters stay within 0-100.")
    lasting: bool = Field(True, description="False: fades session by session like a grudge.")


class SideText(Strict):
    """Text that differs by the side the player leads; 'any' is used when the side has none."""

    any: Text | None = Field(None, description="The text whichever side the player leads.")
    by_side: dict[Id, Text] = Field(
        default_factory=dict, description="side id -> the text when the player leads that side (wins over 'any')."
    )


# Events and endings may each be limited to the side the player leads.
ForSides = Annotated[
    list[Id] | None, Field(description="Only when you lead one of these sides (default: either side).")
]


class Event(Strict):
    """Something that breaks in during the summit, once, when its condition holds."""

    id: Id = Field(description="Unique event id.")
    title: Text = Field(description="The headline shown when it breaks in.")
    for_sides: ForSides = None
    when: Condition = Field(description="When it breaks in: checked after each turn; each event happens at most once.")
    text: SideText = Field(description="What the player reads.")
    effects: list[MeterEffect] = Field(default_factory=list, description="Meter changes it brings.")
    aspiration: Annotated[float, Field(ge=-0.5, le=0.5)] = Field(
        0.0, description="Shift in the counterpart's aspiration."
    )


Rating = Literal["better", "history", "worse", "breakdown"]


class Ending(Strict):
    """How the summit may end. Endings are checked in the order written when the summit
    ends; the first whose condition holds is the ending."""

    id: Id = Field(description="Unique ending id.")
    title: Text = Field(description="The ending's headline.")
    rating: Rating = Field(
        description="better or worse than history, as history went, or breakdown; a scenario needs better, "
        "history and worse."
    )
    for_sides: ForSides = None
    when: Condition = Field(
        description="When this ending applies; `{}` always holds, so a last catch-all ending catches every other case."
    )
    epilogue: SideText = Field(description="What happened next, told to the player.")


class Debrief(Strict):
    """What the player learns after the game: the history and its sources."""

    summary: Text = Field(description="What really happened, and what it teaches.")
    quotations: list["Quotation"] = Field(
        default_factory=list, description="Real words of real people, each findable in a cited source."
    )
    sources: list[Source] = Field(min_length=1, description="The sources the scenario rests on (at least one).")


class Quotation(Strict):
    speaker: Text = Field(description="Who said it (a real person).")
    text: Text = Field(description="The words, exactly as the source gives them.")
    source: Text = Field(description="Where to find them: source title and page or date.")


class Scenario(Strict):
    """A historical summit as data. Ids named in one place must exist in another
    (checked by `summit validate`): terms, red_lines and `agreed` name issues and their
    positions; `meter` names a declared meter; `session` a session; by_side, for_sides
    and promise_by a side; `personality` a built-in or installed personality."""

    id: Id = Field(description="Unique among all scenarios; `summit play ID` uses it.")
    title: Text = Field(description="The scenario's title in menus.")
    place: Text = Field(description="Where the summit took place.")
    dates: Text = Field(description="When, as text, e.g. '3-4 June 1961'.")
    year: Annotated[int, Field(ge=1800, le=2100)] = Field(description="The year, 1800-2100, for sorting.")
    hook: Text = Field(description="One paragraph that invites the player to the table.")
    theme: Literal["cable", "briefing"] = Field(
        "cable", description="The window's look: cable (a telegram) or briefing (a typed memo)."
    )
    sides: list[Side] = Field(min_length=2, max_length=2, description="Exactly two sides.")
    issues: list[Issue] = Field(min_length=1, max_length=8, description="1-8 issues on the agenda.")
    meters: list[MeterDef] = Field(
        min_length=2, description="The meters; counterpart.tension and counterpart.trust are required."
    )
    sessions: list[Session] = Field(min_length=1, max_length=20, description="1-20 sessions, in order.")
    events: list[Event] = Field(default_factory=list, description="Things that break in when their condition holds.")
    endings: list[Ending] = Field(
        min_length=1, description="Checked in order when the summit ends; the first that holds wins."
    )
    learning_objectives: list[Text] = Field(min_length=1, description="What a student should take away.")
    debrief: Debrief = Field(description="The history after the game, with sources.")
    tuning: dict[Id, TuningValue] = Field(
        default_factory=dict,
        description="Overrides of the rules' numbers (names and defaults in game.core.tuning). "
        "Each is a finite number; most lie in -100..100, fractions in 0..1 and thresholds in 0..100 "
        "(checked per name).",
    )


Debrief.model_rebuild()
