"""Why a meter moved: a fixed list of causes, so batches carry numbers, not strings.

Each turn produces deltas[N, meter, cause]; only a game shown to a person is turned into
sentences ("Tension +12: you warned ... (+8); Khrushchev is quick to take offence (+4)").
"""

from __future__ import annotations

CAUSES = (
    "action",
    "pride",
    "warmth",
    "volatility",
    "charm_wears",
    "early",
    "unbacked",
    "agreement",
    "offer",
    "reply",
    "event",
    "spiral",
    "fade",
    "ally_interests",
    "core",
    "zeal",
    "ally_watches",
    "weakness",
    "repeat",
    "deadline",
    "yielded",
    "leak",
    "ally_break",
    "divided",
    "bluff",
)
C = {name: code for code, name in enumerate(CAUSES)}

AI_VERBS = {
    "greet": "greeted you",
    "accept": "accepted",
    "counter": "countered",
    "reject": "rejected your offer",
    "demand": "pressed a demand",
    "ultimatum": "set a deadline",
    "threat": "threatened",
    "concession": "made a concession",
    "lecture": "lectured you",
    "package": "put a package on the table",
    "walk_out": "walked out",
    "probe_answer": "answered your question",
    "warm": "warmed to you",
    "cool": "stayed cool",
}


def cause_text(cause: str, amount: float, *, action: str, counterpart: str, ally: str,
               ai_kind: str, events: str) -> str:
    """One reason, in words, from the player's point of view."""
    if cause == "action":
        return f"you chose: {action}"
    if cause == "pride":
        return f"{counterpart} is quick to take offence" if amount > 0 else f"{counterpart}'s pride is soothed"
    if cause == "warmth":
        return f"{counterpart} responds to personal warmth" if amount * 1 != 0 else ""
    if cause == "volatility":
        return f"{counterpart}'s temper"
    if cause == "charm_wears":
        return "charm without substance reads as weakness"
    if cause == "early":
        return "conceding this early looks like weakness"
    if cause == "unbacked":
        return "you gave way on an issue you had warned about"
    if cause == "agreement":
        return "an agreement was reached"
    if cause == "offer":
        return "how your offer landed"
    if cause == "reply":
        return f"{counterpart} {AI_VERBS.get(ai_kind, ai_kind)}"
    if cause == "event":
        return events or "events"
    if cause == "spiral":
        return "suspicion feeds tension"
    if cause == "fade":
        return "grudges and goodwill fade"
    if cause == "ally_interests":
        return f"what it means for {ally}" if ally else "your allies' interests"
    if cause == "core":
        return "you held your core commitment"
    if cause == "ally_watches":
        return f"{ally or 'your ally'} sees you give ground"
    if cause == "weakness":
        return f"{ally or 'your ally'} doubts your resolve"
    if cause == "repeat":
        return "you repeated last turn's offer word for word"
    if cause == "deadline":
        return f"{counterpart}'s deadline passed, and it was no bluff"
    if cause == "bluff":
        return f"you called {counterpart}'s bluff"
    if cause == "yielded":
        return f"you gave way under {counterpart}'s deadline"
    if cause == "leak":
        return f"{ally or 'your ally'} leaked your consultations"
    if cause == "ally_break":
        return f"{ally or 'your ally'} broke with you in public"
    if cause == "divided":
        return f"{counterpart} sees you divided from {ally or 'your ally'}"
    if cause == "zeal":
        return f"{counterpart}'s convictions"
    return cause
