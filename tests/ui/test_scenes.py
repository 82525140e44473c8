"""Whole games through the window, by keyboard and by mouse, with synthetic events;
settings that persist; layouts that neither overlap nor leave the window at the
smallest and largest supported sizes with 200 % text."""

from __future__ import annotations

import argparse
import json
from itertools import combinations

import pygame
import pytest

from game.match import new_match
from game.paths import saves_dir, settings_path
from game.ui.scenes.table_parts import quoted
from game.ui.widgets import FlowRow, ScrollPanel

K = pygame


# --------------------------------------------------------------------------- helpers
def close_cards(d, seen: list[str] | None = None) -> None:
    """Read and close modal cards (events, new sessions, the end) until none is left."""
    for _ in range(50):
        d.settle()
        if d.name != "NoticeScene":
            return
        if seen is not None:
            seen.append(d.scene.title)
        d.key(K.K_RETURN)
    raise AssertionError("cards kept coming")


def check_table(d) -> None:
    """The table shows the latest reply and every meter at the game's value."""
    game = d.scene.game
    texts = d.texts()
    assert quoted(game.transcript[-1]["reply"]["text"]) in texts
    for m in game.meters():
        gauge = d.widget(f"meter:{m['meter']}")
        assert f"{m['value']:.0f}" in gauge.texts(), (m, gauge.texts())
        assert m["band"] in gauge.texts()


def focus_key(d, key: str) -> None:
    for _ in range(200):
        if d.scene.focused is not None and d.scene.focused.key == key:
            return
        d.key(K.K_TAB)
    raise AssertionError(f"Tab never reached {key}")


def finish_ending(d, end_title: str) -> None:
    assert d.name == "EndingScene"
    assert end_title in d.texts()
    seen_pages = []
    for _ in range(10):
        seen_pages.append(d.scene.page)
        if d.scene.find("ending:next") is None:
            break
        d.key(K.K_RETURN)  # the focus rests on Next
    assert seen_pages == list(range(6))


# --------------------------------------------------------------------------- whole games
@pytest.mark.parametrize("scenario_id, side_steps", [("vienna_1961", 0), ("singapore_2018", 1)])
def test_whole_game_by_keyboard(make_app, library, scenario_id, side_steps):
    d = make_app()
    assert d.name == "TitleScene"
    assert "SUMMIT" in d.texts()
    d.key(K.K_RETURN)  # New game has the focus
    assert d.name == "ScenarioChoiceScene"
    for _, scenario in library.scenarios.values():
        assert scenario.title in d.texts()
    focus_key(d, f"scenario:{scenario_id}")
    d.key(K.K_RETURN)
    assert d.name == "SetupScene"
    if side_steps:
        focus_key(d, "setup:side")
        d.key(K.K_RIGHT)
    focus_key(d, "setup:seed")
    d.key(K.K_BACKSPACE)
    d.type("7")
    assert d.scene.seed == 7
    focus_key(d, "setup:start")
    d.key(K.K_RETURN)
    assert d.name == "BriefingScene"
    side = d.scene.match.side_model()
    assert side.objectives[0] not in d.text()  # paced: objectives are on the next page
    d.key(K.K_RETURN)
    assert side.objectives[0] in d.texts()[3:] or f"- {side.objectives[0]}" in d.texts()
    for _ in range(3):
        d.key(K.K_RETURN)
    assert d.scene.section == 4
    d.key(K.K_RETURN)  # Begin the talks
    close_cards(d)
    assert d.name == "TableScene"
    table = d.scene
    match = table.match
    assert match.seed == 7 and match.side == match.scenario.sides[side_steps].id
    seen: list[str] = []
    turns = 0
    while d.name == "TableScene":
        check_table(d)
        d.key(K.K_1)
        turns += 1
        close_cards(d, seen)
        assert turns <= match.spec.total_turns
    assert match.game.over
    finish_ending(d, match.game.ending()["title"])
    assert match.game.ending()["title"] in seen  # the end was announced as a card
    assert match.save_path.is_file()  # this game's own autosave


@pytest.mark.slow  # over a second: the full run has it, the fast tier does not
def test_whole_game_by_mouse(make_app, library):
    d = make_app()
    d.click("title:new")
    d.click("scenario:singapore_2018")
    assert d.name == "SetupScene"
    d.click("setup:start")
    for _ in range(4):
        d.click("briefing:next")
    d.click("briefing:begin")
    for _ in range(50):
        if d.name != "NoticeScene":
            break
        d.click("notice:close")
    assert d.name == "TableScene"
    match = d.scene.match
    while d.name == "TableScene":
        d.settle()
        if d.name != "TableScene":
            break
        check_table(d)
        first = d.scene.visible_actions()[0]
        d.click(f"action:{first.id}")
        d.settle()
        for _ in range(50):
            if d.name != "NoticeScene":
                break
            d.click("notice:close")
            d.settle()
    assert match.game.over
    assert d.name == "EndingScene"
    assert match.game.ending()["title"] in d.texts()
    for page in range(1, 6):
        d.click("ending:next")
        assert d.scene.page == page
    assert match.scenario.debrief.sources[0].title in d.text()
    d.click("ending:title")
    assert d.name == "TitleScene"


def test_walk_out_asks_first_and_no_keeps_playing(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 3)
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    d.app.show([TitleScene(d.app.ctx), TableScene(d.app.ctx, match)])
    close_cards(d)
    walk = next(a for a in match.game.legal_actions() if a.kind == "walk_out")
    d.scene.play(walk.id)
    d.step()
    assert d.name == "ConfirmScene"
    d.key(K.K_ESCAPE)  # no
    assert d.name == "TableScene" and not match.game.over
    d.scene.play(walk.id)
    d.step()
    d.click("confirm:yes")
    close_cards(d)
    assert match.game.over and d.name == "EndingScene"


def test_quitting_saves_the_game_in_progress(make_app, library):
    d = make_app()
    match = new_match(library, "singapore_2018", "usa", 5)
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    d.app.show([TitleScene(d.app.ctx), TableScene(d.app.ctx, match)])
    close_cards(d)
    d.key(K.K_2)
    close_cards(d)
    d.app.handle(pygame.event.Event(pygame.QUIT))
    assert not d.app.running
    saved = json.loads(match.save_path.read_text())
    assert saved["choices"] == match.game.choices and len(saved["choices"]) == 1

    again = make_app()
    assert again.widget("title:continue").enabled
    again.click("title:continue")
    assert again.name == "TableScene"
    assert again.scene.game.choices == match.game.choices


def test_pause_menu_quit_to_title_saves(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "ussr", 2)
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    d.app.show([TitleScene(d.app.ctx), TableScene(d.app.ctx, match)])
    close_cards(d)
    d.key(K.K_1)
    close_cards(d)
    d.key(K.K_ESCAPE)
    assert d.name == "PauseScene"
    d.click("pause:save")
    assert d.name == "SaveSlotScene"
    d.key(K.K_DELETE)  # the suggested name goes; type our own
    d.type("before Berlin")
    d.key(K.K_RETURN)
    assert d.name == "NoticeScene" and "before Berlin" in d.text()
    d.key(K.K_RETURN)
    d.click("pause:quit")
    assert d.name == "TitleScene"
    names = sorted(p.name for p in saves_dir().glob("*.json"))
    assert names == ["before Berlin.json"] and match.save_path.is_file()  # the named save, and the autosave
    d.click("title:load")
    assert d.name == "LoadScene"
    assert sum("before Berlin" in t for t in d.texts()) == 1


def test_command_line_arguments(make_app):
    args = argparse.Namespace(scenario="vienna_1961", side="ussr", seed=4, vs=None, resume=None, text=False)
    d = make_app(args)
    assert d.name == "BriefingScene"
    assert d.scene.match.side == "ussr" and d.scene.match.seed == 4
    args = argparse.Namespace(
        scenario="singapore_2018", side=None, seed=None, vs=["counterpart=conciliator"], resume=None, text=False
    )
    d = make_app(args)
    assert d.name == "SetupScene"
    assert d.scene.chosen("counterpart") == "conciliator"
    args = argparse.Namespace(scenario="atlantis", side=None, seed=None, vs=None, resume=None, text=False)
    d = make_app(args)
    assert d.name == "NoticeScene" and "atlantis" in d.text()


def test_broken_content_shows_as_a_card(make_app, home, library):
    from game.content.library import load_library

    mod = home / "mods" / "broken_mod"
    mod.mkdir(parents=True)
    (mod / "oops.yaml").write_text("id: oops\ntitle: [unclosed\n")
    d = make_app()
    d.app.ctx.library = load_library()
    d.click("title:new")
    assert any("oops.yaml" in t for t in d.texts())
    assert library.scenarios.keys() <= {
        k.split(":", 1)[1] for k in (w.key for w in d.scene.all_widgets()) if k.startswith("scenario:")
    }
    d.click(next(w.key for w in d.scene.all_widgets() if w.key.startswith("broken:")))
    assert d.name == "NoticeScene" and "oops.yaml" in d.text()


def test_meter_shows_why_it_moved(make_app, library):
    d = make_app()
    match = new_match(library, "vienna_1961", "usa", 1)
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    d.app.show([TitleScene(d.app.ctx), TableScene(d.app.ctx, match)])
    close_cards(d)
    warn = next(a for a in match.game.legal_actions() if a.kind == "warn")
    d.scene.play(warn.id)
    close_cards(d)
    gauge = d.widget("meter:counterpart.tension")
    tip = gauge.tooltip(d.app.ctx)
    assert any("you chose" in line for line in tip)
    card = d.widget(f"action:{next(a.id for a in match.game.legal_actions() if a.kind == 'warn')}")
    assert any(c.label == "Tension" and c.direction > 0 for c in card.chips)


# --------------------------------------------------------------------------- settings
def test_settings_persist_between_runs(make_app):
    d = make_app()
    d.key(K.K_EQUALS, mod=K.KMOD_CTRL)
    d.key(K.K_EQUALS, mod=K.KMOD_CTRL)
    d.click("title:settings")
    assert d.name == "SettingsScene"
    d.click("settings:colour")
    focus_key(d, "settings:animation")
    d.key(K.K_LEFT)
    d.key(K.K_ESCAPE)
    d.app.quit()
    data = json.loads(settings_path().read_text())
    assert data["text_scale"] == pytest.approx(1.2) and data["colour_safe"] is True

    again = make_app()
    s = again.app.ctx.settings
    assert s.text_scale == pytest.approx(1.2) and s.colour_safe and s.animation_speed == 0.5
    assert again.app.ctx.metrics.text == pytest.approx(1.2)


def test_damaged_settings_file_gives_defaults(make_app, home):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json")
    d = make_app()
    assert d.app.ctx.settings.text_scale == 1.0


# --------------------------------------------------------------------------- layout
def layout_problems(scene, size) -> list[str]:
    window = pygame.Rect(0, 0, *size)
    problems = []
    scene.ensure_layout()
    top = [w for w in scene.widgets if w.shown and not getattr(w, "decor", False)]
    for w in top:
        if not window.contains(w.rect):
            problems.append(f"{w.key or type(w).__name__} {w.rect} leaves the window {size}")
    for a, b in combinations(top, 2):
        if a.rect.colliderect(b.rect):
            problems.append(f"{a.key or type(a).__name__} {a.rect} overlaps {b.key or type(b).__name__} {b.rect}")
    for container in scene.all_widgets():
        if not isinstance(container, (ScrollPanel, FlowRow)):
            continue
        kids = [w for w in container.children() if w.shown]
        for w in kids:
            inside = container.rect.left <= w.rect.left and w.rect.right <= container.rect.right
            if isinstance(container, FlowRow):
                inside = container.rect.contains(w.rect)
            if not inside:
                problems.append(f"{w.key or type(w).__name__} {w.rect} sticks out of {container.key} {container.rect}")
        for a, b in combinations(kids, 2):
            if a.rect.colliderect(b.rect):
                problems.append(
                    f"in {container.key}: {a.key or type(a).__name__} {a.rect} overlaps "
                    f"{b.key or type(b).__name__} {b.rect}"
                )
    return problems


def every_screen(d, library):
    """Yield (description, scene) for every kind of screen, shown on top of the stack."""
    from game.ui.scenes.briefing import SECTIONS, BriefingScene
    from game.ui.scenes.ending import PAGES, EndingScene
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.notice import ConfirmScene, NoticeScene
    from game.ui.scenes.pause import PauseScene
    from game.ui.scenes.scenario_choice import ScenarioChoiceScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.setup import SetupScene
    from game.ui.scenes.table import TableScene
    from game.ui.scenes.title import TitleScene

    ctx = d.app.ctx
    for sid in sorted(library.scenarios):
        match = new_match(library, sid, None, 1)
        match.save()  # so the title's Continue and the load list have something
        yield "title", [TitleScene(ctx)]
        yield "choice", [TitleScene(ctx), ScenarioChoiceScene(ctx)]
        yield f"setup {sid}", [TitleScene(ctx), SetupScene(ctx, sid)]
        for section in range(len(SECTIONS)):
            scene = BriefingScene(ctx, match)
            scene.section = section
            yield f"briefing {sid} {section}", [TitleScene(ctx), scene]
        for _ in range(3):
            match.game.play(match.game.legal_actions()[1].id)
        for tab in ("actions", "agenda", "log", "offer"):
            table = TableScene(ctx, match)
            table.queue.clear()
            table.narrow_tab = tab
            table.side_tab = tab if tab != "actions" else "agenda"
            yield f"table {sid} {tab}", [TitleScene(ctx), table]
        table = TableScene(ctx, match)
        table.queue.clear()
        yield "pause", [TitleScene(ctx), table, PauseScene(ctx, match)]
        from game.ui.scenes.pause import SaveSlotScene

        yield "save as", [TitleScene(ctx), table, PauseScene(ctx, match), SaveSlotScene(ctx, match)]
        yield "help", [TitleScene(ctx), HelpScene(ctx)]
        yield "settings", [TitleScene(ctx), SettingsScene(ctx)]
        yield "load", [TitleScene(ctx), LoadScene(ctx)]
        yield "notice", [TitleScene(ctx), NoticeScene(ctx, "An event", "Something happened. " * 30, kicker="Event")]
        yield "confirm", [TitleScene(ctx), ConfirmScene(ctx, "Walk out?", "The talks end.", yes="Walk out")]
        while not match.game.over:
            match.game.play(match.game.legal_actions()[0].id)
        for page in range(len(PAGES)):
            ending = EndingScene(ctx, match)
            ending.page = page
            yield f"ending {sid} {page}", [TitleScene(ctx), ending]
        match.rewind(1)  # a second timeline, played to its end: the ending compares the two
        while not match.game.over:
            match.play(match.game.legal_actions()[-2].id)
        ending = EndingScene(ctx, match)
        ending.page = ending.pages.index("Timelines")
        yield f"ending {sid} timelines", [TitleScene(ctx), ending]


@pytest.mark.slow  # over a second: the full run has it, the fast tier does not
@pytest.mark.parametrize("size", [(1024, 600), (3840, 2160), (1280, 720)])
@pytest.mark.parametrize("text_scale", [1.0, 2.0])
def test_layouts_fit_and_do_not_overlap(make_app, library, size, text_scale):
    d = make_app(size=size)
    d.app.change_settings(d.app.ctx.settings.with_text_scale(text_scale))
    assert d.app.screen.get_size() == size
    problems = []
    for description, scenes in every_screen(d, library):
        d.app.show(scenes)
        d.app.draw(force=True)
        problems += [f"{description}: {p}" for p in layout_problems(d.scene, size)]
    assert not problems, "\n".join(problems[:30])


def test_resize_events_reflow(make_app):
    d = make_app()
    for size in [(1024, 600), (3840, 2160), (1500, 900)]:
        d.app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
        d.step()
        assert d.app.screen.get_size() == size
        assert (d.app.ctx.metrics.width, d.app.ctx.metrics.height) == size
        assert not layout_problems(d.scene, size)


def test_setup_chooses_difficulty_and_a_graded_run(make_app):
    """The window's setup offers every difficulty level and undo off; both reach the match
    and its save."""
    from game.core.difficulty import LEVELS

    d = make_app()
    d.click("title:new")
    d.click("scenario:vienna_1961")
    assert d.name == "SetupScene"
    assert "Historical" in d.text()  # the default, the record as written
    focus_key(d, "setup:difficulty")
    seen = []
    for _ in LEVELS:
        d.key(K.K_RIGHT)
        seen.append(next(lv.name for lv in LEVELS if lv.title in d.texts() and lv.description in d.text()))
    assert sorted(seen) == sorted(lv.name for lv in LEVELS)  # every level, each with its description
    while "drawn each game" not in d.text():
        d.key(K.K_RIGHT)
    focus_key(d, "setup:undo")
    d.key(K.K_RIGHT)
    d.click("setup:start")
    assert d.name == "BriefingScene"
    match = d.scene.match
    assert match.difficulty == "hard"
    assert not match.undo_allowed


def test_a_key_at_the_table_computes_the_legal_moves_once_per_turn(make_app, monkeypatch):
    """Issue 6: a key press at the table computed the legal mask 3 to 5 times."""
    from game.core import rules

    d = make_app()
    d.click("title:new")
    d.click("scenario:vienna_1961")
    d.click("setup:start")
    for _ in range(4):
        d.click("briefing:next")
    d.click("briefing:begin")
    close_cards(d)
    assert d.name == "TableScene"
    calls = []
    real = rules.legal_mask
    monkeypatch.setattr(rules, "legal_mask", lambda spec, st: calls.append(1) or real(spec, st))
    d.key(K.K_TAB)
    d.key(K.K_TAB)
    d.app.draw()
    assert calls == []  # nothing changed: the turn's mask is reused
    d.key(K.K_1)  # a move: one new turn, one new mask
    close_cards(d)
    d.app.draw()
    assert len(calls) == 1


def _in_new_process(code: str) -> str:
    """Run Python `code` in a new process of this checkout (a fresh start: nothing is
    imported yet); its standard output."""
    import subprocess
    import sys

    from tests.conftest import REPO

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout


# What an earlier launch leaves in the content cache: the listing of the content.
_KEEP_LISTING = ("from game.content import listing\n"
                 "from game.content.library import load_library\n"
                 "lib = load_library()\n"
                 "listing.keep(listing.snapshot_key(), listing.of(lib))\n")


@pytest.mark.slow  # two new processes: the full run has it
def test_the_title_draws_from_the_listing_before_the_library_loads(home):
    """A launch with the listing in the cache draws the title without the content
    library; the library loads after the first frame and is the same library."""
    _in_new_process(_KEEP_LISTING)
    out = _in_new_process(
        "import sys\n"
        "from game.ui.app import App\n"
        "app = App(None, size=(1280, 720))\n"
        "app.draw()\n"
        "print('models loaded before the library was asked for:', 'game.content.models' in sys.modules)\n"
        "print('leaders on the title:', sorted(app.scene.find('title:leaders').texts()))\n"
        "print('scenarios in the library:', sorted(app.ctx.library.scenarios))\n"
    )
    assert "models loaded before the library was asked for: False" in out
    assert "leaders on the title: ['1961', '2018']" in out
    assert "scenarios in the library: ['singapore_2018', 'vienna_1961']" in out


@pytest.mark.slow  # a new process: the full run has it
def test_a_first_launch_draws_the_title_at_once_and_its_leaders_when_the_library_has_loaded(home):
    """No listing in the content cache (a first launch): the title is drawn without the
    content library and without its strip of leaders; the library loads in the
    background, the strip is filled in when it has, and the listing is kept for the next
    launch."""
    out = _in_new_process(
        "import sys, time\n"
        "import pygame\n"
        "from game.content import listing\n"
        "from game.ui.app import App\n"
        "print('cached before:', listing.cached() is not None)\n"
        "app = App(None, size=(1280, 720))\n"
        "app.draw()\n"
        "print('models loaded at the first frame:', 'game.content.models' in sys.modules)\n"
        "print('leaders at the first frame:', app.scene.find('title:leaders').texts())\n"
        "app.ctx.load_in_background()\n"
        "clock, deadline = pygame.time.Clock(), time.monotonic() + 120\n"
        "while not app.scene.find('title:leaders').texts() and time.monotonic() < deadline:\n"
        "    app.loop_step(clock)\n"
        "print('leaders once loaded:', sorted(app.scene.find('title:leaders').texts()))\n"
        "print('cached after:', listing.cached() is not None)\n"
    )
    assert "cached before: False" in out
    assert "models loaded at the first frame: False" in out
    assert "leaders at the first frame: []" in out
    assert "leaders once loaded: ['1961', '2018']" in out
    assert "cached after: True" in out


@pytest.mark.slow  # new processes: the full run has it
def test_the_title_shows_saved_games_without_the_save_model(home):
    """A returning player's title: the latest game and the recent ones are read from the
    saves' headers; neither the save model nor pydantic is loaded for the first frame."""
    _in_new_process(
        _KEEP_LISTING + "from game.setup import start_match\n"
        "for seed, sid in ((1, 'vienna_1961'), (2, 'singapore_2018'), (3, 'vienna_1961')):\n"
        "    m = start_match(lib, sid, None, seed)\n"
        "    for _ in range(seed):\n"
        "        m.play(m.legal_actions()[0].id)\n"
    )
    out = _in_new_process(
        "import sys\n"
        "from game.ui.app import App\n"
        "app = App(None, size=(1280, 720))\n"
        "app.draw()\n"
        "print('pydantic loaded:', 'pydantic' in sys.modules)\n"
        "print('note:', app.scene.find('title:continue_note').texts())\n"
        "print('recent:', len([w for w in app.scene.all_widgets() if w.key.startswith('title:game:')]))\n"
    )
    assert "pydantic loaded: False" in out
    assert "note: ['Vienna, 1961: Kennedy and Khrushchev, as John F. Kennedy: 3 turns played']" in out, out
    assert "recent: 2" in out
