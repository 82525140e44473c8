"""How the scenes hand a match to each other: starting one, resuming one from a save.

Kept apart from the scenes so that the title, the load list, the pause menu and the
command line all open a game the same way (and the scene modules need not import each
other in a circle).
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from game.content.listing import leader_of

from game.saves import read_save
from game.ui.context import AppContext
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.match import Match


def load_match(ctx: AppContext, path: Path) -> Match:
    """The match saved at path; raises SaveError with a located message."""
    from game.match import resume_match

    return resume_match(ctx.library, read_save(path), path)


def scenes_for_match(ctx: AppContext, match: Match) -> list[Scene]:
    """The stack for a resumed match: the title under the table (or the ending)."""
    from game.ui.scenes.ending import EndingScene
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    top = EndingScene(ctx, match) if match.game.over else TableScene(ctx, match)
    return [TitleScene(ctx), top]


def scenes_for_new_match(ctx: AppContext, match: Match) -> list[Scene]:
    """The stack for a new match: the title under the briefing."""
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.title import TitleScene

    return [TitleScene(ctx), BriefingScene(ctx, match)]


def save_summary(entry, listing=None) -> str:
    """One line about a save (a `game.saves.SaveEntry`): which summit, whom you lead, how
    far (the leader's name from the content listing, `game.content.listing`, when given)."""
    who = (leader_of(listing, entry.scenario, entry.side) if listing is not None else None) or entry.side
    return f"{entry.title or entry.scenario or '?'}, as {who}: {entry.turn} turn{'s' if entry.turn != 1 else ''} played"