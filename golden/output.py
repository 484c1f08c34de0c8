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
        self.lines: collections.deque[str] = collections.deque(maxlen=lines)
        self._line_bytes = line_bytes
        self.total_bytes = 0
        """Every byte read, kept or not."""
        self.cut_bytes = 0
        """Bytes dropped from lines longer than `line_bytes`."""

    def read_all(self, pipe: IO[bytes]) -> None:
        partial = bytearray()
        cut = 0
        with pipe:
            while chunk := pipe.read1(CHUNK):  # type: ignore[attr-defined]
                self.total_bytes += len(chunk)
                pieces = chunk.split(b"\n")
                for piece in pieces[:-1]:
                    cut += self._append(partial, piece)
                    self._flush(partial, cut)
                    partial, cut = bytearray(), 0
                cut += self._append(partial, pieces[-1])
        if partial or cut:
            self._flush(partial, cut)

    def _append(self, partial: bytearray, piece: bytes) -> int:
        room = self._line_bytes - len(partial)
        partial += piece[: max(room, 0)]
        dropped = max(len(piece) - max(room, 0), 0)
        self.cut_bytes += dropped
        return dropped

    def _flush(self, partial: bytearray, cut: int) -> None:
        line = partial.decode("utf-8", "replace")
        self.lines.append(line if not cut else f"{line}… ({cut} more bytes)")
