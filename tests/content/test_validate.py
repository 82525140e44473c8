"""`summit validate` that teaches: YAML mistakes explained on the right line, warnings
for endings that can never be reached, and id clashes said the way the game treats them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content.errors import ContentError
from game.content.library import builtin_scenarios_dir, load_library, validate_paths
from game.content.yamlsafe import parse
from game.paths import mods_dir

FIXTURES = Path(__file__).parent / "fixtures"
PERSONALITIES = FIXTURES / "personalities"
CATCH_ALL = """  - id: anything
    title: Anything else
    rating: worse
    when: {}
    epilogue: {any: Nothing.}
"""


def scenario_with_endings(tmp_path: Path, extra_endings: str, name: str = "s.yaml") -> Path:
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("learning_objectives:", extra_endings + "learning_objectives:", 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def warnings_of(path: Path) -> list[tuple[int, str, str]]:
    problems = validate_paths([path, PERSONALITIES])
    assert not [p for p in problems if not p.is_warning], problems
    return [(p.line, p.field, p.message) for p in problems]


def line_of(path: Path, text: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and text in line)


# --------------------------------------------------------------------------- endings


def test_a_scenario_with_a_last_catch_all_has_no_warning(tmp_path: Path) -> None:
    assert warnings_of(scenario_with_endings(tmp_path, CATCH_ALL)) == []


def test_no_catch_all_is_a_warning_at_the_endings(tmp_path: Path) -> None:
    path = scenario_with_endings(tmp_path, "")
    ((line, field, message),) = warnings_of(path)
    assert field == "endings" and line == line_of(path, "- id: treaty")
    assert "no ending always holds" in message and "when: {}" in message


def test_an_ending_after_the_catch_all_can_never_be_reached(tmp_path: Path) -> None:
    late = """  - id: too_late
    title: Too late
    rating: better
    when: {agreements_at_least: 2}
    epilogue: {any: Never shown.}
"""
    path = scenario_with_endings(tmp_path, CATCH_ALL + late)
    ((line, field, message),) = warnings_of(path)
    assert (line, field) == (line_of(path, "- id: too_late"), "endings[4].id")
    assert "ending 'too_late' can never be reached: ending 'anything' before it always holds" in message


def test_a_contradictory_ending_can_never_be_reached(tmp_path: Path) -> None:
    contradiction = """  - id: impossible
    title: Impossible
    rating: better
    when: {all: [{meter: counterpart.tension, at_least: 60}, {meter: counterpart.tension, below: 40}]}
    epilogue: {any: Never shown.}
"""
    path = scenario_with_endings(tmp_path, contradiction + CATCH_ALL)
    ((line, field, message),) = warnings_of(path)
    assert field == "endings[3].when" and line == line_of(path, "at_least: 60")
    assert "no value of counterpart.tension is at least 60 and below 40" in message


@pytest.mark.parametrize(
    ("when", "reason"),
    [
        ("{agreed: {arms: ban}, all: [{agreed: {arms: freeze}}]}", "two different agreements on issue 'arms'"),
        ("{none_agreed: true, agreed_any: [trade]}", "no agreement and for an agreement at once"),
        ("{meter: counterpart.trust, at_least: 101}", "no value of counterpart.trust"),
        ("{any: []}", "its 'any' list is empty"),
        ("{not: {}}", "its 'not' condition always holds"),
    ],
)
def test_other_contradictions_are_named(tmp_path: Path, when: str, reason: str) -> None:
    ending = f"""  - id: impossible
    title: Impossible
    rating: better
    when: {when}
    epilogue: {{any: Never shown.}}
"""
    ((_, _, message),) = warnings_of(scenario_with_endings(tmp_path, ending + CATCH_ALL))
    assert reason in message


def test_an_ending_shadowed_by_an_earlier_broader_one_is_a_warning(tmp_path: Path) -> None:
    # 'treaty' (the fixture's first ending) holds whenever arms: ban is agreed.
    shadowed = """  - id: treaty_and_trust
    title: A treaty and trust
    rating: better
    when: {agreed: {arms: ban}, meter: counterpart.trust, at_least: 70}
    epilogue: {any: Never shown.}
"""
    ((_, field, message),) = warnings_of(scenario_with_endings(tmp_path, shadowed + CATCH_ALL))
    assert field == "endings[3].when"
    assert "the condition of ending 'treaty' before it holds too" in message


def test_a_narrower_ending_before_a_broader_one_is_fine(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    narrow = """  - id: treaty_and_trust
    title: A treaty and trust
    rating: better
    when: {agreed: {arms: ban}, meter: counterpart.trust, at_least: 70}
    epilogue: {any: Shown when it happens.}
"""
    text = text.replace("endings:\n", "endings:\n" + narrow, 1).replace("learning_objectives:", CATCH_ALL + "learning_objectives:")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    assert warnings_of(path) == []


def test_warnings_exit_0_unless_strict(tmp_path: Path, capsys) -> None:
    path = scenario_with_endings(tmp_path, "")
    assert main(["validate", str(path), str(PERSONALITIES)]) == 0
    out, err = capsys.readouterr()
    assert "warning: endings: no ending always holds" in err
    assert "with 1 warning(s)" in out
    assert main(["validate", "--strict", str(path), str(PERSONALITIES)]) == 2
    assert "0 problem(s) and 1 warning(s) found." in capsys.readouterr().err


# --------------------------------------------------------------------------- id clashes


def test_the_repository_copy_of_a_built_in_file_is_not_a_clash(tmp_path: Path) -> None:
    # `summit validate scenarios` in a clone reported 14 clashes with the installed copy.
    clone = tmp_path / "clone" / "scenarios"
    shutil.copytree(builtin_scenarios_dir(), clone, ignore=shutil.ignore_patterns("schema", "__pycache__", "*.py"))
    assert validate_paths([clone]) == []
    edited = clone / "vienna_1961.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("dates: 3-4 June 1961", "dates: 3-4 June 1961 "))
    assert validate_paths([edited]) == []  # an edited built-in, validated before it is installed


def test_a_new_file_taking_a_built_in_id_is_a_clash(tmp_path: Path) -> None:
    copy = tmp_path / "my_vienna.yaml"
    copy.write_text((builtin_scenarios_dir() / "vienna_1961.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (problem,) = validate_paths([copy])
    assert not problem.is_warning and "scenario id 'vienna_1961' is already used by" in problem.message


def _two_mods_with_one_id() -> tuple[Path, Path]:
    text = (PERSONALITIES / "test_hawk.yaml").read_text(encoding="utf-8")
    paths = []
    for mod in ("a_first", "b_second"):
        path = mods_dir() / mod / "personalities" / "hawk.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def test_duplicate_ids_across_mods_are_reported_where_the_game_loads_them(capsys) -> None:
    first, second = _two_mods_with_one_id()
    # Each once validated clean alone; now each says what the game will do.
    (loser,) = validate_paths([second])
    assert not loser.is_warning and f"is already used by {first}" in loser.message
    (winner,) = validate_paths([first])
    assert winner.is_warning and "the game loads this file and skips that one" in winner.message
    # ...and the game says so when it loads them, never skipping one silently.
    library = load_library()
    assert library.personalities["test_hawk"][0] == first
    ((path, error),) = [(p, e) for p, e in library.broken if p == second]
    assert "already used by" in str(error)
    assert main(["list"]) == 0
    assert f"skipped a broken file ({second})" in capsys.readouterr().err


# --------------------------------------------------------------------------- YAML explained


@pytest.mark.parametrize(
    ("text", "line", "cause"),
    [
        ("id: x\ntitle: \u201cVienna\u201d: the summit\nplace: y\n", 2, "curly quotes"),
        ("id: x\nsides:\n\t- id: a\n", 3, "tab"),
        ("id: x\n\ttitle: y\n", 2, "tab"),
        ("id: x\nsides:\n  - id: a\n     name: b\n", 4, "does not line up with the keys around it"),
        ("id: x\nhook: Note: this is bad\n", 2, "colon followed by a space"),
        ('id: x\ntitle: "Vienna" summit\n', 2, "quote the whole value"),
        ("id: x\nl:\n  - a\n  b: c\n", 4, "needs '- ' before each item"),
    ],
    ids=["curly-quotes", "tab-item", "tab-key", "indentation", "colon-in-value", "text-after-quote", "list-item"],
)
def test_yaml_mistakes_are_explained_on_their_line(text: str, line: int, cause: str) -> None:
    with pytest.raises(ContentError) as error:
        parse(text, "f.yaml")
    (problem,) = error.value.problems
    assert problem.line == line
    assert cause in problem.message
    assert "(YAML said: " in problem.message  # the parser's words stay, for searching


def test_an_unclosed_quote_is_reported_where_it_opens_not_at_the_end() -> None:
    # Reported at line 23 before: where the parser ran out of file.
    text = 'id: x\ntitle: y\nhook: "It begins\nplace: z\n' + "a: b\n" * 19
    with pytest.raises(ContentError) as error:
        parse(text, "f.yaml")
    (problem,) = error.value.problems
    assert (problem.line, problem.col) == (3, 7)
    assert 'the " opened here is never closed' in problem.message


def test_prose_red_lines_without_structured_ones_are_a_warning(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("        red_lines: [ban]\n", "        note: No ban.\n")  # the east's only structured red line
    text = text.replace("    objectives: [Keep your missiles.]\n", "    objectives: [Keep your missiles.]\n    red_lines: [Never a ban.]\n")
    text = text.replace("learning_objectives:", CATCH_ALL + "learning_objectives:", 1)
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    ((line, field, message),) = warnings_of(path)
    assert field == "sides[0].red_lines" and line == line_of(path, "red_lines: [Never a ban.]")
    assert "states red lines in words but none in interests.<issue>.red_lines" in message


def test_a_quote_left_open_and_closed_by_accident_later_is_reported_where_it_opens() -> None:
    text = 'id: x\nhook: "It begins\nplace: z\ntitle: "Vienna"\nyear: 1961\n'
    with pytest.raises(ContentError) as error:
        parse(text, "f.yaml")
    (problem,) = error.value.problems
    assert (problem.line, problem.col) == (2, 7)
    assert "is not closed on its line" in problem.message


def test_endings_for_one_side_are_checked_per_side() -> None:
    """An ending only for one side (`for_sides`) is no catch-all for the other side."""
    from types import SimpleNamespace

    from game.content.lint import ending_warnings
    from game.content.models import Condition

    def ending(ending_id: str, when: Condition, for_sides=None):
        return SimpleNamespace(id=ending_id, when=when, for_sides=for_sides)

    sides = [SimpleNamespace(id="usa"), SimpleNamespace(id="ussr")]
    scenario = SimpleNamespace(
        sides=sides,
        endings=[ending("usa_only", Condition(), ["usa"]), ending("treaty", Condition(agreements_at_least=1))],
    )
    messages = sorted(p.message for p in ending_warnings(scenario, {}, "f.yaml"))
    assert messages == [
        "ending 'treaty' can never be reached when you lead 'usa': ending 'usa_only' before it always holds "
        "(endings are checked in order; the first that holds wins)",
        "no ending always holds when you lead 'ussr', so a summit may end with none of them; make the last ending "
        "a catch-all with `when: {}`",
    ]
