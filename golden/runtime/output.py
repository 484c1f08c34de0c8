"""A process's stdout or stderr, read with a bound: the last lines are kept, the rest only counted.

A handler that writes 500 MB without a newline must not grow the harness: the pipe is read in
chunks, a line keeps at most `line_bytes` bytes (its head), and only the last `lines` lines are kept.
"""

from __future__ import annotations

import collections
from typing import IO

CHUNK = 64 * 1024


class OutputTail:
    """The tail of one stream; `read_all` runs on a reader thread until the pipe closes."""

    def __init__(self, *, lines: int = 50, line_bytes: int = 4096) -> None:
        self._lines: collections.deque[str] = collections.deque(maxlen=lines)
        self._line_bytes = line_bytes
        self._partial = bytearray()
        """The line being written (no newline yet), at most `line_bytes` of it."""
        self._cut = 0
        """Bytes dropped from the line being written."""
        self.total_bytes = 0
        """Every byte read, kept or not."""

    def tail(self) -> tuple[str, ...]:
        """The last lines, the one still being written (if any) last."""
        partial = (self._render(bytes(self._partial), self._cut),) if self._partial or self._cut else ()
        return (*self._lines, *partial)

    def read_all(self, pipe: IO[bytes]) -> None:
        with pipe:
            while chunk := pipe.read1(CHUNK):  # type: ignore[attr-defined]
                self.total_bytes += len(chunk)
                *complete, rest = chunk.split(b"\n")
                for piece in complete:
                    self._append(piece)
                    self._lines.append(self._render(bytes(self._partial), self._cut))
                    self._partial, self._cut = bytearray(), 0
                self._append(rest)
        if self._partial or self._cut:
            self._lines.append(self._render(bytes(self._partial), self._cut))
            self._partial, self._cut = bytearray(), 0

    def _append(self, piece: bytes) -> None:
        room = max(self._line_bytes - len(self._partial), 0)
        self._partial += piece[:room]
        self._cut += max(len(piece) - room, 0)

    @staticmethod
    def _render(line: bytes, cut: int) -> str:
        text = line.decode("utf-8", "replace")
        return f"{text}… ({cut} more bytes)" if cut else text
