"""Typed records of a game: a turn, a meter change with its reasons, an ending, and the
debrief's series. Computed once here; `game.wording` turns them into sentences for the
terminal, the window and the transcript.

A transcript (and a save) holds each turn as a plain dict (`describe_turn`'s shape);
`TurnRecord.from_dict` reads one and `to_dict` writes it back unchanged, so saves made
before these records existed load as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from game.core.spec import GameSpec


@dataclass(frozen=True)
class Reason:
    cause: str
    text: str
    amount: float

    def to_dict(self) -> dict:
        return {"cause": self.cause, "text": self.text, "amount": self.amount}


@dataclass(frozen=True)
class MeterMove:
    """One meter after a turn: its move (`before` is None in the opening, where meters
    only have a value) and the reasons for it."""

    meter: str  # "<party>.<kind>"
    name: str
    party: str
    after: float
    band: str
    before: float | None = None
    change: float = 0.0
    reasons: tuple[Reason, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping) -> MeterMove:
        if "change" not in d:
            return cls(d["meter"], d["name"], d["party"], d["value"], d["band"])
        return cls(d["meter"], d["name"], d["party"], d["after"], d["band"], d["before"], d["change"],
                   tuple(Reason(r["cause"], r["text"], r["amount"]) for r in d["reasons"]))

    def to_dict(self) -> dict:
        if self.before is None:
            return {"meter": self.meter, "name": self.name, "party": self.party, "value": self.after, "band": self.band}
        return {"meter": self.meter, "name": self.name, "party": self.party, "before": self.before, "after": self.after,
                "change": self.change, "band": self.band, "reasons": [r.to_dict() for r in self.reasons]}


@dataclass(frozen=True)
class Said:
    """Words at the table: the counterpart's reply (with its offer, issue id -> position)
    or your ally speaking up."""

    speaker: str
    kind: str
    text: str
    offer: Mapping[str, str] | None = None


@dataclass(frozen=True)
class ActionTaken:
    id: str
    kind: str
    label: str
    says: str
    terms: Mapping[str, str] | None = None  # your own terms (a counter, your own offer): issue id -> label


@dataclass(frozen=True)
class ProbeResult:
    issue: str  # issue id; `game.wording` names it as the scenario does
    importance: str
    estimate: float
    note: str


@dataclass(frozen=True)
class EventRecord:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class EndingRecord:
    ending: str | None
    title: str
    rating: str
    epilogue: str
    breakdown: bool
    walked_out: str  # "", "you" or "counterpart"
    agreements: Mapping[str, str]  # issue id -> agreed position's label
    meters: Mapping[str, float]

    @classmethod
    def from_dict(cls, d: Mapping) -> EndingRecord:
        return cls(d["ending"], d["title"], d["rating"], d["epilogue"], bool(d["breakdown"]), d["walked_out"],
                   dict(d["agreements"]), dict(d["meters"]))

    def to_dict(self) -> dict:
        return {"ending": self.ending, "title": self.title, "rating": self.rating, "epilogue": self.epilogue,
                "breakdown": self.breakdown, "walked_out": self.walked_out, "agreements": dict(self.agreements),
                "meters": dict(self.meters)}


@dataclass(frozen=True)
class TurnRecord:
    """One turn as played (turn 0 is the opening: no action, meters as values)."""

    turn: int
    session: str
    reply: Said
    meters: tuple[MeterMove, ...]
    events: tuple[EventRecord, ...] = ()
    session_name: str = ""
    action: ActionTaken | None = None
    ally: Said | None = None
    agreed: Mapping[str, str] | None = None
    probe: ProbeResult | None = None
    ending: EndingRecord | None = None
    deadline: str | None = None  # their deadline this turn: "yielded", "bluff_called" or "real"
    extra: Mapping[str, object] = field(default_factory=dict)  # keys this version does not know

    @classmethod
    def from_dict(cls, d: Mapping) -> TurnRecord:
        r, a, al, p = d["reply"], d.get("action"), d.get("ally"), d.get("probe")
        known = {"turn", "session", "session_name", "action", "reply", "meters", "events", "ally", "agreed", "probe",
                 "ending", "deadline"}
        return cls(
            turn=int(d["turn"]),
            session=d["session"],
            session_name=d.get("session_name", ""),
            action=ActionTaken(a["id"], a["kind"], a["label"], a.get("says", ""), a.get("terms")) if a else None,
            reply=Said(r["speaker"], r["kind"], r["text"], r.get("offer")),
            meters=tuple(MeterMove.from_dict(m) for m in d.get("meters", [])),
            events=tuple(EventRecord(e["id"], e["title"], e["text"]) for e in d.get("events", [])),
            ally=Said(al["speaker"], al["kind"], al["text"]) if al else None,
            agreed=d.get("agreed"),
            probe=ProbeResult(p["issue"], p["importance"], p["estimate"], p["note"]) if p else None,
            ending=EndingRecord.from_dict(d["ending"]) if d.get("ending") else None,
            deadline=d.get("deadline"),
            extra={k: v for k, v in d.items() if k not in known},
        )

    def to_dict(self) -> dict:
        reply = {"kind": self.reply.kind, "speaker": self.reply.speaker, "text": self.reply.text}
        if self.reply.offer is not None:
            reply["offer"] = dict(self.reply.offer)
        events = [{"id": e.id, "title": e.title, "text": e.text} for e in self.events]
        meters = [m.to_dict() for m in self.meters]
        if self.action is None:  # the opening
            out = {"turn": self.turn, "session": self.session, "reply": reply, "events": events, "meters": meters}
        else:
            a = self.action
            out = {"turn": self.turn, "session": self.session, "session_name": self.session_name,
                   "action": {"id": a.id, "kind": a.kind, "label": a.label, "says": a.says}, "reply": reply,
                   "meters": meters, "events": events}
            if a.terms is not None:
                out["action"]["terms"] = dict(a.terms)
        if self.ally is not None:
            out["ally"] = {"speaker": self.ally.speaker, "kind": self.ally.kind, "text": self.ally.text}
        if self.agreed is not None:
            out["agreed"] = dict(self.agreed)
        if self.probe is not None:
            p = self.probe
            out["probe"] = {"issue": p.issue, "importance": p.importance, "estimate": p.estimate, "note": p.note}
        if self.ending is not None:
            out["ending"] = self.ending.to_dict()
        if self.deadline is not None:
            out["deadline"] = self.deadline
        out.update(self.extra)
        return out


def turn_records(transcript: Sequence[Mapping]) -> list[TurnRecord]:
    return [TurnRecord.from_dict(d) for d in transcript]


@dataclass(frozen=True)
class SessionPoint:
    session: str  # the session's name
    value: float
    band: str


@dataclass(frozen=True)
class MeterSeries:
    """One meter through the debrief: its value at the start and after each session that
    was played (a session cut short by the ending counts at its last turn)."""

    meter: str
    start: float
    start_band: str
    points: tuple[SessionPoint, ...]


def session_series(spec: GameSpec, history: np.ndarray, meter_ref: str) -> MeterSeries | None:
    """`history` is [turns played + 1, K] (`Game.meter_history()`)."""
    k = spec.meter_index(meter_ref)
    if k < 0:
        return None
    meter = spec.meters[k]
    played = len(history) - 1
    points = []
    for i, session in enumerate(spec.sessions):
        turns = [t for t in range(played) if int(spec.session_of_turn[t]) == i]
        if turns:
            value = float(history[turns[-1] + 1, k])
            points.append(SessionPoint(session.name, value, meter.band(value)))
    start = float(history[0, k])
    return MeterSeries(meter_ref, start, meter.band(start), tuple(points))
