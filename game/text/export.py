"""A game's whole record as plain text: what a student hands in and a class discusses.

Built from a save (its transcript and state), so it can be written at any point of a game
or after its end.
"""

from __future__ import annotations

from collections.abc import Callable

from game.match import Match
from game.text import render


def write_transcript(match: Match, write: Callable[[str], None], width: int = 88) -> None:
    out = render.Writer(write, width)
    game, sc = match.game, match.scenario
    side = match.side_model()
    out.rule(f"Transcript: {sc.title}")
    out.para(f"{sc.place}, {sc.dates}. You led: {side.leader} ({side.name}). Seed {match.seed}.")
    out.para(f"Across the table: {game.spec.ai_leader}, played as {game.spec.counterpart.name} "
             f"({game.spec.counterpart.family}).")
    render.opening(out, match, game.transcript[0])
    session = None
    for record in game.transcript[1:]:
        if record["session"] != session:
            session = record["session"]
            s = next(x for x in sc.sessions if x.id == session)
            out.rule(f"{s.name} ({s.when}, {s.place})")
        render.turn(out, match.spec, record)
    if game.over:
        render.ending(out, match)
    else:
        out.rule("The summit is still in progress")
        render.meters(out, game.meters())
