"""YAML safety, pydantic errors as located problems, the library and the schemas.

Line:col values in these tests are counted by hand from the YAML written next to them
(or from fixtures/minimal_scenario.yaml, whose line numbers the file asks to keep)."""

from __future__ import annotations

import json
import pickle
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.errors import ContentError, Problem
from game.content.library import (
    builtin_personalities_dir,
    builtin_scenarios_dir,
    load_library,
    validate_paths,
)
from game.content.loader import load_any, load_personality, load_scenario
from game.content.models import Personality, Scenario
from game.content.schema import write_schemas
from game.content.yamlsafe import KEY, MAX_BYTES, MAX_NODES, locate, parse, read_text

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "minimal_scenario.yaml"
TEST_PERSONALITIES = {"test_hawk", "test_dove"}


def problems_of(error: pytest.ExceptionInfo[ContentError]) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.col, p.field, p.message) for p in error.value.problems]


def only_problem(error: pytest.ExceptionInfo[ContentError]) -> Problem:
    assert len(error.value.problems) == 1, str(error.value)
    return error.value.problems[0]


def write(tmp_path: Path, text: str, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def minimal_with(*replacements: tuple[str, str]) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"fixture changed: {old!r} is not unique"
        text = text.replace(old, new)
    return text


# --------------------------------------------------------------------------- Problem


def test_problem_format_is_file_line_col_field_message() -> None:
    problem = Problem("a.yaml", 3, 5, "sides[0].kind", "expected one of a, b")
    assert problem.format() == "a.yaml:3:5: sides[0].kind: expected one of a, b"


def test_problem_format_adds_did_you_mean_and_caret_under_the_column() -> None:
    problem = Problem("a.yaml", 3, 9, "kind", "bad kind", snippet="  kind: prob", hint="probe")
    assert problem.format() == (
        "a.yaml:3:9: kind: bad kind (did you mean 'probe'?)\n"
        "      kind: prob\n"
        "            ^"
    )


def test_content_error_lists_every_problem_one_per_line() -> None:
    error = ContentError([Problem("a.yaml", 1, 1, "id", "one"), Problem("a.yaml", 2, 3, "name", "two")])
    assert str(error) == "a.yaml:1:1: id: one\na.yaml:2:3: name: two"
    # A worker process can send the error back whole.
    assert pickle.loads(pickle.dumps(error)).problems == error.problems


# --------------------------------------------------------------------------- yamlsafe


def test_parse_gives_plain_data_and_marks_of_values_and_keys() -> None:
    data, marks = parse("a: 1\nb:\n  - x\n  - {c: 2.5, d: yes, e: ~}\n", "f.yaml")
    assert data == {"a": 1, "b": ["x", {"c": 2.5, "d": True, "e": None}]}
    assert marks[("b", 1, "c")] == (4, 9)
    assert marks[("b", 1, "c", KEY)] == (4, 6)
    assert marks[("b", 0)] == (3, 5)
    # A path that is not in the file is located at its nearest ancestor.
    assert locate(marks, ("b", 1, "missing")) == (4, 5)


def test_dates_stay_the_text_written() -> None:
    data, _ = parse("date: 1961-06-03\n", "f.yaml")
    assert data == {"date": "1961-06-03"}


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    with pytest.raises(ContentError) as error:
        parse("sides:\n  - id: a\n    name: A\n    id: b\n", "f.yaml")
    assert problems_of(error) == [(4, 5, "sides[0].id", "duplicate key 'id' (first at line 2)")]


def test_every_duplicate_key_is_reported_at_once() -> None:
    with pytest.raises(ContentError) as error:
        parse("a: 1\nb: 2\na: 3\nb: 4\n", "f.yaml")
    assert [(line, col) for line, col, _, _ in problems_of(error)] == [(3, 1), (4, 1)]


def test_python_tag_is_rejected_and_never_run(tmp_path: Path) -> None:
    target = tmp_path / "created_by_yaml"
    text = f"id: x\nhook: !!python/object/apply:os.system ['touch {target}']\n"
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, text))
    problem = only_problem(error)
    assert (problem.line, problem.col, problem.field) == (2, 7, "hook")
    assert "!!python/object/apply:os.system" in problem.message
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/name:os.system\n", "!!python/name:os.system"),
        ("a: !include other.yaml\n", "!include"),
        ("a: !!binary aGk=\n", "!!binary"),
        ("a: !!set {x, y}\n", "!!set"),
    ],
)
def test_tags_outside_the_core_schema_are_rejected(text: str, tag: str) -> None:
    with pytest.raises(ContentError) as error:
        parse(text, "f.yaml")
    problem = only_problem(error)
    assert (problem.line, problem.col) == (1, 4)
    assert f"tag '{tag}' is not allowed" in problem.message


def test_explicit_core_tag_with_a_bad_value_is_located() -> None:
    with pytest.raises(ContentError) as error:
        parse("a: 1\nb: !!int twelve\n", "f.yaml")
    assert problems_of(error) == [(2, 4, "b", "'twelve' is not a valid int")]


def test_merge_keys_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ContentError) as error:
        parse("base: &b {x: 1}\nother:\n  <<: *b\n", "f.yaml")
    problem = only_problem(error)
    assert (problem.line, problem.col) == (3, 3)
    assert "merge keys ('<<') are not supported" in problem.message


def test_billion_laughs_is_rejected_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    with pytest.raises(ContentError) as error:
        parse("\n".join(lines) + "\n", "lol.yaml")
    assert time.perf_counter() - started < 5.0  # a generous guard: it takes milliseconds
    assert f"more than {MAX_NODES} values after expanding aliases" in only_problem(error).message


def test_nesting_deeper_than_64_is_rejected_at_the_65th_level() -> None:
    # The top mapping is level 1, so the 64th '[' (column 3 + 64) is level 65.
    with pytest.raises(ContentError) as error:
        parse("a: " + "[" * 70 + "]" * 70 + "\n", "f.yaml")
    problem = only_problem(error)
    assert (problem.line, problem.col) == (1, 67)
    assert "nesting deeper than 64" in problem.message


def test_a_recursive_alias_is_rejected() -> None:
    with pytest.raises(ContentError) as error:
        parse("a: &x [*x]\n", "f.yaml")
    assert "nesting deeper than 64" in only_problem(error).message


@pytest.mark.parametrize(
    ("text", "line", "col", "cause", "message"),
    [
        # Wording differs between libyaml (used when PyYAML has it) and pure-Python PyYAML;
        # the place and the explanation do not. An unclosed bracket or quote is reported
        # where it opens, not where the parser gave up.
        ("a: [1, 2\nb: 3\n", 1, 4, "is not closed with ']'", ("expected ',' or ']'", "did not find expected ',' or ']'")),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "matches no key above it", ("did not find expected key",)),
        ("title: a: b\n", 1, 9, "holds a colon followed by a space", ("mapping values are not allowed",)),
        ("a: 'open\n", 1, 4, "is never closed", ("found unexpected end of stream",)),
    ],
)
def test_syntax_errors_are_located(text: str, line: int, col: int, cause: str, message: tuple[str, ...]) -> None:
    with pytest.raises(ContentError) as error:
        parse(text, "f.yaml")
    problem = only_problem(error)
    assert (problem.file, problem.line, problem.col) == ("f.yaml", line, col)
    assert cause in problem.message
    assert any(words in problem.message for words in message)


def test_unprintable_character_is_located() -> None:
    with pytest.raises(ContentError) as error:
        parse("a: 1\nb: x\x07y\n", "f.yaml")
    problem = only_problem(error)
    assert (problem.line, problem.col) == (2, 5)
    assert "U+0007" in problem.message


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: x\nname: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ContentError) as error:
        load_scenario(path)
    problem = only_problem(error)
    assert (problem.line, problem.col) == (2, 10)
    assert "not UTF-8" in problem.message


def test_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(ContentError) as error:
        read_text(path)
    assert f"at most {MAX_BYTES} bytes" in only_problem(error).message
    with pytest.raises(ContentError):
        parse("#" * (MAX_BYTES + 1), "huge.yaml")


def test_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_scenario(tmp_path / "nowhere.yaml")
    assert only_problem(error).message == "file not found"


YAML_PIECES = [*"ab: -[]{},&*!'\"#|>\n\t?%@`~1.\x00\u00e9", "!!python/name:os.system", "<<", "&x", "*x", "- ", ": "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=60).map("".join))
def test_parse_raises_only_content_errors(text: str) -> None:
    try:
        parse(text, "fuzz.yaml")
    except ContentError as error:
        assert all(p.line >= 1 and p.col >= 1 for p in error.problems)


# --------------------------------------------------------------------------- loading models


def test_minimal_scenario_loads() -> None:
    scenario = load_scenario(MINIMAL, TEST_PERSONALITIES)
    assert isinstance(scenario, Scenario)
    assert [side.id for side in scenario.sides] == ["east", "west"]
    assert scenario.endings[2].when.not_ is not None


def test_load_any_tells_personalities_from_scenarios() -> None:
    assert isinstance(load_any(MINIMAL), Scenario)
    personality = load_any(FIXTURES / "personalities" / "test_hawk.yaml")
    assert isinstance(personality, Personality)
    assert personality.strategy.family == "boulware"


def test_unknown_field_points_at_the_key_with_did_you_mean(tmp_path: Path) -> None:
    text = minimal_with(("    leader: Western Leader\n", "    leadr: Western Leader\n"))
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, text))
    problems = error.value.problems
    unknown = next(p for p in problems if p.message == "unknown field 'leadr'")
    assert (unknown.line, unknown.col, unknown.field, unknown.hint) == (36, 5, "sides[1].leadr", "leader")
    missing = next(p for p in problems if p.message == "missing required field 'leader'")
    # A missing field is reported at the mapping that lacks it: '- id: west' on line 34.
    assert (missing.line, missing.col, missing.field) == (34, 5, "sides[1].leader")
    assert f"{tmp_path / 'scenario.yaml'}:36:5: sides[1].leadr: unknown field 'leadr' (did you mean 'leader'?)" in str(
        error.value
    )


def test_broken_scenario_reports_every_problem_at_once(tmp_path: Path) -> None:
    text = minimal_with(
        ("year: 1985", "year: 1700"),
        ("        kind: rapport\n", "        kind: rappor\n"),
        ("    leader: Western Leader\n", "    leadr: Western Leader\n"),
        ("place: The garden", "place: 12:45"),
        ("    turns: 2\n", "    turns: 9\n"),
    )
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, text))
    located = [(p.line, p.col, p.field) for p in error.value.problems]
    assert located == [
        (7, 7, "year"),
        (31, 15, "sides[0].actions[1].kind"),
        (34, 5, "sides[1].leader"),
        (36, 5, "sides[1].leadr"),
        (90, 12, "sessions[0].turns"),
        (95, 12, "sessions[1].place"),
    ]
    messages = {p.field: p for p in error.value.problems}
    assert messages["year"].message == "Input should be greater than or equal to 1800; got 1700"
    kind = messages["sides[0].actions[1].kind"]
    assert kind.message.startswith("expected one of propose, accept, counter, reject,")
    assert kind.hint == "rapport"
    assert "put the value in quotes" in messages["sessions[1].place"].message
    # Each problem comes with its source line and a caret.
    assert "    year: 1700\n          ^" in str(error.value)


def test_model_validator_message_is_located_at_its_mapping(tmp_path: Path) -> None:
    text = minimal_with(("        terms: {arms: freeze}\n", ""))
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, text))
    assert problems_of(error) == [
        (26, 9, "sides[0].actions[0]", "a 'propose' action needs terms (issue id -> position id)")
    ]


def test_unknown_field_in_a_nested_condition_suggests_a_condition_key(tmp_path: Path) -> None:
    text = minimal_with(("{not: {none_agreed: false}", "{not: {non_agreed: false}"))
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, text))
    problem = only_problem(error)
    assert (problem.line, problem.col, problem.field) == (119, 18, "endings[2].when.not.non_agreed")
    assert problem.hint == "none_agreed"


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, "- id: x\n"))
    assert problems_of(error) == [
        (1, 1, "", "a scenario file must be a mapping of fields (key: value) at the top level, got a list")
    ]
    with pytest.raises(ContentError) as error:
        load_scenario(write(tmp_path, "# nothing yet\n"))
    assert "got an empty file" in only_problem(error).message


PERSONALITY = """\
id: Hawk-1
name: Hawk
description: A test.
strategy:
  family: bulware
  aspiration: 0.2
  reservation: 0.4
lines:
  gret: ["Hello."]
traits: {pride: 1.5}
"""


def test_personality_problems_are_located(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_personality(write(tmp_path, PERSONALITY, "hawk.yaml"))
    by_field = {p.field: p for p in error.value.problems}
    assert [(p.line, p.col, p.field) for p in error.value.problems] == [
        (1, 5, "id"),
        (5, 3, "strategy"),  # aspiration below reservation: reported alongside the rest
        (5, 11, "strategy.family"),
        (9, 3, "lines.gret"),
        (10, 17, "traits.pride"),
    ]
    assert by_field["id"].message.startswith("an id must be lower-case letters, digits and '_'")
    assert by_field["strategy.family"].hint == "boulware"
    assert by_field["lines.gret"].hint == "greet"
    assert by_field["traits.pride"].message == "Input should be less than or equal to 1; got 1.5"


def test_personality_cross_field_rule_is_reported(tmp_path: Path) -> None:
    text = PERSONALITY.replace("Hawk-1", "hawk").replace("bulware", "boulware")
    text = text.replace("gret", "greet").replace("1.5", "0.5")
    with pytest.raises(ContentError) as error:
        load_personality(write(tmp_path, text, "hawk.yaml"))
    assert problems_of(error) == [(5, 3, "strategy", "aspiration must be at least the reservation value")]


# --------------------------------------------------------------------------- library


def make_mod(mods: Path, name: str, files: dict[str, str]) -> Path:
    folder = mods / name
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def fixture_text(relative: str) -> str:
    return (FIXTURES / relative).read_text(encoding="utf-8")


def test_library_keeps_loading_past_a_broken_mod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_HOME", str(tmp_path))
    mods = tmp_path / "mods"
    make_mod(
        mods,
        "a_broken",
        {
            "bad.yaml": "id: [unclosed\n",
            "personalities/bad_mind.yaml": "id: bad_mind\nname: B\ndescription: B\nstrategy: {family: nobody}\n",
        },
    )
    make_mod(
        mods,
        "good",
        {
            "minimal_scenario.yaml": fixture_text("minimal_scenario.yaml"),
            "personalities/test_hawk.yaml": fixture_text("personalities/test_hawk.yaml"),
            "personalities/test_dove.yaml": fixture_text("personalities/test_dove.yaml"),
        },
    )
    builtin_files = sorted(builtin_personalities_dir().glob("*.yaml"))
    if builtin_files:  # a mod may not take a built-in personality's id
        make_mod(mods, "z_copycat", {"personalities/copy.yaml": builtin_files[0].read_text(encoding="utf-8")})

    library = load_library()

    assert "test_summit" in library.scenarios
    assert {"test_hawk", "test_dove"} <= set(library.personalities)
    broken = {path.relative_to(mods).as_posix(): error for path, error in library.broken}
    assert {"a_broken/bad.yaml", "a_broken/personalities/bad_mind.yaml"} <= set(broken)
    assert broken["a_broken/bad.yaml"].problems[0].line == 1  # where the '[' is left open
    if builtin_files:
        copy_error = broken["z_copycat/personalities/copy.yaml"]
        assert "is already used by" in copy_error.problems[0].message
        builtin_id = copy_error.problems[0].message.split("'")[1]
        assert library.personalities[builtin_id][0].parent == builtin_personalities_dir()


def test_library_without_mods_or_with_extra_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_HOME", str(tmp_path))
    make_mod(tmp_path / "mods", "good", {"minimal_scenario.yaml": fixture_text("minimal_scenario.yaml")})
    without_mods = load_library(include_mods=False)
    assert "test_summit" not in without_mods.scenarios
    with_fixtures = load_library(extra_dirs=[FIXTURES], include_mods=False)
    assert with_fixtures.scenarios["test_summit"][0] == MINIMAL
    assert not [path for path, _ in with_fixtures.broken if FIXTURES in path.parents]


def test_a_scenario_naming_an_unknown_personality_is_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_HOME", str(tmp_path))
    make_mod(tmp_path / "mods", "lonely", {"minimal_scenario.yaml": fixture_text("minimal_scenario.yaml")})
    library = load_library()
    assert "test_summit" not in library.scenarios
    (error,) = [error for path, error in library.broken if path.name == "minimal_scenario.yaml"]
    assert [(p.line, p.field) for p in error.problems] == [
        (14, "sides[0].personality"),
        (38, "sides[1].personality"),
        (43, "sides[1].ally.personality"),
    ]


def test_validate_paths_resolves_personalities_among_the_given_files(tmp_path: Path) -> None:
    # The fixture has no catch-all ending: a warning, not an error.
    assert [p for p in validate_paths([FIXTURES]) if not p.is_warning] == []
    assert [p for p in validate_paths([MINIMAL, FIXTURES / "personalities"]) if not p.is_warning] == []
    missing_personalities = validate_paths([MINIMAL])
    assert {p.field for p in missing_personalities} == {
        "sides[0].personality",
        "sides[1].personality",
        "sides[1].ally.personality",
    }


def test_validate_paths_reports_missing_paths_and_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "mod"
    shutil.copytree(FIXTURES, folder)
    (folder / "personalities" / "test_dove.yaml").write_text("id: test_dove\nname: D\n", encoding="utf-8")
    problems = validate_paths([folder, tmp_path / "absent"])
    assert Problem(str(tmp_path / "absent"), 1, 1, "", "no such file or folder") in problems
    dove = [p for p in problems if p.file.endswith("test_dove.yaml")]
    assert {p.message for p in dove} == {"missing required field 'description'", "missing required field 'strategy'"}


def test_validate_paths_reports_an_id_used_twice(tmp_path: Path) -> None:
    twin = write(tmp_path, fixture_text("personalities/test_hawk.yaml"), "twin.yaml")
    problems = [p for p in validate_paths([FIXTURES, twin]) if not p.is_warning]
    assert [(p.file, p.line, p.col, p.field) for p in problems] == [(str(twin), 1, 5, "id")]
    assert "personality id 'test_hawk' is already used by" in problems[0].message


def test_builtin_folders_are_the_repository_scenarios() -> None:
    assert builtin_scenarios_dir().is_dir()
    assert builtin_personalities_dir() == builtin_scenarios_dir() / "personalities"


def test_every_shipped_personality_validates() -> None:
    problems = validate_paths([builtin_personalities_dir()])
    assert problems == [], "\n".join(p.format() for p in problems)


def test_every_shipped_file_validates() -> None:
    shipped = builtin_scenarios_dir()
    if not ((shipped / "vienna_1961.yaml").exists() and (shipped / "singapore_2018.yaml").exists()):
        pytest.skip("the shipped scenarios are not written yet")
    problems = validate_paths([shipped])
    assert problems == [], "\n".join(p.format() for p in problems)


# --------------------------------------------------------------------------- schema


def test_write_schemas_writes_both_schemas_atomically(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    written = write_schemas(out)
    assert sorted(path.name for path in written) == ["personality.schema.json", "scenario.schema.json"]
    assert sorted(path.name for path in out.iterdir()) == ["personality.schema.json", "scenario.schema.json"]
    scenario = json.loads((out / "scenario.schema.json").read_text(encoding="utf-8"))
    assert scenario["$schema"].startswith("https://json-schema.org/")
    assert scenario["title"] == "Summit scenario"
    assert scenario["additionalProperties"] is False
    assert "not" in scenario["$defs"]["Condition"]["properties"]
    personality = json.loads((out / "personality.schema.json").read_text(encoding="utf-8"))
    assert "strategy" in personality["required"]
    assert write_schemas(out) == written  # overwriting in place works too


def test_both_yaml_engines_read_the_shipped_files_alike(monkeypatch) -> None:
    from game.content import yamlsafe

    root = Path(__file__).resolve().parents[2] / "scenarios"
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        fast = parse(text, str(path))
        monkeypatch.setattr(yamlsafe, "_LOADER", yamlsafe._DepthLimitedLoader)
        slow = parse(text, str(path))
        monkeypatch.undo()
        assert fast == slow, path
