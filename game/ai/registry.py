"""Plug-in discovery for strategy families.

The families and their registry live together in `game.core.strategies`; this module adds
only the discovery of plug-ins: a package declares an entry point in the group
`summit.strategies`, whose object is a `game.core.strategies.Family` subclass with a
unique `name`. Unknown names and duplicates are rejected loudly; nothing is discovered by
guessing paths.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points

from game.core import strategies
from game.core.strategies import BUILTIN_FAMILIES, Family, RegistryError

ENTRY_POINT_GROUP = "summit.strategies"


class StrategyRegistry(strategies.StrategyRegistry):
    @classmethod
    def with_plugins(cls, eps: Iterable | None = None) -> StrategyRegistry:
        """The built-in families plus the plug-ins of `eps` (entry points; by default the
        installed ones in the group `summit.strategies`)."""
        registry = cls()
        for ep in entry_points(group=ENTRY_POINT_GROUP) if eps is None else eps:
            registry.register(ep.load())
        return registry


__all__ = ["BUILTIN_FAMILIES", "ENTRY_POINT_GROUP", "Family", "RegistryError", "StrategyRegistry"]
