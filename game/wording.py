"""The game's words for its records, written once: a turn, a meter change and its reasons,
why the summit ended, your path through the sessions, how they read your resolve, a
source. The terminal, the window and the transcript all word things through here.

Issues, leaders and proper nouns appear as the scenario names them, never as ids.
Functions return plain strings (or lists of them); each front end decides the layout.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from game.core.kinds import REPLY_KIND
from game.core.records import EndingRecord, MeterMove, MeterSeries, ProbeResult, TurnRecord
from game.core.spec import GameSpec


def signed(x: float) -> str:
    """+2, -13, +0: a change on a whole-number meter as a player reads it."""
    return f"{round(x):+d}"


def unquote(text: str) -> str:
    return text.strip().strip('"').strip()


def quoted(text: str) -> str:
    """Spoken words in typographic quotes."""
    return "\u201c" + unquote(text) + "\u201d"


def issue_name(spec: GameSpec, issue_id: str) -> str:
    names = dict(zip(spec.issue_ids, spec.issue_names))
    return names.get(issue_id, issue_id)


def terms_lines(spec: GameSpec, terms: Mapping[str, str]) -> list[str]:
    """'Berlin and a German peace treaty: An interim ...' for each issue of an offer or
    agreement (issue id -> position label), in the scenario's agenda order (a save's
    records come back with their keys sorted)."""
    rank = {iid: i for i, iid in enumerate(spec.issue_ids)}
    ordered = sorted(terms.items(), key=lambda kv: rank.get(kv[0], len(rank)))
    return [f"{issue_name(spec, k)}: {v}" for k, v in ordered]


def probe_sentence(spec: GameSpec, probe: ProbeResult) -> str:
    return f"What you learned about {issue_name(spec, probe.issue)}: it seems {probe.importance} to them. {probe.note}"


def whose(move: MeterMove) -> str:
    return "their" if move.party == "counterpart" else "ally"


def shown_change(move: MeterMove) -> int:
    """The move as the player sees the meter move: from the whole number shown before to
    the whole number shown after (38.6 -> 44.8 reads 39 -> 45, so +6)."""
    if move.before is None:
        return round(move.change)
    return round(move.after) - round(move.before)


def whole_parts(amounts: list[float], total: int) -> list[int]:
    """Whole numbers near `amounts` that add up to `total` (largest remainders: each
    amount is rounded down, then the ones with the largest fractions get the units still
    missing, or the smallest lose the units too many), so the reasons shown beside a
    whole-number change add up to it."""
    parts = [math.floor(a) for a in amounts]
    if not parts:
        return []
    missing = total - sum(parts)
    by_fraction = sorted(range(len(amounts)), key=lambda i: amounts[i] - parts[i], reverse=missing > 0)
    for k in range(abs(missing)):
        parts[by_fraction[k % len(parts)]] += 1 if missing > 0 else -1
    return parts


def reasons_text(move: MeterMove) -> str:
    """'you chose: ... (+2); grudges and goodwill fade (-1)': each reason's amount in whole
    numbers that add up to the change shown (a reason under a point shows as +0 or -0)."""
    parts = whole_parts([r.amount for r in move.reasons], shown_change(move))
    return "; ".join(f"{r.text} ({_signed_part(p, r.amount)})" for r, p in zip(move.reasons, parts) if r.text)


def _signed_part(part: int, amount: float) -> str:
    return ("-0" if amount < 0 else "+0") if part == 0 else f"{part:+d}"


def meter_move_line(move: MeterMove) -> str:
    """'Trust (their) +2 -> 34 wary: you chose: ... (+2)'."""
    why = reasons_text(move)
    head = f"{move.name} ({whose(move)}) {signed(shown_change(move))} -> {move.after:.0f} {move.band}"
    return f"{head}: {why}" if why else head


def meter_change(move: MeterMove) -> str:
    """'+2 to 34 (wary)': the move alone, where the meter is already named."""
    return f"{signed(shown_change(move))} to {move.after:.0f} ({move.band})"


def turn_heading(record: TurnRecord) -> str:
    return f"Turn {record.turn}, {record.session_name}".rstrip(", ") if record.action else "The talks open"


def event_line(title: str) -> str:
    return f"Event: {title}"


def ending_cause(end: EndingRecord, counterpart: str) -> str:
    """Why the summit ended."""
    if end.breakdown:
        return "Tension reached the brink: the talks broke down."
    if end.walked_out:
        return f"The talks ended when {'you' if end.walked_out == 'you' else counterpart} walked out."
    return "The summit ran its full course."


DEADLINE_SENTENCES = {
    "yielded": "You gave ground on the issue of {them}'s deadline before it ran out: you yielded to it.",
    "bluff_called": "{them}'s deadline ran out and nothing happened: you called the bluff.",
    "real": "{them}'s deadline ran out, and it was no bluff.",
}


def deadline_sentence(outcome: str, counterpart: str) -> str:
    """How the counterpart's deadline turned out this turn, in words."""
    return DEADLINE_SENTENCES.get(outcome, outcome).format(them=counterpart)


def reply_verb(kind: str) -> str:
    known = REPLY_KIND.get(kind)
    return known.verb if known else kind


def path_by_session(spec: GameSpec, records: Iterable[TurnRecord]) -> dict[str, str]:
    """Session id -> what you did in it and how they answered, in one line."""
    by_session: dict[str, list[str]] = {}
    for r in records:
        if r.action is not None:
            by_session.setdefault(r.session, []).append(f"{r.action.label} ({spec.ai_leader} {reply_verb(r.reply.kind)})")
    return {sid: "; ".join(items) for sid, items in by_session.items()}


NO_PATH = "the talks had ended"


def resolve_story(spec: GameSpec, series: MeterSeries | None) -> list[str]:
    """How the counterpart read your resolve, session by session, in sentences."""
    if series is None or not series.points:
        return []
    them = spec.ai_leader
    lines = [f"{them} began by rating your resolve {series.start:.0f} ({series.start_band})."]
    lines += [f"After {p.session}: {p.value:.0f} ({p.band})." for p in series.points]
    end = series.points[-1].value
    if end >= series.start + 10:
        lines.append(f"{them} came to see you as firmer than expected.")
    elif end <= series.start - 10:
        lines.append(f"{them} came away believing you could be pushed.")
    else:
        lines.append(f"{them}'s view of your resolve changed little.")
    return lines


def agenda_lines(item: Mapping) -> list[tuple[str, str]]:
    """One issue of `Game.view()["agenda"]` as (role, sentence) pairs; roles are
    "agreed", "position", "offer", "no_offer" and "probe", for a front end's styling."""
    if item["agreed"]:
        return [("agreed", f"Agreed: {item['agreed']}")]
    out = [("position", f"Your position: {item['your_position']}")]
    if item["their_offer"]:
        out.append(("offer", f"Their offer: {item['their_offer']}"))
    else:
        out.append(("no_offer", "Their offer: none yet"))
    if item["probed"]:
        out.append(("probe", f"Probe: {item['their_interest']}. {item['their_need'] or ''}".strip()))
    return out


def source_line(source) -> str:
    """A debrief source: title, author, date, and its note if it has one."""
    words = ", ".join(x for x in (source.title, source.author, source.date) if x)
    note = getattr(source, "note", None)
    return words + (f". {note}" if note else "")


def quotation_line(q) -> str:
    return f"\"{' '.join(q.text.split())}\" ({q.speaker}; {q.source})"


def final_meter_line(m: Mapping) -> str:
    """A meter at the end, from `Game.meters()`."""
    return f"{m['name']} ({m['party']}): {m['value']:.0f}, {m['band']}"


__all__ = [
    "deadline_sentence", "ending_cause", "issue_name", "meter_change", "meter_move_line", "path_by_session", "probe_sentence",
    "quoted", "reasons_text", "resolve_story", "signed", "source_line", "terms_lines", "turn_heading",
]


def not_saved(error: str) -> str:
    """A save that failed (a full disk, a folder that cannot be written), said the same in
    the terminal and the window: play goes on, and the save already there is kept."""
    return f"{error}. Play goes on; the previous save is unchanged."
