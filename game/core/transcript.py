"""A turn of one game, as a JSON-ready record in words: what you did, what the
counterpart said, every meter's move with its reasons, events, agreements.

Records are built from the batch arrays for one row, so a game simulated in a batch of
100,000 and the same game played alone give the same record.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

import numpy as np

from game.core import rng
from game.core.kinds import REPLY_KIND, REPLY_KIND_TABLE
from game.core.lines import Line, choose, mood_of
from game.core.reasons import CAUSES, cause_text
from game.core.records import (
    ActionTaken,
    EndingRecord,
    EventRecord,
    MeterMove,
    ProbeResult,
    Reason,
    Said,
    TurnRecord,
)
from game.core.spec import AI_KINDS, AK, GameSpec, Mind
from game.core.state import BatchState

GENERIC_LINES = MappingProxyType({k.name: k.generic for k in REPLY_KIND_TABLE})  # a personality without its own


_SENTENCE_END = (".", "!", "?", "\u201c", '"')


def fill(template: str, **values: str) -> str:
    """Fill {placeholders}, capitalising a value that opens a sentence; unknown
    placeholders are left as written rather than failing."""
    out = []
    rest = template
    while True:
        start = rest.find("{")
        end = rest.find("}", start + 1)
        if start < 0 or end < 0:
            out.append(rest)
            return "".join(out)
        key = rest[start + 1 : end]
        before = "".join(out) + rest[:start]
        out.append(rest[:start])
        if key in values:
            value = values[key]
            opens = not before.strip() or before.rstrip().endswith(_SENTENCE_END)
            out.append(value[:1].upper() + value[1:] if opens else value)
        else:
            out.append(rest[start : end + 1])
        rest = rest[end + 1 :]


def pick_line(spec: GameSpec, mind: Mind, kind: str, st: BatchState, row: int, turn: int, stream: int,
              *, about: int = -1, mood: str = "", answers: str = "", recent: Sequence[str] = (), **values: str) -> str:
    """What `mind` says for a reply of `kind` about issue `about` in game `row`, chosen by
    context (game.core.lines); the generic line when the personality has none of this kind."""
    u = st.draw_row(row, stream, turn)
    voice = mind.voice_by_kind.get(kind, ()) if mind.voice else tuple(Line(kind, text) for text in mind.lines.get(kind, ()))
    said = choose(voice, kind, u, lambda t: fill(t, **values), issue=about, mood=mood, answers=answers, recent=recent)
    return said if said is not None else fill(GENERIC_LINES.get(kind, "{them} considers."), **values)


def issue_mid(spec: GameSpec, issue: int) -> str:
    """An issue as named mid-sentence (its `short`), for {issue}."""
    if issue < 0:
        return "the agenda"
    return spec.issue_shorts[issue] if spec.issue_shorts else spec.issue_names[issue]


def table_mood(spec: GameSpec, meters: np.ndarray) -> str:
    k_tension, k_trust = spec.meter_index("counterpart.tension"), spec.meter_index("counterpart.trust")
    tension = float(meters[k_tension]) if k_tension >= 0 else 0.0
    trust = float(meters[k_trust]) if k_trust >= 0 else 0.0
    return mood_of(tension, trust)


def terms_text(spec: GameSpec, terms: np.ndarray) -> dict[str, str]:
    return {spec.issue_ids[i]: spec.position_labels[i][int(p)] for i, p in enumerate(terms) if p >= 0}


def meter_moves(spec: GameSpec, before: np.ndarray, after: np.ndarray, deltas: np.ndarray, *,
                action: str, ai_kind: str, events: str) -> tuple[MeterMove, ...]:
    """One entry per meter that moved: before, after, band and the reasons (cause, amount)."""
    out = []
    # Python floats once (tolist), not a numpy scalar per meter and cause: the same values.
    by_meter, befores, afters = deltas.tolist(), before.tolist(), after.tolist()
    for k, m in enumerate(spec.meters):
        reasons = []
        for cause, raw in zip(CAUSES, by_meter[k]):
            amount = round(raw, 1) if raw else 0.0
            if amount != 0.0:
                text = cause_text(cause, amount, action=action, counterpart=spec.ai_leader, ally=spec.ally_name,
                                  ai_kind=ai_kind, events=events)
                reasons.append(Reason(cause, text, amount))
        b, a = round(befores[k], 1), round(afters[k], 1)
        if reasons or a != b:
            out.append(MeterMove(m.ref, m.name, m.party, a, m.band(a), b, round(a - b, 1), tuple(reasons)))
    return tuple(out)


def fired_events(spec: GameSpec, fired: np.ndarray) -> tuple[EventRecord, ...]:
    """The events that fired, from one game's row of flags."""
    return tuple(EventRecord(spec.events[e].id, spec.events[e].title, spec.events[e].text)
                 for e in range(len(spec.events)) if fired[e])


def describe_turn(spec: GameSpec, st: BatchState, outcome, row: int, recent: Sequence[str] = (),
                  recent_ally: Sequence[str] = ()) -> dict:
    """The record of the turn just played by game `row` (call right after `step`), as
    the transcript and saves hold it (`TurnRecord.to_dict`). `recent`, `recent_ally`:
    the counterpart's and the ally's lines said before, oldest first (no line repeats
    within game.core.lines.REPEAT_WINDOW turns)."""
    return turn_record(spec, st, outcome, row, recent, recent_ally).to_dict()


def turn_record(spec: GameSpec, st: BatchState, outcome, row: int, recent: Sequence[str] = (),
                recent_ally: Sequence[str] = ()) -> TurnRecord:
    turn = int(st.turn[row]) - 1
    sess = spec.sessions[int(spec.session_of_turn[turn])]
    action = spec.actions[int(outcome.action[row])]
    kind = AI_KINDS[int(outcome.reply[row])]
    values = line_values(spec, st, outcome, row, action, kind)
    events = fired_events(spec, outcome.events[row])
    before = st.history[row, turn]
    after = st.history[row, turn + 1]
    focus = line_focus(outcome, row, action, kind)
    line = pick_line(spec, spec.counterpart, kind, st, row, turn, rng.STREAM_LINE,
                     about=focus, mood=table_mood(spec, after), answers=action.kind, recent=recent, **values)
    offer = terms_text(spec, st.ai_offer[row]) if REPLY_KIND[kind].shows_offer else None
    agreed = outcome.agreed_now[row]
    return TurnRecord(
        turn=turn + 1,
        session=sess.id,
        session_name=sess.name,
        action=ActionTaken(action.id, action.kind, action.label, action.says, own_terms(spec, outcome, row)),
        reply=Said(spec.ai_leader, kind, line, offer),
        # This game's row only (Deltas.total() would sum every game's causes first).
        meters=meter_moves(spec, before, after, outcome.deltas.lasting[row] + outcome.deltas.fading[row],
                           action=action.label.rstrip("."), ai_kind=kind, events="; ".join(e.title for e in events)),
        events=events,
        ally=ally_voice(spec, st, row, turn, before, after, values, recent_ally, focus),
        agreed=terms_text(spec, agreed) if (agreed >= 0).any() else None,
        probe=probe_result(spec, st, row, action),
        ending=ending_of(spec, st, row) if outcome.ended[row] else None,
        deadline=DEADLINE_WORDS.get(int(outcome.deadline[row])) if outcome.deadline is not None else None,
    )


DEADLINE_WORDS = {1: "yielded", 2: "bluff_called", 3: "real"}


def own_terms(spec: GameSpec, outcome, row: int) -> dict[str, str] | None:
    """The terms a counter or your own offer put on the table (issue id -> label): the
    ones no card shows in advance."""
    a = int(outcome.action[row])
    if a < 0 or not spec.action_composable[a]:
        return None
    return terms_text(spec, outcome.terms[row]) or None


def line_focus(outcome, row: int, action, kind: str) -> int:
    """The issue a reply is about (-1: none): the one your move named, for replies to it."""
    focus = int(outcome.focus[row])
    if action.issue >= 0 and REPLY_KIND[kind].about_your_issue:
        focus = action.issue
    return focus


def line_values(spec: GameSpec, st: BatchState, outcome, row: int, action, kind: str) -> dict[str, str]:
    """What fills a line's {placeholders}: the issue in focus and the position at stake
    (for a package, every position in it)."""
    focus = line_focus(outcome, row, action, kind)
    offer = st.ai_offer[row]
    pos_label = ""
    if focus >= 0:
        p = offer[focus] if offer[focus] >= 0 else st.agreed[row, focus]
        if p < 0:
            p = outcome.terms[row, focus]
        pos_label = spec.position_shorts[focus][int(p)] if p >= 0 else ""
    if kind == "package":
        pos_label = spoken_list([spec.position_shorts[i][int(p)] for i, p in enumerate(offer) if p >= 0]) or pos_label
    return {
        "issue": issue_mid(spec, focus),
        "position": pos_label or "our proposal",
        "leader": spec.player_address,
        "you": spec.player_address,
        "them": spec.ai_leader,
    }


def spoken_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': positions as one says them in a row; semicolons
    between them when one has a comma of its own ('a, with x; b; and c')."""
    if len(items) <= 1:
        return "".join(items)
    sep = "; " if any("," in item for item in items) else ", "
    if len(items) == 2:
        return items[0] + (sep + "and " if sep == "; " else " and ") + items[1]
    return sep.join(items[:-1]) + (sep if sep == "; " else " ") + "and " + items[-1]


def probe_result(spec: GameSpec, st: BatchState, row: int, action) -> ProbeResult | None:
    if action.kind != "probe" or not st.probed[row, action.issue]:
        return None
    est = float(st.estimate[row, action.issue])
    return ProbeResult(spec.issue_ids[action.issue], importance(est), round(est, 3), spec.ai_notes[action.issue])


ALLY_SPEAKS_AT = 5.0  # confidence points in one turn that make your ally speak up


def ally_voice(spec: GameSpec, st: BatchState, row: int, turn: int, before, after, values: dict,
               recent: Sequence[str] = (), focus: int = -1) -> Said | None:
    """Your ally speaks up when its confidence moves sharply: pleased, worried, or (when
    already shaken) with a demand; {position} in its line is its own on issue `focus`."""
    k = spec.meter_index("ally.confidence")
    if spec.ally is None or k < 0:
        return None
    change = float(after[k] - before[k])
    if abs(change) < ALLY_SPEAKS_AT:
        return None
    kind = "warm" if change > 0 else ("demand" if after[k] < 40.0 else "cool")
    speaker = spec.ally_leader or spec.ally_name
    line = pick_line(spec, spec.ally, kind, st, row, turn, rng.STREAM_ALLY_LINE,
                     recent=recent, **dict(values, them=speaker, position=ally_position(spec, focus)))
    return Said(speaker, kind, line)


def ally_position(spec: GameSpec, issue: int) -> str:
    """The position your ally itself holds on `issue` (the one it values most; your own
    side's best where it does not care), for {position} in its lines."""
    if issue < 0:
        return "our common position"
    cares = np.where(spec.position_mask[issue], spec.ally_cares[issue], -1.0)
    best = int(cares.argmax()) if cares.max() != cares[spec.position_mask[issue]].min() else int(spec.player_best[issue])
    return spec.position_shorts[issue][best]


def importance(weight: float) -> str:
    """An estimated interest weight in words."""
    if weight >= 0.3:
        return "vital"
    if weight >= 0.2:
        return "important"
    if weight >= 0.12:
        return "secondary"
    return "minor"


def opening_record(spec: GameSpec, st: BatchState, fired: np.ndarray, row: int) -> dict:
    values = {"issue": issue_mid(spec, int(spec.ai_weights.argmax())), "position": "", "leader": spec.player_address,
              "you": spec.player_address, "them": spec.ai_leader}
    line = pick_line(spec, spec.counterpart, "greet", st, row, 0, rng.STREAM_LINE, **values)
    meters = st.meters()[row]
    return TurnRecord(
        turn=0,
        session=spec.sessions[0].id,
        reply=Said(spec.ai_leader, "greet", line),
        events=fired_events(spec, fired[row]),
        meters=tuple(MeterMove(m.ref, m.name, m.party, round(float(meters[k]), 1), m.band(float(meters[k])))
                     for k, m in enumerate(spec.meters)),
    ).to_dict()


def ending_record(spec: GameSpec, st: BatchState, row: int) -> dict:
    """How game `row` ended, as the transcript and `Game.ending()` hold it."""
    return ending_of(spec, st, row).to_dict()


def ending_of(spec: GameSpec, st: BatchState, row: int) -> EndingRecord:
    e = int(st.ending[row])
    meters = st.meters()[row]
    return EndingRecord(
        ending=spec.endings[e].id if e >= 0 else None,
        title=spec.endings[e].title if e >= 0 else "The summit ends",
        rating=spec.endings[e].rating if e >= 0 else "history",
        epilogue=spec.endings[e].epilogue if e >= 0 else "",
        breakdown=bool(st.breakdown[row]),
        walked_out=["", "you", "counterpart"][int(st.walked_out[row])],
        agreements=terms_text(spec, st.agreed[row]),
        meters={m.ref: round(float(meters[k]), 1) for k, m in enumerate(spec.meters)},
    )


__all__ = ["AK", "describe_turn", "ending_record", "opening_record", "terms_text", "turn_record"]
