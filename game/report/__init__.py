"""Documents for teachers and students: transcripts to hand in (text, Markdown,
self-contained HTML), the class view, and the balance report's page.

    from game.report import export
    export(match, Path("game.html"), "html", student="Ann")   # the window's ending screen
"""

from __future__ import annotations

from pathlib import Path

FORMATS = ("text", "md", "html")


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file name suggests (.html, .md, else text)."""
    if fmt:
        return fmt
    suffix = path.suffix.lower()
    return {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(suffix, "text")


def document_text(match, fmt: str, student: str = "", date: str | None = None) -> str:
    from game.report.document import build_document
    from game.report.render import render

    d = build_document(match, student, date)
    body: list[str] = []
    if fmt == "text":
        from game.report.textbody import write_body

        write_body(match, body.append)
    return render(d, fmt, body)


def export(match, path: Path, fmt: str | None = None, student: str = "", date: str | None = None) -> Path:
    """Write the match's record to `path` atomically (an existing file is replaced only by
    a complete new one) and return the path."""
    from game.saves import write_atomic

    path = Path(path)
    write_atomic(path, document_text(match, format_for(path, fmt), student, date), shared=True)
    return path


__all__ = ["FORMATS", "document_text", "export", "format_for"]
