"""Export from the window: the game's record as a document to hand in, written to the
exports folder beside the saves, with the path said back to the player.

The document is `game.report`'s (the same as `summit transcript`): self-contained HTML,
or the plain-text document when the HTML cannot be rendered (a template missing or
broken). Either way the file is written atomically and never over another.
"""

from __future__ import annotations

import time
from pathlib import Path

import jinja2

from game.files import write_whole
from game.match import Match
from game.paths import data_dir
from game.report import document_text


def exports_dir() -> Path:
    return data_dir() / "exports"


def export_path(match: Match, suffix: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    moves = match.game.turn
    base = f"{match.scenario.id}-{match.side}-{moves}-move{'s' if moves != 1 else ''}-{stamp}"
    path = exports_dir() / f"{base}{suffix}"
    n = 2
    while path.exists():  # never over an earlier export
        path = exports_dir() / f"{base}-{n}{suffix}"
        n += 1
    return path


def _html_or_none(match: Match) -> str | None:
    """The HTML document, or None when its templates cannot be rendered (an error in the
    game's record itself is not hidden: it propagates)."""
    try:
        return document_text(match, "html")
    except jinja2.TemplateError:
        return None


def export_record(match: Match) -> Path:
    """Write the record (HTML, else text); the path written. OSError (or SaveError) if it
    cannot be written
    (FileExistsError, an OSError, if another export took the name meanwhile)."""
    html = _html_or_none(match)
    text, suffix = (html, ".html") if html is not None else (document_text(match, "text"), ".txt")
    path = export_path(match, suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A document to hand in: readable like any other (0644), and never over another file.
    return write_whole(path, text, replace=False, mode=0o644)
