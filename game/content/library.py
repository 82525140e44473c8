"""All the content the game can offer: built-in scenarios and personalities, then mods.

A content folder (the built-in `scenarios/`, each folder under `mods_dir()`, each extra
folder given) holds scenarios as `*.yaml` and personalities as `personalities/*.yaml`.
Personalities load first, from every folder, so a mod's scenario may use a mod's
personality. A broken file is set aside in `Library.broken` with its problems and never
stops the rest loading; an id already taken (built-ins win, then earlier folders) is a
problem of the later file.

A mod folder is a boundary: a file in it that is a symbolic link is followed only when it
leads to a file inside the same content folder. One that leads outside (`summit list`
would otherwise show the first line of a system file as an error snippet), or that
cannot be followed at all (a loop), is set aside with a message.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.errors import ContentError, Problem, sorted_problems
from game.content.folders import (  # noqa: F401 - re-exported: where content is read from
    PERSONALITIES_FOLDER,
    YAML_SUFFIXES,
    builtin_personalities_dir,
    builtin_scenarios_dir,
    content_folders,
)
from game.content.loader import (
    Document,
    document_from_text,
    is_personality_data,
    personality_from,
    read_document,
    scenario_from,
    with_snippets,
)
from game.content.models import Personality, Scenario
from game.content import cache
from game.content.yamlsafe import locate, read_text
from game.core.kinds import BUILTIN_FAMILY_NAMES


@dataclass
class Library:
    scenarios: dict[str, tuple[Path, Scenario]] = field(default_factory=dict)
    personalities: dict[str, tuple[Path, Personality]] = field(default_factory=dict)
    broken: list[tuple[Path, ContentError]] = field(default_factory=list)


def load_library(extra_dirs: Sequence[Path | str] = (), include_mods: bool = True) -> Library:
    library = Library()
    folders = content_folders(extra_dirs, include_mods)
    for folder in folders:
        for path in _usable_files(library, folder / PERSONALITIES_FOLDER, folder):
            _add_personality(library, path)
    known = set(library.personalities)
    for folder in folders:
        for path in _usable_files(library, folder, folder):
            _add_scenario(library, path, known)
    return library


def _usable_files(library: Library, folder: Path, root: Path) -> list[Path]:
    """The YAML files in `folder` that may be read; the rest go to `library.broken`."""
    refused: list[Problem] = []
    files = yaml_files_in(folder, root, refused)
    library.broken += [(Path(problem.file), ContentError([problem])) for problem in refused]
    return files


def _add_personality(library: Library, path: Path) -> None:
    try:
        text = read_text(path, str(path))
        key = cache.entry_key(path, text, "personality") if _cacheable(path) else None
        cached = cache.load(key, Personality) if key else None
        if cached is not None and cached.id not in library.personalities and _cached_family_ok(cached):
            library.personalities[cached.id] = (path, cached)
            return
        document = document_from_text(str(path), text)
        if not is_personality_data(document.data, path):
            _refuse(document, "this folder holds personalities (with a 'strategy'); scenarios go one folder up")
        personality = personality_from(document)
        _refuse_taken_id(document, personality.id, "personality", library.personalities)
    except (ContentError, OSError) as error:
        library.broken.append((path, _as_content_error(path, error)))
        return
    library.personalities[personality.id] = (path, personality)
    if key and _cached_family_ok(personality):
        cache.store(key, personality)


def _add_scenario(library: Library, path: Path, known_personalities: set[str]) -> None:
    try:
        text = read_text(path, str(path))
        key = cache.entry_key(path, text, "scenario", known_personalities) if _cacheable(path) else None
        cached = cache.load(key, Scenario) if key else None
        if cached is not None and cached.id not in library.scenarios:
            library.scenarios[cached.id] = (path, cached)
            return
        document = document_from_text(str(path), text)
        if is_personality_data(document.data, path):
            _refuse(document, f"this looks like a personality; put it in the '{PERSONALITIES_FOLDER}' folder")
        scenario = scenario_from(document, known_personalities)
        _refuse_taken_id(document, scenario.id, "scenario", library.scenarios)
    except (ContentError, OSError) as error:
        library.broken.append((path, _as_content_error(path, error)))
        return
    library.scenarios[scenario.id] = (path, scenario)
    if key:
        cache.store(key, scenario)


def _cacheable(path: Path) -> bool:
    """Only regular files (not links, whose target may change under the same stat)."""
    return not path.is_symlink()


def _cached_family_ok(personality: Personality) -> bool:
    """A portrait (which must still exist) or a plug-in family (which must still be
    installed) is checked anew on every load, so such a personality is not cached."""
    return personality.portrait is None and personality.strategy.family in BUILTIN_FAMILY_NAMES


def _as_content_error(path: Path, error: Exception) -> ContentError:
    if isinstance(error, ContentError):
        return error
    reason = getattr(error, "strerror", None) or error
    return ContentError([Problem(str(path), 1, 1, "", f"cannot read the file: {reason}")])


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


def yaml_files_in(folder: Path, root: Path | None = None, refused: list[Problem] | None = None) -> list[Path]:
    """The YAML files directly in `folder` (none if it does not exist), sorted by name.
    A symbolic link that leads outside `root` (default: `folder`) or cannot be followed
    is left out, with a Problem added to `refused` when given."""
    try:
        if not folder.is_dir():
            return []
        entries = sorted(folder.iterdir())
    except OSError as error:
        if refused is not None:
            refused.append(Problem(str(folder), 1, 1, "", f"cannot read the folder: {error.strerror or error}"))
        return []
    files = []
    for path in entries:
        if path.suffix not in YAML_SUFFIXES:
            continue
        message = link_problem(path, root if root is not None else folder)
        if message is not None:
            if refused is not None:
                refused.append(Problem(str(path), 1, 1, "", message))
            continue
        if path.is_file():
            files.append(path)
    return files


def link_problem(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as part of the content folder `root`, or None: it is
    a link that cannot be followed, or it leads outside `root`."""
    try:
        target = path.resolve(strict=True)
        base = root.resolve(strict=True)
    except FileNotFoundError:
        return "a symbolic link to a file that does not exist" if path.is_symlink() else None
    except (OSError, RuntimeError) as error:  # ELOOP, or RuntimeError for a loop before 3.13
        reason = getattr(error, "strerror", None) or "it points at itself"
        return f"a symbolic link that cannot be followed ({reason})"
    if target != base and base not in target.parents:
        return "a symbolic link that leads outside its content folder; copy the file into the folder instead"
    return None


# --------------------------------------------------------------------------- validation


def validate_paths(paths: Sequence[Path | str]) -> list[Problem]:
    """Every problem in the given files, and in the YAML files under the given folders,
    followed by warnings (`Problem.is_warning`) about files that load but probably do not
    do what their author meant. Scenarios may name built-in and installed personalities
    and personalities among the given files. An id that another file the game loads
    already uses is a problem, said the way the game will treat it: a built-in wins; of
    two mods, the one in the folder first by name."""
    problems: list[Problem] = []
    documents: list[Document] = []
    for path in _expand(paths, problems):
        try:
            documents.append(read_document(path))
        except ContentError as error:
            problems += error.problems

    given = {Path(d.filename).resolve() for d in documents}
    installed_personalities = _installed_ids(PERSONALITIES_FOLDER, given)
    installed_scenarios = _installed_ids(None, given)
    personality_docs = [d for d in documents if is_personality_data(d.data, d.filename)]
    scenario_docs = [d for d in documents if not is_personality_data(d.data, d.filename)]

    given_personalities: dict[str, Path] = {}
    for document in personality_docs:
        problems += _validate_one(document, "personality", installed_personalities, given_personalities, None)
    known = set(installed_personalities) | set(given_personalities)
    given_scenarios: dict[str, Path] = {}
    for document in scenario_docs:
        problems += _validate_one(document, "scenario", installed_scenarios, given_scenarios, known)
    return problems


def _validate_one(
    document: Document,
    what: str,
    installed_ids: dict[str, tuple[int, Path]],
    given_ids: dict[str, Path],
    known_personalities: set[str] | None,
) -> list[Problem]:
    from game.content.lint import personality_warnings, scenario_warnings

    try:
        if what == "personality":
            model: Any = personality_from(document)
            warnings = personality_warnings(model, document.marks, document.filename)
        else:
            model = scenario_from(document, known_personalities)
            warnings = scenario_warnings(model, document.marks, document.filename)
    except ContentError as error:
        return error.problems
    content_id = model.id
    path = Path(document.filename)
    clash = _clash(document, content_id, what, installed_ids, given_ids.get(content_id))
    given_ids.setdefault(content_id, path)
    return with_snippets(sorted_problems(warnings + clash), document.text)


def _clash(
    document: Document,
    content_id: str,
    what: str,
    installed_ids: dict[str, tuple[int, Path]],
    given_owner: Path | None,
) -> list[Problem]:
    """The problem (or warning) of `document` using an id another file already uses."""
    path = Path(document.filename)
    if given_owner is not None and given_owner.resolve() != path.resolve():
        return [_taken_id_problem(document, content_id, what, given_owner)]
    if content_id not in installed_ids:
        return []
    rank, owner = installed_ids[content_id]
    my_rank = _folder_rank(path)
    if rank == 0 and my_rank is None and _same_file(path, owner):
        return []  # the repository's copy of a built-in file, validated before installing
    if rank == 0 or my_rank is None or my_rank > rank:
        return [_taken_id_problem(document, content_id, what, owner)]
    line, col = locate(document.marks, ("id",))
    message = (
        f"{what} id '{content_id}' is also used by {owner}; the game loads this file and skips that one "
        "(content folders load in order, mods by folder name)"
    )
    return [Problem(document.filename, line, col, "id", message, severity="warning")]


def _same_file(path: Path, owner: Path) -> bool:
    """Whether `path` (outside every content folder) is another copy of the built-in file
    `owner`, as in a clone of the repository beside an installed game: the same name in
    the same kind of folder. The copy may be edited; it replaces the built-in when
    installed, so it is not a clash."""
    same_kind = (path.parent.name == PERSONALITIES_FOLDER) == (owner.parent.name == PERSONALITIES_FOLDER)
    return path.name == owner.name and same_kind


def _folder_rank(path: Path) -> int | None:
    """The position of the content folder holding `path` in load order, or None when
    it is in none of them (a draft being written elsewhere)."""
    target = path.resolve()
    for rank, folder in enumerate(content_folders()):
        base = folder.resolve()
        if base in target.parents:
            return rank
    return None


def _installed_ids(subfolder: str | None, skip: set[Path]) -> dict[str, tuple[int, Path]]:
    """The ids the game would load from its content folders (rank 0: built-ins, then mods
    in load order), read without validating them, leaving out the files in `skip`."""
    ids: dict[str, tuple[int, Path]] = {}
    for rank, folder in enumerate(content_folders()):
        files = yaml_files_in(folder / subfolder if subfolder else folder, folder)
        for path in files:
            if path.resolve() in skip:
                continue
            for content_id in _ids_in([path]):
                ids.setdefault(content_id, (rank, path))
    return ids


def _expand(paths: Sequence[Path], problems: list[Problem]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in map(Path, paths):
        try:
            if path.is_dir():
                found = sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES)
                for file in list(found):
                    message = link_problem(file, path)
                    if message is not None:
                        problems.append(Problem(str(file), 1, 1, "", message))
                        found.remove(file)
                found = [p for p in found if p.is_file()]
            elif path.exists() or path.is_symlink():
                found = [path]
            else:
                problems.append(Problem(str(path), 1, 1, "", "no such file or folder"))
                continue
        except (OSError, RuntimeError) as error:
            problems.append(Problem(str(path), 1, 1, "", f"cannot read: {getattr(error, 'strerror', None) or error}"))
            continue
        for file in found:
            key = _resolved(file)
            if key not in seen:
                seen.add(key)
                yield file


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _ids_in(files: list[Path]) -> dict[str, Path]:
    """The ids the files declare, read without validating them (their own problems are
    reported when they themselves are validated)."""
    ids: dict[str, Path] = {}
    for path in files:
        content_id = _id_in(path)
        if content_id is not None:
            ids.setdefault(content_id, path)
    return ids


def _id_in(path: Path) -> str | None:
    """The id `path` declares (kept in the content cache, keyed by the file's text, since
    finding it means parsing the whole file), or None."""
    try:
        text = read_text(path, str(path))
        key = cache.entry_key(path, text, "id") if _cacheable(path) else None
    except (ContentError, OSError):
        return None
    found = cache.load_text(key) if key else None
    if found is not None:
        return found or None  # "" is kept for a file that declares no id
    try:
        data = document_from_text(str(path), text).data
    except ContentError:
        return None
    content_id = data["id"] if isinstance(data, dict) and isinstance(data.get("id"), str) else ""
    if key:
        cache.store_text(key, content_id)
    return content_id or None
