"""Loading a saved game for a report through the match service: `game.setup.load_match`
where it exists (saves that embed their scenario), else `game.match.resume_match`."""

from __future__ import annotations

from pathlib import Path


def load_saved_match(library, path: Path):
    """The match saved at `path`; SaveError (located) when it cannot be read."""
    try:
        from game.setup import load_match
    except ImportError:
        from game.match import resume_match
        from game.saves import read_save

        return resume_match(library, read_save(path), path)
    return load_match(library, path)


def save_data(path: Path) -> dict:
    """The save's raw fields a report may show (e.g. a student's name); {} if unreadable."""
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
