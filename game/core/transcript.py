"""A turn of one game, as a JSON-ready record in words: what you did, what the
counterpart said, every meter's move with its reasons, events, agreements.

Records are built from the batch arrays for one row, so a game simulated in a batch of
100,000 and the same game played alone give the same record.
"""

from __future__ import annotations

import numpy as np

from collections.abc import Sequence

from game.core import rng
from game.core.lines import Line, choose, mood_of
from game.core.reasons import CAUSES, cause_text
from game.core.spec import AI_KINDS, AK, GameSpec, Mind
from game.core.state import BatchState

GENERIC_LINES = {
    "greet": "{them} greets you and sits down across the table.",
    "accept": "{them} accepts: \"Agreed. Let it be written down.\"",
    "counter": "{them} answers with a counter-proposal.",
    "reject": "{them} rejects the offer.",
    "demand": "{them} insists on {position}.",
    "ultimatum": "{them} sets a deadline on {issue}.",
    "threat": "{them} warns of consequences over {issue}.",
    "concession": "{them} gives some ground.",
    "lecture": "{them} delivers a long lecture on history and principle.",
    "package": "{them} puts a package on the table.",
    "walk_out": "{them} gathers the papers and leaves the room.",
    "probe_answer": "{them} answers your question about {issue}.",
    "warm": "{them} smiles; the room relaxes a little.",
    "cool": "{them} listens, unmoved.",
}


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


def pick_line(spec: GameSpec, mind: Mind, kind: str, st_seed: int, game_index: int, turn: int, stream: int,
              *, about: int = -1, mood: str = "", answers: str = "", recent: Sequence[str] = (), **values: str) -> str:
    """What `mind` says for a reply of `kind` about issue `about`, chosen by context
    (game.core.lines); the
    generic line when the personality has none of this kind."""
    u = float(rng.uniform(st_seed, np.array([game_index]), turn, stream)[0])
    voice = mind.voice or tuple(Line(kind, text) for text in mind.lines.get(kind, ()))
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


def action_phrase(label: str) -> str:
    """An action's label inside a sentence: only the first letter lowered, so names and
    acronyms ("Have KCNA hail...", "Cable Bonn") keep their capitals."""
    label = label.rstrip(".")
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def terms_text(spec: GameSpec, terms: np.ndarray) -> dict[str, str]:
    return {spec.issue_ids[i]: spec.position_labels[i][int(p)] for i, p in enumerate(terms) if p >= 0}


def meter_moves(spec: GameSpec, before: np.ndarray, after: np.ndarray, deltas: np.ndarray, *,
                action: str, ai_kind: str, events: str) -> list[dict]:
    """One entry per meter that moved: before, after, band and the reasons (cause, amount)."""
    out = []
    for k, m in enumerate(spec.meters):
        reasons = []
        for c, cause in enumerate(CAUSES):
            amount = round(float(deltas[k, c]), 1)
            if amount != 0.0:
                text = cause_text(cause, amount, action=action, counterpart=spec.ai_leader, ally=spec.ally_name,
                                  ai_kind=ai_kind, events=events)
                reasons.append({"cause": cause, "text": text, "amount": amount})
        b, a = round(float(before[k]), 1), round(float(after[k]), 1)
        if reasons or a != b:
            out.append({"meter": m.ref, "name": m.name, "party": m.party, "before": b, "after": a,
                        "change": round(a - b, 1), "band": m.band(a), "reasons": reasons})
    return out


def describe_turn(spec: GameSpec, st: BatchState, outcome, row: int, recent: Sequence[str] = (),
                  recent_ally: Sequence[str] = ()) -> dict:
    """The record of the turn just played by game `row` (call right after `step`).
    `recent`, `recent_ally`: the counterpart's and the ally's lines said before, oldest
    first (no line repeats within game.core.lines.REPEAT_WINDOW turns)."""
    turn = int(st.turn[row]) - 1
    sess = spec.sessions[int(spec.session_of_turn[turn])]
    action = spec.actions[int(outcome.action[row])]
    kind = AI_KINDS[int(outcome.reply[row])]
    focus = int(outcome.focus[row])
    if action.issue >= 0 and kind in ("probe_answer", "threat", "warm", "cool", "lecture"):
        focus = action.issue
    offer = st.ai_offer[row]
    pos_label = ""
    if focus >= 0:
        p = offer[focus] if offer[focus] >= 0 else st.agreed[row, focus]
        if p < 0:
            p = outcome.terms[row, focus]
        pos_label = spec.position_shorts[focus][int(p)] if p >= 0 else ""
    values = {
        "issue": issue_mid(spec, focus),
        "position": pos_label or "our proposal",
        "leader": spec.player_address,
        "you": spec.player_address,
        "them": spec.ai_leader,
    }
    fired = [e for e in range(len(spec.events)) if outcome.events[row, e]]
    before = st.history[row, turn]
    after = st.history[row, turn + 1]
    line = pick_line(spec, spec.counterpart, kind, st.seed, int(st.game_index[row]), turn, rng.STREAM_LINE,
                     about=focus, mood=table_mood(spec, after), answers=action.kind, recent=recent, **values)
    record = {
        "turn": turn + 1,
        "session": sess.id,
        "session_name": sess.name,
        "action": {"id": action.id, "kind": action.kind, "label": action.label, "says": action.says},
        "reply": {"kind": kind, "speaker": spec.ai_leader, "text": line},
        "meters": meter_moves(spec, before, after, outcome.deltas.total()[row], action=action_phrase(action.label),
                              ai_kind=kind, events="; ".join(spec.events[e].title for e in fired)),
        "events": [{"id": spec.events[e].id, "title": spec.events[e].title, "text": spec.events[e].text} for e in fired],
    }
    voice = ally_voice(spec, st, row, turn, before, after, dict(values, position=ally_position(spec, focus)), recent_ally)
    if voice:
        record["ally"] = voice
    if kind in ("counter", "package", "concession", "ultimatum", "demand"):
        record["reply"]["offer"] = terms_text(spec, offer)
    agreed = outcome.agreed_now[row]
    if (agreed >= 0).any():
        record["agreed"] = terms_text(spec, agreed)
    if action.kind == "probe" and st.probed[row, action.issue]:
        est = float(st.estimate[row, action.issue])
        record["probe"] = {
            "issue": spec.issue_ids[action.issue],
            "importance": importance(est),
            "estimate": round(est, 3),
            "note": spec.ai_notes[action.issue],
        }
    if outcome.ended[row]:
        record["ending"] = ending_record(spec, st, row)
    return record


ALLY_SPEAKS_AT = 5.0  # confidence points in one turn that make your ally speak up


def ally_voice(spec: GameSpec, st: BatchState, row: int, turn: int, before, after, values: dict,
               recent: Sequence[str] = ()) -> dict | None:
    """Your ally speaks up when its confidence moves sharply: pleased, worried, or (when
    already shaken) with a demand."""
    k = spec.meter_index("ally.confidence")
    if spec.ally is None or k < 0:
        return None
    change = float(after[k] - before[k])
    if abs(change) < ALLY_SPEAKS_AT:
        return None
    kind = "warm" if change > 0 else ("demand" if after[k] < 40.0 else "cool")
    speaker = spec.ally_leader or spec.ally_name
    line = pick_line(spec, spec.ally, kind, st.seed, int(st.game_index[row]), turn, rng.STREAM_ALLY_LINE,
                     recent=recent, **dict(values, them=speaker))
    return {"speaker": speaker, "kind": kind, "text": line}


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
    line = pick_line(spec, spec.counterpart, "greet", st.seed, int(st.game_index[row]), 0, rng.STREAM_LINE, **values)
    events = [e for e in range(len(spec.events)) if fired[row, e]]
    return {
        "turn": 0,
        "session": spec.sessions[0].id,
        "reply": {"kind": "greet", "speaker": spec.ai_leader, "text": line},
        "events": [{"id": spec.events[e].id, "title": spec.events[e].title, "text": spec.events[e].text} for e in events],
        "meters": [{"meter": m.ref, "name": m.name, "party": m.party, "value": round(float(st.meters()[row, k]), 1),
                    "band": m.band(float(st.meters()[row, k]))} for k, m in enumerate(spec.meters)],
    }


def ending_record(spec: GameSpec, st: BatchState, row: int) -> dict:
    e = int(st.ending[row])
    meters = st.meters()[row]
    out = {
        "ending": spec.endings[e].id if e >= 0 else None,
        "title": spec.endings[e].title if e >= 0 else "The summit ends",
        "rating": spec.endings[e].rating if e >= 0 else "history",
        "epilogue": spec.endings[e].epilogue if e >= 0 else "",
        "breakdown": bool(st.breakdown[row]),
        "walked_out": ["", "you", "counterpart"][int(st.walked_out[row])],
        "agreements": terms_text(spec, st.agreed[row]),
        "meters": {m.ref: round(float(meters[k]), 1) for k, m in enumerate(spec.meters)},
    }
    return out


__all__ = ["AK", "describe_turn", "ending_record", "opening_record", "terms_text"]
