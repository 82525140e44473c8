"""One game, for a person at the table: the small API every front end uses.

    game = Game.start(spec, seed)
    game.legal_actions() -> [ActionSpec]     game.play(action_id) -> turn record
    game.over, game.ending()                 game.to_json() / Game.from_json(spec, data)

It is a batch of one over the same rules as the simulator, plus the log of choices and
the transcript. `view()` is what your side may see: never the counterpart's hidden values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.core import rules
from game.core.spec import GameSpec
from game.core.state import BatchState, new_state
from game.core.transcript import describe_turn, ending_record, importance, opening_record

SAVE_VERSION = 2  # 2: moves with terms, timelines, embedded scenario and personalities (game.saves)


class IllegalAction(ValueError):
    pass


@dataclass
class Game:
    spec: GameSpec
    state: BatchState
    choices: list[str] = field(default_factory=list)
    transcript: list[dict] = field(default_factory=list)

    @classmethod
    def start(cls, spec: GameSpec, seed: int, game_index: int = 0) -> Game:
        st = new_state(spec, seed, np.array([game_index]))
        fired, _ = rules.open_summit(spec, st)
        return cls(spec, st, [], [opening_record(spec, st, fired, 0)])

    # ----------------------------------------------------------------- playing
    @property
    def over(self) -> bool:
        return bool(self.state.over[0])

    @property
    def turn(self) -> int:
        return int(self.state.turn[0])

    @property
    def session_index(self) -> int:
        return int(self.spec.session_of_turn[min(self.turn, self.spec.total_turns)])

    def legal_actions(self):
        mask = rules.legal_mask(self.spec, self.state)[0]
        return [a for a, ok in zip(self.spec.actions, mask) if ok]

    def play(self, action_id: str) -> dict:
        if self.over:
            raise IllegalAction("the summit is over")
        try:
            index = self.spec.action_index(action_id)
        except KeyError:
            raise IllegalAction(f"no action {action_id!r} in this scenario") from None
        if not rules.legal_mask(self.spec, self.state)[0, index]:
            raise IllegalAction(f"action {action_id!r} is not open now")
        outcome = rules.step(self.spec, self.state, np.array([index]))
        recent = [r["reply"]["text"] for r in self.transcript if "reply" in r]
        recent_ally = [r["ally"]["text"] for r in self.transcript if "ally" in r]
        record = describe_turn(self.spec, self.state, outcome, 0, recent, recent_ally)
        self.choices.append(action_id)
        self.transcript.append(record)
        return record

    def red_lines_crossed(self, action) -> list[str]:
        """Issues on which a proposal, or accepting the standing offer, would cross your own
        red lines (you know your own, so front ends may warn)."""
        st, spec = self.state, self.spec
        if action.kind == "propose":
            terms = np.array(action.terms)
        elif action.kind == "accept":
            terms = np.where(st.agreed[0] < 0, st.ai_offer[0], -1)
        else:
            return []
        return [spec.issue_names[i] for i, p in enumerate(terms) if p >= 0 and spec.player_red[i, p]]

    def ending(self) -> dict | None:
        return ending_record(self.spec, self.state, 0) if self.over else None

    # ----------------------------------------------------------------- what you see
    def meters(self) -> list[dict]:
        values = self.state.meters()[0]
        return [
            {"meter": m.ref, "name": m.name, "party": m.party, "value": round(float(values[k]), 1), "band": m.band(float(values[k]))}
            for k, m in enumerate(self.spec.meters)
        ]

    def meter_history(self) -> np.ndarray:
        """[turns played + 1, K]: every meter after each turn, for charts."""
        return self.state.history[0, : self.turn + 1].copy()

    def view(self) -> dict:
        """Your side's view: agenda status, offers, what probes told you; no hidden values."""
        st, spec = self.state, self.spec
        agenda = []
        for i, iid in enumerate(spec.issue_ids):
            agreed, offer, mine = int(st.agreed[0, i]), int(st.ai_offer[0, i]), int(st.player_pos[0, i])
            agenda.append({
                "issue": iid,
                "name": spec.issue_names[i],
                "agreed": spec.position_labels[i][agreed] if agreed >= 0 else None,
                "their_offer": spec.position_labels[i][offer] if offer >= 0 else None,
                "your_position": spec.position_labels[i][mine],
                "probed": bool(st.probed[0, i]),
                "their_interest": f"{importance(float(st.estimate[0, i]))} to them" if st.probed[0, i] else None,
                "their_need": spec.ai_notes[i] if st.probed[0, i] else None,
            })
        sess = spec.sessions[min(self.session_index, len(spec.sessions) - 1)]
        return {
            "scenario": spec.scenario_id,
            "you": spec.player_leader,
            "counterpart": spec.ai_leader,
            "ally": spec.ally_name,
            "session": {"id": sess.id, "name": sess.name, "when": sess.when, "place": sess.place,
                        "number": self.session_index + 1, "of": len(spec.sessions)},
            "turn": self.turn,
            "turns": spec.total_turns,
            "meters": self.meters(),
            "agenda": agenda,
            "over": self.over,
        }

    # ----------------------------------------------------------------- saving
    def to_json(self) -> dict:
        return {
            "version": SAVE_VERSION,
            "scenario": self.spec.scenario_id,
            "side": self.spec.player_side,
            "counterpart_personality": self.spec.counterpart.id,
            "ally_personality": self.spec.ally.id if self.spec.ally else None,
            "choices": list(self.choices),
            "transcript": self.transcript,
            "state": self.state.to_json(),
        }

    @classmethod
    def from_json(cls, spec: GameSpec, data: dict) -> Game:
        st = BatchState.from_json(data["state"])
        expected = {
            "agreed": (1, spec.n_issues),
            "base": (1, len(spec.meters)),
            "fired": (1, len(spec.events)),
            "history": (1, spec.total_turns + 1, len(spec.meters)),
        }
        for name, shape in expected.items():
            if getattr(st, name).shape != shape:
                raise ValueError(f"state.{name} has shape {getattr(st, name).shape}, this scenario needs {shape}")
        for choice in data["choices"]:
            spec.action_index(choice)  # KeyError if the scenario no longer has it
        return cls(spec, st, list(data["choices"]), list(data["transcript"]))
