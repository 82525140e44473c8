"""The strategy-family registry: the four built in, plug-ins by entry point, loud errors."""

from __future__ import annotations

import numpy as np
import pytest

from game.ai.registry import RegistryError, StrategyRegistry
from game.core.strategies import Family


def test_builtin_families():
    assert StrategyRegistry().names() == ["boulware", "conceder", "hardliner", "reciprocator"]


def test_unknown_and_duplicate_names_are_rejected():
    registry = StrategyRegistry()
    with pytest.raises(RegistryError, match="unknown strategy family 'gambler'"):
        registry.create("gambler")

    class Again(Family):
        name = "boulware"

    with pytest.raises(RegistryError, match="already registered"):
        registry.register(Again)
    with pytest.raises(RegistryError, match="not a strategy Family"):
        registry.register(object)  # type: ignore[arg-type]


class Mirror(Family):
    """A plug-in family for the test: never moves."""

    name = "statue"

    def react(self, kinds, gain, tuning):
        return np.zeros(kinds.shape[0])


class FakeEntryPoint:
    def __init__(self, obj):
        self.obj = obj

    def load(self):
        return self.obj


def test_plugins_come_from_entry_points_and_play(spec_for, personalities):
    registry = StrategyRegistry.with_plugins([FakeEntryPoint(Mirror)])
    assert "statue" in registry.names()
    with pytest.raises(RegistryError):
        StrategyRegistry.with_plugins([FakeEntryPoint(Mirror), FakeEntryPoint(Mirror)])

    from game.content.compile import compile_game
    from game.core.game import Game
    from tests.conftest import REPO

    from game.content.loader import load_scenario

    statue = personalities["stonewaller"].model_copy(
        update={"id": "statue_man", "strategy": personalities["stonewaller"].strategy.model_copy(update={"family": "statue"})}
    )
    people = dict(personalities, statue_man=statue)
    scenario = load_scenario(REPO / "scenarios" / "vienna_1961.yaml")
    spec = compile_game(scenario, "usa", people, {"counterpart": "statue_man"}, registry=registry)
    game = Game.start(spec, 1)
    while not game.over:
        game.play(game.legal_actions()[0].id)
    assert game.ending()["ending"]
