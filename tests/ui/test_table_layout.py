"""The table a player can read (issue 9.1): at the default and the usual window sizes,
with no scrolling, every meter is in view, at least six numbered actions show, the
standing offer and its three answers are in view whenever an offer stands, and the
header says how many moves the session has left."""

from __future__ import annotations

import pygame
import pytest

from game.match import new_match
from game.ui.scenes.table import TableScene
from game.ui.scenes.table_offer import standing_offer
from game.ui.scenes.title import TitleScene

SIZES = [(1280, 720), (1024, 600), (1920, 1080)]


def fully_visible(d, key: str) -> bool:
    widget = d.widget(key)
    rect = d.visible_rect(widget)
    return rect is not None and rect.size == widget.rect.size


def show_match(d, match) -> None:
    """Put the match's table on screen, its opening cards already out of the way."""
    table = TableScene(d.app.ctx, match)
    table.queue.clear()
    d.app.show([TitleScene(d.app.ctx), table])
    d.settle()


def table_with_offer(d, library, scenario: str):
    """A table where the counterpart's offer stands (reached by proposing and probing)."""
    match = new_match(library, scenario, None, 3)
    i = 0
    while not standing_offer(match.game):
        acts = [a for a in match.game.legal_actions() if a.kind in ("propose", "probe")]
        match.game.play(acts[i % len(acts)].id)
        i += 1
        assert i < 6, "no offer came"
    show_match(d, match)
    return match


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scenario", ["vienna_1961", "singapore_2018"])
def test_meters_offer_and_six_actions_in_view(make_app, library, size, scenario):
    d = make_app(size=size)
    match = table_with_offer(d, library, scenario)
    for m in match.game.meters():
        assert fully_visible(d, f"meter:{m['meter']}"), f"{m['meter']} is not fully in view at {size}"
    for key in ("offer:title", "offer:accept", "offer:reject", "offer:counter", "offer:counter_terms"):
        assert fully_visible(d, key), f"{key} is not in view at {size}"
    numbered = [
        w for w in d.scene.all_widgets() if w.key.startswith("action:") and getattr(w, "badge", "")
    ]
    in_view = [w for w in numbered if d.visible_rect(w) is not None and d.visible_rect(w).height >= w.rect.height * 0.6]
    assert len(in_view) >= 6, f"only {len(in_view)} numbered actions in view at {size}"
    # The answers to the offer are not repeated among the numbered cards.
    assert not {w.key for w in numbered} & {f"action:{a.id}" for a in match.game.legal_actions()
                                             if a.kind in ("accept", "reject", "counter")}


def test_the_offer_keys_answer_the_standing_offer(make_app, library):
    d = make_app()
    match = table_with_offer(d, library, "vienna_1961")
    reject = next(a for a in match.game.legal_actions() if a.kind == "reject")
    d.key(pygame.K_n, unicode="n")
    assert match.game.choices[-1] == reject.id


def test_the_header_says_the_moves_left_in_the_session(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    d.app.show([TitleScene(d.app.ctx), TableScene(d.app.ctx, match)])
    d.settle()
    spec = match.spec
    first = spec.sessions[0]
    assert first.turns == 2  # Vienna opens with a two-move session
    assert f"Session 1 of {len(spec.sessions)} - 2 moves left" in d.texts()
    match.game.play(next(a for a in match.game.legal_actions() if a.kind == "rapport").id)
    d.scene.changed()
    assert f"Session 1 of {len(spec.sessions)} - 1 move left" in d.texts()


def test_packages_and_probes_leave_agreed_issues_out(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    game = match.game
    # Agree an issue by accepting their offer whenever one stands, proposing otherwise.
    for _ in range(12):
        if any(item["agreed"] for item in game.view()["agenda"]) or game.over:
            break
        acts = game.legal_actions()
        accept = next((a for a in acts if a.kind == "accept"), None)
        game.play((accept or next(a for a in acts if a.kind == "propose")).id)
    agreed = [i for i, item in enumerate(game.view()["agenda"]) if item["agreed"]]
    assert agreed and not game.over
    show_match(d, match)
    for action in d.scene.visible_actions():
        assert not (action.kind == "probe" and action.issue in agreed)
    names = [match.spec.issue_names[i] for i in agreed]
    for w in d.scene.all_widgets():
        if w.key.startswith("action:"):
            for line in getattr(w, "lines", []):
                assert not any(line.text.startswith(n + ":") or f"; {n}:" in line.text for n in names), line.text


def test_a_tooltip_follows_the_wheel(make_app, library):
    """Hovering a card shows its tooltip; after wheel-scrolling, the tooltip belongs to
    what is under the pointer now, not to the card that scrolled away (up over the header)."""
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    show_match(d, match)
    card = d.widget(f"action:{d.scene.visible_actions()[0].id}")
    pos = card.rect.center
    d.app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    assert d.scene.hovered is card
    for _ in range(3):
        d.app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0))
    d.step()
    assert card.rect.center != pos, "the panel did not scroll"
    hovered = d.scene.hovered
    assert hovered is None or hovered.rect.collidepoint(pos)


AIDE_MEMOIRE = (
    "As the morning session ends, the Soviet side hands over two aide-memoires. The one on Germany calls for a "
    "peace conference and asks the two German states to reach agreement within a period of not more than six "
    "months; failing that, Moscow will sign a treaty and West Berlin will become a free city. Khrushchev has now "
    "put his deadline on paper, and he will find it harder to back down. In Bonn, the Chancellor's office asks "
    "what Washington intends to answer."
)


@pytest.mark.parametrize("size", SIZES)
def test_event_cards_show_their_whole_text(make_app, size):
    """The longest event card is read whole, not in a three-line scroll box."""
    from game.ui.scenes.notice import NoticeScene

    d = make_app(size=size)
    d.app.show([TitleScene(d.app.ctx), NoticeScene(d.app.ctx, "The aide-memoire on Germany", AIDE_MEMOIRE,
                                                  kicker="Event")])
    d.settle()
    body = d.widget("notice:body")
    assert not body.overflows, f"the event text scrolls at {size}"
    assert AIDE_MEMOIRE in d.texts()


def test_a_remembered_window_size_fits_a_smaller_display(make_app, home, monkeypatch):
    """Settings saved on a 1920x1080 screen, opened on a 1280x800 one: the window fits."""
    from dataclasses import replace

    from game.ui.app import App
    from game.ui.settings import load_settings, save_settings

    save_settings(replace(load_settings(), window_size=(1920, 1080)))
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1280, 800)])
    app = App(None, library=make_app().app.library)
    try:
        w, h = app.screen.get_size()
        assert w <= 1280 and h <= 800 and (w, h) >= (1024, 600)
    finally:
        app.quit()


def test_names_are_shortened_never_cut():
    from game.ui.art import plate_name

    pygame.font.init()
    font = pygame.font.Font(None, 20)
    name = "Nikita S. Khrushchev"
    wide = font.size(name)[0]
    assert plate_name(font, name, wide) == name
    assert plate_name(font, name, wide - 1) == "Nikita Khrushchev"
    assert plate_name(font, name, font.size("N. Khrushchev")[0]) == "N. Khrushchev"
    assert plate_name(font, name, font.size("Khrushchev")[0] + 1) == "Khrushchev"


def test_briefing_positions_one_per_line(make_app, library):
    """Position labels contain ';' themselves, so the agenda lists one position a line."""
    from game.ui.scenes.briefing import BriefingScene

    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 1)
    scene = BriefingScene(d.app.ctx, match)
    scene.section = 2
    d.app.show([TitleScene(d.app.ctx), scene])
    texts = d.texts()
    for issue in match.scenario.issues:
        for p in issue.positions:
            assert f"- {p.label}" in texts
    assert any(";" in p.label for issue in match.scenario.issues for p in issue.positions)


def test_composing_an_offer_by_keyboard(make_app, library):
    """Your own offer (issue 7.1, window side): the composer lists the open issues with
    what probes told you and your red lines marked; Right picks a position; P proposes."""
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    game = match.game
    probe = next(a for a in game.legal_actions() if a.kind == "probe")
    match.play(probe.id)
    show_match(d, match)
    d.key(pygame.K_o, unicode="o")
    assert d.scene.side_tab == "offer"
    spec = match.spec
    probed = spec.issue_ids[probe.issue]
    note = d.widget(f"compose:{probed}").note
    assert "Probe:" in note and spec.ai_notes[probe.issue] in note
    assert any("Your red line:" in t for t in d.texts()), "no red line is marked"
    assert not d.widget("compose:propose").enabled  # nothing chosen yet
    first = spec.issue_ids[0]
    assert d.scene.focused.key == f"compose:{first}"  # O puts the focus on the first open issue
    d.key(pygame.K_RIGHT)
    assert d.scene.draft[first] == spec.position_ids[0][0]
    assert d.widget("compose:propose").enabled
    played = len(game.choices)
    d.key(pygame.K_p, unicode="p")
    assert len(game.choices) == played + 1
    assert game.choices[-1].startswith("compose:") and f"{first}={spec.position_ids[0][0]}" in game.choices[-1]


def test_undo_and_rewind_from_the_log(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    show_match(d, match)
    for n in (1, 2, 3):
        d.key(getattr(pygame, f"K_{n}"), unicode=str(n))
        for _ in range(20):
            d.settle()
            if d.name != "NoticeScene":
                break
            d.click("notice:close")
    assert len(match.game.choices) == 3
    after_two = list(match.game.choices[:2])
    d.key(pygame.K_u, unicode="u")
    assert match.game.choices == after_two
    d.key(pygame.K_z, mod=pygame.KMOD_CTRL)
    assert len(match.game.choices) == 1
    d.click("table:tab_log")
    d.click("log:rewind:1")
    assert match.game.choices == [] and d.name == "TableScene"
    assert d.scene.game is match.game


def test_offer_and_composer_by_mouse_alone(make_app, library):
    d = make_app()
    match = table_with_offer(d, library, "singapore_2018")
    played = len(match.game.choices)
    d.click("offer:counter")
    assert len(match.game.choices) == played + 1
    assert match.game.transcript[-1]["action"]["kind"] == "counter"
    for _ in range(20):
        d.settle()
        if d.name != "NoticeScene":
            break
        d.click("notice:close")
    d.click("table:tab_offer")
    first = next(item["issue"] for item in match.game.view()["agenda"] if not item["agreed"])
    i = match.spec.issue_ids.index(first)
    choice = d.widget(f"compose:{first}")
    d.click(f"compose:{first}")  # scrolls it into view; a click on the middle steps forward too
    choice = d.widget(f"compose:{first}")
    assert d.scene.draft[first] == match.spec.position_ids[i][0]
    d.click("compose:propose")
    assert match.game.choices[-1].startswith("compose:")


def test_a_graded_run_has_no_undo(make_app, library):
    from game.setup import start_match

    d = make_app()
    match = start_match(library, "vienna_1961", "usa", 3, undo=False)
    show_match(d, match)
    d.key(pygame.K_1, unicode="1")
    for _ in range(20):
        d.settle()
        if d.name != "NoticeScene":
            break
        d.key(pygame.K_RETURN)
    assert len(match.game.choices) == 1
    assert d.scene.find("table:undo") is None
    d.key(pygame.K_u, unicode="u")
    assert len(match.game.choices) == 1
    d.click("table:tab_log")
    assert not [w for w in d.scene.all_widgets() if w.key.startswith("log:rewind:")]


@pytest.mark.parametrize("scenario", ["vienna_1961", "singapore_2018"])
def test_the_three_answers_sit_in_one_row_at_the_default_size(make_app, library, scenario):
    """Accept / Reject / Counter wrapped to two rows at 1280x720 with 100 % text."""
    d = make_app(size=(1280, 720))
    table_with_offer(d, library, scenario)
    tops = {d.widget(f"offer:{k}").rect.top for k in ("accept", "reject", "counter")}
    assert len(tops) == 1, f"the answers wrap: rows at {sorted(tops)}"


def test_a_long_counter_is_read_in_full_at_the_default_size(make_app, library):
    """Vienna, offering the interim Berlin arrangement first: their 'free city' offer and a
    six-line counter; the counter's last words were cut off under the offer box."""
    d = make_app(size=(1280, 720))
    match = new_match(library, "vienna_1961", "usa", 1)
    interim = next(a for a in match.game.legal_actions() if "interim Berlin" in a.label)
    match.game.play(interim.id)
    assert standing_offer(match.game)
    show_match(d, match)
    assert fully_visible(d, "offer:counter_terms")


def test_a_tooltip_comes_back_when_the_pointer_moves_after_typing(make_app, library):
    """A key press hides the pointer's tooltip; moving the pointer brings it back at once,
    also within the same widget (it used to stay hidden until the pointer left it)."""
    d = make_app()
    show_match(d, new_match(library, "vienna_1961", "usa", 3))
    gauge = d.widget("meter:counterpart.tension")
    x, y = gauge.rect.center

    def move(pos):
        d.app.dirty = False
        d.app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0)))
        return d.app.dirty

    assert move((x, y)) and d.scene.hovered is gauge
    d.app.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0))
    d.step()
    assert move((x + 2, y + 1)), "the screen was not redrawn, so the tooltip stayed hidden"
    assert d.scene.hovered is gauge
    assert not move((x + 3, y + 1))  # nothing changes while the tooltip is already shown


def test_the_log_shows_the_newest_turn_after_each_move(make_app, library):
    """With the log open, each move scrolls it to its end (the turn just played), and a new
    filter starts the action cards at the top, whatever the panels showed before."""
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    show_match(d, match)
    d.key(pygame.K_l)
    for n in range(4):
        action = next(a for a in d.scene.visible_actions() if a.kind not in ("walk_out", "accept"))
        d.scene.play(action.id)
        d.settle()
        while d.scene is not d.app.scene or d.name != "TableScene":
            d.key(pygame.K_RETURN)
            d.settle()
        log = d.widget("table:log")
        assert log.overflows  # (the check below would hold trivially otherwise)
        assert log.offset == log.max_offset, f"after move {n + 1} the log shows {log.offset} of {log.max_offset}"
    actions = d.widget("table:actions")
    actions.scroll_by(10_000)
    assert actions.offset > 0
    d.scene.set_filter(0)
    d.step()
    assert d.widget("table:actions").offset == 0
