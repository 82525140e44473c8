"""The terminal game: briefing, sessions with numbered choices, replies, meters with their
reasons, events, the ending and the debrief.

Input comes line by line from `read_line` (stdin by default), so the game plays the
same from a keyboard or from a pipe. When input ends the game is saved and we return 0.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from game.core.game import IllegalAction
from game.match import Match
from game.text import render

HELP = """Commands at the prompt:
  NUMBER or ACTION-ID   take that action
  a                     the agenda: each issue, offers, what your probes found
  b                     the briefing again
  m                     the meters
  s                     save now
  h or ?                this help
  q                     save and quit (resume with: summit play --resume)"""


class EndOfInput(Exception):
    pass


def stdin_reader(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise EndOfInput from None


def play(match: Match, read_line: Callable[[str], str] = stdin_reader, write: Callable[[str], None] = print,
         width: int = 88) -> int:
    out = render.Writer(write, width)
    game = match.game
    if not game.choices:
        render.briefing(out, match)
        render.opening(out, match, game.transcript[0])
    else:
        out.para(f"Resuming {match.scenario.title} as {match.spec.player_leader}, turn {game.turn + 1}.")
    last_session = None
    while not game.over:
        view = game.view()
        if view["session"]["id"] != last_session:
            render.session_header(out, match, view)
            last_session = view["session"]["id"]
        actions = render.in_menu_order(game.legal_actions())
        render.meters(out, game.meters())
        render.menu(out, actions, game)
        try:
            choice = _ask(read_line, out, match, actions)
        except EndOfInput:
            path = match.save()
            out.para(f"Input ended. The game is saved to {path}; resume with: summit play --resume")
            return 0
        if choice is None:
            path = match.save()
            out.para(f"Saved to {path}. Resume with: summit play --resume")
            return 0
        session_before = game.session_index
        record = game.play(choice)
        render.turn(out, match.spec, record)
        if game.session_index != session_before or game.over:
            match.save()
    render.ending(out, match)
    match.save()
    return 0


def _ask(read_line, out: render.Writer, match: Match, actions) -> str | None:
    while True:
        raw = read_line("> ").strip()
        if not raw:
            continue
        low = raw.lower()
        if low in ("q", "quit", "exit"):
            return None
        if low in ("h", "?", "help"):
            out.para(HELP)
            continue
        if low == "a":
            render.agenda(out, match.game.view())
            continue
        if low == "b":
            render.briefing(out, match)
            continue
        if low == "m":
            render.meters(out, match.game.meters())
            continue
        if low == "s":
            out.para(f"Saved to {match.save()}.")
            continue
        if raw.isdigit() and 1 <= int(raw) <= len(actions):
            return actions[int(raw) - 1].id
        ids = {a.id for a in actions}
        if raw in ids:
            return raw
        if raw in {a.id for a in match.spec.actions}:
            out.para(f"'{raw}' is not open now.")
            continue
        out.para(textwrap.fill(f"Choose 1-{len(actions)} or an action id; h for help.", out.width))


__all__ = ["IllegalAction", "play"]
