"""Content problems an author can act on: where (file:line:col), which field, what is wrong.

Every check in `game.content` reports `Problem`s rather than raising at the first one, so
an author fixing a scenario sees every mistake in one run (cfgv / Ren'Py lint style).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.textsafe import visible

# A snippet longer than this is cut around the caret so the report stays readable.
_SNIPPET_WIDTH = 120


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file. `line` and `col` are 1-based."""

    file: str
    line: int
    col: int
    field: str
    message: str
    snippet: str | None = None
    hint: str | None = None
    # "error": the file cannot be used. "warning": it loads and plays, but probably not
    # as the author meant (an ending that can never be reached); `summit validate`
    # exits 0 on warnings unless --strict.
    severity: str = "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def format(self) -> str:
        """`path:line:col: field.path: message (did you mean 'x'?)`, then the source line
        and a caret under the column when a snippet is known. An empty field (a problem
        with the whole file) leaves out the `field.path: ` part. A warning says so after
        the location. File names, messages and snippets come from files, so control
        characters and escape sequences in them are made visible, never sent raw."""
        where = f"{visible(self.file, keep_newlines=False)}:{self.line}:{self.col}: "
        if self.is_warning:
            where += "warning: "
        what = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint is not None:
            what += f" (did you mean '{self.hint}'?)"
        what = visible(what, keep_newlines=False)
        if self.snippet is None:
            return where + what
        return where + what + "\n" + _snippet_with_caret(self.snippet, self.col)


def _snippet_with_caret(snippet: str, col: int) -> str:
    text, caret_index = _cut(snippet, max(col - 1, 0))
    # Make the text before the caret visible piece by piece, so the caret still points
    # at the same character when an escape is shown as several.
    shown_before = _visible_keeping_tabs(text[:caret_index])
    text = shown_before + _visible_keeping_tabs(text[caret_index:])
    caret_index = len(shown_before)
    # Keep tabs in the caret line so the caret lines up wherever the terminal puts tab stops.
    pad = "".join("\t" if ch == "\t" else " " for ch in text[:caret_index])
    return f"    {text}\n    {pad}^"


def _visible_keeping_tabs(text: str) -> str:
    return "".join(ch if ch == "\t" else visible(ch, keep_newlines=False) for ch in text)


def _cut(snippet: str, caret_index: int) -> tuple[str, int]:
    if len(snippet) <= _SNIPPET_WIDTH:
        return snippet, min(caret_index, len(snippet))
    start = max(0, min(caret_index - _SNIPPET_WIDTH // 2, len(snippet) - _SNIPPET_WIDTH))
    text = snippet[start : start + _SNIPPET_WIDTH]
    prefix = "..." if start > 0 else ""
    suffix = "..." if start + _SNIPPET_WIDTH < len(snippet) else ""
    return prefix + text + suffix, len(prefix) + min(caret_index - start, len(text))


class ContentError(Exception):
    """A content file (or several) could not be used; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        # args holds the problems themselves, so a pickled error (a worker process) comes
        # back whole.
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(problem.format() for problem in self.problems)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in reading order (file, then line, then column), so a report follows the
    file from top to bottom whatever order the checks ran in."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.col))
