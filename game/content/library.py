"""All the content the game can offer: built-in scenarios and personalities, then mods.

A content folder (the built-in `scenarios/`, each folder under `mods_dir()`, each extra
folder given) holds scenarios as `*.yaml` and personalities as `personalities/*.yaml`.
Personalities load first, from every folder, so a mod's scenario may use a mod's
personality. A broken file is set aside in `Library.broken` with its problems and never
stops the rest loading; an id already taken (built-ins win, then earlier folders) is a
problem of the later file.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.errors import ContentError, Problem
from game.content.loader import (
    PERSONALITIES_FOLDER,
    Document,
    is_personality_data,
    personality_from,
    read_document,
    scenario_from,
    with_snippets,
)
from game.content.models import Personality, Scenario
from game.content.yamlsafe import locate
from game.paths import mods_dir

YAML_SUFFIXES = (".yaml", ".yml")


def builtin_scenarios_dir() -> Path:
    """The shipped scenarios: the installed package `game._scenarios` when there is one
    (pyproject maps `scenarios/` to it), else `scenarios/` beside the `game` package."""
    if importlib.util.find_spec("game._scenarios") is not None:
        root = importlib.resources.files("game._scenarios")
        if isinstance(root, Path):
            return root
    return Path(__file__).resolve().parent.parent.parent / "scenarios"


def builtin_personalities_dir() -> Path:
    return builtin_scenarios_dir() / PERSONALITIES_FOLDER


@dataclass
class Library:
    scenarios: dict[str, tuple[Path, Scenario]] = field(default_factory=dict)
    personalities: dict[str, tuple[Path, Personality]] = field(default_factory=dict)
    broken: list[tuple[Path, ContentError]] = field(default_factory=list)


def content_folders(extra_dirs: Sequence[Path | str] = (), include_mods: bool = True) -> list[Path]:
    """The folders content loads from, in priority order: built-ins, extras, then mods
    (each folder under `mods_dir()`, by name)."""
    folders = [builtin_scenarios_dir(), *map(Path, extra_dirs)]
    if include_mods and mods_dir().is_dir():
        folders += sorted(path for path in mods_dir().iterdir() if path.is_dir())
    unique: dict[Path, Path] = {}
    for folder in folders:
        unique.setdefault(folder.resolve(), folder)
    return list(unique.values())


def load_library(extra_dirs: Sequence[Path | str] = (), include_mods: bool = True) -> Library:
    library = Library()
    folders = content_folders(extra_dirs, include_mods)
    for folder in folders:
        for path in yaml_files_in(folder / PERSONALITIES_FOLDER):
            _add_personality(library, path)
    known = set(library.personalities)
    for folder in folders:
        for path in yaml_files_in(folder):
            _add_scenario(library, path, known)
    return library


def _add_personality(library: Library, path: Path) -> None:
    try:
        document = read_document(path)
        if not is_personality_data(document.data, path):
            _refuse(document, "this folder holds personalities (with a 'strategy'); scenarios go one folder up")
        personality = personality_from(document)
        _refuse_taken_id(document, personality.id, "personality", library.personalities)
    except ContentError as error:
        library.broken.append((path, error))
        return
    library.personalities[personality.id] = (path, personality)


def _add_scenario(library: Library, path: Path, known_personalities: set[str]) -> None:
    try:
        document = read_document(path)
        if is_personality_data(document.data, path):
            _refuse(document, f"this looks like a personality; put it in the '{PERSONALITIES_FOLDER}' folder")
        scenario = scenario_from(document, known_personalities)
        _refuse_taken_id(document, scenario.id, "scenario", library.scenarios)
    except ContentError as error:
        library.broken.append((path, error))
        return
    library.scenarios[scenario.id] = (path, scenario)


def _refuse(document: Document, message: str) -> None:
    raise ContentError(with_snippets([Problem(document.filename, 1, 1, "", message)], document.text))


def _refuse_taken_id(document: Document, new_id: str, what: str, taken: dict[str, tuple[Path, Any]]) -> None:
    if new_id in taken:
        problem = _taken_id_problem(document, new_id, what, taken[new_id][0])
        raise ContentError(with_snippets([problem], document.text))


def _taken_id_problem(document: Document, new_id: str, what: str, owner: Path) -> Problem:
    line, col = locate(document.marks, ("id",))
    message = f"{what} id '{new_id}' is already used by {owner}; choose another id"
    return Problem(document.filename, line, col, "id", message)


def yaml_files_in(folder: Path) -> list[Path]:
    """The YAML files directly in `folder` (none if it does not exist), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and path.suffix in YAML_SUFFIXES)


# --------------------------------------------------------------------------- validation


def validate_paths(paths: Sequence[Path | str]) -> list[Problem]:
    """Every problem in the given files, and in the YAML files under the given folders.
    Scenarios may name built-in personalities and personalities among the given files;
    an id that a built-in file or another given file already uses is a problem."""
    problems: list[Problem] = []
    documents: list[Document] = []
    for path in _expand(paths, problems):
        try:
            documents.append(read_document(path))
        except ContentError as error:
            problems += error.problems

    builtin_personalities = _ids_in(yaml_files_in(builtin_personalities_dir()))
    builtin_scenarios = _ids_in(yaml_files_in(builtin_scenarios_dir()))
    personality_docs = [d for d in documents if is_personality_data(d.data, d.filename)]
    scenario_docs = [d for d in documents if not is_personality_data(d.data, d.filename)]

    given_personalities: dict[str, Path] = {}
    for document in personality_docs:
        problems += _validate_one(document, "personality", builtin_personalities, given_personalities, None)
    known = set(builtin_personalities) | set(given_personalities)
    given_scenarios: dict[str, Path] = {}
    for document in scenario_docs:
        problems += _validate_one(document, "scenario", builtin_scenarios, given_scenarios, known)
    return problems


def _validate_one(
    document: Document,
    what: str,
    builtin_ids: dict[str, Path],
    given_ids: dict[str, Path],
    known_personalities: set[str] | None,
) -> list[Problem]:
    try:
        if what == "personality":
            content_id = personality_from(document).id
        else:
            content_id = scenario_from(document, known_personalities).id
    except ContentError as error:
        return error.problems
    path = Path(document.filename)
    owner = given_ids.get(content_id) or builtin_ids.get(content_id)
    if owner is not None and owner.resolve() != path.resolve():
        return with_snippets([_taken_id_problem(document, content_id, what, owner)], document.text)
    given_ids[content_id] = path
    return []


def _expand(paths: Sequence[Path], problems: list[Problem]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in YAML_SUFFIXES)
        elif path.exists():
            found = [path]
        else:
            problems.append(Problem(str(path), 1, 1, "", "no such file or folder"))
            continue
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file


def _ids_in(files: list[Path]) -> dict[str, Path]:
    """The ids the files declare, read without validating them (their own problems are
    reported when they themselves are validated)."""
    ids: dict[str, Path] = {}
    for path in files:
        try:
            data = read_document(path).data
        except ContentError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.setdefault(data["id"], path)
    return ids
