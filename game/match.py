"""A match: the one service the front ends call. It binds a scenario (with its source
text), the side you lead, personalities, seed and difficulty to a running Game; it checks
legality once, plays, autosaves after every move, and keeps every timeline for undo,
rewind and branch comparison. Starting and loading live in `game.setup`.

API (the window and the terminal use only this):

    from game.setup import start_match, load_match, parse_vs, PlayRequest, open_match
    match = start_match(library, "vienna_1961", side="usa", seed=1, vs={"khrushchev": "hardliner"},
                        difficulty=None, undo=True)            # SetupError on bad input
    match = load_match(library, path)                          # SaveError: located, never a traceback
    match.notes -> list[str]        # e.g. "the scenario file has changed since this game was saved"

    match.game                      # the live Game (the same object for the whole match:
                                    # undo/rewind/switch replace its contents in place)
    match.legal_actions() -> [ActionSpec]
    match.play(action_id, terms=None) -> PlayResult            # IllegalAction if not open now
        PlayResult(record, session_ended: bool, game_over: bool,
                   saved: Path | None, save_error: str | None, branched: int | None)
        # autosaved (atomically) after every move; a failed write is in save_error and
        # play goes on (the previous save stays)

    match.undo_allowed: bool        # False for a graded run (--no-undo); recorded in the save
    match.can_undo: bool            # undo allowed and at least one move played
    match.turn -> int               # moves played on the current timeline
    match.undo() -> Rewound                                    # UndoRefused if not allowed / nothing to undo
    match.rewind(turn: int) -> Rewound                         # to the START of turn `turn` (1-based, as
                                                               # the log numbers turns): turns before it stay
        Rewound(timeline: int, from_turn: int, to_turn: int, saved, save_error)
    # Playing on after a rewind with a different move makes a branch: a new timeline
    # (the original is kept whole); the same move as the original simply goes forward.
    match.timelines -> list[TimelineInfo]
        TimelineInfo(index, label, parent, branched_at, turns, over, ending, current: bool)
    match.current_timeline -> int
    match.switch(index) -> Rewound                             # continue another timeline at its end
    match.compare(a, b) -> TimelineComparison
        TimelineComparison(a, b, diverged_at, meters: tuple[MeterSeries(ref, name, party, a, b)],
                           agreements: tuple[IssueOutcome(issue, a, b)],
                           ending_a: EndingSummary | None, ending_b: EndingSummary | None)
    match.log -> list[LogEntry(kind: "undo"|"rewind"|"branch"|"switch", timeline, from_turn, to_turn)]
    describe_log_entry(entry) -> str                           # its one wording (transcript, terminal)

    match.save_path -> Path         # this game's autosave (saves/games/<game_id>.json)
    match.autosave() -> (Path | None, str | None)              # (where, error): never raises
    match.save(path=None) -> Path                              # autosave now (or a manual save at path);
                                                               # SaveError on failure
    match.save_as(name) -> Path                                # a named slot; SaveError on failure,
                                                               # and for a slot holding another game
    match.loaded_from -> Path | None  # the slot it was loaded from (never written over)

    The typed values above live in game.match_records (re-exported here); the save
    file's model is game.savefile.SaveFile.

    game.saves: list_games(limit=5) / list_slots() -> [SaveEntry(path, kind, name, game_id,
                title, side, turn, over, ending, saved_at)]; latest_save(); clean_temp_files()
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from game.content.models import Scenario
from game.core.game import SAVE_VERSION, Game, IllegalAction, parse_choice
from game.match_records import (
    EndingSummary,
    IssueOutcome,
    LogEntry,
    MeterSeries,
    Move,
    PlayResult,
    Rewound,
    Timeline,
    TimelineComparison,
    TimelineInfo,
    UndoRefused,
    describe_log_entry,
)
from game.saves import SAVE_FORMAT, SaveError, autosave_path, read_save, slot_path, write_save


def new_game_id(scenario_id: str, side: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    return f"{scenario_id[:40]}-{side[:20]}-{stamp}-{secrets.token_hex(3)}".lower()


@dataclass
class Match:
    scenario: Scenario
    side: str
    seed: int
    vs: dict[str, str]
    game: Game
    sources: Any  # game.setup.Sources: the scenario's and personalities' texts and hashes
    replay: Any  # callable(moves) -> Game: a fresh game with these moves played (game.setup)
    difficulty: str | None = None
    undo_allowed: bool = True
    game_id: str = ""
    timelines_: list[Timeline] = field(default_factory=lambda: [Timeline([])])
    current: int = 0
    log: list[LogEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    loaded_from: Path | None = None
    autosave_to: Path | None = None

    def __post_init__(self) -> None:
        if not self.game_id:
            self.game_id = new_game_id(self.scenario.id, self.side)

    # ----------------------------------------------------------------- views
    @property
    def spec(self):
        return self.game.spec

    def side_model(self):
        return next(s for s in self.scenario.sides if s.id == self.side)

    def other_side_model(self):
        return next(s for s in self.scenario.sides if s.id != self.side)

    @property
    def turn(self) -> int:
        return len(self.game.choices)

    @property
    def moves(self) -> list[Move]:
        """The moves that made the current game (the current timeline up to now)."""
        return self.timelines_[self.current].moves[: self.turn]

    @property
    def current_timeline(self) -> int:
        return self.current

    @property
    def can_undo(self) -> bool:
        return self.undo_allowed and self.turn > 0

    @property
    def save_path(self) -> Path:
        """This game's autosave: saves/games/<game id>.json unless set (tests do)."""
        return self.autosave_to or autosave_path(self.game_id)

    @save_path.setter
    def save_path(self, path: Path) -> None:
        self.autosave_to = Path(path)

    def legal_actions(self):
        return self.game.legal_actions()

    # ----------------------------------------------------------------- playing
    def play(self, action_id: str, terms=None, *, autosave: bool = True) -> PlayResult:
        """Play one move (legality is checked once, by the Game), record it on the current
        timeline (a branch if it departs from moves already there) and autosave (unless
        `autosave=False`: the caller then calls `autosave()` itself, soon)."""
        self._sync()
        if isinstance(terms, Mapping):
            terms = self.game.terms_row(terms)  # IllegalAction on unknown ids
        move = Move(action_id, tuple(int(x) for x in terms) if terms is not None else None)
        session_before, turn_before = self.game.session_index, self.turn
        recorded = False
        try:
            record = _play_move(self.game, move)
            branched = self._record_move(move)
            recorded = True
        except IllegalAction:
            raise  # refused before anything changed
        except BaseException:  # Ctrl-C or SIGTERM mid-move: the game is as its timeline says
            if not recorded:
                self._replace_game(self.replay(self.timelines_[self.current].moves[:turn_before]))
            raise
        saved, error = self.autosave() if autosave else (None, None)
        return PlayResult(record, self.game.session_index != session_before or self.game.over,
                          self.game.over, saved, error, branched)

    def _sync(self) -> None:
        """Record moves played on `match.game` directly (front ends written before
        `Match.play`), so the timelines always hold the game's moves."""
        line = self.timelines_[self.current]
        for at, choice in enumerate(self.game.choices):
            action, terms = parse_choice(choice)  # composed offers are saved as text
            move = Move(action, self.game.terms_row(terms) if terms else None)
            if at >= len(line.moves) or line.moves[at] != move:
                self._record_move(move, at)
                line = self.timelines_[self.current]

    def _record_move(self, move: Move, at: int | None = None) -> int | None:
        at = self.turn - 1 if at is None else at
        line = self.timelines_[self.current]
        if at < len(line.moves):
            if line.moves[at] == move:
                return None  # the same move as before: forward along this timeline
            self.timelines_.append(Timeline(line.moves[:at] + [move], self.current, at))
            self.current = len(self.timelines_) - 1
            self.log.append(LogEntry("branch", self.current, at, at))
            return self.current
        line.moves.append(move)
        return None

    def _replace_game(self, fresh: Game) -> None:
        for f in dataclasses.fields(Game):  # in place: front ends may hold `match.game`
            setattr(self.game, f.name, getattr(fresh, f.name))

    # ----------------------------------------------------------------- time
    def undo(self) -> Rewound:
        self._sync()
        if not self.can_undo:
            raise UndoRefused("undo is off for this game" if not self.undo_allowed else "nothing to undo yet")
        return self._go(self.current, self.turn - 1, "undo")

    def rewind(self, turn: int) -> Rewound:
        """Back to the start of turn `turn` (1-based); the moves before it stay played."""
        self._sync()
        if not self.undo_allowed:
            raise UndoRefused("rewind is off for this game")
        if not isinstance(turn, int) or not 1 <= turn <= self.turn:
            raise UndoRefused(f"rewind to a turn from 1 to {self.turn}" if self.turn else "nothing to rewind yet")
        return self._go(self.current, turn - 1, "rewind")

    def switch(self, index: int) -> Rewound:
        """Continue timeline `index` from where it ends."""
        self._sync()
        if not self.undo_allowed:
            raise UndoRefused("timelines are off for this game")
        if not isinstance(index, int) or not 0 <= index < len(self.timelines_):
            raise UndoRefused(f"there is no timeline {index + 1 if isinstance(index, int) else index}")
        return self._go(index, len(self.timelines_[index].moves), "switch")

    def _go(self, timeline: int, to_turn: int, kind: str) -> Rewound:
        from_turn = self.turn
        self._replace_game(self.replay(self.timelines_[timeline].moves[:to_turn]))
        self.current = timeline
        self.log.append(LogEntry(kind, timeline, from_turn, to_turn))
        saved, error = self.autosave()
        return Rewound(timeline, from_turn, to_turn, saved, error)

    @property
    def timelines(self) -> list[TimelineInfo]:
        self._sync()
        out = []
        for k, t in enumerate(self.timelines_):
            over, ending = self._outcome(tuple(t.moves))
            label = "the first timeline" if t.parent is None else \
                f"branch of timeline {t.parent + 1} at turn {t.branched_at + 1}"
            out.append(TimelineInfo(k, label, t.parent, t.branched_at, len(t.moves), over, ending,
                                    k == self.current))
        return out

    def _outcome(self, moves: tuple[Move, ...]) -> tuple[bool, str | None]:
        """Whether these moves end the summit, and how; replayed once per distinct line
        (a front end may ask every frame)."""
        cache = self.__dict__.setdefault("_outcomes", {})
        if moves not in cache:
            g = self.replay(list(moves))
            end = g.ending()
            cache[moves] = (g.over, _field(end, "title") if end else None)
        return cache[moves]

    def compare(self, a: int, b: int) -> TimelineComparison:
        self._sync()
        n = len(self.timelines_)
        for k in (a, b):
            if not isinstance(k, int) or not 0 <= k < n:
                raise UndoRefused(f"there is no timeline {k + 1 if isinstance(k, int) else k}; there are {n}")
        ma, mb = self.timelines_[a].moves, self.timelines_[b].moves
        shared = next((k for k, (x, y) in enumerate(zip(ma, mb)) if x != y), min(len(ma), len(mb)))
        ga, gb = self.replay(ma), self.replay(mb)
        ha, hb = ga.meter_history(), gb.meter_history()
        meters = tuple(
            MeterSeries(m.ref, m.name, m.party, tuple(round(float(v), 2) for v in ha[:, k]),
                        tuple(round(float(v), 2) for v in hb[:, k]))
            for k, m in enumerate(self.spec.meters))
        va, vb = _field(ga.view(), "agenda"), _field(gb.view(), "agenda")
        agreements = tuple(IssueOutcome(_field(x, "name"), _field(x, "agreed"), _field(y, "agreed"))
                           for x, y in zip(va, vb))
        return TimelineComparison(a, b, shared, meters, agreements, _ending(ga), _ending(gb))

    # ----------------------------------------------------------------- saving
    def to_json(self, kind: str = "autosave", name: str | None = None) -> dict:
        self._sync()
        data = self.game.to_json()
        end = self.game.ending()
        data.update({
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "game_id": self.game_id,
            "kind": kind,
            "name": name,
            "title": self.scenario.title,
            "saved_at": time.time(),
            "scenario": self.sources.scenario_json(),
            "personalities": self.sources.personalities_json(),
            "side": self.side,
            "seed": self.seed,
            "vs": dict(self.vs),
            "difficulty": self.difficulty,
            "undo": self.undo_allowed,
            "timelines": [{"moves": [m.to_json() for m in t.moves], "parent": t.parent,
                           "branched_at": t.branched_at} for t in self.timelines_],
            "current": self.current,
            "position": self.turn,
            "log": [e.to_json() for e in self.log],
            "turn": self.turn,
            "over": self.game.over,
            "ending": _field(end, "title") if end else None,
        })
        for key in ("counterpart_personality", "ally_personality"):
            data.pop(key, None)
        return data

    def save(self, path: Path | None = None) -> Path:
        """Write this game's autosave now (or, given a path, a manual save there);
        SaveError if it cannot be written."""
        if path is not None:
            return write_save(Path(path), self.to_json("slot", Path(path).stem[:64]))
        return write_save(self.save_path, self.to_json())

    def autosave(self) -> tuple[Path | None, str | None]:
        try:
            return self.save(), None
        except SaveError as e:
            return None, str(e)

    def save_as(self, name: str) -> Path:
        """Save into the named slot `name`. A slot that holds a different game (the one
        this match was loaded from, say) is never written over."""
        path = slot_path(name)
        if path.exists():
            try:
                owner = read_save(path).game_id
            except SaveError:
                owner = None
            if owner != self.game_id or path == self.loaded_from:
                raise SaveError(f"{path}: a save named {name!r} already holds another game; choose another name")
        return write_save(path, self.to_json("slot", name))


# The names front ends used before game.setup existed; they call through to it.
def new_match(library, scenario_ref: str, side: str | None = None, seed: int = 1, vs=None) -> Match:
    from game.setup import start_match

    return start_match(library, scenario_ref, side, seed, vs)


def resume_match(library, data, path: Path) -> Match:
    """The match saved at `path` (`data`, already read, is read again and checked)."""
    from game.setup import load_match

    return load_match(library, path)


def find_scenario(library, ref: str) -> Scenario:
    from game.setup import find_scenario as find

    return find(library, ref)


def _play_move(game: Game, move: Move):
    if move.terms is None:
        return game.play(move.action)
    return game.play(move.action, terms=move.terms)


def _ending(game: Game) -> EndingSummary | None:
    end = game.ending()
    if not end:
        return None
    return EndingSummary(str(_field(end, "title")), str(_field(end, "rating")), game.turn)


def _field(record, name: str):
    """A field of a record, whether the core hands back a dict or a typed record."""
    return record[name] if isinstance(record, dict) else getattr(record, name)


__all__ = [
    "EndingSummary", "IllegalAction", "IssueOutcome", "LogEntry", "Match", "MeterSeries", "Move", "PlayResult",
    "Rewound", "TimelineComparison", "TimelineInfo", "UndoRefused", "describe_log_entry",
]
