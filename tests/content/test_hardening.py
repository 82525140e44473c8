"""Hostile and broken content files (issue 11): each ends in success or a located
problem, never a traceback, a hang or unbounded memory; numbers from content are finite
and in range, so the core can never compute NaN; text from files is shown, never
interpreted; mod folders are boundaries."""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.content.errors import ContentError, Problem
from game.content.library import load_library, validate_paths
from game.content.loader import load_personality, load_scenario
from game.content.references import ALWAYS_OPEN_KINDS, tuning_range
from game.content.yamlsafe import MAX_ALIASES, MAX_NODES, MAX_TEXT_CHARS, parse
from game.core import rules
from game.core.tuning import DEFAULT_TUNING
from game.paths import mods_dir

FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"
ESC = "\x1b"


def personality_text(**fields: str) -> str:
    text = (FIXTURES / "personalities" / "test_hawk.yaml").read_text(encoding="utf-8")
    for key, value in fields.items():
        text += f"{key}: {value}\n"
    return text


def make_mod(files: dict[str, str | bytes], name: str = "mod") -> Path:
    root = mods_dir() / name
    root.mkdir(parents=True, exist_ok=True)
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- portraits


@pytest.mark.parametrize(
    ("portrait", "expected"),
    [
        ('"face\\0.png"', "control characters"),  # a NUL byte made the OS call raise ValueError
        ("x" * 300 + ".png", "longer than 255 bytes"),  # made stat() raise "File name too long"
    ],
    ids=["nul-byte", "name-over-255-bytes"],
)
def test_a_hostile_portrait_is_a_located_problem(tmp_path: Path, portrait: str, expected: str) -> None:
    path = tmp_path / "mind.yaml"
    path.write_text(personality_text(portrait=portrait), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_personality(path)
    (problem,) = error.value.problems
    assert problem.field == "portrait" and expected in problem.message
    assert problem.line == path.read_text().count("\n")  # the last line, where portrait: is


def test_a_portrait_that_is_a_symlink_loop_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop.png")
    path = tmp_path / "mind.yaml"
    path.write_text(personality_text(portrait="loop.png"), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_personality(path)
    (problem,) = error.value.problems
    assert problem.field == "portrait" and "cannot be opened" in problem.message


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["simulate", "vienna_1961", "--policy", "random"]])
def test_hostile_mod_files_never_stop_list_or_simulate(capsys, command: list[str]) -> None:
    root = make_mod(
        {
            "personalities/nul.yaml": personality_text(portrait='"a\\0.png"').replace("test_hawk", "nul_mind"),
            "personalities/long.yaml": personality_text(portrait="y" * 300 + ".png").replace("test_hawk", "long_mind"),
            "personalities/loop_portrait.yaml": personality_text(portrait="loop.png").replace("test_hawk", "loopy"),
        }
    )
    (root / "personalities" / "loop.png").symlink_to(root / "personalities" / "loop.png")
    (root / "looping.yaml").symlink_to(root / "looping.yaml")
    code, out, err = run_cli(capsys, *command)
    assert code == 0
    assert "Traceback" not in err
    if command == ["list"]:
        assert "vienna_1961" in out
        assert err.count("skipped a broken file") == 4
        assert "cannot be followed" in err


# --------------------------------------------------------------------------- mod boundaries


def test_a_symlink_out_of_the_mod_folder_is_refused_and_never_read(tmp_path: Path, capsys) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0:the first line of a system file\n", encoding="utf-8")
    root = make_mod({})
    (root / "passwd.yaml").symlink_to(secret)
    (root / "personalities").mkdir()
    (root / "personalities" / "passwd.yaml").symlink_to(secret)
    library = load_library()
    refused = {path.name: error for path, error in library.broken if path.parent.parent == mods_dir() or path.parent.name == "personalities"}
    assert len([p for p, _ in library.broken if p.name == "passwd.yaml"]) == 2
    for path, error in library.broken:
        assert "leads outside its content folder" in str(error)
        assert "first line of a system file" not in str(error)
    code, out, err = run_cli(capsys, "list")
    assert code == 0 and "first line of a system file" not in out + err
    assert refused


def test_a_symlink_inside_the_mod_folder_is_followed() -> None:
    root = make_mod({"personalities/real.yaml": personality_text()})
    (root / "personalities" / "alias.yaml").symlink_to(root / "personalities" / "real.yaml")
    library = load_library()
    assert "test_hawk" in library.personalities
    # The link is the same personality again: refused as a taken id, not as a link.
    assert all("symbolic link" not in str(error) for _, error in library.broken)


def test_validate_refuses_a_symlink_out_of_the_given_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: secret\n", encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "link.yaml").symlink_to(outside)
    problems = validate_paths([folder])
    assert [p.message for p in problems] == [
        "a symbolic link that leads outside its content folder; copy the file into the folder instead"
    ]


# --------------------------------------------------------------------------- numbers


def minimal_with_tuning(value: str) -> str:
    key = next(iter(DEFAULT_TUNING))
    return (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8") + f"tuning:\n  {key}: {value}\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(".nan", "finite number"), (".inf", "finite number"), ("-.inf", "finite number"), ("1e308", "less than or equal to 100")],
)
def test_tuning_must_be_finite_and_in_range(tmp_path: Path, value: str, expected: str) -> None:
    path = tmp_path / "s.yaml"
    text = minimal_with_tuning(value)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_scenario(path, {"test_hawk", "test_dove"})
    (problem,) = error.value.problems
    assert expected in problem.message
    assert problem.line == text.count("\n")


def test_a_fraction_in_tuning_is_checked_against_its_own_range(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8") + "tuning:\n  fade_max: 50\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_scenario(path, {"test_hawk", "test_dove"})
    assert [p.message for p in error.value.problems] == ["'fade_max' must lie between 0 and 1; got 50"]


@pytest.mark.parametrize("key", ["weak_resolve_at", "divide_at"])
def test_a_number_the_rules_divide_by_cannot_be_zero(tmp_path: Path, key: str) -> None:
    """Found by the property test below in CI: divide_at 0 divided by zero in the reply."""
    path = tmp_path / "s.yaml"
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8") + f"tuning:\n  {key}: 0\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_scenario(path, {"test_hawk", "test_dove"})
    assert [p.message for p in error.value.problems] == [f"'{key}' must lie between 1 and 100; got 0"]


def test_meter_condition_numbers_are_finite(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("meter: counterpart.tension, at_least: 50", "meter: counterpart.tension, at_least: .nan")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_scenario(path, {"test_hawk", "test_dove"})
    assert [p.field for p in error.value.problems] == ["events[0].when.at_least"]


def _tuning_strategy() -> st.SearchStrategy[dict[str, float]]:
    keys = sorted(DEFAULT_TUNING)
    values = {
        key: st.floats(*tuning_range(key), allow_nan=False, allow_infinity=False) for key in keys
    }
    return st.fixed_dictionaries({}, optional=values)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tuning=_tuning_strategy(), seed=st.integers(0, 2**31), scenario=st.sampled_from(("vienna_1961", "singapore_2018")))
def test_meters_stay_finite_and_in_bounds_for_any_valid_tuning(library, tuning, seed, scenario) -> None:
    """Any tuning validation accepts keeps every meter finite and within 0-100 through
    whole games of random legal play, on the core's own rules.step."""
    from game.content.compile import compile_game
    from game.sim.runner import random_policy
    from game.core.state import new_state

    path, base = library.scenarios[scenario]
    model = base.model_copy(update={"tuning": tuning})
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    for side in model.sides:
        spec = compile_game(model, side.id, personalities, {})
        state = new_state(spec, seed, np.arange(16, dtype=np.int64))
        steps = 0
        # No division by zero, overflow or invalid operation anywhere on the way.
        with np.errstate(divide="raise", over="raise", invalid="raise"):
            rules.open_summit(spec, state)
            while not state.over.all():
                legal = rules.legal_mask(spec, state)
                assert legal[~state.over].any(axis=1).all(), "a running game always offers a move"
                rules.step(spec, state, random_policy(spec, state, legal))
                meters = state.meters()
                assert np.isfinite(meters).all()
                assert ((meters >= 0) & (meters <= 100)).all()
                steps += 1
                assert steps <= spec.total_turns + 1


# --------------------------------------------------------------------------- limits while parsing


def test_aliases_of_a_long_text_are_refused_before_expanding() -> None:
    # A 640 KB file like this validated and printed at least 398 MB.
    text = "a: &a " + "x" * 4000 + "\nb: [" + ",".join(["*a"] * 900) + "]\n"
    started = time.process_time()
    with pytest.raises(ContentError) as error:
        parse(text, "amplify.yaml")
    assert time.process_time() - started < 1.0
    assert f"more than {MAX_TEXT_CHARS} characters of text after expanding aliases" in error.value.problems[0].message


def test_alias_uses_are_counted_while_composing() -> None:
    text = "a: &a 1\nb: [" + ",".join(["*a"] * (MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(ContentError) as error:
        parse(text, "aliases.yaml")
    (problem,) = error.value.problems
    assert f"more than {MAX_ALIASES} uses of aliases" in problem.message


def test_a_megabyte_of_nested_lists_stops_early() -> None:
    # This file cost ~5 s of CPU and kept its parse tree; the node budget stops it while
    # composing, long before the end of the file.
    text = "x: [" + ",".join(["[[1,[2,[3]]],[4,5]]"] * 50_000) + "]\n"
    text = text[: 1024 * 1024 - 10]
    started = time.process_time()
    with pytest.raises(ContentError) as error:
        parse(text, "nested.yaml")
    assert time.process_time() - started < 1.5
    (problem,) = error.value.problems
    assert f"more than {MAX_NODES} values in one file" in problem.message
    assert problem.line == 1 and problem.col < 200_000


@pytest.mark.slow
def test_five_nested_list_files_in_a_mod_keep_list_fast(capsys) -> None:
    # Five such files made `summit list` take 51 s and 1 GB.
    text = "x: [" + ",".join(["[[1,[2,[3]]],[4,5]]"] * 50_000) + "]\n"
    make_mod({f"big{n}.yaml": text[: 1024 * 1024 - 10] for n in range(5)})
    started = time.process_time()  # CPU time: other work on the machine does not count
    code, out, err = run_cli(capsys, "list")
    assert code == 0
    assert time.process_time() - started < 6.0
    assert err.count("skipped a broken file") == 5


def test_shipped_files_are_far_inside_the_limits() -> None:
    for path in sorted(SHIPPED.rglob("*.yaml")):
        data, marks = parse(path.read_text(encoding="utf-8"), str(path))
        assert len(marks) < MAX_NODES / 4, path


# --------------------------------------------------------------------------- escapes


def test_escapes_in_file_names_snippets_and_messages_are_made_visible() -> None:
    problem = Problem(f"mods/evil{ESC}]0;title\a.yaml", 1, 8, "title", f"unknown field '{ESC}[2J'",
                      snippet=f"title: {ESC}]52;c;aGk=\a x")
    shown = problem.format()
    assert ESC not in shown and "\a" not in shown
    assert "\\x1b]0;title\\x07" in shown and "\\x1b[2J" in shown
    snippet, caret = shown.splitlines()[1:]
    assert caret.index("^") == snippet.index("\\x1b]52")


def test_validate_shows_escapes_in_a_scenario_as_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / f"bad{ESC}[31m.yaml"
    path.write_text(f"id: x\ntitle: {ESC}]0;pwned\a: oops\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", str(path))
    assert code == 2
    assert ESC not in out + err and "\a" not in out + err
    assert "\\x1b[31m.yaml" in err


def test_a_file_name_that_is_not_utf8_is_printed_safely(tmp_path: Path, capsys) -> None:
    name = os.fsdecode(b"bad\xff.yaml")
    try:
        (tmp_path / name).write_text("id: [\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this filesystem refuses such names")
    code, out, err = run_cli(capsys, "validate", str(tmp_path))
    assert code == 2
    assert "\\udcff" in err


# --------------------------------------------------------------------------- soft lock


def test_a_side_without_an_always_open_action_is_rejected(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal_scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("kind: rapport\n", "kind: probe\n")  # the east now has a proposal and a probe
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_scenario(path, {"test_hawk", "test_dove"})
    (problem,) = error.value.problems
    assert problem.field == "sides[0].actions"
    assert "can run out of moves" in problem.message
    assert problem.line == text.splitlines().index("    actions:") + 1


def test_always_open_kinds_are_never_closed_by_the_rules(library, spec_for) -> None:
    """What validation calls always open, the rules never close: checked against
    legal_mask over random play of both shipped scenarios."""
    from game.core.state import new_state
    from game.sim.runner import random_policy

    for scenario in ("vienna_1961", "singapore_2018"):
        for side in library.scenarios[scenario][1].sides:
            spec = spec_for(scenario, side.id)
            open_columns = [k for k, a in enumerate(spec.actions) if a.kind in ALWAYS_OPEN_KINDS]
            assert open_columns
            state = new_state(spec, 3, np.arange(32, dtype=np.int64))
            rules.open_summit(spec, state)
            while not state.over.all():
                legal = rules.legal_mask(spec, state)
                running = ~state.over
                assert legal[np.ix_(running, open_columns)].all()
                rules.step(spec, state, random_policy(spec, state, legal))


def test_no_nan_reaches_validation_from_yaml_numbers() -> None:
    data, _ = parse("a: .nan\nb: .inf\n", "f.yaml")
    assert math.isnan(data["a"]) and math.isinf(data["b"])  # YAML reads them; the models refuse them


_UNIT = st.floats(0.0, 1.0, allow_nan=False)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    traits=st.fixed_dictionaries({name: _UNIT for name in ("risk_tolerance", "patience", "pride", "volatility", "zeal", "memory", "warmth")}),
    bounds=st.tuples(_UNIT, _UNIT).map(sorted),
    curve=st.floats(0.1, 10.0, allow_nan=False),
    family=st.sampled_from(("boulware", "conceder", "reciprocator", "hardliner")),
    seed=st.integers(0, 2**31),
)
def test_meters_stay_finite_for_any_valid_personality(library, traits, bounds, curve, family, seed) -> None:
    """Any personality validation accepts, swapped onto a counterpart, keeps the game
    finite: no division by zero, overflow or NaN anywhere in rules.step."""
    from game.content.compile import compile_game
    from game.content.models import Personality
    from game.core.state import new_state
    from game.sim.runner import random_policy

    base = library.personalities["pragmatist"][1]
    data = base.model_dump(by_alias=True)
    data.update(id="probe_mind", traits=traits)
    data["strategy"] = {"family": family, "reservation": bounds[0], "aspiration": bounds[1], "concession_curve": curve}
    mind = Personality.model_validate(data)  # valid by construction: validation must agree
    personalities = {pid: p for pid, (_, p) in library.personalities.items()} | {"probe_mind": mind}
    scenario = library.scenarios["vienna_1961"][1]
    spec = compile_game(scenario, scenario.sides[0].id, personalities, {"counterpart": "probe_mind"})
    state = new_state(spec, seed, np.arange(16, dtype=np.int64))
    with np.errstate(divide="raise", over="raise", invalid="raise"):
        rules.open_summit(spec, state)
        while not state.over.all():
            rules.step(spec, state, random_policy(spec, state, rules.legal_mask(spec, state)))
            meters = state.meters()
            assert np.isfinite(meters).all() and ((meters >= 0) & (meters <= 100)).all()
