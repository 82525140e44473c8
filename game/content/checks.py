"""Content checks beyond references: dialogue placeholders, and prose red lines that must
agree with the structured ones.

- A `{placeholder}` in a line a leader says must be one the game fills (`{positon}` is a
  located error, pointing at the misspelt word itself, with a did-you-mean).
- A prose red line written as {text, positions} names structured red lines; each must be
  in that issue's `interests.<issue>.red_lines`, and, once a side links any prose red
  line, every structured red line of the side must be named by one (so the sentence a
  player reads and the positions the counterpart refuses cannot drift apart).
- `never_offers` names real positions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from game.content.errors import Problem
from game.content.models import PLACEHOLDERS, Personality, Scenario
from game.content.yamlsafe import FieldPath, Marks, dotted, locate, locate_key

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def scenario_problems(s: Scenario, marks: Marks, text: str, filename: str) -> list[Problem]:
    out: list[Problem] = []
    issue_ids = [issue.id for issue in s.issues]
    for n, side in enumerate(s.sides):
        for iid in side.issue_lines:
            if iid not in issue_ids:
                path = ("sides", n, "issue_lines", iid)
                close = difflib.get_close_matches(iid, issue_ids, n=1)
                out.append(Problem(filename, *locate_key(marks, path), dotted(path), f"unknown issue '{iid}'",
                                   hint=close[0] if close else None))
        for iid, kinds in side.issue_lines.items():
            for kind, entries in kinds.items():
                for k, entry in enumerate(entries):
                    path: FieldPath = ("sides", n, "issue_lines", iid, kind, k)
                    out += _placeholder_problems(_text(entry), path, marks, text, filename)
        out += _red_line_problems(s, n, marks, filename)
        out += _never_offer_problems(s, n, marks, filename)
    return out


def personality_problems(p: Personality, marks: Marks, text: str, filename: str) -> list[Problem]:
    out: list[Problem] = []
    for kind, entries in p.lines.items():
        for k, entry in enumerate(entries):
            out += _placeholder_problems(_text(entry), ("lines", kind, k), marks, text, filename)
    return out


def _text(entry) -> str:
    return entry if isinstance(entry, str) else entry.text


def placeholders(line: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of every {name} in `line`."""
    for match in _PLACEHOLDER.finditer(line):
        yield match.start(), match.group(1)


def _placeholder_problems(line: str, path: FieldPath, marks: Marks, text: str, filename: str) -> list[Problem]:
    out = []
    for _offset, name in placeholders(line):
        if name in PLACEHOLDERS:
            continue
        close = difflib.get_close_matches(name, PLACEHOLDERS, n=1, cutoff=0.6)
        where = _find_after(text, locate(marks, path), "{" + name + "}")
        message = f"unknown placeholder '{{{name}}}'; the game fills {', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
        out.append(Problem(filename, *where, dotted(path), message, hint=("{" + close[0] + "}") if close else None))
    return out


def _find_after(text: str, start: tuple[int, int], needle: str) -> tuple[int, int]:
    """Line and column of `needle` at or after (line, col) in the file, so the caret points
    at the placeholder itself even inside a folded block scalar."""
    lines = text.splitlines(keepends=True)
    line, col = start
    offset = sum(len(x) for x in lines[: line - 1]) + col - 1
    found = text.find(needle, offset)
    if found < 0:
        return start
    before = text[:found]
    return before.count("\n") + 1, found - (before.rfind("\n") + 1) + 1


def _red_line_problems(s: Scenario, n: int, marks: Marks, filename: str) -> list[Problem]:
    side = s.sides[n]
    positions = {issue.id: [p.id for p in issue.positions] for issue in s.issues}
    out: list[Problem] = []

    def report(path: FieldPath, message: str) -> None:
        out.append(Problem(filename, *locate(marks, path), dotted(path), message))

    named: set[tuple[str, str]] = set()
    linked = False
    for k, red_line in enumerate(side.red_lines):
        if isinstance(red_line, str):
            continue
        linked = True
        for iid, pids in red_line.positions.items():
            for j, pid in enumerate(pids):
                path = ("sides", n, "red_lines", k, "positions", iid, j)
                if iid not in positions or pid not in positions[iid]:
                    report(path, f"unknown position '{pid}' in issue '{iid}'")
                    continue
                named.add((iid, pid))
                interest = side.interests.get(iid)
                if interest is None or pid not in interest.red_lines:
                    report(path, f"the prose red line rules out '{pid}', but interests.{iid}.red_lines does not list it")
    if linked:
        for iid, interest in side.interests.items():
            for j, pid in enumerate(interest.red_lines):
                if (iid, pid) not in named:
                    report(("sides", n, "interests", iid, "red_lines", j),
                           f"red line '{pid}' is named by no prose red line of side '{side.id}'; add it to one's positions")
    return out


def _never_offer_problems(s: Scenario, n: int, marks: Marks, filename: str) -> list[Problem]:
    positions = {issue.id: [p.id for p in issue.positions] for issue in s.issues}
    out = []
    for iid, pids in s.sides[n].never_offers.items():
        if iid not in positions:
            path = ("sides", n, "never_offers", iid)
            out.append(Problem(filename, *locate_key(marks, path), dotted(path), f"unknown issue '{iid}'"))
            continue
        interest = s.sides[n].interests.get(iid)
        sized = interest is not None and len(interest.values) == len(positions[iid])  # else references reports it
        best = positions[iid][max(range(len(interest.values)), key=interest.values.__getitem__)] if sized else None
        for j, pid in enumerate(pids):
            path = ("sides", n, "never_offers", iid, j)
            if pid not in positions[iid]:
                out.append(Problem(filename, *locate(marks, path), dotted(path), f"unknown position '{pid}' in issue '{iid}'"))
            elif pid == best:
                out.append(Problem(filename, *locate(marks, path), dotted(path),
                                   f"'{pid}' is this side's best position on '{iid}': it always opens with it"))
    return out
