"""Plain JSON data read back (a cache entry, a save's header): does it have the fields a
reader uses, each of its type? A value of the wrong type is a miss for the reader, never
a crash later. JSON's true and false are never taken for numbers. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping


def is_of(value, kind) -> bool:
    """isinstance, except that a bool is not a number (JSON's true is not a year or a turn)."""
    if kind is bool:
        return isinstance(value, bool)
    return isinstance(value, kind) and not isinstance(value, bool)


def has_fields(item, fields: Mapping[str, type | tuple[type, ...]]) -> bool:
    """`item` is a dict holding every one of `fields` with its type."""
    return isinstance(item, dict) and all(is_of(item.get(key), kind) for key, kind in fields.items())
