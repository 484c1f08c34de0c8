"""Line and column of every node of a JSON document, from a small tokenizer.

`json.loads` keeps no positions; this scan runs only when a diagnostic needs one, so loading a
13 MB spec does not pay for it. `indexed_positions` gives the same answers from the parsed document
and one regex pass over the keys, at about half the cost on GitHub's spec, and falls back to the
full scan when the text repeats a key. `positions_of` answers a lookup of a top-level member near
the start of the text (a 3.0 spec's upgrade notice) without indexing at all.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Mapping
from itertools import repeat
from typing import Any

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


# A member's key: a string right after `{` or `,`. Inside a string a `"` is always escaped, so in
# valid JSON this matches only real keys, in text order (group 1: the key with its quotes).
_KEY = re.compile(r'[{,][ \t\n\r]*("[^"\\]*(?:\\.[^"\\]*)*")[ \t\n\r]*:')
_MEMBER = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"[ \t\n\r]*:[ \t\n\r]*')  # a key up to its value
_Slot = tuple[int, str | int]
"""(id() of the parsed dict or list holding a node, the node's key or index in it)."""


def _same_key(raw: str, key: str) -> bool:
    """Whether the quoted JSON string `raw` spells `key`."""
    return raw[1:-1] == key or ("\\" in raw and json.loads(raw) == key)


def _is_index(token: str) -> bool:
    """Whether a pointer token is an array index as pointers write them: digits, no leading zero."""
    return token.isascii() and token.isdigit() and (token == "0" or token[0] != "0")


def _key_offsets(text: str, content: Any) -> dict[_Slot, int] | None:
    """Offset of every member's key, by its slot; None when the keys in the text are not those of
    `content` in document order (duplicate keys: the parse kept one), so the caller scans instead."""
    matches = _KEY.finditer(text)
    offsets: dict[_Slot, int] = {}
    stack: list[Iterator[tuple[int, str | int, Any]]] = [iter([(0, "", content)])]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        holder, key, node = entry
        if holder and isinstance(key, str):  # a member of an object: its key is next in the text
            match = next(matches, None)
            if match is None or not _same_key(match.group(1), key):
                return None
            offsets[holder, key] = match.start(1)
        if isinstance(node, dict):
            stack.append(zip(repeat(id(node)), node.keys(), node.values(), strict=False))
        elif isinstance(node, list):
            stack.append((0, i, v) for i, v in enumerate(node) if isinstance(v, dict | list))
    return offsets if next(matches, None) is None else None


class KeyedPositions(Mapping[str, tuple[int, int]]):
    """Pointer → 1-based (line, column) from the parsed document and one regex pass over its keys;
    an array's items are located when one of them is first asked for. Same answers as
    `json_positions`, at about half its cost on GitHub's spec, where every key is asked for."""

    def __init__(self, text: str, content: Any, keys: dict[_Slot, int]) -> None:
        self._text, self._content, self._keys = text, content, keys
        self._items: dict[_Slot, int] = {}  # array items located so far
        self._newlines: list[int] | None = None
        self._all: JsonPositions | None = None  # for iteration only

    def _slot(self, pointer: str) -> tuple[Any, _Slot] | None:
        """The node at `pointer` and its slot in its parent (None for the root or when absent)."""
        if not pointer.startswith("/"):
            return None
        node: Any = self._content
        slot: _Slot | None = None
        for written in pointer[1:].split("/"):
            token = written.replace("~1", "/").replace("~0", "~") if "~" in written else written
            if "~" in written and token.replace("~", "~0").replace("/", "~1") != written:
                return None  # not how a pointer spells it: `json_positions` has no such entry
            if isinstance(node, dict) and token in node:
                slot, node = (id(node), token), node[token]
            elif isinstance(node, list) and _is_index(token) and int(token) < len(node):
                slot, node = (id(node), int(token)), node[int(token)]
            else:
                return None
        return (node, slot) if slot is not None else None

    def _offset(self, pointer: str) -> int | None:
        """Where the node at `pointer` starts: its key for a member, its first character else."""
        if pointer == "":
            rest = self._text.lstrip(" \t\n\r")  # JSON's white space
            return len(self._text) - len(rest) if rest else None
        found = self._slot(pointer)
        if found is None:
            return None
        _, slot = found
        if isinstance(slot[1], str):
            return self._keys.get(slot)
        if slot not in self._items:
            self._locate_items(pointer.rsplit("/", 1)[0])
        return self._items.get(slot)

    def _locate_items(self, array: str) -> None:
        """Record where each item of the array at pointer `array` starts (the scan of the text from
        its `[` to its `]`, as `json_positions` does it)."""
        found = self._slot(array)
        start = self._offset(array)
        if start is None:
            return
        if found is not None and isinstance(found[1][1], str):  # a member: skip its key
            member = _MEMBER.match(self._text, start)
            if member is None:
                return
            start = member.end()
        items = self._content if array == "" else found[0] if found is not None else None
        depth, index = 0, 0
        for match in _TOKEN.finditer(self._text, start):
            first = self._text[match.start()]
            if first in "]}":
                depth -= 1
                if depth == 0:
                    return
            elif depth == 1 and match.group(2) is None:
                self._items[id(items), index] = match.start()
                index += 1
            if first in "[{":
                depth += 1

    def __getitem__(self, pointer: str) -> tuple[int, int]:
        offset = self._offset(pointer)
        if offset is None:
            raise KeyError(pointer)
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self._text)]
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line > 0 else 0
        return line + 1, offset - start + 1

    def _every(self) -> JsonPositions:
        if self._all is None:
            self._all = json_positions(self._text)
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())


def positions_of(text: str, content: Any) -> Mapping[str, tuple[int, int]]:
    """Pointer → position of each node of a JSON text whose parse is `content` (see `TopFirst`)."""
    return TopFirst(text, content)


def indexed_positions(text: str, content: Any) -> Mapping[str, tuple[int, int]]:
    """Every node's position: `KeyedPositions`, or `json_positions` when the text repeats a key."""
    keys = _key_offsets(text, content)
    return json_positions(text) if keys is None else KeyedPositions(text, content, keys)


_SCALARS = (str, int, float, bool, type(None))
_TOP_TOKENS = 2000
"""How far into the text a top-level member is looked for before the whole document is indexed."""


class TopFirst(Mapping[str, tuple[int, int]]):
    """Positions that find a top-level scalar member near the start of the text (`/openapi`, where a
    3.0 spec's upgrade notice points) without indexing the document; anything else indexes it once
    (`indexed_positions`). Same answers as `json_positions`, except that a top-level key written twice
    with equal values may be found at its first spelling rather than its last."""

    def __init__(self, text: str, content: Any) -> None:
        self._text, self._content = text, content
        self._all: Mapping[str, tuple[int, int]] | None = None

    @property
    def indexed(self) -> bool:
        """Whether the whole document has been indexed (a lookup needed it)."""
        return self._all is not None

    def _every(self) -> Mapping[str, tuple[int, int]]:
        if self._all is None:
            self._all = indexed_positions(self._text, self._content)
        return self._all

    def _top(self, pointer: str) -> tuple[int, int] | None:
        """The position of the top-level scalar member at `pointer`, when it is among the first keys
        and its text parses to the value json kept (a repeated key would not)."""
        name = pointer[1:]
        if "/" in name or "~" in name or not isinstance(self._content, dict):
            return None
        value = self._content.get(name, self)
        if not isinstance(value, _SCALARS):
            return None
        depth = 0
        tokens = _TOKEN.finditer(self._text)
        for match, _ in zip(tokens, range(_TOP_TOKENS), strict=False):
            first = self._text[match.start()]
            if first in "{[":
                depth += 1
            elif first in "}]":
                depth -= 1
            elif depth == 1 and match.group(2) is not None and _same_key(match.group(1), name):
                found = next(tokens, None)
                if found is None or not _same_scalar(found.group(0), value):
                    return None
                return _line_column(self._text, match.start())
        return None

    def __getitem__(self, pointer: str) -> tuple[int, int]:
        if self._all is None and pointer.startswith("/"):
            found = self._top(pointer)
            if found is not None:
                return found
        return self._every()[pointer]

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())


def _same_scalar(token: str, value: Any) -> bool:
    """Whether the JSON scalar `token` parses to `value` (of the same type: `true` is not `1`)."""
    try:
        parsed = json.loads(token)
    except ValueError:
        return False
    return type(parsed) is type(value) and parsed == value


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset` in `text`."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
