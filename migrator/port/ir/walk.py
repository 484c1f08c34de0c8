"""Every IR node under a node (expressions, patterns, statements, nested functions included)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any


def walk(node: Any) -> Iterator[Any]:
    """`node` and every IR node inside it, depth first, in source order (no recursion limit)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(reversed(item))
            continue
        if not dataclasses.is_dataclass(item) or isinstance(item, type):
            continue
        yield item
        stack.extend(
            reversed([getattr(item, f.name) for f in dataclasses.fields(item) if f.name != "untranslated"])
        )
