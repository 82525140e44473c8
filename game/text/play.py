"""The terminal game: briefing, sessions with numbered choices, replies, meters with their
reasons, events, the ending and the debrief; undo, rewind and timelines.

Input comes line by line from `read_line` (stdin by default), so the game plays the
same from a keyboard or from a pipe. The match autosaves after every move; when input
ends, on q, on Ctrl-C, SIGTERM or SIGHUP, or when the output is closed (`| head`), the game
is saved once more and we say where (on stderr when stdout is gone). Everything printed
passes through `textsafe.visible`: scenario prose and names are shown, never interpreted.
"""

from __future__ import annotations

import signal
import sys
import textwrap
from collections.abc import Callable

from game.core.game import IllegalAction, parse_choice
from game.match import Match, UndoRefused, describe_log_entry
from game.saves import SaveError
from game.text import compose, render
from game.textsafe import visible
from game.wording import not_saved

HELP = """Commands at the prompt:
  NUMBER or ACTION-ID   take that action
  offer                 compose your own offer: 'offer' shows the issues, what you learned
                        and your red lines; 'offer berlin=interim laos=neutral' proposes
  counter               the terms a counter would send; 'counter ISSUE=POSITION' your own
  a                     the agenda: each issue, offers, what your probes found
  b                     the briefing again
  m                     the meters
  u                     undo your last move
  rewind N              go back to the start of turn N (playing on makes a new timeline)
  timelines             the timelines of this game; timeline N continues timeline N
  compare A B           timelines A and B side by side: meters, agreements, ending
  s                     save now;  save NAME  saves into a named slot
  h or ?                this help
  q                     save and quit (resume with: summit play --text --resume)"""

MAX_INPUT = 200  # characters of a command we look at; longer lines are not commands


class EndOfInput(Exception):
    pass


class Interrupted(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class OutputClosed(Exception):
    pass


LINE_CAP = 4096  # bytes of one input line kept; the rest of a longer line is read and dropped


def stdin_reader(prompt: str) -> str:
    """One line of input, never more than LINE_CAP characters held in memory."""
    try:
        sys.stdout.write(prompt)
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, OSError) as e:
        raise OutputClosed(str(e)) from None
    line = sys.stdin.readline(LINE_CAP)
    if not line:
        raise EndOfInput
    if not line.endswith("\n") and len(line) == LINE_CAP:
        while (rest := sys.stdin.readline(LINE_CAP)) and not rest.endswith("\n"):
            pass
        return "\0long"
    return line.rstrip("\n")


def _safe_print(text: str) -> None:
    try:
        print(visible(text))
    except (BrokenPipeError, ValueError, OSError) as e:  # ValueError: write to a closed file
        raise OutputClosed(str(e)) from None


def _say_err(text: str) -> None:
    try:
        print(visible(text), file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def _raise_on(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def play(match: Match, read_line: Callable[[str], str] = stdin_reader, write: Callable[[str], None] | None = None,
         width: int = 88, slot: str | None = None) -> int:
    """Play until the end, a quit or the end of input; returns the exit code."""
    if write is None:
        write = _safe_print
    else:
        user_write = write
        write = lambda s: user_write(visible(s))  # noqa: E731
    if hasattr(sys.stdin, "reconfigure"):
        try:
            sys.stdin.reconfigure(errors="replace")  # invalid UTF-8 is a wrong command, not a crash
        except (ValueError, OSError):
            pass
    old = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        try:
            old[sig] = signal.signal(sig, _raise_on)
        except (ValueError, OSError):  # not the main thread
            pass
    try:
        return _play(match, read_line, write, width, slot)
    except (KeyboardInterrupt, Interrupted) as e:
        name = e.name if isinstance(e, Interrupted) else "SIGINT"
        where = _final_save(match, slot)
        _say_err(f"\nInterrupted ({name}). {where}")
        return 130 if name == "SIGINT" else 128 + int(getattr(signal, name, 15))
    except OutputClosed:
        where = _final_save(match, slot)
        _say_err(f"summit: the output was closed. {where}")
        _silence_stdout()
        return 0
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _silence_stdout() -> None:
    """After the reader of our output has gone, send what is left to /dev/null so Python's
    own flush at exit does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _final_save(match: Match, slot: str | None) -> str:
    """Save once more (the autosave and, when asked, the named slot) and say where."""
    saved = []
    try:
        saved.append(str(match.save()))
    except SaveError as e:
        return f"The game could not be saved: {e}. The last autosave, if any, is unchanged."
    if slot:
        try:
            saved.append(str(match.save_as(slot)))
        except SaveError as e:
            return f"The game is saved to {saved[0]}, but not as {slot!r}: {e}"
    return f"The game is saved to {' and '.join(saved)}; resume with: summit play --text --resume {saved[-1]}"


def _play(match: Match, read_line, write, width: int, slot: str | None) -> int:
    out = render.Writer(write, width)
    game = match.game
    for note in match.notes:
        out.para(note)
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
        actions = render.in_menu_order(match.legal_actions())
        if not actions:
            where = _final_save(match, slot)
            out.para(f"No move is open to {match.spec.player_leader} at turn {game.turn + 1}: this scenario "
                     "leaves you without a legal action, so the game stops here.")
            _say_err(f"summit: {match.scenario.id}: no legal action for side {match.side!r} at turn "
                     f"{game.turn + 1}; the scenario needs fixing. {where}")
            return 2
        render.meters(out, game.meters())
        render.menu(out, actions, game)
        try:
            choice = _ask(read_line, out, match, actions, slot)
        except EndOfInput:
            out.para(f"Input ended. {_final_save(match, slot)}")
            return 0
        if choice is None:
            out.para(_final_save(match, slot))
            return 0
        if choice == "":
            last_session = None  # time moved: show where we are again
            continue
        action_id, terms = parse_choice(choice)  # "compose:berlin=..." from the offer command
        try:
            result = match.play(action_id, terms)
        except IllegalAction as e:
            out.para(str(e))
            continue
        render.turn(out, match.spec, result.record)
        if result.save_error:
            _say_err(f"summit: {not_saved(result.save_error)}")
    render.ending(out, match)
    try:  # the autosave after the last move already holds the ending; this adds the slot
        match.save()
        if slot:
            match.save_as(slot)
    except SaveError as e:
        _say_err(f"summit: {e}")
    return 0


def _ask(read_line, out: render.Writer, match: Match, actions, slot: str | None) -> str | None:
    """The chosen action id; None to quit; "" when undo/rewind changed the game."""
    while True:
        raw = read_line("> ")
        raw = raw.strip() if len(raw) <= MAX_INPUT else "\0long"
        if not raw:
            continue
        low = raw.lower()
        words = low.split()
        if low in ("q", "quit", "exit"):
            return None
        if low in ("h", "?", "help"):
            out.para(HELP)
        elif low == "a":
            render.agenda(out, match.game.view())
        elif low == "b":
            render.briefing(out, match)
        elif low == "m":
            render.meters(out, match.game.meters())
        elif low == "s":
            out.para(_save_now(match, slot))
        elif words[0] in ("offer", "counter"):
            choice = compose.command(out, match, raw)
            if choice:
                return choice
        elif words[0] == "save" and len(words) > 1:
            out.para(_save_now(match, raw.split(None, 1)[1].strip()))
        elif low in ("u", "undo") or words[0] in ("rewind", "timeline", "switch") or low == "timelines" \
                or words[0] == "compare":
            if _time_command(out, match, words):
                return ""
        elif _number(raw) is not None and 1 <= _number(raw) <= len(actions):
            return actions[_number(raw) - 1].id
        elif raw in {a.id for a in actions}:
            return raw
        elif raw in {a.id for a in match.spec.actions}:
            out.para(f"'{raw}' is not open now.")
        else:
            out.para(textwrap.fill(f"Choose 1-{len(actions)} or an action id; h for help.", out.width))


def _number(raw: str) -> int | None:
    """A plain ASCII number of a few digits ('²', '①' and 5,000-digit numbers are not)."""
    if raw.isascii() and raw.isdigit() and len(raw) <= 6:
        return int(raw)
    return None


def _save_now(match: Match, slot: str | None) -> str:
    try:
        if slot:
            return f"Saved as {slot!r} ({match.save_as(slot)})."
        return f"Saved to {match.save()}."
    except SaveError as e:
        return f"Not saved: {not_saved(str(e))}"


def _time_command(out: render.Writer, match: Match, words: list[str]) -> bool:
    """Undo, rewind, timelines, switch and compare; True when the game changed."""
    try:
        if words[0] in ("u", "undo"):
            r = match.undo()
        elif words[0] == "rewind":
            n = _number(words[1]) if len(words) == 2 else None
            if n is None:
                out.para("rewind takes a turn number: rewind 3")
                return False
            r = match.rewind(n)
        elif words == ["timelines"]:
            for t in match.timelines:
                mark = "*" if t.current else " "
                end = f", ended: {t.ending}" if t.over else ""
                out.para(f"{mark} {t.index + 1}. {t.label}: {t.turns} turns{end}")
            return False
        elif words[0] in ("timeline", "switch"):
            n = _number(words[1]) if len(words) == 2 else None
            if n is None:
                out.para("timeline takes a number from the list: timelines")
                return False
            r = match.switch(n - 1)
        else:
            nums = [_number(w) for w in words[1:]]
            if len(nums) != 2 or None in nums:
                out.para("compare takes two timeline numbers: compare 1 2")
                return False
            _print_comparison(out, match, nums[0] - 1, nums[1] - 1)
            return False
    except UndoRefused as e:
        out.para(f"{str(e)[:1].upper()}{str(e)[1:]}.")
        return False
    out.para(describe_log_entry(match.log[-1]))
    if r.save_error:
        _say_err(f"summit: {not_saved(r.save_error)}")
    return True


def _print_comparison(out: render.Writer, match: Match, a: int, b: int) -> None:
    c = match.compare(a, b)
    out.rule(f"Timeline {a + 1} against timeline {b + 1} (the same for {c.diverged_at} turns)")
    for m in c.meters:
        out.para(f"{m.name} ({m.party}): {_series(m.a)}  |  {_series(m.b)}")
    for issue in c.agreements:
        out.para(f"{issue.issue}: {issue.a or 'open'}  |  {issue.b or 'open'}")
    ends = [f"{e.title} ({e.rating}, turn {e.turn})" if e else "not ended yet" for e in (c.ending_a, c.ending_b)]
    out.para(f"Ending: {ends[0]}  |  {ends[1]}")


def _series(values) -> str:
    return f"{values[0]:.0f} -> {values[-1]:.0f}" if values else "-"


__all__ = ["IllegalAction", "play"]
