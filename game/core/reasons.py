"""Why a meter moved: a fixed list of causes, so batches carry numbers, not strings.

Each turn produces deltas[N, meter, cause]; only a game shown to a person is turned into
sentences ("Tension +12: you warned ... (+8); Khrushchev is quick to take offence (+4)").

Each cause is defined once below, with its wording. Placeholders: {action} (what you
chose), {counterpart} and {ally} (names as the scenario gives them), {verb} (what the
counterpart's reply did, from `game.core.kinds`), {events} (titles of events that fired).
A new cause is appended at the end, so the codes of the others stay put.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from game.core.kinds import REPLY_KIND


@dataclass(frozen=True)
class Cause:
    name: str
    text: str  # the reason in words, from the player's point of view
    when_down: str = ""  # the wording when the amount is negative, if it differs
    without_ally: str = ""  # the wording when your side has no ally, if it differs


CAUSE_TABLE: tuple[Cause, ...] = (
    Cause("action", "you chose: {action}"),
    Cause("pride", "{counterpart} is quick to take offence", when_down="{counterpart}'s pride is soothed"),
    Cause("warmth", "{counterpart} responds to personal warmth"),
    Cause("volatility", "{counterpart}'s temper"),
    Cause("charm_wears", "charm without substance reads as weakness"),
    Cause("early", "conceding this early looks like weakness"),
    Cause("unbacked", "you gave way on an issue you had warned about"),
    Cause("agreement", "an agreement was reached"),
    Cause("offer", "how your offer landed"),
    Cause("reply", "{counterpart} {verb}"),
    Cause("event", "{events}"),
    Cause("spiral", "suspicion feeds tension"),
    Cause("fade", "grudges and goodwill fade"),
    Cause("ally_interests", "what it means for {ally}", without_ally="your allies' interests"),
    Cause("core", "you held your core commitment"),
    Cause("zeal", "{counterpart}'s convictions"),
    Cause("ally_watches", "{ally} sees you give ground", without_ally="your ally sees you give ground"),
    Cause("weakness", "{ally} doubts your resolve", without_ally="your ally doubts your resolve"),
    Cause("repeat", "you repeated last turn's offer word for word"),
    Cause("deadline", "{counterpart}'s deadline passed, and it was no bluff"),
    Cause("yielded", "you gave way under {counterpart}'s deadline"),
    Cause("leak", "{ally} leaked your consultations", without_ally="your ally leaked your consultations"),
    Cause("ally_break", "{ally} broke with you in public", without_ally="your ally broke with you in public"),
    Cause("divided", "{counterpart} sees you divided from {ally}", without_ally="{counterpart} sees your side divided"),
    Cause("bluff", "you called {counterpart}'s bluff"),
    Cause("split", "{counterpart} played on your differences with {ally}",
          without_ally="{counterpart} played on your side's differences"),
)
CAUSES: tuple[str, ...] = tuple(c.name for c in CAUSE_TABLE)
C = MappingProxyType({name: code for code, name in enumerate(CAUSES)})
CAUSE = MappingProxyType({c.name: c for c in CAUSE_TABLE})
AI_VERBS = MappingProxyType({k.name: k.verb for k in REPLY_KIND.values()})


def cause_text(cause: str, amount: float, *, action: str, counterpart: str, ally: str,
               ai_kind: str, events: str) -> str:
    """One reason, in words, from the player's point of view."""
    known = CAUSE.get(cause)
    if known is None:
        return cause
    template = known.text
    if amount < 0 and known.when_down:
        template = known.when_down
    if not ally and known.without_ally:
        template = known.without_ally
    return template.format(action=action, counterpart=counterpart, ally=ally, events=events or "events",
                           verb=AI_VERBS.get(ai_kind, ai_kind))
