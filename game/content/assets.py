"""Asset paths named in content files: they must stay inside the file's own folder.

A mod is a folder of files; a path like `../../.ssh/id_rsa` or `/etc/passwd` in one of
them must never make the game read outside it. A path is text from a file, so it may
also hold a NUL byte, be longer than any file name may be, or name a symbolic link that
points at itself: each is a located problem, never an exception.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from game.textsafe import visible

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
# Most filesystems allow 255 bytes per name and a few thousand per path.
MAX_NAME_BYTES = 255
MAX_PATH_CHARS = 1024


def asset_problem(folder: Path, value: str, suffixes: tuple[str, ...]) -> str | None:
    """What is wrong with the asset path `value` relative to `folder`, or None."""
    shown = repr(visible(value, keep_newlines=False))
    if any(ch in value for ch in ("\x00", "\n", "\r")) or not value.isprintable():
        return f"asset path {shown} holds control characters; write a plain relative file name"
    if len(value) > MAX_PATH_CHARS:
        return f"asset path is {len(value)} characters long; at most {MAX_PATH_CHARS} are allowed"
    pure = PurePosixPath(value.replace("\\", "/"))
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in pure.parts):
        return f"a name in asset path {shown[:80]}... is longer than {MAX_NAME_BYTES} bytes"
    if pure.is_absolute() or value.startswith(("/", "\\")) or (len(value) > 1 and value[1] == ":"):
        return f"asset paths are relative to the file's folder, got the absolute path {shown}"
    if ".." in pure.parts:
        return f"asset path {shown} may not leave the file's folder (no '..')"
    if pure.suffix.lower() not in suffixes:
        return f"asset path {shown} must end in one of {', '.join(suffixes)}"
    try:
        target = (folder / pure).resolve()
        base = folder.resolve()
        if base != target and base not in target.parents:
            return f"asset path {shown} leaves the file's folder (through a link)"
        if not target.is_file():
            return f"asset file {shown} not found next to this file"
    except (OSError, RuntimeError, ValueError) as error:  # a link loop, a name the OS refuses
        reason = getattr(error, "strerror", None) or "a symbolic link that points at itself"
        return f"asset path {shown} cannot be opened ({reason})"
    return None
