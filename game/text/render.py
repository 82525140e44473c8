"""Plain-text rendering of the game for the terminal (and for transcripts to hand in)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from game import wording
from game.core.kinds import GROUPS, PLAYER_KIND
from game.core.records import EndingRecord, TurnRecord, session_series, turn_records


class Writer:
    def __init__(self, write: Callable[[str], None], width: int = 88):
        self.write = write
        self.width = width

    def para(self, text: str, indent: str = "") -> None:
        for block in str(text).split("\n"):
            self.write(textwrap.fill(block, self.width, initial_indent=indent, subsequent_indent=indent) if block else "")

    def rule(self, title: str = "") -> None:
        self.write("")
        self.write(f"== {title} ".ljust(self.width, "=") if title else "=" * self.width)

    def bullets(self, items, indent: str = "  ") -> None:
        for item in items:
            self.write(textwrap.fill(str(item), self.width, initial_indent=indent + "- ", subsequent_indent=indent + "  "))


def briefing(out: Writer, match) -> None:
    sc, side, other = match.scenario, match.side_model(), match.other_side_model()
    out.rule(f"{sc.title}: {sc.place}, {sc.dates}")
    out.para(sc.hook)
    out.rule(f"Briefing for {side.leader}, {side.title}")
    out.para(side.briefing)
    out.write("")
    out.write("Objectives:")
    out.bullets(side.objectives)
    if side.red_lines:
        out.write("Red lines:")
        out.bullets(side.red_line_texts)
    out.write("Agenda:")
    out.bullets(f"{i.name}: {i.summary}" for i in sc.issues)
    if side.intelligence:
        out.write(f"What your staff says about {other.leader} (not all of it is right):")
        out.bullets(side.intelligence)
    if side.ally is not None:
        out.para(f"Your ally: {side.ally.name} ({side.ally.leader}). Its confidence in you is a meter too.")
    out.write("")
    out.para("Each turn: type a number to act; h for help, a for the agenda, q to save and quit.")


def opening(out: Writer, match, record: dict) -> None:
    out.write("")
    out.para(f"{record['reply']['speaker']}: \"{wording.unquote(record['reply']['text'])}\"")
    for e in record.get("events", []):
        event(out, e)


def session_header(out: Writer, match, view: dict) -> None:
    s = view["session"]
    out.rule(f"Session {s['number']} of {s['of']}: {s['name']}")
    out.para(f"{s['when']}, {s['place']}")


def meter_line(m: dict) -> str:
    filled = int(round(m["value"] / 10))
    bar = "#" * filled + "." * (10 - filled)
    who = "them" if m["party"] == "counterpart" else "ally"
    return f"{m['name'] + ' (' + who + ')':<22} [{bar}] {m['value']:3.0f}  {m['band']}"


def meters(out: Writer, items: list[dict]) -> None:
    out.write("")
    for m in items:
        out.write("  " + meter_line(m))


def in_menu_order(actions) -> list:
    """Actions grouped as the window's tabs group them (offers, questions, pressure, give,
    talk), keeping the scenario's order within a group; the menu numbers follow this."""
    def rank(action) -> int:
        return GROUPS.index(PLAYER_KIND[action.kind].group) if action.kind in PLAYER_KIND else len(GROUPS)

    return sorted(actions, key=rank)


def menu(out: Writer, actions, game=None) -> None:
    """Numbered actions under their group's heading; proposals (and accepting their
    offer) that cross your own red lines say so. `actions` are in menu order."""
    out.write("")
    out.write("Your move:")
    heading = None
    for n, a in enumerate(actions, 1):
        group = PLAYER_KIND[a.kind].group if a.kind in PLAYER_KIND else None
        if group != heading:
            heading = group
            out.write(f"  {heading or 'Other'}:")
        crossed = game.red_lines_crossed(a) if game is not None else []
        warning = f"  (crosses your red line: {', '.join(crossed)})" if crossed else ""
        out.write(f"   {n:2d}. {a.label}  [{a.id}]{warning}")


def turn(out: Writer, spec, record: dict) -> None:
    """One turn as the terminal shows it; `spec` names the issues."""
    r = TurnRecord.from_dict(record)
    a = r.action
    out.write("")
    if a.says:
        out.para(f"You: \"{wording.unquote(a.says)}\"")
    else:
        out.para(f"You: {a.label}")
    if a.terms:
        out.write("  Your terms:")
        out.bullets(wording.terms_lines(spec, a.terms), indent="    ")
    out.para(f"{r.reply.speaker}: \"{wording.unquote(r.reply.text)}\"")
    if r.deadline:
        out.para("  " + wording.deadline_sentence(r.deadline, r.reply.speaker), indent="  ")
    if r.reply.offer:
        out.write("  Their offer:")
        out.bullets(wording.terms_lines(spec, r.reply.offer), indent="    ")
    if r.agreed:
        out.write("  Agreed:")
        out.bullets(wording.terms_lines(spec, r.agreed), indent="    ")
    if r.probe:
        out.para("  " + wording.probe_sentence(spec, r.probe), indent="  ")
    if r.ally:
        out.para(f"{r.ally.speaker} (your ally): \"{wording.unquote(r.ally.text)}\"")
    for m in r.meters:
        out.para(wording.meter_move_line(m), indent="  ")
    for e in record.get("events", []):
        event(out, e)


def event(out: Writer, e: dict) -> None:
    out.write("")
    out.write(f"  *** {e['title']} ***")
    out.para(e["text"], indent="  ")


def agenda(out: Writer, view: dict) -> None:
    out.write("")
    for item in view["agenda"]:
        out.write(f"  {item['name']}")
        for _, sentence in wording.agenda_lines(item):
            out.para(sentence, indent="      ")


def ending(out: Writer, match) -> None:
    game, sc = match.game, match.scenario
    end = EndingRecord.from_dict(game.ending())
    out.rule(f"The summit ends: {end.title}")
    out.para(wording.ending_cause(end, game.spec.ai_leader))
    out.write("Communique:")
    for issue in sc.issues:
        out.para(f"{issue.name}: {end.agreements.get(issue.id, 'no agreement')}", indent="  ")
    out.write("")
    out.write("Final meters:")
    meters(out, game.meters())
    out.rule("Epilogue")
    out.para(end.epilogue)
    debrief(out, match)


def debrief(out: Writer, match) -> None:
    sc, game = match.scenario, match.game
    out.rule("Debrief: what really happened")
    out.para(sc.debrief.summary)
    out.write("")
    out.write("Session by session, history and your path:")
    path = wording.path_by_session(game.spec, turn_records(game.transcript))
    for s in sc.sessions:
        out.para(f"{s.name} ({s.when})", indent="  ")
        out.para(f"History: {s.history}", indent="    ")
        out.para(f"You: {path.get(s.id) or wording.NO_PATH}", indent="    ")
    story = wording.resolve_story(game.spec, session_series(game.spec, game.meter_history(), "counterpart.resolve"))
    if story:
        out.write("")
        out.para(" ".join(story))
    if sc.debrief.quotations:
        out.write("")
        out.write("In their own words:")
        for q in sc.debrief.quotations:
            out.para(wording.quotation_line(q), indent="  ")
    out.write("")
    out.write("Sources:")
    out.bullets(wording.source_line(s) for s in sc.debrief.sources)
    out.write("")
    out.write("For discussion:")
    out.bullets(sc.learning_objectives)
