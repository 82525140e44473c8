"""Same scenario + seed + choices => the same game, alone or in a batch, in one process or
across processes, and through a save file."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from tests.core.choices import choice_for
from game.core.game import Game
from game.core.state import BatchState
from game.sim import runner
from tests.conftest import REPO, SCENARIOS, run_summit


def _fields(st: BatchState):
    return {k: v for k, v in vars(st).items() if isinstance(v, np.ndarray)}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_batch_and_single_games_are_identical(spec_for, scenario):
    spec = spec_for(scenario)
    batch = runner.run(spec, 7, runner.random_policy, 40, record=True)[0]
    for i in (0, 13, 39):
        alone = runner.run(spec, 7, runner.random_policy, 1, first_index=i, record=True)[0]
        assert alone.transcripts[0] == batch.transcripts[i]
        for name, arr in _fields(alone.state).items():
            assert np.array_equal(arr[0], getattr(batch.state, name)[i], equal_nan=True), name


@pytest.mark.slow  # thousands of games in several batch sizes
def test_batch_size_does_not_change_the_summary(spec_for):
    spec = spec_for("vienna_1961")
    whole = runner.summary(spec, runner.run(spec, 3, runner.random_policy, 60))
    in_parts = runner.summary(spec, runner.run(spec, 3, runner.random_policy, 60, batch=7))
    one_by_one = runner.summary(spec, runner.run(spec, 3, runner.random_policy, 60, batch=1))
    assert whole == in_parts == one_by_one


def test_state_round_trips_through_json_without_loss(spec_for):
    spec = spec_for("singapore_2018")
    res = runner.run(spec, 5, runner.random_policy, 6)[0]
    text = json.dumps(res.state.to_json())
    back = BatchState.from_json(json.loads(text))
    for name, arr in _fields(res.state).items():
        restored = getattr(back, name)
        assert restored.dtype == arr.dtype and np.array_equal(restored, arr, equal_nan=True), name


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_saved_and_resumed_game_continues_exactly(spec_for, scenario):
    spec = spec_for(scenario)
    straight = Game.start(spec, 11)
    choices = []
    while not straight.over:
        legal = straight.legal_actions()
        pick = choice_for(straight, legal[(len(choices) * 7) % len(legal)])
        choices.append(pick)
        straight.play_choice(pick)

    half = Game.start(spec, 11)
    for c in choices[: len(choices) // 2]:
        half.play_choice(c)
    resumed = Game.from_json(spec, json.loads(json.dumps(half.to_json())))
    for c in choices[len(choices) // 2 :]:
        resumed.play_choice(c)
    assert resumed.transcript == straight.transcript
    assert resumed.ending() == straight.ending()


@pytest.mark.slow  # over a second: the full run has it, the fast tier does not
def test_transcripts_are_byte_identical_across_processes(spec_for):
    spec = spec_for("vienna_1961")
    game = Game.start(spec, 42)
    while not game.over:  # a full script of open actions, chosen in this process
        legal = game.legal_actions()
        game.play_choice(choice_for(game, legal[(game.turn * 5 + 3) % len(legal)]))
    args = ("simulate", "vienna_1961", "--seed", "42", "--choices", ",".join(game.choices), "--json")
    first = run_summit(*args)
    second = run_summit(*args, env={"PYTHONHASHSEED": "123"})
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    record = json.loads(first.stdout)
    assert record["transcript"] == json.loads(json.dumps(game.transcript))


def test_core_runs_a_whole_game_without_pygame_or_yaml():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["pygame"] = None  # any import of pygame now fails
        sys.modules["yaml"] = None
        from tests.core.tiny import tiny_spec
        from game.core.game import Game
        from game.sim import runner
        spec = tiny_spec()
        g = Game.start(spec, 3)
        while not g.over:
            g.play(g.legal_actions()[0].id)
        runner.run(spec, 1, runner.random_policy, 50)
        bad = [m for m in sys.modules if m.split(".")[0] in ("pygame", "yaml", "pydantic") and sys.modules[m] is not None]
        assert not bad, bad
        print("ok", g.ending()["title"])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(REPO))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")


# What game/core may import: numpy, its own modules and pure parts of the standard library
# (no clocks, files, processes or global random state).
CORE_MAY_IMPORT = {"__future__", "numpy", "dataclasses", "types", "typing", "collections", "functools",
                   "itertools", "math", "enum", "abc", "operator", "game.core"}
CORE_MAY_NOT_CALL = {"open", "input", "print", "exec", "eval", "__import__"}


def core_imports(path):
    """(line, module) for every import in a module, relative imports resolved."""
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "game.core" if node.level else ""
            yield node.lineno, ".".join(x for x in (base, node.module or "") if x)


def allowed(module: str) -> bool:
    return any(module == ok or module.startswith(ok + ".") for ok in CORE_MAY_IMPORT)


def test_core_modules_import_only_numpy_and_the_core():
    problems = []
    for path in sorted((REPO / "game" / "core").glob("*.py")):
        problems += [f"{path.name}:{line}: imports {mod}" for line, mod in core_imports(path) if not allowed(mod)]
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CORE_MAY_NOT_CALL:
                problems.append(f"{path.name}:{node.lineno}: calls {node.func.id}()")
    assert not problems, "\n".join(problems)


def test_the_import_check_sees_what_it_must(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import time\nfrom game.ui import app\nfrom . import rules\nimport numpy.random\n")
    found = [mod for _, mod in core_imports(bad)]
    assert found == ["time", "game.ui", "game.core", "numpy.random"]
    assert [allowed(m) for m in found] == [False, False, True, True]
