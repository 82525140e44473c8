"""Writing a whole file or nothing: the one way saves, exports, schemas and new content
files reach the disk. The text goes to a temporary file beside the target, is flushed to
the disk, then renamed over the target (or linked to a name that must still be free), so
a reader never sees half a file and a failed write leaves what was there untouched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, text: str, *, replace: bool = True, mode: int | None = None) -> Path:
    """Write `text` to `path`. `replace=False` refuses a name already taken
    (FileExistsError) instead of replacing it. `mode` sets the permissions (the temporary
    file is private, 0600, until then). OSError when it cannot be done."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    _fsync_dir(path.parent)
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a crash right after it keeps the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
