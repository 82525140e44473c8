"""Every kind of move, defined once: the player's actions and the counterpart's replies.

This table is the author's manual and the single source for everything that names a
kind: the rules apply each player kind's `effects` from here, the content models take
their literals from here, the menus take `tag` and `group`, the action-card hints read
`effects` and `note`, and the JSON Schema's descriptions come from `doc`.

Adding a player action kind: add a `PlayerKind` row below (its direct effects as
`Effect`s, with any new numbers in `game.core.tuning`); if it does more than move meters
(puts terms on the table, changes the agenda), give it a named phase in
`game.core.rules`. Nothing else needs to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Effect:
    """A direct effect of a player's move on one meter.

    `meter` is a meter kind (tension, trust, resolve, confidence); `tuning` names the
    number in `game.core.tuning` (scenarios may override it); `lasting=False` makes it
    goodwill or a grudge that fades by the session. `modifier` names how the
    counterpart's traits scale it: "hostile" (pride multiplies, volatility adds noise),
    "warmth" (personal warmth multiplies), "fatigue" (each repeat is worth less), or ""
    (the number as it stands).
    """

    meter: str
    tuning: str
    lasting: bool = True
    modifier: str = ""


@dataclass(frozen=True)
class PlayerKind:
    name: str
    tag: str  # the word on menus and cards
    group: str  # the table's filter tab and the terminal menu's heading
    needs_issue: bool  # an action of this kind names one issue
    needs_terms: bool  # an action of this kind puts positions on the table
    effects: tuple[Effect, ...]  # applied by the rules whenever this kind is played
    note: str  # what a player may know before choosing it (shown as a hint)
    doc: str  # the author's manual entry
    # A move of substance: it moves the talks (the counterpart's time curve advances only
    # with these). Any other move spends the counterpart's patience and lets its
    # alternatives improve (game.core.pressure).
    engages: bool = False


@dataclass(frozen=True)
class ReplyKind:
    name: str
    verb: str  # "Khrushchev {verb}": used in reasons ("Khrushchev threatened")
    generic: str  # the line used when a personality has none of its own
    doc: str
    shows_offer: bool = False  # the reply puts the counterpart's terms on the table (shown with it)
    about_your_issue: bool = False  # its {issue} is the issue your action named, if it named one


GROUPS = ("Offers", "Questions", "Pressure", "Give", "Talk")

PLAYER_KIND_TABLE: tuple[PlayerKind, ...] = (
    PlayerKind(
        "propose", "Proposal", "Offers", False, True, (),
        "An offer far from their needs raises tension instead; one they accept eases it.",
        "Put positions on the table (`terms`: issue -> position). Accepted terms become "
        "agreements; an insulting offer (below their walk-away value or across their red "
        "lines) raises tension.",
        engages=True,
    ),
    PlayerKind(
        "accept", "Accept", "Offers", False, False, (),
        "Takes their offer as it stands; accepting a poor deal reads as weakness.",
        "Accept the counterpart's standing offer. Open only while an offer stands.",
        engages=True,
    ),
    PlayerKind(
        "counter", "Counter-offer", "Offers", False, True, (),
        "Answers their offer with terms of your own, shown before you send them.",
        "Answer the standing offer with your own terms (`terms`), or by default one step from "
        "your position toward theirs on each issue it covers, never across your own red lines. "
        "Open only while an offer stands; counters in a row wear their patience.",
        engages=True,
    ),
    PlayerKind(
        "reject", "Reject", "Offers", False, False,
        (Effect("tension", "reject_tension", modifier="hostile"), Effect("resolve", "reject_resolve")),
        "Clears their offer off the table; shows firmness.",
        "Reject the standing offer. Open only while an offer stands.",
    ),
    PlayerKind(
        "probe", "Question", "Questions", True, False,
        (Effect("trust", "probe_trust"),),
        "Learn how much this issue matters to them (your staff may read it a little wrong). Costs a turn.",
        "Ask what the other side needs on `issue`: reveals an estimate of its interest and "
        "what it really needs. Once per issue.",
        engages=True,
    ),
    PlayerKind(
        "reassure", "Reassurance", "Give", False, False,
        (Effect("trust", "reassure_trust", False, "warmth"), Effect("tension", "reassure_tension", False),
         Effect("resolve", "reassure_resolve")),
        "Goodwill that fades by the session.",
        "Reassure the counterpart: goodwill that fades session by session.",
    ),
    PlayerKind(
        "warn", "Warning", "Pressure", True, False,
        (Effect("tension", "warn_tension", modifier="hostile"), Effect("trust", "warn_trust"),
         Effect("resolve", "warn_resolve")),
        "Conceding on this issue later would be an empty threat.",
        "Warn of consequences over `issue`. Shows resolve; conceding that issue later "
        "costs more resolve than the warning gained.",
    ),
    PlayerKind(
        "concede", "Concession", "Give", True, False,
        (Effect("tension", "concede_tension"), Effect("trust", "concede_trust"), Effect("resolve", "concede_resolve")),
        "Moves your position one step toward theirs. Early, or after a warning on the same issue, "
        "it reads as weakness; your ally may lose confidence.",
        "Move your position on `issue` one step toward theirs, unasked.",
        engages=True,
    ),
    PlayerKind(
        "appeal", "Appeal", "Talk", False, False,
        (Effect("tension", "appeal_tension", modifier="zeal"), Effect("trust", "appeal_trust")),
        "Eases tension; a zealous leader is less moved. Talk without terms tries their patience.",
        "Appeal to shared survival.",
    ),
    PlayerKind(
        "rapport", "Rapport", "Talk", False, False,
        (Effect("trust", "rapport_trust", False, "warmth+fatigue"), Effect("tension", "rapport_tension", False, "fatigue")),
        "Goodwill that fades by the session; repeated charm without substance reads as weakness.",
        "Personal rapport: goodwill that fades, worth less each time.",
    ),
    PlayerKind(
        "consult_ally", "Consult your ally", "Talk", False, False,
        (Effect("confidence", "consult_ally", modifier="fatigue"), Effect("resolve", "consult_ally_resolve", modifier="fatigue")),
        "Steadies your ally; worth less each time, and a much-consulted ally may leak.",
        "Consult your ally. Open only when your side has one.",
    ),
    PlayerKind(
        "statement", "Public statement", "Pressure", False, False,
        (Effect("tension", "statement_tension", False, "hostile"), Effect("trust", "statement_trust"),
         Effect("resolve", "statement_resolve"), Effect("confidence", "statement_ally")),
        "Plays to your public; the tension it adds fades by the session.",
        "A statement to the press.",
    ),
    PlayerKind(
        "break", "Break", "Talk", False, False,
        (Effect("tension", "break_tension", False),),
        "The calm fades by the session; a recess spends their patience and lets their alternatives improve.",
        "Call a recess.",
    ),
    PlayerKind(
        "walk_out", "Walk out", "Pressure", False, False,
        (Effect("tension", "walk_out_tension", modifier="hostile"),),
        "Ends the summit.",
        "Leave the table: the summit ends after the counterpart's last word.",
    ),
)

REPLY_KIND_TABLE: tuple[ReplyKind, ...] = (
    ReplyKind("greet", "greeted you", "{them} greets you and sits down across the table.", "Opening words."),
    ReplyKind("accept", "accepted", "{them} accepts: \"Agreed. Let it be written down.\"",
              "Accepts your terms: they become agreements."),
    ReplyKind("counter", "countered", "{them} answers with a counter-proposal.",
              "Answers your proposal with its own terms on the same issues.", shows_offer=True),
    ReplyKind("reject", "rejected your offer", "{them} rejects the offer.", "Turns your proposal down."),
    ReplyKind("demand", "pressed a demand", "{them} insists on {position}.",
              "Insists on its best position on its weightiest open issue.", shows_offer=True),
    ReplyKind("ultimatum", "set a deadline", "{them} sets a deadline on {issue}.",
              "Sets a deadline: its demands rise.", shows_offer=True),
    ReplyKind("threat", "threatened", "{them} warns of consequences over {issue}.", "Threatens: tension rises.",
              about_your_issue=True),
    ReplyKind("concession", "made a concession", "{them} gives some ground.", "Gives ground: its offer improves.",
              shows_offer=True),
    ReplyKind("lecture", "lectured you", "{them} delivers a long lecture on history and principle.",
              "An ideological lecture: trust falls.", about_your_issue=True),
    ReplyKind("package", "put a package on the table", "{them} puts a package on the table.",
              "Offers terms on the whole open agenda.", shows_offer=True),
    ReplyKind("walk_out", "walked out", "{them} gathers the papers and leaves the room.", "Leaves: the summit ends."),
    ReplyKind("probe_answer", "answered your question", "{them} answers your question about {issue}.",
              "Answers your question about an issue.", about_your_issue=True),
    ReplyKind("warm", "warmed to you", "{them} smiles; the room relaxes a little.", "Warms to you.",
              about_your_issue=True),
    ReplyKind("cool", "stayed cool", "{them} listens, unmoved.", "Listens, unmoved.",
              about_your_issue=True),
    ReplyKind("divide", "played on your differences with your ally",
              "{them} asks, pleasantly, whether your allies know what you are offering here, and "
              "whether they would agree to it.",
              "Tries to split you from your ally (when its confidence is low or your terms hurt it): "
              "your ally's confidence falls."),
)

PLAYER_KINDS: tuple[str, ...] = tuple(k.name for k in PLAYER_KIND_TABLE)
AI_KINDS: tuple[str, ...] = tuple(k.name for k in REPLY_KIND_TABLE)
PK = MappingProxyType({name: code for code, name in enumerate(PLAYER_KINDS)})
AK = MappingProxyType({name: code for code, name in enumerate(AI_KINDS)})
PLAYER_KIND = MappingProxyType({k.name: k for k in PLAYER_KIND_TABLE})
REPLY_KIND = MappingProxyType({k.name: k for k in REPLY_KIND_TABLE})


def kinds_in_group(group: str) -> tuple[str, ...]:
    """The player kinds under one of `GROUPS` (a table tab, a terminal menu heading)."""
    return tuple(k.name for k in PLAYER_KIND_TABLE if k.group == group)


# The condition operators an author may write under `when:` (one key each), with the
# manual's words for each. How each is compiled and evaluated is `game.core.conditions`;
# the words live here, with no numpy, so that content can be validated without the batch core.
CONDITION_DOC = MappingProxyType({
    'all': 'Every one of these conditions holds.',
    'any': 'At least one of these conditions holds.',
    'not_': 'This condition does not hold (written `not:`).',
    'meter': "A meter ('<party>.<kind>') is at least `at_least` and below `below`.",
    'session_at_least': 'The next turn is in this session (0-based) or a later one.',
    'session': 'The next turn is in this session.',
    'agreed': 'These positions are agreed (issue -> position).',
    'agreed_any': 'Some position is agreed on each of these issues.',
    'none_agreed': 'Nothing is agreed yet (false: something is).',
    'agreements_at_least': 'At least this many issues are agreed.',
    'player_did': 'The player has taken an action of this kind at least once.',
    'breakdown': 'Tension reached the brink and the talks broke down (false: they did not).',
    'value_at_least': 'What your side brought home is at least this share (0-1) of the best deal '
                      'the other side could sign (your worth of your best position outside its red lines, per issue).',
    'red_line_crossed': "Some agreement crosses one of your side's red lines (false: none does).",
    'ally_broke': 'Your ally broke with you in public (false: it did not).',
    'intel_true': "The briefing's doubtful intelligence proved true in this game (one draw per game, "
                  "true with the chance `intel_true_chance`; false: it proved wrong).",
    'deadline': "How the counterpart's deadline went: yielded, bluff_called or real.",
})

# The strategy families built into `game.core.strategies` (kept equal by a test), so that a
# personality's family can be checked without importing numpy.
BUILTIN_FAMILY_NAMES: tuple[str, ...] = ("boulware", "conceder", "reciprocator", "hardliner")
