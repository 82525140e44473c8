"""Mutated shipped files: every one loads and plays, or is refused with located problems
(never a traceback, never a non-finite meter). The campaign script
tests/campaign_content.py runs the same mutations over thousands of files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.content.mutate import mutate, outcome, shipped_files

FILES = shipped_files()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, len(FILES) - 1), seed=st.integers(0, 2**32 - 1))
def test_a_mutated_shipped_file_loads_or_is_refused_with_located_problems(tmp_path: Path, index: int, seed: int) -> None:
    source = FILES[index]
    target = tmp_path / source.parent.name / source.name  # keeps 'personalities/' for personalities
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mutate(source.read_bytes(), random.Random(seed)))
    result, detail = outcome(target, games=2)
    assert result in ("ok", "located"), f"{source.name} seed {seed}: {result}: {detail}"


def test_the_mutations_do_break_files() -> None:
    """A fuzz test that never breaks anything proves nothing: most mutations must be refused."""
    results = []
    for seed in range(40):
        data = mutate(FILES[seed % len(FILES)].read_bytes(), random.Random(seed))
        results.append(data != FILES[seed % len(FILES)].read_bytes())
    assert sum(results) >= 35
