"""The body of the text document (the one plain-text transcript: `summit transcript`,
the window's fallback export and the golden files all come through here): the game as
the terminal words it (the functions of `game.text.render`), with what a hand-in needs
besides: numbered turns and the terms of every proposal you made from a card, which the
terminal leaves to the card itself."""

from __future__ import annotations

import copy
from collections.abc import Callable

from game.report.replay import replay


def records_with_card_terms(match) -> list[dict]:
    """The game's records, each proposal carrying its exact terms (from a replay of the
    saved choices) in agenda order; unchanged if the replay does not match the save."""
    game, spec = match.game, match.spec
    trace = replay(spec, match.seed, int(game.state.game_index[0]), list(game.choices), game.state.agreed[0])
    if not trace.faithful:
        return list(game.transcript)
    terms = {t.turn: t.terms for t in trace.turns}
    out = [game.transcript[0]]
    for rec in game.transcript[1:]:
        t = terms.get(rec.get("turn"))
        if t is not None and (t >= 0).any() and not rec["action"].get("terms"):
            rec = copy.deepcopy(rec)
            rec["action"]["terms"] = {spec.issue_ids[i]: spec.position_labels[i][int(p)]
                                      for i, p in enumerate(t) if p >= 0}
        out.append(rec)
    return out


def write_body(match, write: Callable[[str], None], width: int = 88) -> None:
    """The game through the terminal's functions (`game.text.render`), session by
    session, with each turn numbered (the debrief's concepts point to turns) and each
    card's terms shown."""
    from game.text import render

    out = render.Writer(write, width)
    game, sc, spec = match.game, match.scenario, match.spec
    side = match.side_model()
    records = records_with_card_terms(match)
    out.rule(f"Transcript: {sc.title}")
    out.para(f"{sc.place}, {sc.dates}. You led: {side.leader} ({side.name}).")
    out.para(f"Across the table: {spec.ai_leader}, played as {spec.counterpart.name} ({spec.counterpart.family}).")
    render.opening(out, match, records[0])
    session = None
    for record in records[1:]:
        if record["session"] != session:
            session = record["session"]
            s = next(x for x in sc.sessions if x.id == session)
            out.rule(f"{s.name} ({s.when}, {s.place})")
        out.write("")
        out.write(f"-- Turn {record['turn']} --")
        render.turn(out, spec, record)
    if game.over:
        render.ending(out, match)
    else:
        out.rule("The summit is still in progress")
        render.meters(out, game.meters())
