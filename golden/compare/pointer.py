"""Globs over JSON pointers (RFC 6901; the pointers themselves are `codegen.spec.pointers`), as
ignore paths and ignore-order paths use them.

A glob is a pointer whose segments are `fnmatch` patterns (`*` inside a segment never crosses a `/`);
a segment that is exactly `**` matches any number of segments, zero included. `/items/*/id` matches
`/items/3/id`; `/**/requestId` matches `/requestId` and `/a/b/requestId`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase

from codegen.spec.pointers import split


def literal_glob(path: str) -> str:
    """A glob that matches exactly `path`, whatever characters its segments hold."""
    escaped = []
    for part in path.split("/")[1:] if path else []:
        escaped.append("".join(f"[{c}]" if c in "*?[" else c for c in part))
    return "".join(f"/{part}" for part in escaped)


def matches(glob: str, path: str) -> bool:
    """Whether `glob` matches the whole of `path`."""
    return _match(split(glob), split(path), prefix=False)


def covers(glob: str, path: str) -> bool:
    """Whether `path` is what `glob` matches or lies under it."""
    return _match(split(glob), split(path), prefix=True)


def covered(globs: Iterable[str], path: str) -> bool:
    """Whether any of `globs` covers `path`."""
    return any(covers(glob, path) for glob in globs)


def _match(pattern: Sequence[str], parts: Sequence[str], prefix: bool) -> bool:
    if not pattern:
        return prefix or not parts
    head = pattern[0]
    if head == "**":
        return any(_match(pattern[1:], parts[i:], prefix) for i in range(len(parts) + 1))
    if not parts:
        return False
    return fnmatchcase(parts[0], head) and _match(pattern[1:], parts[1:], prefix)
