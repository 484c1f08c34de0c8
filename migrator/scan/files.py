"""The one way `migrate scan` reads a file: regular files inside the scanned folder, size-capped.

A scan reads whatever a fleet holds, so a path may name a FIFO (opening it would block), a device
(`/dev/zero` reads forever), a file outside the scanned folder (`../`, an absolute handler, a
symlink), or a huge file. Every read goes through `read_bytes`/`read_text`, which refuse all of
these with an `Unreadable` carrying a one-line reason; callers turn it into a located problem.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Literal

from codegen.spec.regular import ReadRefused, kind, read_regular

Cause = Literal["outside", "special", "size", "encoding", "os"]

#: Caps per kind of file. Real handlers and configs are far smaller.
SOURCE_LIMIT = 4 * 1024 * 1024
CONFIG_LIMIT = 5 * 1024 * 1024
MANIFEST_LIMIT = 1024 * 1024  #: package.json, tsconfig.json


class Unreadable(Exception):
    """A file the scan does not read; `reason` is one line, without the path."""

    def __init__(self, reason: str, cause: Cause) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cause = cause  #: outside PATH, a FIFO/device/folder, too large, not UTF-8, or an OS error


def real_root(root: Path) -> str:
    """The scanned folder with symlinks resolved, as `read_bytes` compares against it."""
    return os.path.realpath(root)


def is_inside(path: str, folder: str) -> bool:
    base = folder.rstrip("/") or "/"
    return path == base or path.startswith(base if base == "/" else base + "/")


def read_bytes(path: Path, root: Path | str, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file under `root` of at most `limit` bytes.

    `root` is the scanned folder (resolved here when given as a Path). Symlinks are followed,
    but the file they end at must be inside `root` too. Never blocks on FIFOs or devices.
    """
    base = real_root(root) if isinstance(root, Path) else root
    return _read_real(os.path.realpath(path), base, limit)


class Reader:
    """`read_bytes`/`read_text` under one root, with the real path of each folder cached.

    A scan reads thousands of files in a few hundred folders: resolving each folder once (from its
    parent's real path: one `lstat`), and opening with O_NOFOLLOW (a symlink is resolved only when
    the open says it is one), leaves no extra system call per file.
    """

    def __init__(self, root: Path) -> None:
        self.root = real_root(root)
        self._folders: dict[str, str] = {}  #: folder → its real path; both end with "/"

    def read_bytes(self, path: Path | str, limit: int) -> bytes:
        text = os.fspath(path)
        cut = text.rfind("/") + 1
        real = self._real_folder(text[:cut]) + text[cut:]
        try:
            return _read_real(real, self.root, limit, os.O_NOFOLLOW)
        except _Symlink:
            return _read_real(os.path.realpath(real), self.root, limit)

    def read_text(self, path: Path | str, limit: int) -> str:
        return _decode(self.read_bytes(path, limit))

    def _real_folder(self, folder: str) -> str:
        """`os.path.realpath(folder)`, both with a trailing "/" ("" is the current folder)."""
        real = self._folders.get(folder)
        if real is None:
            parent, name = os.path.split(folder.rstrip("/"))
            if parent.startswith("/") and name not in ("", ".", ".."):
                # realpath resolves a path one part at a time, so from the parent's real path
                # only the last part is left to look at
                real = self._real_folder(os.path.join(parent, "")) + name
                real = os.path.join(os.path.realpath(real) if os.path.islink(real) else real, "")
            else:
                real = os.path.join(os.path.realpath(folder), "")
            self._folders[folder] = real
        return real


class _Symlink(Exception):
    """Opened with O_NOFOLLOW, the last component was a symlink: resolve it and try again."""


def _read_real(real: str, base: str, limit: int, extra_flags: int = 0) -> bytes:
    """Read `real`, a path with symlinks resolved, if it is a regular file under `base`.

    With `extra_flags=O_NOFOLLOW` the last component may still be a symlink: `_Symlink` says so
    (saving an `lstat` per file on the common path).
    """
    if not is_inside(real, base):
        raise Unreadable("outside the scanned folder; it is not read", "outside")
    try:
        return read_regular(real, limit, flags=extra_flags)
    except ReadRefused as refused:
        error = refused.error
        if refused.cause == "open" and extra_flags and error is not None and error.errno == errno.ELOOP:
            raise _Symlink from None
        raise _unreadable(refused, limit) from refused


def _unreadable(refused: ReadRefused, limit: int) -> Unreadable:
    if refused.cause == "special":
        return Unreadable(
            f"not a regular file ({kind(refused.mode, 'a special file')}); it is not read", "special"
        )
    if refused.cause == "size":
        return Unreadable(f"file is {refused.size} bytes; files over {_size(limit)} are not read", "size")
    if refused.cause == "grew":
        return Unreadable(f"file is over {_size(limit)}; it is not read", "size")
    assert refused.error is not None
    return Unreadable(_os_reason(refused.error), "os")


def read_text(path: Path, root: Path | str, limit: int) -> str:
    """`read_bytes` decoded as UTF-8 (a BOM is dropped); bad bytes are `Unreadable`."""
    return _decode(read_bytes(path, root, limit))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 (byte {exc.start}); save it as UTF-8", "encoding") from exc


def shown(path: Path | str, root: Path | str) -> str:
    """How a path is named in problems: relative to `root`, with `../` when outside it."""
    return os.path.relpath(path, root).replace(os.sep, "/")


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; the scan cannot read it"
    if exc.errno == errno.ELOOP:
        return "symlink loop; it is not read"
    return f"cannot read file: {exc.strerror or exc}"


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"
