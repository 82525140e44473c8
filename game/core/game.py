"""One game, for a person at the table: the small API every front end uses.

    game = Game.start(spec, seed)
    game.legal_actions() -> [ActionSpec]     game.play(action_id) -> turn record
    game.over, game.ending()                 game.to_json() / Game.from_json(spec, data)

It is a batch of one over the same rules as the simulator, plus the log of choices and
the transcript. `view()` is what your side may see: never the counterpart's hidden values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from game.core import rules
from game.core.spec import GameSpec
from game.core.state import BatchState, new_state
from game.core.transcript import describe_turn, ending_record, importance, opening_record

from game.core.version import SAVE_VERSION  # noqa: F401 - the format this module writes


class IllegalAction(ValueError):
    pass


def choice_text(action_id: str, terms: Mapping[str, str] | None = None) -> str:
    """A choice as saves, transcripts and `simulate --choices` write it:
    `propose_x`, or `compose:berlin=free_city+laos=neutral_ceasefire` with terms."""
    if not terms:
        return action_id
    return action_id + ":" + "+".join(f"{iid}={pid}" for iid, pid in terms.items())


def parse_choice(text: str) -> tuple[str, dict[str, str] | None]:
    """The inverse of `choice_text`; ValueError with the faulty part on bad input."""
    action_id, sep, rest = text.strip().partition(":")
    if not sep:
        return action_id, None
    terms: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in rest.split("+"))):
        iid, eq, pid = part.partition("=")
        if not eq or not iid.strip() or not pid.strip():
            raise ValueError(f"{text!r}: expected issue=position, got {part!r}")
        terms[iid.strip()] = pid.strip()
    return action_id, terms


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

    def legal_mask(self) -> np.ndarray:
        """[A] bool: which actions are open now. Computed once per turn: a front end may
        ask on every key press and every frame. The cache holds the state object itself
        and its turn; a move (or an undo, which puts another state in place) changes one."""
        cached = self.__dict__.get("_legal")
        if cached is None or cached[0] is not self.state or cached[1] != self.turn:
            cached = (self.state, self.turn, rules.legal_mask(self.spec, self.state)[0])
            self.__dict__["_legal"] = cached
        return cached[2]

    def legal_actions(self):
        return [a for a, ok in zip(self.spec.actions, self.legal_mask()) if ok]

    def play(self, action_id: str, terms: Mapping[str, str] | Sequence[int] | None = None) -> dict:
        """Take an open action. `terms` (issue id -> position id, open issues only; leave
        an issue out to keep it open) are your own terms: required by your own offer
        (`compose`), optional for a counter (without them it uses the default counter).
        A position index per issue (-1 = leave it out) is accepted too."""
        if terms is not None and not isinstance(terms, Mapping):
            terms = self.terms_map(terms)
        if self.over:
            raise IllegalAction("the summit is over")
        try:
            index = self.spec.action_index(action_id)
        except KeyError:
            raise IllegalAction(f"no action {action_id!r} in this scenario") from None
        if not self.legal_mask()[index]:
            raise IllegalAction(f"action {action_id!r} is not open now")
        given = self._terms_row(index, terms)
        outcome = rules.step(self.spec, self.state, np.array([index]), None if given is None else given[None, :])
        recent = [r["reply"]["text"] for r in self.transcript if "reply" in r]
        recent_ally = [r["ally"]["text"] for r in self.transcript if "ally" in r]
        record = describe_turn(self.spec, self.state, outcome, 0, recent, recent_ally)
        self.choices.append(choice_text(action_id, terms if given is not None else None))
        self.transcript.append(record)
        return record

    def play_choice(self, choice: str) -> dict:
        """Play a recorded choice string (`propose_x` or `compose:berlin=free_city+laos=neutral`)."""
        action_id, terms = parse_choice(choice)
        return self.play(action_id, terms)

    def preview_terms(self, action_id: str) -> dict[str, str]:
        """Exactly what the action would put on the table now (issue id -> position id);
        empty for your own offer, which has no terms until you compose them."""
        index = self.spec.action_index(action_id)
        terms = rules.proposed_terms(self.spec, self.state, np.array([index]))[0]
        return {self.spec.issue_ids[i]: self.spec.position_ids[i][int(p)] for i, p in enumerate(terms) if p >= 0}

    def terms_map(self, row: Sequence[int]) -> dict[str, str]:
        """A position index per issue (-1 = left out) -> issue id -> position id."""
        spec = self.spec
        if len(row) != spec.n_issues:
            raise IllegalAction(f"terms name {len(row)} issues; this scenario has {spec.n_issues}")
        out = {}
        for i, p in enumerate(row):
            p = int(p)
            if p >= 0:
                if p >= len(spec.position_ids[i]):
                    raise IllegalAction(f"no position {p} on {spec.issue_ids[i]!r}")
                out[spec.issue_ids[i]] = spec.position_ids[i][p]
        return out

    def terms_row(self, terms: Mapping[str, str]) -> tuple[int, ...]:
        """issue id -> position id  ->  a position index per issue (-1 = left out)."""
        try:
            return tuple(int(p) for p in self.spec.terms_row(terms))
        except ValueError as e:
            raise IllegalAction(str(e)) from None

    def _terms_row(self, index: int, terms: Mapping[str, str] | None) -> np.ndarray | None:
        spec, action = self.spec, self.spec.actions[index]
        composable = bool(spec.action_composable[index])
        if not terms:
            if composable and bool(spec.action_open_terms[index]):
                raise IllegalAction(f"{action.label!r} needs terms: a position on at least one open issue")
            return None
        if not composable:
            raise IllegalAction(f"{action.label!r} has fixed terms; only your own offer or a counter takes terms")
        row = np.array(self.terms_row(terms), dtype=np.int64)
        for i in np.nonzero(row >= 0)[0]:
            if self.state.agreed[0, i] >= 0:
                raise IllegalAction(f"{spec.issue_names[i]} is already agreed")
        return row

    def red_lines_crossed(self, action, terms: Mapping[str, str] | None = None) -> list[str]:
        """Issues on which a proposal, or accepting the standing offer, would cross your own
        red lines (you know your own, so front ends may warn)."""
        st, spec = self.state, self.spec
        if action.kind in ("propose", "counter") and terms is not None:
            terms = np.array([spec.position_ids[i].index(terms[iid]) if iid in terms else -1
                              for i, iid in enumerate(spec.issue_ids)])
        elif action.kind == "propose":
            terms = np.array(action.terms)
        elif action.kind == "counter":
            terms = rules.proposed_terms(spec, st, np.array([spec.action_index(action.id)]))[0]
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
            spec.action_index(parse_choice(choice)[0])  # KeyError if the scenario no longer has it
        return cls(spec, st, list(data["choices"]), list(data["transcript"]))
