"""A document (see `game.report.document`) as text, Markdown or self-contained HTML.

HTML and Markdown come from Jinja2 templates shipped with the package. HTML autoescapes
everything: scenario prose, names and lines are shown, never interpreted. Markdown and
text pass every value through `textsafe.visible` (control characters and escapes become
visible codes); Markdown also neutralises raw HTML tags, which Markdown viewers would
otherwise render.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from game.report import svg
from game.text.render import Writer
from game.textsafe import visible

FORMATS = ("text", "md", "html")


@cache
def _env(kind: str) -> jinja2.Environment:
    loader = jinja2.PackageLoader("game.report", "templates")
    if kind == "html":
        return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                  undefined=jinja2.StrictUndefined)
    return jinja2.Environment(loader=loader, autoescape=False, trim_blocks=True, lstrip_blocks=True,
                              finalize=_md_safe, undefined=jinja2.StrictUndefined)


def _md_safe(value) -> str:
    text = visible("" if value is None else value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|") if isinstance(value, str) else text


def css() -> Markup:
    """The shared style sheet, inlined into every page (trusted: it ships with the game)."""
    return Markup(resources.files("game.report").joinpath("templates/style.css").read_text(encoding="utf-8"))


def template(kind: str, name: str) -> jinja2.Template:
    return _env(kind).get_template(name)


def frontier_text(d: dict) -> str:
    f = d["frontier"]
    you, them = 100 * f["deal"]["you"], 100 * f["deal"]["them"]
    head = (f"Your agreement is worth {you:.0f} to you and {them:.0f} to {d['counterpart']['leader']} "
            f"(of 100 each; an open issue counts nothing).")
    crossed = ""
    if f["crossed_yours"] or f["crossed_theirs"]:
        parts = ([f"your own red line on {', '.join(f['crossed_yours'])}"] if f["crossed_yours"] else []) + (
            [f"their red line on {', '.join(f['crossed_theirs'])}"] if f["crossed_theirs"] else [])
        crossed = (f" It crosses {' and '.join(parts)}, so it is not among the deals the frontier is drawn from "
                   f"(those that cross no red line); the best of those was worth {100 * f['best_joint']:.0f} "
                   "points of joint value.")
        if f["efficient"]:
            return head + crossed
    if f["efficient"]:
        return head + " It lies on the efficient frontier: no deal was better for both sides."
    return (head + f" Both sides left {100 * f['left_on_table']:.0f} points of joint value on the table: a deal "
            f"existed worth {100 * f['gain_you']:+.0f} to you and {100 * f['gain_them']:+.0f} to them." + crossed)


def meter_chart(d: dict) -> Markup:
    hist = d["meters"]["history"]
    series = [[row[k] for row in hist] for k in range(len(d["meters"]["names"]))]
    names = [f"{n} ({'them' if p == 'counterpart' else 'ally'})" for n, p in zip(d["meters"]["names"], d["meters"]["parties"])]
    markers = [(s["turn"], s["name"]) for s in d["meters"]["session_starts"]]
    return svg.line_chart(series, names, markers, title="meters over the turns")


def html(d: dict) -> str:
    chart = svg.frontier_chart(d["frontier"]["points"], [{**d["frontier"]["deal"], "label": "your agreement"}])
    return template("html", "transcript.html.j2").render(d=d, css=css(), meter_chart=meter_chart(d),
                                                         frontier_chart=chart, frontier_text=frontier_text(d))


def markdown(d: dict) -> str:
    return template("md", "transcript.md.j2").render(d=d, frontier_text=frontier_text(d))


def _terms(out: Writer, title: str, terms: list[dict]) -> None:
    if terms:
        out.write(f"  {title}:")
        out.bullets((f"{t['issue']}: {t['position']}" for t in terms), indent="    ")


def text(d: dict, width: int = 88) -> str:
    """The plain-text document; every value from files made visible."""
    lines: list[str] = []
    out = Writer(lambda s: lines.append(visible(s)), width)
    sc = d["scenario"]
    out.rule(f"Transcript: {sc['title']}")
    out.para(f"{sc['place']}, {sc['dates']}")
    out.write(f"Student:    {d['student'] or '(not given)'}")
    out.write(f"Date:       {d['date']}")
    out.write(f"Scenario:   {sc['title']} ({sc['id']}), version {sc['version']}")
    out.write(f"Seed:       {d['seed']}")
    if d["difficulty"]:
        out.write(f"Difficulty: {d['difficulty']}")
    out.para(f"You led {d['you']['leader']} ({d['you']['side']}); across the table {d['counterpart']['leader']}, "
             f"played as {d['counterpart']['personality']} ({d['counterpart']['family']}).")
    end = d["ending"]
    out.para(f"Ending: {end['title']} ({end['rating']})" if end else "Ending: the summit is still in progress")
    for note in d["notes"]:
        out.para(f"Note: {note}")
    out.write("")
    out.para(f"{d['opening']['speaker']}: \"{d['opening']['text']}\"")
    session = None
    for m in d["moves"]:
        if m["session"] != session:
            session = m["session"]
            out.rule(session)
        out.write("")
        out.para(f"Turn {m['turn']}. {m['kind']}: {m['label']}")
        if m["says"]:
            out.para(f"\"{m['says']}\"", indent="  ")
        _terms(out, "You offered", m["you_offered"])
        out.para(f"{m['speaker']} {m['reply_verb']}: \"{m['reply_text']}\"", indent="  ")
        _terms(out, "Their offer", m["their_offer"])
        _terms(out, "Agreed", m["agreed"])
        if m["probe"]:
            p = m["probe"]
            out.para(f"What you learned about {p['issue']}: it seems {p['importance']} to them. {p['note']}", indent="  ")
        if m["ally"]:
            out.para(f"{m['ally']['speaker']} (your ally): \"{m['ally']['text']}\"", indent="  ")
        for x in m["meters"]:
            why = f": {'; '.join(x['reasons'])}" if x["reasons"] else ""
            out.para(f"{x['name']} {x['change']:+.0f} -> {x['after']:.0f} {x['band']}{why}", indent="    ")
        for e in m["events"]:
            out.para(f"*** {e['title']} *** {e['text']}", indent="  ")
    if end:
        out.rule(f"The ending: {end['title']} ({end['rating']})")
        for c in end["communique"]:
            out.para(f"{c['issue']}: {c['position']}", indent="  ")
        out.write("")
        out.para(end["epilogue"])
    out.rule("Debrief: what really happened")
    out.para(d["debrief"]["summary"])
    out.write("")
    out.write("Session by session, history and your path:")
    for s in d["debrief"]["sessions"]:
        out.para(f"{s['name']} ({s['when']})", indent="  ")
        out.para(f"History: {s['history']}", indent="    ")
        out.para(f"You: {'; '.join(s['you']) or 'the talks had ended'}", indent="    ")
    out.write("")
    if d["beliefs"]["resolve"]:
        out.write(f"How {d['counterpart']['leader']} read your resolve:")
        out.bullets(f"{b['when']}: {b['value']:.0f} ({b['band']})" for b in d["beliefs"]["resolve"])
    if d["beliefs"]["priorities"]:
        out.write("How it modelled your priorities (at the start, then after each session; truly):")
        out.bullets(f"{p['issue']}: " + " -> ".join(f"{100 * b:.0f} %" for b in p["believed"])
                    + f" (truly {100 * p['true']:.0f} %)" for p in d["beliefs"]["priorities"]["issues"])
    out.write("")
    out.para(frontier_text(d))
    out.write("")
    out.write("Negotiation concepts:")
    for c in d["concepts"]:
        turns = f" (turns {', '.join(map(str, c['turns']))})" if c["turns"] else ""
        out.bullets([f"{c['title']}{turns}: {' '.join(c['lines'])}"])
    if d["debrief"]["quotations"]:
        out.write("")
        out.write("In their own words:")
        for q in d["debrief"]["quotations"]:
            out.para(f"\"{q['text']}\" ({q['speaker']}; {q['source']})", indent="  ")
    out.write("")
    out.write("Sources:")
    out.bullets(d["debrief"]["sources"])
    out.write("")
    out.write("For discussion:")
    out.bullets(d["debrief"]["discussion"])
    if d["undo_log"] or not d["undo_allowed"]:
        out.write("")
        out.write("Undos, rewinds and timelines in this game:")
        if not d["undo_allowed"]:
            out.write("  Undo was off for this game (a graded run).")
        out.bullets(d["undo_log"])
    return "\n".join(lines) + "\n"


def render(d: dict, fmt: str) -> str:
    if fmt == "html":
        return html(d)
    if fmt == "md":
        return markdown(d)
    if fmt == "text":
        return text(d)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
