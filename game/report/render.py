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
    # `<` opens raw HTML (and `&` an entity) in Markdown viewers; `|` would split a table cell.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|") if isinstance(value, str) else text


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


def cover_lines(d: dict) -> list[str]:
    """Who, when, which version, how it ended: the lines a teacher looks for first."""
    sc, end = d["scenario"], d["ending"]
    lines = [f"Student:    {d['student'] or '(not given)'}", f"Date:       {d['date']}",
             f"Scenario:   {sc['title']} ({sc['id']}), version {sc['version']}", f"Seed:       {d['seed']}"]
    if d["difficulty"]:
        lines.append(f"Difficulty: {d['difficulty']}")
    lines.append(f"Ending:     {end['title']} ({end['rating']})" if end else "Ending:     the summit is still in progress")
    return lines + [f"Note: {n}" for n in d["notes"]]


def text(d: dict, body: list[str], width: int = 88) -> str:
    """The plain-text document: the cover lines, then the game as the terminal words it
    (`body`: `game.report.textbody.write_body`), then what the debrief adds. Every
    line made visible."""
    lines: list[str] = []
    out = Writer(lines.append, width)
    at = next((i + 1 for i, line in enumerate(body) if line.startswith("== Transcript")), 0)
    lines += body[:at] + cover_lines(d) + body[at:]
    out.rule("What the debrief adds")
    if d["beliefs"]["resolve"]:
        out.write(f"How {d['counterpart']['leader']} read your resolve:")
        out.bullets(f"{b['when']}: {b['value']:.0f} ({b['band']})" for b in d["beliefs"]["resolve"])
    if d["beliefs"]["priorities"]:
        out.write("How it modelled your priorities (at the start, then after each session; truly):")
        out.bullets(f"{p['issue']}: " + " -> ".join(f"{100 * b:.0f} %" for b in p["believed"])
                    + f" (truly {100 * p['true']:.0f} %)" for p in d["beliefs"]["priorities"]["issues"])
    out.write("")
    out.para(frontier_text(d))
    if not d["frontier"]["efficient"] and d["frontier"]["better_deal"]:
        out.write("For example, both sides would have been at least as well off with:")
        out.bullets(f"{t['issue']}: {t['position']}" for t in d["frontier"]["better_deal"])
    out.write("")
    out.write("Negotiation concepts:")
    for c in d["concepts"]:
        turns = f" ({'turns' if len(c['turns']) > 1 else 'turn'} {', '.join(map(str, c['turns']))})" if c["turns"] else ""
        out.bullets([f"{c['title']}{turns}: {' '.join(c['lines'])}"])
    if d["undo_log"] or not d["undo_allowed"]:
        out.write("")
        out.write("Undos, rewinds and timelines in this game:")
        if not d["undo_allowed"]:
            out.write("  Undo was off for this game (a graded run).")
        out.bullets(d["undo_log"])
    return "\n".join(visible(line) for line in lines) + "\n"


def render(d: dict, fmt: str, body: list[str] | None = None) -> str:
    """`body` (the terminal's wording of the game) is needed for text."""
    if fmt == "html":
        return html(d)
    if fmt == "md":
        return markdown(d)
    if fmt == "text":
        return text(d, body or [])
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
