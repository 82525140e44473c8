"""Strategy families and their registry: how a counterpart's aspiration moves, and which
replies it favours.

A family is a `Family` subclass with a unique `name` and three hooks, all vectorised over
the batch (N games):
- `curve(mind) -> float`: the exponent of the time curve (below 1 concedes late, above 1
  early; the curve runs on turns of substance, see game.core.pressure);
- `react(kinds, gain, tuning) -> [N]`: how your move of kind code `kinds` [N] moves its
  aspiration, where `gain` [N] is how far your move raised the worth of your standing
  position to it above its walk-away value and the best you had offered (0 otherwise),
  and `tuning` the rules' numbers;
- `bonus(mind, kinds, tension) -> {reply kind: [N] extra score}`: extra scores for its
  candidate replies, with `tension` [N] on a 0-1 scale.

`StrategyRegistry` holds the families by name (the four built in, `BUILTIN_FAMILIES`);
unknown names and duplicates are rejected loudly. Discovering plug-ins through entry
points needs the installed packages' metadata, so it lives outside the core:
`game.ai.registry.StrategyRegistry.with_plugins()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

from game.core.spec import PK, Mind, kind_is


class Family:
    name = "base"

    def curve(self, mind: Mind) -> float:
        return mind.curve

    def react(self, kinds: np.ndarray, gain: np.ndarray, tuning: Mapping[str, float]) -> np.ndarray:
        return np.zeros(kinds.shape[0])

    def bonus(self, mind: Mind, kinds: np.ndarray, tension: np.ndarray) -> dict[str, np.ndarray]:
        return {}


def _is(kinds: np.ndarray, *names: str) -> np.ndarray:
    return kind_is(kinds, *names)


class Boulware(Family):
    """Concedes late and little; a concession from you is pocketed, not returned."""

    name = "boulware"

    def curve(self, mind: Mind) -> float:
        return min(mind.curve, 1.0)

    REJECT_BONUS = 0.5  # x patience: it turns offers down readily

    def react(self, kinds, gain, tuning):
        return np.where(_is(kinds, "concede"), tuning["boulware_pocket"], 0.0)

    def bonus(self, mind, kinds, tension):
        return {"reject": np.full(kinds.shape[0], self.REJECT_BONUS * mind.traits.patience)}


class Conceder(Family):
    """Concedes early; warmth and reassurance soften it further."""

    name = "conceder"

    def curve(self, mind: Mind) -> float:
        return max(mind.curve, 1.0)

    CONCESSION_BONUS, WARM_BONUS = 0.8, 0.5

    def react(self, kinds, gain, tuning):
        soft = _is(kinds, "rapport", "reassure", "appeal")
        return (np.where(soft, tuning["conceder_soft"], 0.0)
                - tuning["conceder_gain"] * gain * _is(kinds, "concede", "propose", "counter"))

    def bonus(self, mind, kinds, tension):
        n = kinds.shape[0]
        return {"concession": np.full(n, self.CONCESSION_BONUS), "warm": np.full(n, self.WARM_BONUS)}


class Reciprocator(Family):
    """Tit for tat: returns your concessions in kind and hardens when threatened."""

    name = "reciprocator"

    def curve(self, mind: Mind) -> float:
        return mind.curve

    # Reply bonuses in kind: a concession for yours, a threat for a warning, warmth for warmth.
    CONCESSION_BONUS, THREAT_BONUS, WARM_BONUS = 2.5, 1.5, 1.0

    def react(self, kinds, gain, tuning):
        move = -tuning["reciprocity"] * gain * _is(kinds, "concede", "propose", "counter")
        move += np.where(_is(kinds, "warn", "statement"), tuning["reciprocator_pressed"], 0.0)
        move += np.where(_is(kinds, "rapport", "reassure"), tuning["reciprocator_soft"], 0.0)
        return move

    def bonus(self, mind, kinds, tension):
        n = kinds.shape[0]
        return {
            "concession": np.where(_is(kinds, "concede"), self.CONCESSION_BONUS, 0.0),
            "threat": np.where(_is(kinds, "warn"), self.THREAT_BONUS, 0.0),
            "warm": np.where(_is(kinds, "rapport", "reassure", "appeal"), self.WARM_BONUS, np.zeros(n)),
        }


class Hardliner(Family):
    """Escalates when pressed and reads softness as weakness."""

    name = "hardliner"

    def curve(self, mind: Mind) -> float:
        return min(mind.curve, 1.0)

    THREAT_BONUS, THREAT_PRIDE, ULTIMATUM_BONUS, LECTURE_ZEAL = 2.0, 2.0, 1.0, 0.5

    def react(self, kinds, gain, tuning):
        push = tuning["hardliner_push"]
        return (np.where(_is(kinds, "warn", "statement"), push, 0.0)
                + np.where(_is(kinds, "concede"), tuning["hardliner_pocket"], 0.0))

    def bonus(self, mind, kinds, tension):
        pressed = _is(kinds, "warn", "statement")
        return {
            "threat": np.where(pressed, self.THREAT_BONUS + self.THREAT_PRIDE * mind.traits.pride, 0.0),
            "ultimatum": np.full(kinds.shape[0], self.ULTIMATUM_BONUS),
            "lecture": np.full(kinds.shape[0], self.LECTURE_ZEAL * mind.traits.zeal),
        }


BUILTIN_FAMILIES: Mapping[str, type[Family]] = MappingProxyType(
    {cls.name: cls for cls in (Boulware, Conceder, Reciprocator, Hardliner)}
)


class RegistryError(ValueError):
    pass


class StrategyRegistry:
    """Families by name: the built-in four, plus any registered (plug-ins)."""

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
