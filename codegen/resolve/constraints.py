"""Validation keywords of a Schema Object → `Constraints` (what a type system cannot say itself).

Only well-typed values are kept: a `minLength: "3"` that validation let through as a warning is
ignored rather than passed to emitters that would print it into code.
"""

from __future__ import annotations

from typing import Any

from codegen.ir import Constraints


def _count(schema: dict[str, Any], key: str) -> int | None:
    value = schema.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _number(schema: dict[str, Any], key: str) -> int | float | None:
    value = schema.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if value == value and abs(value) != float("inf") else None


#: The keywords `constraints_of` reads: a schema with none of them (most) skips the reading.
_KEYWORDS = frozenset(
    {
        "pattern", "multipleOf", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
    }
)  # fmt: skip
_NONE = Constraints()


def constraints_of(schema: dict[str, Any]) -> Constraints:
    """The validation keywords of one (null-stripped) schema; empty when it has none."""
    if _KEYWORDS.isdisjoint(schema):
        return _NONE
    pattern = schema.get("pattern")
    multiple = _number(schema, "multipleOf")
    return Constraints(
        min_length=_count(schema, "minLength"),
        max_length=_count(schema, "maxLength"),
        pattern=pattern if isinstance(pattern, str) else None,
        minimum=_number(schema, "minimum"),
        maximum=_number(schema, "maximum"),
        exclusive_minimum=_number(schema, "exclusiveMinimum"),
        exclusive_maximum=_number(schema, "exclusiveMaximum"),
        multiple_of=multiple if multiple is not None and multiple > 0 else None,
        min_items=_count(schema, "minItems"),
        max_items=_count(schema, "maxItems"),
        unique_items=schema.get("uniqueItems") is True,
        min_properties=_count(schema, "minProperties"),
        max_properties=_count(schema, "maxProperties"),
    )
