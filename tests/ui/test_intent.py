"""No move without intent (issue 9.2): cards and modals swallow the keys that close them,
and no key pressed while the table is hidden plays a move.

Each test first reproduces a reported bug with the dummy driver: the keys a player
pressed, then what the game recorded."""

from __future__ import annotations

import pygame
import pytest

from game.match import new_match
from game.ui.scenes.table import TableScene
from game.ui.scenes.title import TitleScene

K = pygame


def at_table(d, library, scenario="vienna_1961", side="usa", seed=3):
    match = new_match(library, scenario, side, seed)
    d.app.show([TitleScene(d.app.ctx), TableScene(d.app.ctx, match)])
    close_all(d)
    assert d.name == "TableScene"
    return match


def close_all(d) -> None:
    for _ in range(50):
        d.settle()
        if d.name != "NoticeScene":
            return
        d.click("notice:close")
    raise AssertionError("cards kept coming")


def last_turn_of_session(match) -> None:
    """Play (directly, not through the window) until one move is left in this session."""
    spec, game = match.spec, match.game
    while True:
        now = int(spec.session_of_turn[game.turn])
        if int(spec.session_of_turn[game.turn + 1]) != now:
            return
        game.play(next(a for a in game.legal_actions() if a.kind == "rapport").id)


def at_sessions_last_move(d, library):
    """At the table, one move before a session card: the match, settled on screen."""
    match = at_table(d, library)
    last_turn_of_session(match)
    d.scene.changed()
    d.settle()
    return match


def digit(d, n: int) -> None:
    d.key(getattr(K, f"K_{n}"), unicode=str(n))


def test_a_number_key_on_a_session_card_plays_nothing(make_app, library):
    d = make_app()
    match = at_sessions_last_move(d, library)
    played = len(match.game.choices)
    rapport = next(a for a in match.game.legal_actions() if a.kind == "rapport")
    d.scene.play(rapport.id)  # the last move of the session: a session card follows
    for _ in range(20):
        d.settle()
        if d.name == "NoticeScene" and d.scene.kicker.startswith("Session"):
            break
        assert d.name == "NoticeScene", "a session card should come"
        d.click("notice:close")
    assert d.scene.kicker.startswith("Session 2 of")
    digit(d, 2)  # the player reads "Session 2 of 8" and presses 2
    d.settle()
    assert len(match.game.choices) == played + 1, "the number key on the card played a move"


def test_enter_that_closes_a_card_then_enter_again_plays_nothing(make_app, library):
    d = make_app()
    match = at_sessions_last_move(d, library)
    digit(d, 1)  # the last move of the session: cards follow
    d.settle()
    assert d.name == "NoticeScene"
    played = len(match.game.choices)
    for _ in range(10):
        d.key(K.K_RETURN)  # close the cards, and a few presses more
        d.settle()
    assert d.name == "TableScene"
    assert len(match.game.choices) == played, "Enter after the cards played the focused action"
    # The first Tab shows where the focus is; Enter then plays what the player sees.
    d.key(K.K_TAB)
    focused = d.scene.focused.key
    assert focused.startswith("action:")
    d.key(K.K_RETURN)
    assert len(match.game.choices) == played + 1
    assert match.game.choices[-1] == focused.split(":", 1)[1]


def test_escape_on_the_summit_ends_card_keeps_the_last_reply(make_app, library):
    d = make_app()
    match = at_table(d, library)
    walk = next(a for a in match.game.legal_actions() if a.kind == "walk_out")
    d.scene.play(walk.id)
    d.step()
    d.click("confirm:yes")
    for _ in range(20):
        d.settle()
        if d.name == "NoticeScene" and d.scene.kicker == "The summit ends":
            break
        d.click("notice:close")
    assert d.scene.kicker == "The summit ends"
    last = match.game.transcript[-1]["reply"]["text"].strip().strip('"').strip()
    d.key(K.K_ESCAPE)
    d.settle()
    assert d.name == "TableScene", "Esc on the closing card skipped the table"
    assert any(last in t for t in d.texts()), "the counterpart's last reply is not on screen"
    d.click("table:ending")
    assert d.name == "EndingScene"


def test_keys_while_a_card_is_queued_play_nothing(make_app, library):
    d = make_app()
    match = at_sessions_last_move(d, library)
    played = len(match.game.choices)
    digit(d, 1)  # the last move of the session: meters ease, then a card will come
    assert len(match.game.choices) == played + 1
    for n in (1, 2, 3):
        digit(d, n)  # the table shows, but a card is queued: these keys are not moves
    assert len(match.game.choices) == played + 1
    close_all(d)
    d.key(K.K_RETURN)
    assert len(match.game.choices) == played + 1


@pytest.mark.parametrize("key", [K.K_RETURN, K.K_SPACE])
def test_enter_on_the_pause_menu_resume_plays_nothing(make_app, library, key):
    d = make_app()
    match = at_table(d, library)
    played = len(match.game.choices)
    d.key(K.K_ESCAPE)
    assert d.name == "PauseScene"
    d.key(key)  # Resume has the focus
    assert d.name == "TableScene"
    d.key(key)
    assert len(match.game.choices) == played


def test_enter_never_undoes_or_rewinds_unasked(make_app, library):
    """Big text, the agenda tab in front (no action card to focus): Enter pressed after a
    card must not reach the Undo button or a rewind button."""
    d = make_app()
    d.app.change_settings(d.app.ctx.settings.with_text_scale(2.0))
    match = at_table(d, library)
    for n in (1, 2):
        digit(d, n)
        close_all(d)
    played = list(match.game.choices)
    assert len(played) == 2
    d.key(K.K_a, unicode="a")
    for _ in range(5):
        d.key(K.K_RETURN)
    d.key(K.K_l, unicode="l")
    for _ in range(5):
        d.key(K.K_RETURN)
    assert match.game.choices == played
