"""The one way files are written in place: a new file by exclusive create, an existing one replaced
through a temporary file beside it, so a reader never sees half a file and a failure leaves no
temporary file behind. Raises OSError; callers word it."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def write_new(path: str | Path, content: str | bytes, mode: int = 0o666) -> None:
    """Create `path`, which must not exist, holding `content` (str as UTF-8): three system calls.

    `mode` is narrowed by the umask, as `open` does."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd = os.open(path, _NEW, mode)
    try:
        view = memoryview(data)
        while view:  # a regular file takes the whole buffer at once; a short write loops
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_atomic(path: Path, content: str | bytes, mode: int | None = None) -> None:
    """Write `path` through a temporary file in its folder, then `os.replace` it into place.

    `mode`: the permission bits to give the file (exactly, whatever the umask); None leaves what
    creating a file gives. The temporary file never outlives a failure (nor an interrupt)."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        write_new(temp, content, 0o600 if mode is not None else 0o666)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
