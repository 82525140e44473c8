"""The registry of strategy families: the four built in, plus plug-ins.

A plug-in package declares an entry point in the group `summit.strategies`, whose object
is a `game.core.strategies.Family` subclass with a unique `name`. Unknown names and
duplicates are rejected loudly; nothing is discovered by guessing paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points

from game.core.strategies import BUILTIN_FAMILIES, Family

ENTRY_POINT_GROUP = "summit.strategies"


class RegistryError(ValueError):
    pass


class StrategyRegistry:
    def __init__(self, families: Mapping[str, type[Family]] = BUILTIN_FAMILIES):
        self._families: dict[str, type[Family]] = {}
        for cls in families.values():
            self.register(cls)

    def register(self, cls: type[Family]) -> None:
        if not (isinstance(cls, type) and issubclass(cls, Family)):
            raise RegistryError(f"{cls!r} is not a strategy Family")
        if cls.name in self._families:
            raise RegistryError(f"a strategy family named {cls.name!r} is already registered")
        self._families[cls.name] = cls

    def names(self) -> list[str]:
        return sorted(self._families)

    def create(self, name: str) -> Family:
        try:
            return self._families[name]()
        except KeyError:
            raise RegistryError(f"unknown strategy family {name!r}; known: {', '.join(self.names())}") from None

    @classmethod
    def with_plugins(cls, eps: Iterable | None = None) -> StrategyRegistry:
        registry = cls()
        for ep in entry_points(group=ENTRY_POINT_GROUP) if eps is None else eps:
            registry.register(ep.load())
        return registry
