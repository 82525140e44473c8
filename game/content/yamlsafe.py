"""YAML text -> plain Python data, plus where in the file each value came from.

Why not `yaml.safe_load`: it keeps the last of two duplicate keys without a word (an
author's typo silently wins), it loses line numbers, and it expands aliases without limit
(a "billion laughs" file of a few hundred bytes exhausts memory). So this module composes
the node tree with PyYAML's pure-Python SafeLoader (which keeps marks and never runs
constructors for tags) and builds the Python values itself, checking as it goes:

- only the YAML core tags (str, int, float, bool, null, seq, map) are accepted; any other
  tag, `!!python/...` included, is a Problem and is never constructed;
- duplicate keys, non-scalar keys and merge keys (`<<`) are Problems;
- limits are checked while the file is read, never after: a file over `MAX_BYTES`;
  nesting deeper than `MAX_DEPTH` collections; more than `MAX_NODES` values written in
  the file (counted while composing, so a megabyte of `[[],[],...]` stops after a
  fraction of a second instead of costing seconds and a kept parse tree); more than
  `MAX_ALIASES` uses of aliases (`*name`); and, after expanding aliases, more than
  `MAX_NODES` values or `MAX_TEXT_CHARS` characters of text (a 640 KB file that repeats
  a long text through aliases would otherwise expand to hundreds of megabytes);
- syntax errors and bytes that are not UTF-8 are located at line:col.

Timestamps (`date: 1961-06-03`) stay the text the author wrote: every date in the models
is text, and a `datetime.date` there would only be a confusing type error.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any, TypeAlias

import yaml
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content.errors import ContentError, Problem
from game.content.yamlhelp import explain

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
# The largest shipped scenario has about 2,000 values and 70,000 characters; these
# leave an author ten times that room, and bound a hostile file's cost to well under a
# second and a few megabytes. Stated in docs/authoring.md ("Limits").
MAX_NODES = 20_000
MAX_ALIASES = 1_000
MAX_TEXT_CHARS = 2 * MAX_BYTES


class _KeyMarker(enum.Enum):
    KEY = "key"


# `marks[path + (KEY,)]` is where the *key* of the mapping entry at `path` is written
# (point there for an unknown field); `marks[path]` is where its value starts.
KEY = _KeyMarker.KEY

FieldPath: TypeAlias = tuple[Any, ...]
Marks: TypeAlias = dict[FieldPath, tuple[int, int]]

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_CORE + name for name in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP = _CORE + "seq", _CORE + "map"
_MERGE, _TIMESTAMP, _VALUE = _CORE + "merge", _CORE + "timestamp", _CORE + "value"
# Scalars kept as the text written: a date stays "1961-06-03"; a lone "=" is just text.
_TEXT_TAGS = {_STR, _TIMESTAMP, _VALUE}


# --------------------------------------------------------------------------- reading files


def read_text(path: Path, filename: str | None = None) -> str:
    """The file's text, refusing (with a located Problem) a missing or unreadable file,
    one over `MAX_BYTES` (checked before reading it) and bytes that are not UTF-8."""
    name = filename if filename is not None else str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ContentError([Problem(name, 1, 1, "", "not a file")])
        if size > MAX_BYTES:
            raise ContentError([_too_big(name, size)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(name, 1, 1, "", "file not found")]) from None
    except OSError as error:
        raise ContentError([Problem(name, 1, 1, "", f"cannot read the file: {error.strerror or error}")]) from None
    # The size may have changed between stat() and read (a file being written).
    if len(raw) > MAX_BYTES:
        raise ContentError([_too_big(name, len(raw))])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _line_col_of_byte(raw, error.start)
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        raise ContentError([Problem(name, line, col, "", message)]) from None


def _too_big(name: str, size: int) -> Problem:
    return Problem(name, 1, 1, "", f"the file is {size} bytes; content files may be at most {MAX_BYTES} bytes")


def _line_col_of_byte(raw: bytes, index: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, index) + 1
    return raw.count(b"\n", 0, index) + 1, index - line_start + 1


# --------------------------------------------------------------------------- parsing


def parse(text: str, filename: str) -> tuple[Any, Marks]:
    """Plain data (dicts, lists, str, int, float, bool, None) and the marks of every value
    by path, e.g. `marks[('sides', 0, 'actions', 3, 'kind')] == (41, 15)` (1-based).

    Raises ContentError listing every problem found; never any other exception."""
    # Every character is at least one byte: a long text is refused without encoding it.
    size = len(text) if len(text) > MAX_BYTES else len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        raise ContentError([_too_big(filename, size)])
    root = _compose(text, filename)
    marks: Marks = {}
    if root is None:  # an empty file or only comments
        return None, marks
    builder = _Builder(filename, marks)
    data = builder.build(root, (), depth=0)
    if builder.problems:
        raise ContentError(builder.problems)
    return data, marks


def locate(marks: Marks, path: FieldPath) -> tuple[int, int]:
    """Where the value at `path` starts, or its nearest ancestor that exists in the file
    (a missing field is reported at the mapping that lacks it)."""
    for end in range(len(path), -1, -1):
        mark = marks.get(tuple(path[:end]))
        if mark is not None:
            return mark
    return 1, 1


def locate_key(marks: Marks, path: FieldPath) -> tuple[int, int]:
    """Where the key of the mapping entry at `path` is written, falling back to `locate`."""
    return marks.get(tuple(path) + (KEY,)) or locate(marks, path)


class _DepthLimit:
    """Checks the limits while composing, event by event: nesting deeper than MAX_DEPTH
    (a file of ten thousand '[' fails with a located error instead of a RecursionError),
    more than MAX_NODES values and more than MAX_ALIASES alias uses. Stopping here also
    stops the scanner, so the rest of a hostile file is never read."""

    _depth = 0
    _nodes = 0
    _aliases = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                self._refuse(f"more than {MAX_ALIASES} uses of aliases (*name); write the values out instead")
            return super().compose_node(parent, index)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            self._refuse(f"more than {MAX_NODES} values in one file; split it, or remove repeated data")
        opens_collection = self.check_event(SequenceStartEvent, MappingStartEvent)
        if not opens_collection:
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            self._refuse(f"nesting deeper than {MAX_DEPTH} levels is not allowed")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _refuse(self, message: str) -> None:
        raise yaml.composer.ComposerError(None, None, message, self.peek_event().start_mark)


class _DepthLimitedLoader(_DepthLimit, yaml.SafeLoader):
    """The pure-Python loader: used when PyYAML was built without libyaml."""


if getattr(yaml, "__with_libyaml__", False):

    class _FastDepthLimitedLoader(  # type: ignore[misc]
        _DepthLimit, yaml.composer.Composer, yaml._yaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver
    ):
        """libyaml scans and parses (the slow part of the pure-Python loader, about 20x
        faster), while composing stays in Python with its depth limit: libyaml's own
        composer recurses in C and crashes the process on deep nesting."""

        def __init__(self, stream: str) -> None:
            yaml._yaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def get_single_node(self):  # the Python composer's, not CParser's
            return yaml.composer.Composer.get_single_node(self)

    _LOADER: type = _FastDepthLimitedLoader
else:  # pragma: no cover - depends on how PyYAML was built
    _LOADER = _DepthLimitedLoader


def _compose(text: str, filename: str) -> Node | None:
    loader = None
    try:
        # The reader checks for unprintable characters already while being constructed.
        loader = _LOADER(text)
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(error, filename, text)]) from None
    except yaml.reader.ReaderError as error:
        line, col = _line_col_of_char(text, error.position)
        message = f"character U+{error.character:04X} is not allowed in YAML text"
        raise ContentError([Problem(filename, line, col, "", message)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(filename, 1, 1, "", f"YAML error: {error}")]) from None
    except RecursionError:
        message = f"nesting deeper than {MAX_DEPTH} levels is not allowed"
        raise ContentError([Problem(filename, 1, 1, "", message)]) from None
    finally:
        if loader is not None:
            loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, filename: str, text: str) -> Problem:
    explained = explain(error, text)
    return Problem(filename, explained.line, explained.col, "", explained.message)


def _line_col_of_char(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


class _BudgetExceeded(Exception):
    """Raised inside the builder to stop at once: the file is hostile or broken, and
    continuing would cost the time and memory the limits exist to protect."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Builder:
    """Builds plain data from a composed node tree, recording marks and problems."""

    def __init__(self, filename: str, marks: Marks) -> None:
        self.filename = filename
        self.marks = marks
        self.problems: list[Problem] = []
        self.nodes = 0
        self.chars = 0
        # SafeLoader's scalar constructors read only node.value; one instance serves all.
        self._scalars = yaml.SafeLoader("")

    def build(self, node: Node, path: FieldPath, depth: int) -> Any:
        try:
            return self._build(node, path, depth)
        except _BudgetExceeded as stop:
            self.problems.append(stop.problem)
            return None
        finally:
            self._scalars.dispose()

    def _build(self, node: Node, path: FieldPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _BudgetExceeded(
                self._problem(
                    node,
                    path,
                    f"more than {MAX_NODES} values after expanding aliases; "
                    "an alias (*name) is probably repeated exponentially",
                )
            )
        self.marks[path] = _mark(node)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        # Aliases share nodes, so a recursive alias (&a [*a]) only ends here.
        if depth >= MAX_DEPTH:
            raise _BudgetExceeded(self._problem(node, path, f"nesting deeper than {MAX_DEPTH} levels is not allowed"))
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self._bad_tag(node, path)
                return None
            return [self._build(item, path + (index,), depth + 1) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                self._bad_tag(node, path)
                return None
            return self._mapping(node, path, depth)
        raise AssertionError(f"unexpected YAML node {node!r}")

    def _mapping(self, node: MappingNode, path: FieldPath, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            self.nodes += 1
            if key_node.tag == _MERGE:
                self.problems.append(
                    self._problem(key_node, path, "merge keys ('<<') are not supported; write the fields out in full")
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.append(self._problem(key_node, path, "a key must be a plain value, not a list or mapping"))
                continue
            key = self._scalar(key_node, path)
            if key in first_line:
                self.problems.append(
                    self._problem(key_node, path + (key,), f"duplicate key '{key}' (first at line {first_line[key]})")
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.marks[path + (key, KEY)] = _mark(key_node)
            result[key] = self._build(value_node, path + (key,), depth + 1)
        return result

    def _scalar(self, node: ScalarNode, path: FieldPath) -> Any:
        self.chars += len(node.value)
        if self.chars > MAX_TEXT_CHARS:
            raise _BudgetExceeded(
                self._problem(
                    node,
                    path,
                    f"more than {MAX_TEXT_CHARS} characters of text after expanding aliases; "
                    "an alias (*name) of a long text is probably repeated many times",
                )
            )
        if node.tag in _TEXT_TAGS:
            return node.value
        construct = {
            _INT: self._scalars.construct_yaml_int,
            _FLOAT: self._scalars.construct_yaml_float,
            _BOOL: self._scalars.construct_yaml_bool,
            _NULL: self._scalars.construct_yaml_null,
        }.get(node.tag)
        if construct is None:
            self._bad_tag(node, path)
            return None
        try:
            return construct(node)
        except (ValueError, KeyError):
            kind = node.tag.removeprefix(_CORE)
            self.problems.append(self._problem(node, path, f"'{node.value}' is not a valid {kind}"))
            return None

    def _bad_tag(self, node: Node, path: FieldPath) -> None:
        tag = node.tag.replace(_CORE, "!!", 1) if node.tag.startswith(_CORE) else node.tag
        message = f"tag '{tag}' is not allowed; only plain YAML values (text, numbers, true/false, lists, mappings)"
        self.problems.append(self._problem(node, path, message))

    def _problem(self, node: Node, path: FieldPath, message: str) -> Problem:
        line, col = _mark(node)
        return Problem(self.filename, line, col, dotted(path), message)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def dotted(path: FieldPath) -> str:
    """`('sides', 0, 'actions', 3, 'kind')` -> `sides[0].actions[3].kind`."""
    text = ""
    for part in path:
        if part is KEY:
            continue
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            text += f".{part}" if text else part
        else:
            text += f"[{str(part)!r}]"
    return text
