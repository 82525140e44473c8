"""`summit bench` runs end to end and reports ratios (no timing assertion: machines are noisy)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_summit

pytestmark = pytest.mark.slow  # starts windows and measures frames

DUMMY = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def test_bench_prints_a_table_of_ratios():
    done = run_summit("bench", "--frames", "20", env=DUMMY, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for line in ("frame time p50", "frame time p99", "idle CPU", "launch to first frame", "ratio"):
        assert line in out, out
    assert "video driver dummy" in out


def test_bench_json_has_ratios_idle_cpu_and_launch():
    done = run_summit("bench", "--json", "--frames", "20", env=DUMMY, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["frames"] == 20 and report["window"] == [1280, 720]
    assert report["bare_loop"]["frames"] == report["summit"]["frames"] == 20
    assert report["ratios"]["p99"] > 0 and report["ratios"]["p50"] > 0
    assert 0 <= report["idle_cpu_percent"] <= 100 * 8
    assert report["launch"]["bare_s"] > 0 and report["launch"]["summit_s"] > 0
    assert set(report["aims"]) == {"p99_ratio", "idle_cpu_percent", "launch_extra_s"}
    assert report["drawn"]
