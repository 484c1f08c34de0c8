"""JSON pointers (RFC 6901): the addresses every diagnostic and every IR node carries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def escape(token: str | int) -> str:
    """One reference token, escaped: `~` → `~0`, `/` → `~1`."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """The inverse of `escape`."""
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    """`pointer` extended by the given (unescaped) tokens."""
    for token in tokens:  # `escape`, inlined: every walk calls this once per node
        text = token if type(token) is str else str(token)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        pointer = f"{pointer}/{text}"
    return pointer


def from_parts(parts: Iterable[str | int]) -> str:
    """The pointer of a path given as a sequence of keys and indices."""
    return join("", *parts)


def split(pointer: str) -> list[str]:
    """The unescaped tokens of a pointer; raises ValueError if it does not start with `/`."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"a JSON pointer starts with '/': {pointer!r}")
    return [unescape(t) if "~" in t else t for t in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    """The pointer one level up ("" stays "")."""
    return pointer.rsplit("/", 1)[0] if pointer else ""


_MISSING = object()


def lookup(document: Any, pointer: str) -> tuple[bool, Any]:
    """(found, value) of `pointer` inside a parsed JSON document."""
    node = document
    for token in split(pointer):
        if isinstance(node, dict):
            node = node.get(token, _MISSING)
        elif isinstance(node, list) and token.isdigit() and (token == "0" or not token.startswith("0")):
            index = int(token)
            node = node[index] if index < len(node) else _MISSING
        else:
            node = _MISSING
        if node is _MISSING:
            return False, None
    return True, node
