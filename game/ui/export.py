"""Export from the window: the game's record as a document to hand in, written to the
exports folder beside the saves, with the path said back to the player.

The document comes from `game.report.export` (HTML, with the transcript, the meters and
the debrief) when that module is there; otherwise it is the plain-text transcript of
`game.text.export`. Either way the file is written atomically and never over another.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from game.match import Match
from game.paths import data_dir
from game.saves import write_atomic


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


def export_record(match: Match) -> Path:
    """Write the record; the path written. OSError (or SaveError) if it cannot be."""
    try:
        from game.report import export
    except ImportError:
        export = None
    if export is not None:
        path = export_path(match, ".html")
        path.parent.mkdir(parents=True, exist_ok=True)
        return Path(export(match, path, "html"))
    from game.text.export import write_transcript

    buffer = io.StringIO()
    write_transcript(match, buffer.write)
    path = export_path(match, ".txt")
    write_atomic(path, buffer.getvalue())
    return path
