"""A match: a scenario, the side you lead, the personalities and a seed, bound to a
running Game, with saving and resuming. The terminal and the window both use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from game.content.compile import SetupError, compile_game
from game.content.errors import ContentError
from game.content.library import Library
from game.content.loader import load_scenario
from game.content.models import Scenario
from game.core.game import Game
from game.saves import SaveError, autosave_path, write_save


@dataclass
class Match:
    scenario: Scenario
    side: str
    seed: int
    vs: dict[str, str]
    game: Game
    save_path: Path = field(default_factory=autosave_path)

    @property
    def spec(self):
        return self.game.spec

    def side_model(self):
        return next(s for s in self.scenario.sides if s.id == self.side)

    def other_side_model(self):
        return next(s for s in self.scenario.sides if s.id != self.side)

    def to_json(self) -> dict:
        data = self.game.to_json()
        data.update({"seed": self.seed, "vs": dict(self.vs), "title": self.scenario.title})
        return data

    def save(self, path: Path | None = None) -> Path:
        return write_save(path or self.save_path, self.to_json())


def find_scenario(library: Library, ref: str) -> Scenario:
    """A scenario by id, or by path to a YAML file."""
    if ref in library.scenarios:
        return library.scenarios[ref][1]
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") or path.exists():
        known = set(library.personalities)
        return load_scenario(path, known_personalities=known)
    raise SetupError(f"no scenario {ref!r}; known: {', '.join(sorted(library.scenarios)) or '(none)'}")


def new_match(library: Library, scenario_ref: str, side: str | None = None, seed: int = 1,
              vs: Mapping[str, str] | None = None) -> Match:
    scenario = find_scenario(library, scenario_ref)
    side = side or scenario.sides[0].id
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    spec = compile_game(scenario, side, personalities, vs or {})
    return Match(scenario, side, seed, dict(vs or {}), Game.start(spec, seed))


def resume_match(library: Library, data: dict, path: Path) -> Match:
    try:
        scenario = find_scenario(library, data["scenario"])
        personalities = {pid: p for pid, (_, p) in library.personalities.items()}
        vs = dict(data.get("vs") or {})
        spec = compile_game(scenario, data["side"], personalities, vs)
        game = Game.from_json(spec, data)
    except (SetupError, ContentError) as e:
        raise SaveError(f"{path}: cannot resume: {e}") from None
    except (KeyError, TypeError, ValueError) as e:
        raise SaveError(f"{path}: damaged save ({type(e).__name__}: {e})") from None
    return Match(scenario, data["side"], int(data["seed"]), vs, game, path)
