"""Starting and loading a match: the argument resolution the window and the terminal share.

    request = PlayRequest(scenario="vienna_1961", side=None, seed=None, vs=parse_vs(["kennedy=hardliner"]),
                          difficulty=None, resume=None, undo=True)
    match = open_match(library, request)     # SetupError / SaveError: located, for exit 2

A match carries the source text of its scenario and of the personalities it was played
with (and their SHA-256), so a save resumes, replays and becomes a transcript even when the
scenario was played by path or has been edited since. A save names its scenario by id and
hash and embeds the copy: it never names a file on disk for us to open.

Loading a save rebuilds the game by replaying its moves from the seed (the game is
deterministic) and compares the result with the stored state: a damaged state or
transcript cannot reach the game, and a wrong one is refused, never accepted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from game.content.compile import SetupError, compile_game
from game.content.errors import ContentError
from game.content.library import Library
from game.core.difficulty import level
from game.content.loader import Document, scenario_from
from game.content.models import Personality, Scenario
from game.content.yamlsafe import parse, read_text
from game.core.game import Game, IllegalAction
from game.match import LogEntry, Match, Move, Timeline
from game.saves import SaveError, SaveFile, games_dir, pack_text, read_save

DEFAULT_SCENARIO = "vienna_1961"
MAX_SEED = 2**63 - 1


@dataclass(frozen=True)
class Source:
    id: str
    text: str

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def _packed(self) -> str:
        # Compressed once per match, not on every autosave (about 2 ms a text, three
        # texts a save: a visible hitch on the frame that plays a move).
        return pack_text(self.text)

    def to_json(self) -> dict:
        return {"id": self.id, "sha256": self.sha256, "zlib": self._packed}


@dataclass(frozen=True)
class Sources:
    """The texts a match was built from: its scenario and the personalities in play."""

    scenario: Source
    personalities: dict[str, Source]

    def scenario_json(self) -> dict:
        return self.scenario.to_json()

    def personalities_json(self) -> dict:
        return {pid: s.to_json() for pid, s in sorted(self.personalities.items())}


@dataclass(frozen=True)
class PlayRequest:
    """What `summit play` (or the window's command line) asked for."""

    scenario: str | None = None  # id or path to a YAML file
    side: str | None = None
    seed: int | None = None
    vs: dict[str, str] = field(default_factory=dict)
    difficulty: str | None = None
    resume: str | None = None  # None: a new game; "": the latest save; else a save's path
    undo: bool = True


def parse_vs(items: Sequence[str] | None) -> dict[str, str]:
    """`--vs COUNTERPART=PERSONALITY` (repeatable, or comma-separated)."""
    out = {}
    for item in items or []:
        for part in item.split(","):
            if "=" not in part:
                raise SetupError(f"--vs takes COUNTERPART=PERSONALITY, got {part!r}")
            key, value = (x.strip() for x in part.split("=", 1))
            out[key] = value
    return out


def check_seed(seed: int | None) -> int:
    if seed is None:
        return 1
    if not 0 <= seed <= MAX_SEED:
        raise SetupError(f"--seed must be from 0 to {MAX_SEED}, got {seed}")
    return seed


def open_match(library: Library, request: PlayRequest) -> Match:
    """A new match, or the resumed one the request names."""
    if request.resume is not None:
        from game.saves import latest_save

        path = Path(request.resume) if request.resume else latest_save()
        if path is None:
            raise SetupError("no saved game to resume; start one with: summit play --text")
        return load_match(library, path)
    return start_match(library, request.scenario or DEFAULT_SCENARIO, request.side, check_seed(request.seed),
                       request.vs, request.difficulty, request.undo)


# --------------------------------------------------------------------------- new matches


def find_scenario(library: Library, ref: str) -> Scenario:
    """A scenario by id, or by path to a YAML file."""
    return _find(library, ref)[0]


def _find(library: Library, ref: str) -> tuple[Scenario, Source]:
    if ref in library.scenarios:
        path, scenario = library.scenarios[ref]
        return scenario, Source(scenario.id, _text(path))
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") or _exists(path):
        text = read_text(path, str(path))
        scenario = _scenario_from_text(text, str(path), set(library.personalities))
        return scenario, Source(scenario.id, text)
    known = ", ".join(sorted(library.scenarios)) or "(none)"
    raise SetupError(f"no scenario {ref!r}; known: {known}")


def _exists(path: Path) -> bool:
    """Whether a path names something; a name the system cannot even look up (too long,
    a NUL byte) names nothing."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _text(path: Path) -> str:
    return read_text(Path(path), str(path))


def _scenario_from_text(text: str, filename: str, known: set[str] | None) -> Scenario:
    data, marks = parse(text, filename)
    return scenario_from(Document(filename, text, data, marks), known)


def start_match(library: Library, scenario_ref: str, side: str | None = None, seed: int = 1,
                vs: Mapping[str, str] | None = None, difficulty: str | None = None, undo: bool = True) -> Match:
    scenario, source = _find(library, scenario_ref)
    side = side or scenario.sides[0].id
    seed = check_seed(seed)
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    spec = _compile(scenario, side, personalities, dict(vs or {}), difficulty, seed)
    vs = dict(vs or {})
    if difficulty is not None and level(difficulty).pool and "counterpart" not in vs:
        vs["counterpart"] = spec.counterpart.id  # the drawn counterpart, kept in the save
    used = [m.id for m in (spec.counterpart, spec.ally) if m is not None]
    texts = {pid: Source(pid, _text(library.personalities[pid][0])) for pid in used if pid in library.personalities}
    sources = Sources(source, texts)
    game = Game.start(spec, seed)
    return Match(scenario, side, seed, dict(vs or {}), game, sources, _replayer(spec, seed),
                 difficulty=difficulty, undo_allowed=undo)


def _compile(scenario, side, personalities, vs, difficulty, seed: int | None = None):
    """The compiled game at this difficulty (a level that draws the counterpart per game
    draws it from the seed, so a resumed game meets the same one)."""
    if difficulty is None:
        return compile_game(scenario, side, personalities, vs)
    try:
        return compile_game(scenario, side, personalities, vs, difficulty=difficulty, seed=seed)
    except ValueError as e:
        raise SetupError(str(e)) from None


def _replayer(spec, seed: int):
    def replay(moves: Sequence[Move]) -> Game:
        game = Game.start(spec, seed)
        for m in moves:
            if m.terms is None:
                game.play(m.action)
            else:
                game.play(m.action, terms=m.terms)
        return game

    return replay


# --------------------------------------------------------------------------- loading


def load_match(library: Library, path: Path) -> Match:
    """The match saved at `path`, rebuilt by replay and checked; SaveError otherwise. A
    named save gets a new game id, so playing on never writes over it."""
    path = Path(path)
    save = read_save(path)
    try:
        return _rebuild(library, path, save)
    except (SetupError, ContentError) as e:
        raise SaveError(f"{path}: cannot resume: {_one_line(e)}") from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as e:
        raise SaveError(f"{path}: damaged save ({type(e).__name__}: {e})") from None


def _one_line(e: Exception) -> str:
    if isinstance(e, ContentError):
        return "; ".join(p.format() for p in e.problems[:3])
    return str(e)


def _rebuild(library: Library, path: Path, save: SaveFile) -> Match:
    sources = _sources_from(path, save)
    scenario = _scenario_from_text(sources.scenario.text, f"{path} (its copy of {save.scenario.id})", None)
    if scenario.id != save.scenario.id:
        raise SaveError(f"{path}: damaged save: scenario copy has id {scenario.id!r}, not {save.scenario.id!r}")
    personalities = {pid: _personality(path, s) for pid, s in sources.personalities.items()}
    spec = _compile(scenario, save.side, personalities, dict(save.vs), save.difficulty)
    replay = _replayer(spec, save.seed)
    timelines = [Timeline([Move(m.action, m.terms) for m in t.moves], t.parent, t.branched_at)
                 for t in save.timelines]
    for k, t in enumerate(timelines):
        if t.parent is not None and t.moves[: t.branched_at] != timelines[t.parent].moves[: t.branched_at]:
            raise SaveError(f"{path}: damaged save: timeline {k + 1} does not share its start with its parent")
        try:
            whole = replay(t.moves)
        except IllegalAction as e:
            raise SaveError(f"{path}: damaged save: timeline {k + 1}: a move is not legal when replayed ({e})") from None
        if len(whole.choices) != len(t.moves):
            raise SaveError(f"{path}: damaged save: timeline {k + 1} has moves after the summit ended")
    game = replay(timelines[save.current].moves[: save.position])
    _compare(path, save, game)
    autosaved = path.resolve().parent == games_dir().resolve() and save.kind == "autosave"
    match = Match(scenario, save.side, save.seed, dict(save.vs), game, sources, replay,
                  difficulty=save.difficulty, undo_allowed=save.undo,
                  game_id=save.game_id if autosaved else "", timelines_=timelines, current=save.current,
                  log=[LogEntry(e.kind, e.timeline, e.from_turn, e.to_turn) for e in save.log],
                  loaded_from=None if autosaved else path)
    match.notes = _changed_notes(library, sources)
    return match


def _sources_from(path: Path, save: SaveFile) -> Sources:
    def checked(s, what: str) -> Source:
        try:
            src = Source(s.id, s.text)
        except ValueError as e:
            raise SaveError(f"{path}: damaged save: the copy of {what} {s.id!r}: {e}") from None
        if src.sha256 != s.sha256:
            raise SaveError(f"{path}: damaged save: the copy of {what} {s.id!r} does not match its hash")
        return src

    pers = {}
    for pid, s in save.personalities.items():
        if pid != s.id:
            raise SaveError(f"{path}: damaged save: personality {pid!r} holds the copy of {s.id!r}")
        pers[pid] = checked(s, "personality")
    return Sources(checked(save.scenario, "scenario"), pers)


def _personality(path: Path, source: Source) -> Personality:
    # The model alone: a portrait named by the copy belongs to the original's folder, and
    # only the window looks for it (through the library).
    data, _ = parse(source.text, f"{path} (its copy of {source.id})")
    try:
        return Personality.model_validate(data)
    except ValidationError as e:
        raise SaveError(f"{path}: damaged save: its copy of personality {source.id!r} is not valid "
                        f"({e.error_count()} problem(s))") from None


def _compare(path: Path, save: SaveFile, game: Game) -> None:
    stored = json.loads(json.dumps(save.state))
    replayed = json.loads(json.dumps(game.state.to_json()))
    if stored != replayed:
        raise SaveError(f"{path}: damaged save: its stored state does not match its moves")
    end = game.ending()
    title = (end["title"] if isinstance(end, dict) else end.title) if end else None
    if save.choices != list(game.choices) or save.turn != game.turn or save.over != game.over or save.ending != title:
        raise SaveError(f"{path}: damaged save: its summary does not match its moves")


def _changed_notes(library: Library, sources: Sources) -> list[str]:
    notes = []
    sid = sources.scenario.id
    entries = [("scenario", sid, library.scenarios.get(sid), sources.scenario)]
    entries += [("personality", pid, library.personalities.get(pid), s) for pid, s in sources.personalities.items()]
    for what, ident, entry, src in entries:
        if entry is None:
            notes.append(f"The {what} {ident!r} is not among the installed ones (played from a file, or removed "
                         "since); this game goes on with the copy kept in its save.")
            continue
        try:
            now = Source(ident, _text(entry[0])).sha256
        except ContentError:
            now = None
        if now != src.sha256:
            notes.append(f"The {what} file {ident!r} has changed since this game was started; "
                         "this game goes on with the copy kept in its save.")
    return notes
