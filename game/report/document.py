"""One game as a document to hand in: header, every move with the terms exchanged, the
ending and the debrief (beliefs, the frontier, concepts). Plain data (dicts, lists,
strings, numbers); the templates in `game.report.render` only lay it out.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json

import numpy as np

from game import wording
from game.core.kinds import PLAYER_KIND
from game.core.records import EndingRecord, TurnRecord, session_series, turn_records
from game.report import concepts, frontier
from game.report.replay import replay


def scenario_version(match) -> str:
    """The scenario's content hash: the one the match was built from (the SHA-256 of the
    scenario's text, which saves embed) when it has one, else the hash of the scenario as
    loaded now (SHA-256 over its canonical JSON); 12 hex digits."""
    source = getattr(getattr(match, "sources", None), "scenario", None)
    if source is not None and getattr(source, "sha256", None):
        return str(source.sha256)[:12]
    for name in ("scenario_hash", "scenario_version", "content_hash"):
        value = getattr(match, name, None)
        if isinstance(value, str) and value:
            return value[:12]
    text = json.dumps(match.scenario.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def terms_in_agenda_order(spec, terms: dict | np.ndarray | None) -> list[dict]:
    """[{issue, position}] in the scenario's agenda order, issue names as the scenario says.
    `terms` is a record's {issue_id: label} or a positions array."""
    if terms is None:
        return []
    out = []
    for i, iid in enumerate(spec.issue_ids):
        if isinstance(terms, dict):
            if iid in terms:
                out.append({"issue": spec.issue_names[i], "position": terms[iid]})
        elif int(terms[i]) >= 0:
            out.append({"issue": spec.issue_names[i], "position": spec.position_labels[i][int(terms[i])]})
    return out


def _move(spec, record: dict, trace, session_names: dict) -> dict:
    """One turn for the document, worded by `game.wording` (as the terminal words it)."""
    r = TurnRecord.from_dict(record)
    a = r.action
    kind = PLAYER_KIND.get(a.kind)
    yours = terms_in_agenda_order(spec, trace.terms) if trace is not None else (
        terms_in_agenda_order(spec, dict(a.terms)) if a.terms else [])
    return {
        "turn": r.turn,
        "session": session_names.get(r.session, r.session),
        "session_id": r.session,
        "kind": kind.tag if kind else a.kind,
        "label": a.label,
        "says": wording.unquote(a.says) if a.says else "",
        "you_offered": yours,
        "speaker": r.reply.speaker,
        "reply_kind": r.reply.kind,
        "reply_verb": wording.reply_verb(r.reply.kind),
        "reply_text": wording.unquote(r.reply.text),
        "deadline": wording.deadline_sentence(r.deadline, r.reply.speaker) if r.deadline else "",
        "their_offer": terms_in_agenda_order(spec, dict(r.reply.offer) if r.reply.offer else None),
        "agreed": terms_in_agenda_order(spec, dict(r.agreed) if r.agreed else None),
        "probe": wording.probe_sentence(spec, r.probe) if r.probe else "",
        "ally": {"speaker": r.ally.speaker, "text": wording.unquote(r.ally.text)} if r.ally else None,
        "meters": [wording.meter_move_line(m) for m in r.meters],
        "events": [{"title": e.title, "text": e.text} for e in r.events],
    }


def resolve_by_session(spec, history: np.ndarray) -> list[dict]:
    """How the counterpart read your resolve at the start and after each session played
    (the resolve meter is its reading of you), from the core's session series."""
    series = session_series(spec, history, "counterpart.resolve")
    if series is None:
        return []
    return ([{"when": "At the start", "value": series.start, "band": series.start_band}]
            + [{"when": f"After {p.session}", "value": p.value, "band": p.band} for p in series.points])


def priority_beliefs(spec, trace) -> dict:
    """The counterpart's model of your priorities (weights per issue) at the start and after
    each session played, beside your true weights; empty when the core keeps no model."""
    if trace.start_believed is None or not trace.faithful:
        return {}
    columns = [("At the start", trace.start_believed)]
    turn = 0
    for s in spec.sessions:
        turn += s.turns
        at = [t for t in trace.turns if t.turn <= turn]
        if not at or at[-1].believed is None:
            break
        columns.append((f"After {s.name}", at[-1].believed))
        if turn >= len(trace.turns):
            break
    return {"when": [c[0] for c in columns],
            "issues": [{"issue": spec.issue_names[i], "true": float(spec.player_weights[i]),
                        "believed": [float(c[1][i]) for c in columns]} for i in range(spec.n_issues)]}


def build_document(match, student: str = "", date: str | None = None) -> dict:
    """Everything a transcript shows, in words and numbers."""
    game, spec, sc = match.game, match.spec, match.scenario
    side = match.side_model()
    state = game.state
    trace = replay(spec, match.seed, int(state.game_index[0]), list(game.choices), state.agreed[0])
    traces = {t.turn: t for t in trace.turns} if trace.faithful else {}
    sessions = {s.id: f"{s.name} ({s.when}, {s.place})" for s in sc.sessions}
    moves = [_move(spec, rec, traces.get(rec["turn"]), sessions) for rec in game.transcript[1:]]
    path = wording.path_by_session(spec, turn_records(game.transcript))
    history = game.meter_history()
    front = frontier.compute_frontier(spec)
    agreed = state.agreed[0]
    stand = frontier.standing(front, spec, agreed)
    end = game.ending()
    rating = end["rating"] if end else None
    found = concepts.find_concepts(spec, game.transcript, trace.turns if trace.faithful else None)
    opening = game.transcript[0] if game.transcript else {"reply": {"speaker": spec.ai_leader, "text": ""}, "events": []}
    return {
        "student": student,
        "date": date or _dt.date.today().isoformat(),
        "scenario": {"id": spec.scenario_id, "title": sc.title, "place": sc.place, "dates": sc.dates,
                     "version": scenario_version(match)},
        "seed": match.seed,
        "difficulty": getattr(match, "difficulty", None) or None,
        "you": {"leader": side.leader, "side": side.name},
        "counterpart": {"leader": spec.ai_leader, "personality": spec.counterpart.name,
                        "family": spec.counterpart.family},
        "opening": {"speaker": opening["reply"]["speaker"], "text": opening["reply"]["text"].strip(),
                    "events": opening.get("events", [])},
        "moves": moves,
        "over": game.over,
        "ending": None if end is None else {
            "title": end["title"], "rating": rating, "epilogue": end["epilogue"],
            "cause": wording.ending_cause(EndingRecord.from_dict(end), spec.ai_leader),
            "communique": [{"issue": i.name, "position": end["agreements"].get(i.id, "no agreement")} for i in sc.issues],
        },
        "meters": {"names": [m.name for m in spec.meters], "parties": [m.party for m in spec.meters],
                   "history": history.round(1).tolist(),
                   "session_starts": _session_starts(spec, history.shape[0] - 1)},
        "final_meters": game.meters(),
        "beliefs": {"resolve": resolve_by_session(spec, history), "priorities": priority_beliefs(spec, trace)},
        "frontier": {
            "points": front.points(),
            "deal": {"you": stand.you, "them": stand.them},
            "left_on_table": stand.left_on_table,
            "gain_you": stand.gain_you,
            "gain_them": stand.gain_them,
            "best_joint": stand.best_joint,
            "efficient": stand.efficient,
            "crossed_yours": [spec.issue_names[i] for i in stand.crossed_yours],
            "crossed_theirs": [spec.issue_names[i] for i in stand.crossed_theirs],
            "better_deal": terms_in_agenda_order(spec, np.array(stand.better_deal)),
        },
        "concepts": [{"concept": f.concept, "title": f.title, "turns": sorted(set(f.turns)),
                      "yours": sorted(set(f.yours)), "lines": f.lines}
                     for f in found],
        "replay_faithful": trace.faithful,
        "notes": [str(n) for n in getattr(match, "notes", None) or []],
        "undo_log": _undo_log(match),
        "undo_allowed": bool(getattr(match, "undo_allowed", True)),
        "debrief": {
            "summary": sc.debrief.summary,
            "sessions": [{"name": s.name, "when": s.when, "history": s.history,
                          "you": path.get(s.id) or wording.NO_PATH} for s in sc.sessions],
            "resolve_story": wording.resolve_story(spec, session_series(spec, history, "counterpart.resolve")),
            "quotations": [wording.quotation_line(q) for q in sc.debrief.quotations],
            "sources": [wording.source_line(s) for s in sc.debrief.sources],
            "discussion": list(sc.learning_objectives),
        },
    }


def _session_starts(spec, turns_played: int) -> list[dict]:
    out, turn = [], 0
    for s in spec.sessions:
        if turn > turns_played:
            break
        out.append({"turn": turn, "name": s.name})
        turn += s.turns
    return out


def _undo_log(match) -> list[str]:
    """Undos, rewinds and branches in this game, worded by the match module."""
    log = getattr(match, "log", None) or []
    try:
        from game.match import describe_log_entry
    except ImportError:
        return []
    return [describe_log_entry(e) for e in log]
