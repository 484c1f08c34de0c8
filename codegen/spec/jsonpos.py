"""Line and column of every node of a JSON document, from a small tokenizer.

`json.loads` keeps no positions; this scan runs only when a diagnostic needs one, so loading a
13 MB spec does not pay for it.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Mapping

# A string (group 1; a member's key when its colon follows, group 2), a bracket, or a scalar. Commas
# and colons between values are skipped by the regex rather than the loop: they carry nothing we need.
_TOKEN = re.compile(r'("[^"\\]*(?:\\.[^"\\]*)*")(\s*:)?|[{}\[\]]|[^\s{}\[\]:,"]+')


class JsonPositions(Mapping[str, tuple[int, int]]):
    """Pointer → 1-based (line, column); stores offsets and counts lines only for what is looked up."""

    def __init__(self, text: str, offsets: dict[str, int]) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._offsets = offsets

    def __getitem__(self, pointer: str) -> tuple[int, int]:
        offset = self._offsets[pointer]
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line > 0 else 0
        return line + 1, offset - start + 1

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


def json_positions(text: str) -> JsonPositions:
    """Pointer → position of each node of a JSON text; a member's position is that of its key.

    The text must be valid JSON (it was parsed already); on anything unexpected the scan stops and
    returns what it has, so a position is missing rather than wrong.
    """
    positions: dict[str, int] = {}
    # The open containers: their pointers, whether each is an array, and its next item index.
    pointers: list[str] = []
    arrays: list[bool] = []
    indices: list[int] = []
    pending = ""  # pointer of the next value inside an object (set by its key)
    for match in _TOKEN.finditer(text):
        if match.group(2) is not None:
            key = match.group(1)
            if not pointers or arrays[-1]:
                break
            name = json.loads(key) if "\\" in key else key[1:-1]
            if "~" in name or "/" in name:
                name = name.replace("~", "~0").replace("/", "~1")
            pending = f"{pointers[-1]}/{name}"
            positions[pending] = match.start()
            continue
        first = text[match.start()]
        if first == "}" or first == "]":
            if not pointers:
                break
            pointers.pop()
            arrays.pop()
            indices.pop()
            continue
        if pointers and arrays[-1]:
            pointer = f"{pointers[-1]}/{indices[-1]}"
            indices[-1] += 1
        else:
            pointer = pending
        positions.setdefault(pointer, match.start())
        if first == "{" or first == "[":
            pointers.append(pointer)
            arrays.append(first == "[")
            indices.append(0)
    return JsonPositions(text, positions)
