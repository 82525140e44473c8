"""`summit new scenario|personality NAME`: a commented starting file that validates and
plays, written beside the author (never over an existing file)."""

from __future__ import annotations

import importlib.resources
import re
from pathlib import Path

KINDS = ("scenario", "personality")


class ScaffoldError(Exception):
    """The file cannot be written (a bad name, an existing file, an unwritable folder)."""


def content_id(name: str) -> str:
    """`'Reykjavik 1986'` -> `'reykjavik_1986'`: the id rule of the content models."""
    text = re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")
    if not text or not text[0].isalpha():
        raise ScaffoldError(
            f"cannot make an id from {name!r}: use letters, digits and '_', starting with a letter "
            "(e.g. reykjavik_1986)"
        )
    return text[:48]


def title_of(name: str, identifier: str) -> str:
    """A readable title: the name as written when it is plain text, else from the id."""
    if name.isprintable() and '"' not in name and "\\" not in name and any(c.isupper() or c == " " for c in name):
        return name.strip()[:120]
    return identifier.replace("_", " ").title()


def template(kind: str) -> str:
    return importlib.resources.files("game.authoring").joinpath(f"{kind}_template.yaml").read_text(encoding="utf-8")


def render(kind: str, name: str, filename: str) -> str:
    identifier = content_id(name)
    text = template(kind)
    return text.replace("@ID@", identifier).replace("@TITLE@", title_of(name, identifier)).replace("@FILE@", filename)


def write_new(kind: str, name: str, out: Path | None = None) -> Path:
    """Write the starting file for `kind` named `name` into `out` (a folder, default the
    current one, or a file path ending in .yaml) and return its path. An existing file is
    never overwritten: the new file appears whole or not at all (written beside, then
    linked into place, which fails if the name is taken)."""
    if kind not in KINDS:
        raise ScaffoldError(f"summit new makes a scenario or a personality, not {kind!r}")
    identifier = content_id(name)
    out = out if out is not None else Path()
    target = out if out.suffix in (".yaml", ".yml") else out / f"{identifier}.yaml"
    if target.exists() or target.is_symlink():
        raise ScaffoldError(f"{target} already exists; choose another name or --out (it was not changed)")
    from game.saves import SaveError, SaveExists, write_atomic

    try:
        write_atomic(target, render(kind, name, str(target)), shared=True, exclusive=True)
    except SaveExists:
        raise ScaffoldError(f"{target} already exists; choose another name or --out (it was not changed)") from None
    except SaveError as error:
        raise ScaffoldError(f"cannot write {target}: {error}") from None
    return target
