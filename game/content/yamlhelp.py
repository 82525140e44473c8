"""YAML syntax errors in an author's words: what probably went wrong, on the right line.

The parser's own messages ("mapping values are not allowed in this context") name a
rule of the grammar, not the mistake, and some point far from it: an unclosed quote on
line 3 is only noticed at the end of the file. `explain` recognises the usual causes
(curly quotes, tabs, indentation, a colon inside a value, an unclosed quote or bracket),
moves the location to where the mistake is, and keeps the parser's words at the end so
an author can still search for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb"


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    col: int  # 1-based
    message: str


def explain(error: yaml.MarkedYAMLError, text: str) -> Explained:
    """The likely cause of a YAML syntax error, located where the author should look."""
    lines = text.splitlines()
    raw = _raw_message(error)
    problem_at = error.problem_mark or error.context_mark
    line, col = (problem_at.line + 1, problem_at.column + 1) if problem_at is not None else (1, 1)
    context_line = error.context_mark.line + 1 if error.context_mark is not None else line
    context_col = error.context_mark.column + 1 if error.context_mark is not None else col
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    problem = error.problem or ""
    context = error.context or ""

    def said(cause: str, at_line: int = line, at_col: int = col) -> Explained:
        return Explained(at_line, at_col, f"{cause} (YAML said: {raw})")

    if "quoted scalar" in context:
        opener = lines[context_line - 1] if 0 < context_line <= len(lines) else ""
        quote = opener[context_col - 1 : context_col] or "quote"
        return said(
            f"the {quote} opened here is never closed, so everything after it, to line {line}, "
            f"reads as one text; end the text with a matching {quote} on this line",
            context_line,
            context_col,
        )
    opened = _quote_opened_earlier(lines, line, col)
    if opened is not None and ("expected key" in problem or "mapping values" in problem):
        open_line, open_col, quote = opened
        return said(
            f"the {quote} opened here is not closed on its line, so the text runs on until the next {quote} "
            f"on line {line}; end the text with a matching {quote} on this line",
            open_line,
            open_col,
        )
    if "\t" in here[: max(col, 1)] or "tab" in problem:
        tab_col = here.find("\t") + 1 if "\t" in here else col
        return said("this line has a tab; YAML indents with spaces only, so replace the tab with spaces", line, tab_col)
    curly = _curly_quote_line(lines, line)
    if curly is not None and ("mapping values" in problem or "expected key" in problem or "expected" in problem):
        curly_line, curly_col = curly
        return said(
            "this line has curly quotes (\u201c \u201d \u2018 \u2019), which YAML reads as ordinary letters, "
            "not as quotes; put the text in straight quotes (\" or ') if it holds a colon or starts "
            "with a quote mark",
            curly_line,
            curly_col,
        )
    if "mapping values are not allowed" in problem:
        head = here[: col - 1]
        if ": " in head.strip() or head.rstrip().endswith(":") and ":" in head.strip()[:-1]:
            return said(
                "this value holds a colon followed by a space, which YAML reads as the start of a new "
                "key; put the whole value in quotes, e.g. key: \"text: more text\""
            )
        return said(
            f"this key is indented {_spaces(here)}, which does not line up with the keys around it "
            f"(line {line - 1} is indented {_spaces(before)}); keys of one mapping start in the same column, "
            "and a value nested under a key is indented further than that key",
            line,
            _indent(here) + 1,
        )
    if "expected key" in problem and "block mapping" in context:
        stripped = here.lstrip()
        if '"' in here[: col - 1] or "'" in here[: col - 1]:
            return said(
                "a quoted value ends at its closing quote, but this line goes on after it; "
                "quote the whole value, e.g. title: '\"Vienna\" summit'"
            )
        if stripped.startswith("-"):
            return said("this list item is not lined up with the keys or items around it; check its indentation")
        return said(
            f"this line is indented {_spaces(here)}, which matches no key above it; keys of one mapping "
            f"start in the same column (the mapping that begins on line {context_line} starts in column {context_col})",
            line,
            _indent(here) + 1,
        )
    if "expected '-' indicator" in problem:
        return said(
            f"the list that begins on line {context_line} needs '- ' before each item, all in column {context_col}; "
            "this line is neither an item nor lined up with the list's parent key",
            line,
            _indent(here) + 1,
        )
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        closer = "]" if "]" in problem else "}"
        return said(
            f"the {'list' if closer == ']' else 'mapping'} opened with '{'[' if closer == ']' else '{'}' on line "
            f"{context_line} is not closed with '{closer}' (or two items lack a comma between them)",
            context_line,
            context_col,
        )
    if "cannot start any token" in problem:
        char = here[col - 1 : col]
        if char in ("@", "`"):
            return said(f"a value may not start with {char!r}; put the value in quotes")
        return said(f"the character {char!r} cannot start a value here; put the value in quotes")
    if "could not find expected ':'" in problem:
        return said(
            "a key must be followed by ':' and a space; if this line continues the text above, "
            "indent it further or quote the text",
            context_line,
            context_col,
        )
    return said("the YAML here is not well formed")


def _quote_opened_earlier(lines: list[str], line: int, col: int) -> tuple[int, int, str] | None:
    """Where the quoted text that ends just before (line, col) began, when that is on an
    earlier line: the sign of a quote left open there, closed by accident later."""
    if not 0 < line <= len(lines):
        return None
    head = lines[line - 1][: col - 1]
    closing = max(head.rfind('"'), head.rfind("'"))
    if closing < 0:
        return None
    quote = head[closing]
    if head[:closing].count(quote) % 2 == 1:
        return None  # opened and closed on this line
    for number in range(line - 1, max(0, line - 200), -1):
        text = lines[number - 1]
        opening = re.search(r"(?:^\s*|:\s+|-\s+)(" + re.escape(quote) + ")", text)
        if opening is not None and text.count(quote) % 2 == 1:
            return number, opening.start(1) + 1, quote
    return None


def _raw_message(error: yaml.MarkedYAMLError) -> str:
    message = error.problem or error.context or "syntax error"
    if error.problem and error.context:
        where = f" at line {error.context_mark.line + 1}" if error.context_mark is not None else ""
        message += f", {error.context}{where}"
    return message


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(line: str) -> str:
    count = _indent(line)
    return f"{count} space" if count == 1 else f"{count} spaces"


def _curly_quote_line(lines: list[str], line: int) -> tuple[int, int] | None:
    """The (line, col) of a curly quote on the error's line or the line before."""
    for number in (line, line - 1):
        if 0 < number <= len(lines):
            for index, ch in enumerate(lines[number - 1]):
                if ch in CURLY_QUOTES:
                    return number, index + 1
    return None
