"""Fuzzing saves (hypothesis, bounded): any value put anywhere in a real save either is
refused with SaveError or loads into exactly the game its moves describe."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.saves import SaveError
from game.setup import load_match, start_match

VALUES = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
                   st.text(max_size=20), st.lists(st.integers(-3, 3), max_size=4),
                   st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


@pytest.fixture(scope="module")
def base_save(library, tmp_path_factory):
    import os

    before = os.environ.get("SUMMIT_HOME")
    os.environ["SUMMIT_HOME"] = str(tmp_path_factory.mktemp("fuzz_home"))
    try:
        match = start_match(library, "singapore_2018", seed=4)
        for k in range(4):
            match.play(match.legal_actions()[k % 2].id)
        match.rewind(3)
        match.play([a for a in match.legal_actions() if a.id != "compose"][-1].id)  # compose needs terms
        return json.loads(match.save_path.read_text())
    finally:
        if before is None:
            del os.environ["SUMMIT_HOME"]
        else:
            os.environ["SUMMIT_HOME"] = before


def _paths(x, prefix=()):
    yield prefix
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in ("zlib",):
                yield from _paths(v, prefix + (k,))
    elif isinstance(x, list):
        for i, v in enumerate(x[:6]):
            yield from _paths(v, prefix + (i,))


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_value_anywhere(library, base_save, tmp_path, data):
    paths = [p for p in _paths(base_save) if p and p[0] != "transcript"]
    path = data.draw(st.sampled_from(paths))
    value = data.draw(VALUES)
    save = json.loads(json.dumps(base_save))
    target = save
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    file = tmp_path / "fuzz.json"
    file.write_text(json.dumps(save))
    try:
        match = load_match(library, file)
    except SaveError:
        return
    meters = match.game.state.meters()
    assert np.isfinite(meters).all() and (0 <= meters).all() and (meters <= 100).all()
    assert json.loads(json.dumps(match.game.state.to_json())) == save["state"]
    line = save["timelines"][save["current"]]["moves"][: save["position"]]
    assert [m.action for m in match.moves] == [m["action"] for m in line]
