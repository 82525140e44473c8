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
    """The likely cause of a YAML syntax error, located where the author should look:
    the first of `_CAUSES` that recognises it, else a plain "not well formed"."""
    failure = _Failure.of(error, text)
    for cause in _CAUSES:
        found = cause(failure)
        if found is not None:
            return found
    return failure.said("the YAML here is not well formed")


@dataclass(frozen=True)
class _Failure:
    """Where the parser stopped and what it said, with the lines around it."""

    lines: list[str]
    raw: str  # the parser's own words, kept at the end of every message
    line: int  # where the parser noticed the problem (1-based)
    col: int
    context_line: int  # where the construct it was reading began
    context_col: int
    here: str  # the text of `line`, and of the line before it
    before: str
    problem: str
    context: str

    @classmethod
    def of(cls, error: yaml.MarkedYAMLError, text: str) -> _Failure:
        lines = text.splitlines()
        problem_at = error.problem_mark or error.context_mark
        line, col = (problem_at.line + 1, problem_at.column + 1) if problem_at is not None else (1, 1)
        return cls(
            lines=lines,
            raw=_raw_message(error),
            line=line,
            col=col,
            context_line=error.context_mark.line + 1 if error.context_mark is not None else line,
            context_col=error.context_mark.column + 1 if error.context_mark is not None else col,
            here=lines[line - 1] if 0 < line <= len(lines) else "",
            before=lines[line - 2] if 1 < line <= len(lines) + 1 else "",
            problem=error.problem or "",
            context=error.context or "",
        )

    def said(self, cause: str, at_line: int | None = None, at_col: int | None = None) -> Explained:
        line = self.line if at_line is None else at_line
        col = self.col if at_col is None else at_col
        return Explained(line, col, f"{cause} (YAML said: {self.raw})")


def _unclosed_quote(f: _Failure) -> Explained | None:
    if "quoted scalar" not in f.context:
        return None
    opener = f.lines[f.context_line - 1] if 0 < f.context_line <= len(f.lines) else ""
    quote = opener[f.context_col - 1 : f.context_col] or "quote"
    return f.said(
        f"the {quote} opened here is never closed, so everything after it, to line {f.line}, "
        f"reads as one text; end the text with a matching {quote} on this line",
        f.context_line,
        f.context_col,
    )


def _quote_left_open(f: _Failure) -> Explained | None:
    opened = _quote_opened_earlier(f.lines, f.line, f.col)
    if opened is None or not ("expected key" in f.problem or "mapping values" in f.problem):
        return None
    open_line, open_col, quote = opened
    return f.said(
        f"the {quote} opened here is not closed on its line, so the text runs on until the next {quote} "
        f"on line {f.line}; end the text with a matching {quote} on this line",
        open_line,
        open_col,
    )


def _tab(f: _Failure) -> Explained | None:
    if not ("\t" in f.here[: max(f.col, 1)] or "tab" in f.problem):
        return None
    tab_col = f.here.find("\t") + 1 if "\t" in f.here else f.col
    return f.said("this line has a tab; YAML indents with spaces only, so replace the tab with spaces", f.line, tab_col)


def _curly_quotes(f: _Failure) -> Explained | None:
    curly = _curly_quote_line(f.lines, f.line)
    if curly is None or not ("mapping values" in f.problem or "expected key" in f.problem or "expected" in f.problem):
        return None
    curly_line, curly_col = curly
    return f.said(
        "this line has curly quotes (\u201c \u201d \u2018 \u2019), which YAML reads as ordinary letters, "
        "not as quotes; put the text in straight quotes (\" or ') if it holds a colon or starts "
        "with a quote mark",
        curly_line,
        curly_col,
    )


def _colon_in_value_or_misindented_key(f: _Failure) -> Explained | None:
    if "mapping values are not allowed" not in f.problem:
        return None
    head = f.here[: f.col - 1]
    if ": " in head.strip() or head.rstrip().endswith(":") and ":" in head.strip()[:-1]:
        return f.said(
            "this value holds a colon followed by a space, which YAML reads as the start of a new "
            "key; put the whole value in quotes, e.g. key: \"text: more text\""
        )
    return f.said(
        f"this key is indented {_spaces(f.here)}, which does not line up with the keys around it "
        f"(line {f.line - 1} is indented {_spaces(f.before)}); keys of one mapping start in the same column, "
        "and a value nested under a key is indented further than that key",
        f.line,
        _indent(f.here) + 1,
    )


def _line_after_mapping(f: _Failure) -> Explained | None:
    if not ("expected key" in f.problem and "block mapping" in f.context):
        return None
    stripped = f.here.lstrip()
    if '"' in f.here[: f.col - 1] or "'" in f.here[: f.col - 1]:
        return f.said(
            "a quoted value ends at its closing quote, but this line goes on after it; "
            "quote the whole value, e.g. title: '\"Vienna\" summit'"
        )
    if stripped.startswith("-"):
        return f.said("this list item is not lined up with the keys or items around it; check its indentation")
    return f.said(
        f"this line is indented {_spaces(f.here)}, which matches no key above it; keys of one mapping "
        f"start in the same column (the mapping that begins on line {f.context_line} starts in column "
        f"{f.context_col})",
        f.line,
        _indent(f.here) + 1,
    )


def _list_item_without_dash(f: _Failure) -> Explained | None:
    if "expected '-' indicator" not in f.problem:
        return None
    return f.said(
        f"the list that begins on line {f.context_line} needs '- ' before each item, all in column "
        f"{f.context_col}; this line is neither an item nor lined up with the list's parent key",
        f.line,
        _indent(f.here) + 1,
    )


def _unclosed_bracket(f: _Failure) -> Explained | None:
    if not ("expected ',' or ']'" in f.problem or "expected ',' or '}'" in f.problem):
        return None
    closer = "]" if "]" in f.problem else "}"
    return f.said(
        f"the {'list' if closer == ']' else 'mapping'} opened with '{'[' if closer == ']' else '{'}' on line "
        f"{f.context_line} is not closed with '{closer}' (or two items lack a comma between them)",
        f.context_line,
        f.context_col,
    )


def _bad_first_character(f: _Failure) -> Explained | None:
    if "cannot start any token" not in f.problem:
        return None
    char = f.here[f.col - 1 : f.col]
    if char in ("@", "`"):
        return f.said(f"a value may not start with {char!r}; put the value in quotes")
    return f.said(f"the character {char!r} cannot start a value here; put the value in quotes")


def _key_without_colon(f: _Failure) -> Explained | None:
    if "could not find expected ':'" not in f.problem:
        return None
    return f.said(
        "a key must be followed by ':' and a space; if this line continues the text above, "
        "indent it further or quote the text",
        f.context_line,
        f.context_col,
    )


# The causes in the order they are tried: the first that recognises the error explains it.
_CAUSES = (
    _unclosed_quote,
    _quote_left_open,
    _tab,
    _curly_quotes,
    _colon_in_value_or_misindented_key,
    _line_after_mapping,
    _list_item_without_dash,
    _unclosed_bracket,
    _bad_first_character,
    _key_without_colon,
)


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
