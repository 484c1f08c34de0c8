"""IR type references → TypeScript type expressions, property keys and literal types.

The generated file names no global type (`Record`, `Blob`, `Date`, ...): maps are index signatures
and binary strings are `string`, so a schema called `Record` or `Date` cannot shadow what we use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from codegen.ir import AnyValue, ListOf, MapOf, Named, Scalar, TypeRef
from codegen.names import ts_type_name, unique

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_SCALARS = MappingProxyType(
    {"string": "string", "integer": "number", "number": "number", "boolean": "boolean", "null": "null"}
)


def type_names(names: Iterable[str]) -> dict[str, str]:
    """IR schema name → exported TS type name, unique in order (IR names are unique already)."""
    listed = list(names)
    return dict(zip(listed, unique(ts_type_name(n) for n in listed), strict=True))


def key(name: str) -> str:
    """A property key: bare when it is an identifier, else a JSON (= TS) string literal."""
    return name if _IDENTIFIER.match(name) else json.dumps(name, ensure_ascii=False)


def literal(value: Any) -> str:
    """A JSON value as a TS literal type: JSON text is valid TS type syntax for every JSON value."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _top_level(expr: str) -> Iterator[tuple[int, str]]:
    """(index, character) of the characters outside brackets and string literals."""
    depth, quoted, escaped = 0, False, False
    for index, char in enumerate(expr):
        if quoted:
            quoted, escaped = (escaped or char != '"'), (not escaped and char == "\\")
        elif char == '"':
            quoted = True
        elif char in "([{<":
            depth += 1
        elif char in ")]}>":
            depth -= 1
        elif depth == 0:
            yield index, char


def _alternatives(expr: str) -> list[str]:
    """The top-level members of a union expression (`A | { b: B | C }` → `A`, `{ b: B | C }`)."""
    out, start = [], 0
    for index, char in _top_level(expr):
        if char == "|":
            out.append(expr[start:index].strip())
            start = index + 1
    return [*out, expr[start:].strip()]


def union(members: Iterable[str]) -> str:
    """`A | B`, flattened, without repeats, in first-seen order; `never` when there is no member."""
    seen = list(dict.fromkeys(alt for member in members for alt in _alternatives(member)))
    if "unknown" in seen:
        return "unknown"
    return " | ".join(seen) if seen else "never"


def parenthesised(expr: str) -> str:
    """`expr` safe to put before `[]` or inside `&`: unions and intersections get parentheses."""
    return f"({expr})" if any(char in "|&" for _, char in _top_level(expr)) else expr


def nullable(expr: str, allowed: bool) -> str:
    """`expr | null` when `null` is allowed (and `expr` does not allow it already)."""
    if not allowed or expr in ("unknown", "null") or expr.endswith(" | null"):
        return expr
    return f"{expr} | null"


class TypeExpr:
    """Renders type references against one API's exported type names."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def __call__(self, ref: TypeRef | None) -> str:
        """The TS type of a reference, `| null` included when it is nullable; None is `unknown`."""
        if ref is None:
            return "unknown"
        return nullable(self.bare(ref), ref.nullable)

    def bare(self, ref: TypeRef) -> str:
        """The TS type of a reference, ignoring its own nullability."""
        if isinstance(ref, Named):
            return self.names[ref.name]
        if isinstance(ref, Scalar):
            return _SCALARS[ref.type]
        if isinstance(ref, ListOf):
            return parenthesised(self(ref.items)) + "[]"
        if isinstance(ref, MapOf):
            return "{ [key: string]: " + self(ref.values) + " }"
        assert isinstance(ref, AnyValue)
        return "unknown"

    def array(self, ref: TypeRef) -> str:
        """`T[]` for items of type `ref`."""
        return parenthesised(self(ref)) + "[]"

    def tuple(self, items: Iterable[TypeRef], rest: TypeRef | None) -> str:
        """`[A, B]`, or `[A, B, ...C[]]` when further items are allowed."""
        parts = [self(i) for i in items]
        if rest is not None:
            parts.append("..." + self.array(rest))
        return "[" + ", ".join(parts) + "]"
