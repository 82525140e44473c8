"""A run's results do not depend on how it is cut up or how many processes play it."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim import parallel, runner
from game.sim.summary import summarize


@pytest.mark.slow  # over a second: the full run has it, the fast tier does not
@pytest.mark.parametrize("scenario", ["vienna_1961", "singapore_2018"])
def test_finals_identical_whatever_the_jobs_and_chunks(spec_for, scenario):
    spec = spec_for(scenario)
    whole = runner.play_batch(spec, 7, runner.random_policy, np.arange(300, dtype=np.int64)).state
    for jobs, chunk in ((1, 300), (1, 97), (2, 150), (2, 13)):
        f = parallel.play_finals(spec, 7, runner.random_policy, 300, jobs=jobs, chunk=chunk)
        assert np.array_equal(f.ending, whole.ending)
        assert np.array_equal(f.agreed, whole.agreed)
        assert np.array_equal(f.turns, whole.turn)
        assert np.array_equal(f.meters, whole.meters())


def test_summary_of_chunks_equals_the_summary_of_one_batch(spec_for):
    spec = spec_for("vienna_1961", "ussr")
    one = runner.summary(spec, runner.run(spec, 3, runner.random_policy, 500))
    many = summarize(spec, parallel.play_finals(spec, 3, runner.random_policy, 500, jobs=2, chunk=64))
    assert one == many


def test_first_index_offsets_the_games(spec_for):
    spec = spec_for("singapore_2018")
    tail = parallel.play_finals(spec, 5, runner.random_policy, 100, first_index=100, jobs=1)
    whole = parallel.play_finals(spec, 5, runner.random_policy, 200, jobs=1)
    assert np.array_equal(tail.ending, whole.ending[100:])


def test_progress_is_reported_up_to_the_total(spec_for):
    seen = []
    parallel.play_finals(spec_for("vienna_1961"), 1, runner.random_policy, 250, jobs=1, chunk=100,
                         progress=lambda done, total: seen.append((done, total)))
    assert seen == [(100, 250), (200, 250), (250, 250)]


def test_progress_bar_is_silent_off_a_terminal():
    import io

    buf = io.StringIO()
    parallel.ProgressBar(buf)(5, 10)
    assert buf.getvalue() == ""


def test_simulate_refuses_absurd_counts_with_exit_2(capsys):
    from game.cli import main

    assert main(["simulate", "vienna_1961", "--policy", "random", "--games", "100000000"]) == 2
    assert "--games" in capsys.readouterr().err
    assert main(["simulate", "vienna_1961", "--policy", "random", "--games", "10", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_simulate_summary_is_the_same_on_one_core_and_two(capsys):
    import json

    from game.cli import main

    outs = []
    for jobs in ("1", "2"):
        assert main(["simulate", "singapore_2018", "--policy", "random", "--games", "300", "--batch", "70",
                     "--jobs", jobs, "--json"]) == 0
        outs.append(json.loads(capsys.readouterr().out))
    assert outs[0] == outs[1] and outs[0]["games"] == 300


def test_a_scenario_name_too_long_for_the_system_is_bad_input(capsys):
    from game.cli import main

    assert main(["simulate", "x" * 300, "--policy", "random"]) == 2
    assert "no scenario" in capsys.readouterr().err


@pytest.mark.parametrize("scenario,side", [("vienna_1961", "usa"), ("singapore_2018", "dprk")])
def test_games_without_reasons_end_exactly_as_games_with_them(spec_for, scenario, side):
    """Collapsing the per-cause axis when no one reads the reasons changes no number."""
    from dataclasses import fields

    spec = spec_for(scenario, side)
    index = np.arange(150, dtype=np.int64)
    with_reasons = runner.play_batch(spec, 11, runner.random_policy, index, record=True).state
    without = runner.play_batch(spec, 11, runner.random_policy, index, record=False).state
    for f in fields(with_reasons):
        a, b = getattr(with_reasons, f.name), getattr(without, f.name)
        if isinstance(a, np.ndarray):
            assert np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), f.name


def test_deltas_without_causes_keep_the_same_sums():
    from game.core.effects import Deltas

    full, flat = Deltas.zeros(3, 2), Deltas.zeros(3, 2, by_cause=False)
    for d in (full, flat):
        d.add(0, "action", 2.0, np.array([True, False, True]))
        d.add(0, "pride", 1.5, np.array([True, True, False]))
        d.add(1, "fade", -1.0, np.array([False, True, True]), lasting=False)
    assert flat.lasting.size == 0  # nothing kept by cause
    assert np.array_equal(full.net(), flat.net())
    assert full.net().tolist() == [[3.5, 0.0], [1.5, -1.0], [2.0, -1.0]]
    # ...while the full deltas keep the causes apart for the reasons.
    assert np.array_equal(full.total().sum(axis=2), full.net())
    assert full.total()[0, 0, [0, 1]].tolist() == [2.0, 1.5]


def test_no_fork_once_another_thread_runs(spec_for, monkeypatch):
    """A forked child inherits other threads' held locks: with a thread running (or pygame
    started) the run stays in this process, and gives the same results."""
    import threading

    spec = spec_for("vienna_1961")
    forked = []
    monkeypatch.setattr(parallel.multiprocessing, "get_context", lambda *a: forked.append(a) or None)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        f = parallel.play_finals(spec, 2, runner.random_policy, 60, jobs=2, chunk=20)
    finally:
        stop.set()
        t.join()
    assert forked == []
    assert np.array_equal(f.ending, parallel.play_finals(spec, 2, runner.random_policy, 60, jobs=1).ending)


@pytest.mark.parametrize("scenario,side", [("vienna_1961", "usa"), ("singapore_2018", "dprk")])
def test_shedding_finished_games_changes_no_game(spec_for, scenario, side):
    """A batch that plays on without its finished games ends every game exactly as one
    that keeps them all: every field of every game, the meter history included."""
    from dataclasses import fields

    from game.sim.players import constructive

    spec = spec_for(scenario, side)
    for policy in (runner.random_policy, constructive(spec)):
        index = np.arange(400, dtype=np.int64)
        kept = runner.play_batch(spec, 3, policy, index).state
        shed = runner.play_batch(spec, 3, policy, index, shed=True).state
        if policy is runner.random_policy:
            assert len(set(kept.turn.tolist())) > 3  # games really end at different turns
        for f in fields(kept):
            a, b = getattr(kept, f.name), getattr(shed, f.name)
            if isinstance(a, np.ndarray):
                assert np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), f.name


@pytest.mark.parametrize("scenario,side", [("vienna_1961", "ussr"), ("singapore_2018", "usa")])
def test_a_run_without_history_ends_every_game_the_same(spec_for, scenario, side):
    """A run that keeps no meters by turn (what `play_finals` plays) ends every game as
    one that keeps them: every other field of every game is the same."""
    from dataclasses import fields

    spec = spec_for(scenario, side)
    index = np.arange(400, dtype=np.int64)
    kept = runner.play_batch(spec, 5, runner.random_policy, index, shed=True).state
    bare = runner.play_batch(spec, 5, runner.random_policy, index, shed=True, history=False).state
    assert kept.history.shape[1] == spec.total_turns + 1 and bare.history.shape[1] == 0
    assert not np.all(kept.history[:, 1:] == 0)  # the kept history was really written
    for f in fields(kept):
        a, b = getattr(kept, f.name), getattr(bare, f.name)
        if isinstance(a, np.ndarray) and f.name != "history":
            assert np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), f.name
