"""The design's lesson, as tests: in both scenarios and from both sides, a constructive
line beats threatening and charming, and giving everything away collapses the ally."""

from __future__ import annotations

import pytest

from game.core.rules import player_value
from tests.conftest import SCENARIOS
from tests.play.lines import play_line

CASES = [(s, i) for s in SCENARIOS for i in (0, 1)]


def _meters(game):
    return {m["meter"]: m["value"] for m in game.meters()}


@pytest.mark.parametrize("scenario, side_index", CASES)
@pytest.mark.parametrize("seed", [1, 2])
def test_constructive_beats_threats_and_charm(library, spec_for, scenario, side_index, seed):
    side = library.scenarios[scenario][1].sides[side_index].id
    spec = spec_for(scenario, side)
    lines = {name: play_line(spec, name, seed) for name in ("constructive", "threaten", "charm")}
    m = {name: _meters(g) for name, g in lines.items()}
    assert m["constructive"]["counterpart.tension"] < m["threaten"]["counterpart.tension"]
    for other in ("threaten", "charm"):
        assert m["constructive"]["counterpart.trust"] > m[other]["counterpart.trust"], other
    assert lines["constructive"].ending()["rating"] in ("better", "history")
    assert lines["threaten"].ending()["rating"] in ("worse", "breakdown")
    # Charm without terms spends their patience: nothing is agreed.
    assert lines["charm"].ending()["rating"] in ("worse", "breakdown")
    assert (lines["charm"].state.agreed < 0).all()


@pytest.mark.parametrize("scenario, side_index", CASES)
def test_conceding_everything_collapses_the_ally(library, spec_for, scenario, side_index):
    side = library.scenarios[scenario][1].sides[side_index].id
    spec = spec_for(scenario, side)
    conceded = play_line(spec, "concede", 1)
    constructive = play_line(spec, "constructive", 1)
    start = next(m.start for m in spec.meters if m.ref == "ally.confidence")
    ally = _meters(conceded)["ally.confidence"]
    # (the summit now ends once everything is agreed, so the slide stops there)
    assert ally < start - 20
    assert ally < _meters(constructive)["ally.confidence"]
    assert conceded.ending()["rating"] in ("worse", "breakdown")
    # ...and what you bring home is worth less to your side.
    assert player_value(spec, conceded.state.agreed)[0] < player_value(spec, constructive.state.agreed)[0]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_charm_alone_reads_as_weakness(spec_for, scenario):
    spec = spec_for(scenario)
    charm = _meters(play_line(spec, "charm", 1))
    start = next(m.start for m in spec.meters if m.ref == "counterpart.resolve")
    assert charm["counterpart.resolve"] < start
