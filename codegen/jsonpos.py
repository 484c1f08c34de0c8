"""Line and column of every node of a JSON document, from a small tokenizer.

`json.loads` keeps no positions; this scan runs only when a diagnostic needs one, so loading a
13 MB spec does not pay for it.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Mapping

from codegen.pointers import join

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


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
    # One frame per open container: [pointer, is_object, next array index, pointer of pending value].
    stack: list[list[object]] = []
    expect_key = False
    pending = ""  # pointer of the next value when not inside an object expecting a key
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first in ",:":
            if first == "," and stack and stack[-1][1]:
                expect_key = True
            continue
        if first in "}]":
            if not stack:
                break
            stack.pop()
            expect_key = False
            continue
        if expect_key:
            if first != '"':
                break
            key = json.loads(token) if "\\" in token else token[1:-1]
            pending = join(str(stack[-1][0]), key)
            positions[pending] = match.start()
            expect_key = False
            continue
        pointer = pending
        if stack and not stack[-1][1]:
            index = stack[-1][2]
            assert isinstance(index, int)
            pointer = join(str(stack[-1][0]), index)
            stack[-1][2] = index + 1
        positions.setdefault(pointer, match.start())
        if first in "{[":
            stack.append([pointer, first == "{", 0, ""])
            expect_key = first == "{"
    return JsonPositions(text, positions)
