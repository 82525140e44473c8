"""Which line a leader says: chosen by context, never the same words twice in ten turns.

A leader's lines come from two places: the personality (lines for any scenario, by kind of
reply, optionally tagged with a mood and with the player moves they answer) and the
scenario side (lines about one issue, e.g. what Khrushchev says when asked about Berlin).
For one reply the candidates are the lines of that kind that fit the context: the issue
the reply is about, the mood at the table (tension and trust) and the player's move it
answers. The most specific fitting lines are preferred (an issue's own line over a general
one, a line for this mood over an untagged one); among equals the choice is a
counter-based random draw, so it is a pure function of seed, game, turn and the lines said
recently, which the caller passes from the transcript.

No exact line (after its placeholders are filled) repeats within REPEAT_WINDOW turns while
any fitting line is fresh; if every fitting line was said recently, the one said longest
ago is used, so a game never stalls for want of words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

REPEAT_WINDOW = 10  # turns within which no exact line is said twice
TENSE_AT = 50.0  # counterpart tension at or above this: the mood is "tense"
WARM_AT = 50.0  # counterpart trust at or above this (and not tense): the mood is "warm"
MOODS = ("tense", "warm")


@dataclass(frozen=True)
class Line:
    """One line a leader may say. `issue` is an issue index (-1: any issue), `mood` one of
    MOODS ("" = any mood), `answers` the player move kinds it replies to (empty: any)."""

    kind: str
    text: str
    issue: int = -1
    mood: str = ""
    answers: tuple[str, ...] = ()


def mood_of(tension: float, trust: float) -> str:
    """The mood at the table from the counterpart's tension and trust."""
    if tension >= TENSE_AT:
        return "tense"
    if trust >= WARM_AT:
        return "warm"
    return ""


def fits(line: Line, kind: str, issue: int, mood: str, answers: str) -> bool:
    return (
        line.kind == kind
        and line.issue in (-1, issue)
        and line.mood in ("", mood)
        and (not line.answers or answers in line.answers)
    )


def specificity(line: Line) -> int:
    """How closely a fitting line is tied to this moment: issue first, then mood, then move."""
    return 4 * (line.issue >= 0) + 2 * bool(line.mood) + bool(line.answers)


def choose(
    lines: Sequence[Line],
    kind: str,
    u: float,
    fill: Callable[[str], str],
    *,
    issue: int = -1,
    mood: str = "",
    answers: str = "",
    recent: Sequence[str] = (),
) -> str | None:
    """The filled text of the line to say, or None when no line of `kind` fits.

    `u` is a uniform draw in [0, 1) for this reply; `recent` the texts said on the last
    turns, oldest first (only the last REPEAT_WINDOW - 1 count)."""
    said = list(recent)[-(REPEAT_WINDOW - 1) :] if REPEAT_WINDOW > 1 else []
    fitting = [line for line in lines if fits(line, kind, issue, mood, answers)]
    if not fitting:
        return None
    texts = [fill(line.text) for line in fitting]
    fresh = [k for k, text in enumerate(texts) if text not in said]
    if not fresh:
        # Every fitting line was said lately: the one said longest ago.
        return min(texts, key=lambda text: max(i for i, s in enumerate(said) if s == text))
    best = max(specificity(fitting[k]) for k in fresh)
    tier = [k for k in fresh if specificity(fitting[k]) == best]
    # Distinct texts only, so two templates that fill to the same words count once.
    options = list(dict.fromkeys(texts[k] for k in tier))
    return options[min(int(u * len(options)), len(options) - 1)]
