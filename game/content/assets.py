"""Asset paths named in content files: they must stay inside the file's own folder.

A mod is a folder of files; a path like `../../.ssh/id_rsa` or `/etc/passwd` in one of
them must never make the game read outside it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")


def asset_problem(folder: Path, value: str, suffixes: tuple[str, ...]) -> str | None:
    """What is wrong with the asset path `value` relative to `folder`, or None."""
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or value.startswith(("/", "\\")) or (len(value) > 1 and value[1] == ":"):
        return f"asset paths are relative to the file's folder, got the absolute path {value!r}"
    if ".." in pure.parts:
        return f"asset path {value!r} may not leave the file's folder (no '..')"
    if pure.suffix.lower() not in suffixes:
        return f"asset path {value!r} must end in one of {', '.join(suffixes)}"
    target = (folder / pure).resolve()
    base = folder.resolve()
    if base != target and base not in target.parents:
        return f"asset path {value!r} leaves the file's folder (through a link)"
    if not target.is_file():
        return f"asset file {value!r} not found next to this file"
    return None
