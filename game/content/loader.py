"""Load one scenario or personality file into its validated model, or say everything that
is wrong with it at once (ContentError), each problem at file:line:col.

Three steps, each reporting all it finds: YAML -> plain data with marks (`yamlsafe`),
plain data -> model (pydantic; its errors are translated into located Problems here),
model -> cross-reference checks (`references`, scenarios only, and only once the shape
is right, since references are meaningless in a malformed file).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from game.content.assets import IMAGE_SUFFIXES, asset_problem
from game.content.errors import ContentError, Problem, sorted_problems
from game.content import checks
from game.content.folders import PERSONALITIES_FOLDER
from game.content.models import Personality, Scenario
from game.content.references import check_scenario
from game.core.kinds import BUILTIN_FAMILY_NAMES
from game.content.yamlsafe import FieldPath, Marks, dotted, locate, locate_key, parse, read_text

# Keys only a personality has; a file with one of them and no 'sides' is a personality
# (so a personality whose 'strategy' is misspelt still gets personality errors).
_PERSONALITY_KEYS = frozenset({"strategy", "traits", "lines"})

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"


@dataclass(frozen=True)
class Document:
    """A parsed content file: its text (for snippets), plain data and marks."""

    filename: str
    text: str
    data: Any
    marks: Marks


def read_document(path: Path | str) -> Document:
    """Read and parse one YAML file; raises ContentError (with snippets) if it cannot."""
    filename = str(path)
    return document_from_text(filename, read_text(Path(path), filename))


def document_from_text(filename: str, text: str) -> Document:
    """Parse text already read (with `read_text`'s limits) from the file `filename`."""
    try:
        data, marks = parse(text, filename)
    except ContentError as error:
        raise ContentError(with_snippets(error.problems, text)) from None
    return Document(filename, text, data, marks)


def is_personality_data(data: Any, path: Path | str | None = None) -> bool:
    """Whether parsed data is a personality rather than a scenario: a mapping with no
    'sides' and with 'strategy' (or another key only personalities have), or, when its
    path is known, any mapping without 'sides' in a 'personalities' folder, so that a
    personality missing its strategy is told so rather than that it lacks scenario fields."""
    if not isinstance(data, dict) or "sides" in data:
        return False
    if _PERSONALITY_KEYS & data.keys():
        return True
    return path is not None and Path(path).parent.name == PERSONALITIES_FOLDER


def load_scenario(path: Path | str, known_personalities: set[str] | None = None) -> Scenario:
    """The scenario in `path`, validated and cross-checked. `known_personalities`, when
    given, are the personality ids its sides and allies may name."""
    return scenario_from(read_document(path), known_personalities)


def load_personality(path: Path | str) -> Personality:
    return personality_from(read_document(path))


def load_any(path: Path | str, known_personalities: set[str] | None = None) -> Scenario | Personality:
    """A personality if the file looks like one (see `is_personality_data`), otherwise
    a scenario."""
    document = read_document(path)
    if is_personality_data(document.data, path):
        return personality_from(document)
    return scenario_from(document, known_personalities)


def scenario_from(document: Document, known_personalities: set[str] | None = None) -> Scenario:
    scenario = _validate(Scenario, document, "a scenario")
    problems = check_scenario(scenario, document.marks, document.filename, known_personalities)
    problems += checks.scenario_problems(scenario, document.marks, document.text, document.filename)
    if problems:
        raise ContentError(with_snippets(sorted_problems(problems), document.text))
    return scenario


def personality_from(document: Document) -> Personality:
    # Checks the model cannot make (a plug-in may add families; a portrait must exist
    # inside the file's folder) are reported together with the model's own problems.
    extra = [p for p in (_family_problem(document), _portrait_problem(document)) if p]
    try:
        personality = _validate(Personality, document, "a personality")
    except ContentError as error:
        raise ContentError(with_snippets(sorted_problems(error.problems + extra), document.text)) from None
    extra += checks.personality_problems(personality, document.marks, document.text, document.filename)
    if extra:
        raise ContentError(with_snippets(sorted_problems(extra), document.text))
    return personality


def _portrait_problem(document: Document) -> Problem | None:
    value = document.data.get("portrait") if isinstance(document.data, dict) else None
    if not isinstance(value, str):
        return None  # absent, or the wrong type: the model says so
    message = asset_problem(Path(document.filename).parent, value, IMAGE_SUFFIXES)
    if message is None:
        return None
    line, col = locate(document.marks, ("portrait",))
    return Problem(document.filename, line, col, "portrait", message)


def _family_problem(document: Document) -> Problem | None:
    """A strategy family that no registry knows (the models accept any id, since plug-ins
    may add families)."""
    strategy = document.data.get("strategy") if isinstance(document.data, dict) else None
    family = strategy.get("family") if isinstance(strategy, dict) else None
    if not isinstance(family, str) or family in BUILTIN_FAMILY_NAMES:
        return None
    # Only a name that is not built in needs the plug-ins (and numpy, which they import).
    from game.ai.registry import StrategyRegistry

    families = StrategyRegistry.with_plugins().names()
    if family in families:
        return None
    line, col = locate(document.marks, ("strategy", "family"))
    message = f"unknown strategy family {family!r}; expected one of: {', '.join(families)}"
    return Problem(document.filename, line, col, "strategy.family", message, hint=_closest(family, families))


ModelT = typing.TypeVar("ModelT", bound=BaseModel)


def _validate(model: type[ModelT], document: Document, what: str) -> ModelT:
    if not isinstance(document.data, dict):
        got = "an empty file" if document.data is None else _describe(document.data)
        message = f"{what} file must be a mapping of fields (key: value) at the top level, got {got}"
        raise ContentError(with_snippets([Problem(document.filename, 1, 1, "", message)], document.text))
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems = [_problem_from(entry, model, document) for entry in error.errors()]
        raise ContentError(with_snippets(sorted_problems(_unique(problems)), document.text)) from None


def with_snippets(problems: list[Problem], text: str) -> list[Problem]:
    """The problems with the source line each points at, for the caret display."""
    lines = text.splitlines()
    return [
        dataclasses.replace(p, snippet=lines[p.line - 1]) if p.snippet is None and 0 < p.line <= len(lines) else p
        for p in problems
    ]


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


# --------------------------------------------------------------------------- pydantic errors


def _problem_from(entry: Any, model: type[BaseModel], document: Document) -> Problem:
    loc: tuple[Any, ...] = tuple(entry["loc"])
    kind: str = entry["type"]
    path, points_at_key = _data_path(loc, document.data)
    hint: str | None = None
    if kind == "missing":
        message = f"missing required field '{loc[-1]}'"
        line, col = locate(document.marks, path)
    elif kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = _closest(str(loc[-1]), allowed)
        message = f"unknown field '{loc[-1]}'"
        if hint is None and allowed:
            message += f"; expected one of: {', '.join(allowed)}"
        line, col = locate_key(document.marks, path)
    else:
        message, hint = _message(entry, kind)
        if points_at_key:
            message = f"key {_short(entry['input'])}: {message}"
        line, col = (locate_key if points_at_key else locate)(document.marks, path)
    return Problem(document.filename, line, col, dotted(path), message, hint=hint)


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[FieldPath, bool]:
    """The path of the value an error is about, as it is written in the file. pydantic's
    loc may hold parts that are not in the file: '[key]' (the error is about a dict key),
    a missing field (kept, as the last part) and union or validator tags (dropped)."""
    path: list[Any] = []
    node = data
    for index, part in enumerate(loc):
        is_last = index == len(loc) - 1
        if part == "[key]":
            return tuple(path), True
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif is_last and isinstance(node, dict):
            path.append(part)
    return tuple(path), False


def _message(entry: Any, kind: str) -> tuple[str, str | None]:
    """What was expected, in an author's words, and a did-you-mean when one fits."""
    value = entry.get("input")
    context = entry.get("ctx") or {}
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        hint = _closest(str(value), allowed) if isinstance(value, str) else None
        return f"expected one of {', '.join(allowed)}; got {_short(value)}", hint
    if kind == "string_pattern_mismatch" and context.get("pattern") == _ID_PATTERN:
        return (
            "an id must be lower-case letters, digits and '_', starting with a letter; "
            f"got {_short(value)}",
            None,
        )
    if kind == "string_type" and isinstance(value, (bool, int, float)):
        read_as = "true/false" if isinstance(value, bool) else "a number"
        return f"expected text, but YAML read {_short(value)} as {read_as}; put the value in quotes", None
    if kind == "model_type":
        return f"expected a mapping of fields ({context.get('class_name', 'an object')}), got {_describe(value)}", None
    if kind in ("dict_type", "list_type"):
        expected = "a mapping (key: value)" if kind == "dict_type" else "a list"
        return f"expected {expected}, got {_describe(value)}", None
    if kind.startswith("value_error") or kind == "assertion_error":
        return str(entry["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, "), None
    message = str(entry["msg"])
    if isinstance(value, (str, int, float, bool)) or value is None:
        message += f"; got {_short(value)}"
    return message, None


def _short(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{_short(value)}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text {_short(value)}"


def _closest(word: str, options: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model at `loc` accepts (aliases as an author writes them)."""
    found = _model_at(model, loc)
    if found is None:
        return []
    return [field.alias or name for name, field in found.model_fields.items()]


def _model_at(annotation: Any, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Walk the type annotations along a pydantic loc to the model that holds it."""
    for part in loc:
        annotation = _descend(annotation, part)
        if annotation is None:
            return None
    annotation = _strip(annotation)
    options = typing.get_args(annotation) if typing.get_origin(annotation) in (Union, types.UnionType) else (annotation,)
    models = [_strip(o) for o in options if isinstance(_strip(o), type) and issubclass(_strip(o), BaseModel)]
    return models[0] if models else None


def _descend(annotation: Any, part: Any) -> Any:
    annotation = _strip(annotation)
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        for option in typing.get_args(annotation):
            found = _descend(option, part) if option is not type(None) else None
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    if origin is list and isinstance(part, int):
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    return None


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation
