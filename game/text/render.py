"""Plain-text rendering of the game for the terminal (and for transcripts to hand in)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from game.vocabulary import GROUPS

GROUPS_BY_KIND = [(kind, label) for label, kinds in GROUPS for kind in kinds]


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
    out.para(f"{record['reply']['speaker']}: \"{_unquote(record['reply']['text'])}\"")
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
    return f"{m['name'] + ' (' + who + ')':<22} [{bar}] {m['value']:5.1f}  {m['band']}"


def meters(out: Writer, items: list[dict]) -> None:
    out.write("")
    for m in items:
        out.write("  " + meter_line(m))


def in_menu_order(actions) -> list:
    """Actions grouped as the window's tabs group them (offers, questions, pressure, give,
    talk), keeping the scenario's order within a group; the menu numbers follow this."""
    rank = {kind: g for g, (_, kinds) in enumerate(GROUPS) for kind in kinds}
    return sorted(actions, key=lambda a: rank.get(a.kind, len(GROUPS)))


def menu(out: Writer, actions, game=None) -> None:
    """Numbered actions under their group's heading; proposals (and accepting their
    offer) that cross your own red lines say so. `actions` are in menu order."""
    out.write("")
    out.write("Your move:")
    names = dict(GROUPS_BY_KIND)
    heading = None
    for n, a in enumerate(actions, 1):
        if names.get(a.kind) != heading:
            heading = names.get(a.kind)
            out.write(f"  {heading or 'Other'}:")
        crossed = game.red_lines_crossed(a) if game is not None else []
        warning = f"  (crosses your red line: {', '.join(crossed)})" if crossed else ""
        out.write(f"   {n:2d}. {a.label}  [{a.id}]{warning}")


def _unquote(text: str) -> str:
    return text.strip().strip('"')


def _signed(x: float) -> str:
    return f"{x:+.1f}".replace(".0", "")


def turn(out: Writer, match, record: dict) -> None:
    a = record["action"]
    out.write("")
    if a.get("says"):
        out.para(f"You: \"{_unquote(a['says'])}\"")
    else:
        out.para(f"You: {a['label']}")
    r = record["reply"]
    out.para(f"{r['speaker']}: \"{_unquote(r['text'])}\"")
    names = dict(zip(match.spec.issue_ids, match.spec.issue_names)) if match is not None else {}
    if r.get("offer"):
        out.write("  Their offer:")
        out.bullets((f"{names.get(k, k)}: {v}" for k, v in r["offer"].items()), indent="    ")
    if record.get("agreed"):
        out.write("  Agreed:")
        out.bullets((f"{names.get(k, k)}: {v}" for k, v in record["agreed"].items()), indent="    ")
    if record.get("probe"):
        p = record["probe"]
        issue = names.get(p["issue"], p["issue"])
        out.para(f"  What you learned about {issue}: it seems {p['importance']} to them. {p['note']}", indent="  ")
    if record.get("ally"):
        out.para(f"{record['ally']['speaker']} (your ally): \"{_unquote(record['ally']['text'])}\"")
    for m in record["meters"]:
        reasons = "; ".join(f"{x['text']} ({_signed(x['amount'])})" for x in m["reasons"])
        who = "their" if m["party"] == "counterpart" else "ally"
        out.para(f"{m['name']} ({who}) {_signed(m['change'])} -> {m['after']:.0f} {m['band']}: {reasons}", indent="  ")
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
        if item["agreed"]:
            out.para(f"agreed: {item['agreed']}", indent="      ")
            continue
        out.para(f"your position: {item['your_position']}", indent="      ")
        if item["their_offer"]:
            out.para(f"their offer: {item['their_offer']}", indent="      ")
        if item["probed"]:
            out.para(f"probe: {item['their_interest']}. {item['their_need']}", indent="      ")


def ending(out: Writer, match) -> None:
    game, sc = match.game, match.scenario
    end = game.ending()
    out.rule(f"The summit ends: {end['title']}")
    if end["breakdown"]:
        out.para("Tension reached the brink: the talks broke down.")
    elif end["walked_out"]:
        out.para(f"The talks ended when {'you' if end['walked_out'] == 'you' else game.spec.ai_leader} walked out.")
    out.write("Communique:")
    agreed = end["agreements"]
    for issue in sc.issues:
        out.para(f"{issue.name}: {agreed.get(issue.id, 'no agreement')}", indent="  ")
    out.write("")
    out.write("Final meters:")
    meters(out, game.meters())
    out.rule("Epilogue")
    out.para(end["epilogue"])
    debrief(out, match)


def debrief(out: Writer, match) -> None:
    sc, game = match.scenario, match.game
    out.rule("Debrief: what really happened")
    out.para(sc.debrief.summary)
    out.write("")
    out.write("Session by session, history and your path:")
    by_session: dict[str, list[str]] = {}
    for rec in game.transcript[1:]:
        by_session.setdefault(rec["session"], []).append(f"{rec['action']['label']} -> {rec['reply']['kind']}")
    for s in sc.sessions:
        out.para(f"{s.name} ({s.when})", indent="  ")
        out.para(f"History: {s.history}", indent="    ")
        out.para(f"You: {'; '.join(by_session.get(s.id, [])) or 'the talks had ended'}", indent="    ")
    beliefs = belief_summary(game)
    if beliefs:
        out.write("")
        out.para(beliefs)
    if sc.debrief.quotations:
        out.write("")
        out.write("In their own words:")
        for q in sc.debrief.quotations:
            out.para(f"\"{q.text}\" ({q.speaker}; {q.source})", indent="  ")
    out.write("")
    out.write("Sources:")
    out.bullets(", ".join(x for x in (s.title, s.author, s.date) if x) for s in sc.debrief.sources)
    out.write("")
    out.write("For discussion:")
    out.bullets(sc.learning_objectives)


def belief_summary(game) -> str:
    """How the counterpart read your resolve as the talks went on, session by session."""
    spec = game.spec
    k = spec.meter_index("counterpart.resolve")
    if k < 0:
        return ""
    history = game.meter_history()[:, k]
    ends, turn = [float(history[0])], 0
    for s in spec.sessions:
        turn += s.turns
        if turn >= len(history):
            break
        ends.append(float(history[turn]))
    if turn >= len(history) and float(history[-1]) != ends[-1]:
        ends.append(float(history[-1]))
    meter = spec.meters[k]
    path = " -> ".join(f"{v:.0f} ({meter.band(v)})" for v in ends)
    return f"How {spec.ai_leader} read your resolve, session by session: {path}."
