"""The benchmark runs and reports a ratio (no timing assertion: machines are noisy)."""

import pytest

from tests.bench.bench_simulate import measure

pytestmark = pytest.mark.slow  # thousands of simulated games


def test_benchmark_reports_a_speedup():
    r = measure("singapore_2018", games=2000, single=20)
    assert r["speedup"] > 0 and r["batch_games"] == 2000 and r["single_games"] == 20
