"""Saves that hold, and the record exported from the window (issue 9.4, 9.5): a named
save loaded and played on is never written over; Continue lists the last few games;
the pause menu and the ending screen export the record and say where it went."""

from __future__ import annotations

import pygame

from game.match import new_match
from game.paths import data_dir, saves_dir
from game.ui.scenes.table import TableScene
from game.ui.scenes.title import TitleScene

K = pygame


def close_cards(d) -> None:
    for _ in range(50):
        d.settle()
        if d.name != "NoticeScene":
            return
        d.key(K.K_RETURN)


def at_table(d, match) -> None:
    table = TableScene(d.app.ctx, match)
    table.queue.clear()
    d.app.show([TitleScene(d.app.ctx), table])
    d.settle()


def test_a_loaded_named_save_is_never_written_over(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    match.play(match.game.legal_actions()[0].id)
    slot = match.save_as("mine")
    before = slot.read_bytes()

    d.click("title:load")
    d.click("save:mine.json")
    assert d.name == "TableScene"
    close_cards(d)
    for n in (1, 2):
        d.key(getattr(K, f"K_{n}"), unicode=str(n))
        close_cards(d)
    assert len(d.scene.game.choices) == 3
    d.key(K.K_ESCAPE)
    d.click("pause:quit")
    assert slot.read_bytes() == before, "the named save was written over"
    # ...and the moves played after loading it are not lost: they are in an autosave.
    again = make_app()
    again.click("title:continue")
    assert again.name == "TableScene" and len(again.scene.game.choices) == 3


def test_continue_lists_the_last_games(make_app, library):
    matches = []
    for seed, sid in ((1, "vienna_1961"), (2, "singapore_2018"), (3, "vienna_1961")):
        m = new_match(library, sid, None, seed)
        m.play(m.game.legal_actions()[0].id)
        matches.append(m)
    d = make_app()
    assert d.widget("title:continue").enabled
    older = [w for w in d.scene.all_widgets() if w.key.startswith("title:game:")]
    assert len(older) == 2
    d.click(older[-1].key)
    assert d.name == "TableScene"
    assert d.scene.match.game_id in {m.game_id for m in matches[:2]}


def test_export_from_the_pause_menu_says_where(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    at_table(d, match)
    d.key(K.K_1, unicode="1")
    close_cards(d)
    d.key(K.K_ESCAPE)
    d.click("pause:export")
    assert d.name == "NoticeScene" and d.scene.title == "The record is exported"
    files = list((data_dir() / "exports").iterdir())
    assert len(files) == 1 and files[0].name in d.text() and str(files[0].parent) in d.text()
    text = files[0].read_text()
    assert match.game.spec.ai_leader in text and match.scenario.title.split(":")[0] in text


def test_export_from_the_ending(make_app, library):
    d = make_app()
    match = new_match(library, "singapore_2018", "usa", 2)
    while not match.game.over:
        match.play(match.game.legal_actions()[0].id)
    from game.ui.scenes.ending import EndingScene

    d.app.show([TitleScene(d.app.ctx), EndingScene(d.app.ctx, match)])
    d.click("ending:export")
    assert d.name == "NoticeScene" and d.scene.title == "The record is exported"
    files = list((data_dir() / "exports").iterdir())
    assert len(files) == 1 and files[0].suffix == ".html"
    page = files[0].read_text()
    assert page.lstrip().lower().startswith("<!doctype html") and match.game.ending()["title"] in page
    assert not list(saves_dir().glob("*.json"))  # exporting is not saving a slot


def test_export_falls_back_to_the_text_document(make_app, library, monkeypatch):
    """When the HTML cannot be rendered, the text document (the one `summit transcript`
    writes) goes out instead, and the player is told where."""
    import jinja2

    from game.report import render

    def broken(kind, name):
        raise jinja2.TemplateNotFound(name)

    monkeypatch.setattr(render, "template", broken)
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    match.play(match.game.legal_actions()[0].id)
    at_table(d, match)
    d.key(K.K_ESCAPE)
    d.click("pause:export")
    assert d.scene.title == "The record is exported"
    (path,) = list((data_dir() / "exports").iterdir())
    assert path.suffix == ".txt" and path.name in d.text()
    text = path.read_text()
    assert "Student:" in text and "-- Turn 1 --" in text and "What the debrief adds" in text


def test_rewind_and_branch_then_compare_at_the_end(make_app, library):
    """Play to the end, rewind to turn 2 from the log, play on differently to the end:
    the ending screen has a Timelines page with both endings and both sets of agreements."""
    d = make_app()
    match = new_match(library, "singapore_2018", "usa", 4)
    while not match.game.over:
        match.play(match.game.legal_actions()[0].id)
    first_end = match.game.ending()["title"]
    match.rewind(2)
    at_table(d, match)
    assert len(match.game.choices) == 1
    while d.name == "TableScene":
        acts = d.scene.visible_actions()
        d.key(K.K_2 if len(acts) > 1 else K.K_1, unicode="2" if len(acts) > 1 else "1")
        for _ in range(50):
            d.settle()
            if d.name != "NoticeScene":
                break
            d.key(K.K_RETURN)
    assert d.name == "EndingScene" and len(match.timelines) == 2
    assert "Timelines" in d.scene.pages
    d.click(f"ending:tab{d.scene.pages.index('Timelines')}")
    texts = d.text()
    assert first_end in texts and match.game.ending()["title"] in texts
    assert d.widget("timelines:chart:a").rect.top == d.widget("timelines:chart:b").rect.top  # side by side


def _two_timelines(library):
    """A game played to its end, then rewound to turn 2 and played on differently: the
    branch (timeline 2, current) is unfinished, the first timeline ended."""
    match = new_match(library, "singapore_2018", "usa", 4)
    while not match.game.over:
        match.play(match.game.legal_actions()[0].id)
    first = (len(match.game.choices), match.game.ending()["title"])
    match.rewind(2)
    match.play(match.game.legal_actions()[1].id)
    assert len(match.timelines) == 2 and match.current_timeline == 1
    return match, first


def test_the_log_switches_to_another_timeline(make_app, library):
    d = make_app()
    match, (moves, title) = _two_timelines(library)
    at_table(d, match)
    d.scene.side_tab = d.scene.narrow_tab = "log"
    d.scene.changed()
    d.settle()
    assert "Timelines: you are on timeline 2" in d.texts()
    d.click("log:timeline:0")
    close_cards(d)
    assert match.current_timeline == 0 and len(match.game.choices) == moves
    assert match.game.over and match.game.ending()["title"] == title


def test_the_timelines_page_switches_and_opens_the_right_screen(make_app, library):
    d = make_app()
    match, (moves, title) = _two_timelines(library)
    from game.ui.scenes.ending import EndingScene

    match.switch(0)  # at the first timeline's ending
    d.app.show([TitleScene(d.app.ctx), EndingScene(d.app.ctx, match)])
    d.settle()
    d.click(f"ending:tab{d.scene.pages.index('Timelines')}")
    assert d.scene.pair == (0, 1) or d.scene.pair == (1, 0)
    side = "a" if d.scene.pair[0] == 1 else "b"
    d.click(f"timelines:go:{side}")
    close_cards(d)
    assert match.current_timeline == 1 and d.name == "TableScene"  # the branch is not over: its table
    assert len(match.game.choices) == 2 and not match.game.over


def test_a_save_that_cannot_be_written_is_said_once_and_play_goes_on(make_app, library, monkeypatch):
    """A full disk or a folder that cannot be written: the window says so once, on a card,
    and the game goes on; it never stops with a traceback (the autosave after a move,
    the save at a session's end and the one on leaving all fail here)."""
    from game import match as match_module
    from game.saves import SaveError

    def cannot_write(path, data):
        raise SaveError(f"{path}: cannot be written (No space left on device)")

    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    at_table(d, match)
    monkeypatch.setattr(match_module, "write_save", cannot_write)
    cards = []
    sessions = match.game.session_index
    for n in range(8):  # past the end of the first session
        if match.game.session_index > sessions:
            break
        d.key(K.K_1, unicode="1")
        for _ in range(50):
            d.settle()
            if d.name != "NoticeScene":
                break
            cards.append(d.scene.title)
            d.key(K.K_RETURN)
        if match.game.over:
            break
    assert match.game.session_index > sessions or match.game.over
    assert cards.count("The game could not be saved") == 1, cards
    assert d.name == "TableScene", d.name
    d.key(K.K_ESCAPE)
    d.click("pause:quit")  # leaving saves once more, and fails quietly
    assert d.name == "TitleScene"


def test_a_damaged_save_is_a_card_with_its_error_beside_the_good_ones(make_app, library):
    """The load screen lists every save; one that cannot be read is a card that says why
    (it never hides the others, and is not silently left out)."""
    from game.saves import games_dir

    good = new_match(library, "vienna_1961", "usa", 3)
    good.play(good.game.legal_actions()[0].id)
    damaged = games_dir() / "vienna_1961-usa-20260101-000000-abcdef.json"
    damaged.write_text(good.save_path.read_text()[:500])  # cut short, as by a full disk
    d = make_app()
    d.click("title:load")
    keys = [w.key for w in d.scene.all_widgets() if w.key.startswith("save:")]
    assert f"save:{good.save_path.name}" in keys
    assert f"save:{damaged.name}" in keys, keys
    d.click(f"save:{damaged.name}")
    assert d.name == "NoticeScene"


def test_a_move_is_saved_once_its_frame_is_shown(make_app, library):
    """The frame that shows a move does not wait for the disk: the autosave is written
    on the next pass of the loop, and leaving the table right after a move saves it."""
    from game.saves import read_save

    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    at_table(d, match)
    match.autosave()
    assert read_save(match.save_path).turn == 0
    d.app.handle(pygame.event.Event(pygame.KEYDOWN, key=K.K_1, mod=0, unicode="1", scancode=0))
    d.app.update(0.016)
    d.app.draw()  # the frame that shows the move
    assert match.game.turn == 1 and read_save(match.save_path).turn == 0
    d.app.update(0.016)  # the next pass of the loop
    assert read_save(match.save_path).turn == 1
    d.app.handle(pygame.event.Event(pygame.KEYDOWN, key=K.K_2, mod=0, unicode="2", scancode=0))
    d.app.update(0.016)
    d.app.quit()  # closing the window at once
    assert read_save(match.save_path).turn == 2
