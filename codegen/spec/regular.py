"""The one way a file named by a user is read: a regular file only, never blocking, size-capped.

A path may name a FIFO (opening it to read would block), a device (`/dev/zero` never ends), a folder
or a huge file. `read_regular` opens without waiting (O_NONBLOCK), checks the opened file
(`fstat`: S_ISREG, so a link to a FIFO is caught too), reads at most `limit` bytes, and refuses
everything else with one exception type, `ReadRefused`, that says why as data. Each caller words
the refusal its own way; this module prints nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

Cause = Literal["open", "special", "size", "grew", "read"]
"""`open`/`read`: the OS said no (`error`); `special`: not a regular file (`mode`); `size`: larger
than the limit (`size`); `grew`: it grew past the limit while being read (`size`: bytes seen)."""

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
_CHUNK = 1024 * 1024


class ReadRefused(Exception):
    """A file `read_regular` did not read, and why (see `Cause`)."""

    def __init__(self, cause: Cause, *, error: OSError | None = None, mode: int = 0, size: int = 0) -> None:
        super().__init__(cause if error is None else f"{cause}: {error}")
        self.cause: Cause = cause
        self.error = error
        """The OS error (`open`, `read`)."""
        self.mode = mode
        """The file's st_mode (`special`)."""
        self.size = size
        """Its size in bytes (`size`), or the bytes read before it passed the limit (`grew`)."""


def read_regular(path: str | Path, limit: int, *, flags: int = 0) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; else `ReadRefused`.

    `flags` are added to the open (e.g. O_NOFOLLOW: then a symlink is an `open` refusal, ELOOP)."""
    try:
        fd = os.open(path, _FLAGS | flags)
    except OSError as exc:
        raise ReadRefused("open", error=exc) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadRefused("special", mode=info.st_mode)
        if info.st_size > limit:
            raise ReadRefused("size", size=info.st_size)
        return _read_all(fd, info.st_size, limit)
    except OSError as exc:
        raise ReadRefused("read", error=exc) from exc
    finally:
        os.close(fd)


def _read_all(fd: int, expected: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    want = min(expected + 1, limit + 1)  # one read for a file that keeps its size
    while True:
        chunk = os.read(fd, want)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:  # grew while we read, or a file system that lies about sizes
            raise ReadRefused("grew", size=total)
        if len(chunk) < want:  # a short read of a regular file: its end
            return b"".join(chunks)
        want = min(_CHUNK, limit + 1 - total)


def kind(mode: int, other: str = "not a regular file") -> str:
    """What a non-regular file is, in words (`a FIFO`, `a device`, ...); `other` when none fits."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISLNK, "a symlink"),
    ):
        if test(mode):
            return name
    return other
