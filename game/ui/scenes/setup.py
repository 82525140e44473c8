"""Set up a match: the side you lead, the difficulty, the seed (shown and editable), a
graded run without undo and, for the fun of "what if", which personality sits in the
counterpart's chair (and your ally's)."""

from __future__ import annotations

import random

import pygame

from game.content.compile import SetupError, counterpart_keys
from game.content.errors import ContentError
from game.core.difficulty import DEFAULT, LEVELS
from game.setup import start_match
from game.ui.layout import page
from game.ui.scene import Pop, Push, Scene
from game.ui.widgets import Button, Choice, DigitsInput, Rule, Widget


class SetupScene(Scene):
    title = "Setup"

    def __init__(
        self, ctx, scenario_id: str, side: str | None = None, seed: int | None = None, vs: dict[str, str] | None = None
    ):
        super().__init__(ctx)
        self.scenario_id = scenario_id
        self.scenario = ctx.library.scenarios[scenario_id][1]
        self.theme = self.scenario.theme
        ids = [s.id for s in self.scenario.sides]
        self.side_index = ids.index(side) if side in ids else 0
        self.seed_text = str(1 if seed is None else seed)
        self.level_index = [lv.name for lv in LEVELS].index(DEFAULT)
        self.undo = True  # a teacher turns it off for a graded run
        self.personality_ids = sorted(ctx.library.personalities)
        self.overrides: dict[str, str] = {}  # "counterpart" / "ally" -> personality id
        for key, pid in (vs or {}).items():
            role = counterpart_keys(self.scenario, self.side.id).get(key)
            if role and pid in ctx.library.personalities:
                self.overrides[role] = pid

    @property
    def side(self):
        return self.scenario.sides[self.side_index]

    @property
    def other(self):
        return self.scenario.sides[1 - self.side_index]

    def _default(self, role: str) -> str | None:
        if role == "counterpart":
            return self.other.personality
        return self.side.ally.personality if self.side.ally else None

    def chosen(self, role: str) -> str | None:
        return self.overrides.get(role, self._default(role))

    def _personality_label(self, pid: str) -> str:
        entry = self.ctx.library.personalities.get(pid)
        if entry is None:
            return pid
        p = entry[1]
        kind = "historical" if p.historical else "archetype"
        return f"{p.name} ({kind}, {p.strategy.family})"

    def _description(self, pid: str | None) -> str:
        entry = self.ctx.library.personalities.get(pid or "")
        return " ".join(entry[1].description.split()) if entry else ""

    def build(self, rect: pygame.Rect) -> list[Widget]:
        sc = self.scenario
        sides = [f"{s.leader}, {s.title} ({s.name})" for s in sc.sides]
        level = LEVELS[self.level_index]
        body: list[Widget] = [
            Choice("You lead", sides, self.side_index, self.set_side, key="setup:side"),
            Choice("Difficulty", [lv.title for lv in LEVELS], self.level_index, self.set_level,
                   key="setup:difficulty", note=level.description),
            Rule(),
        ]
        counterpart = self.chosen("counterpart")
        body.append(
            Choice(
                f"Across the table: {self.other.leader}, played by the mind of",
                [self._personality_label(p) for p in self.personality_ids],
                self.personality_ids.index(counterpart) if counterpart in self.personality_ids else 0,
                lambda i: self.set_personality("counterpart", i),
                key="setup:counterpart",
                note=self._description(counterpart),
            )
        )
        if self.side.ally is not None:
            ally = self.chosen("ally")
            body.append(
                Choice(
                    f"Your ally: {self.side.ally.leader} ({self.side.ally.name}), played by",
                    [self._personality_label(p) for p in self.personality_ids],
                    self.personality_ids.index(ally) if ally in self.personality_ids else 0,
                    lambda i: self.set_personality("ally", i),
                    key="setup:ally",
                    note=self._description(ally),
                )
            )
        body += [
            Rule(),
            DigitsInput(
                "Seed: the same seed and the same choices replay the same summit",
                self.seed_text,
                self.set_seed,
                key="setup:seed",
            ),
            Button("New random seed", self.random_seed, key="setup:reseed"),
            Choice("Undo and rewind", ["Allowed", "Off: a graded run (recorded in the save)"], 0 if self.undo else 1,
                   self.set_undo, key="setup:undo"),
        ]
        footer = [
            Button("Back", lambda: self.send(Pop()), key="setup:back", hint="Esc"),
            Button("Read the briefing", self.start, key="setup:start", primary=True),
        ]
        return page(
            self.ctx,
            rect,
            title=sc.title,
            subtitle=f"{sc.place} - {sc.dates}",
            body=body,
            footer=footer,
            body_key="setup:body",
            scroll=self.scroll_state,
            max_width_em=52,
        )

    def set_side(self, index: int) -> None:
        self.side_index = index
        self.overrides.clear()  # the chairs changed: start from the historical minds
        self.changed()

    def set_personality(self, role: str, index: int) -> None:
        pid = self.personality_ids[index]
        if pid == self._default(role):
            self.overrides.pop(role, None)
        else:
            self.overrides[role] = pid
        self.changed()

    def set_level(self, index: int) -> None:
        self.level_index = index
        self.changed()

    def set_undo(self, index: int) -> None:
        self.undo = index == 0
        self.changed()

    def set_seed(self, text: str) -> None:
        self.seed_text = text

    def random_seed(self) -> None:
        # The seed is shown, so a random one is only a starting point, not hidden state.
        self.seed_text = str(random.SystemRandom().randrange(1, 1_000_000))
        self.changed()

    @property
    def seed(self) -> int:
        return int(self.seed_text) if self.seed_text.isdigit() else 1

    def start(self) -> None:
        try:
            match = start_match(self.ctx.library, self.scenario_id, self.side.id, self.seed, dict(self.overrides),
                                difficulty=LEVELS[self.level_index].name, undo=self.undo)
        except (SetupError, ContentError, ValueError) as error:
            from game.ui.scenes.notice import NoticeScene

            self.send(Push(NoticeScene(self.ctx, "This match cannot start", str(error), button="Close")))
            return
        from game.ui.scenes.briefing import BriefingScene

        # On top of this scene, so Back from the briefing returns here to change the setup.
        self.send(Push(BriefingScene(self.ctx, match)))

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "setup:start"), chain[0])
