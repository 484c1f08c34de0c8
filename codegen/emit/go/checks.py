"""Go statements that validate a value against its TypeRef: enums, `Constraints`, nested types.

Statements append to `errs` (a `*ValidationErrors`) through runtime helpers (`checkMinLength`, ...),
with JSON pointers built from a Go string expression `at`. Named types validate themselves with their
`ValidateAt(at, errs)` method (exported: the types of a big spec span packages), enums in place with
`Valid()`; `needs` says which ones have anything to check, so no empty calls or loops are
generated. Patterns become package variables `patternN` (compiled once, on first use).
"""

from __future__ import annotations

import json
from functools import cached_property

from codegen.emit.go.gotypes import GoField, GoTypes, scalar_expr
from codegen.ir import (
    ArrayDef,
    ConstDef,
    Constraints,
    EnumDef,
    ListOf,
    MapDef,
    MapOf,
    Named,
    ObjectDef,
    Scalar,
    ScalarDef,
    TypeRef,
    UnionDef,
    refs_of,
)

_STRINGY = ("string",)
CHECKED_FORMATS = frozenset({"uuid", "email", "uri"})
"""String formats `Validate()` asserts (`date`, `date-time`, `byte` are checked by their Go types)."""
_NUMERIC = ("int32", "int64", "float32", "float64")


def go_bool(value: object) -> str:
    """A Go boolean literal for a Python truth value (the templates' `go_bool` filter)."""
    return "true" if value else "false"


def go_string(text: str) -> str:
    """A Go interpreted string literal for any text."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\uFFFD")
        else:
            out.append(char)
    return "".join(out) + '"'


def go_number(value: int | float) -> str:
    """A Go numeric literal (valid for float64 arithmetic)."""
    return json.dumps(value) if isinstance(value, int) else repr(float(value))


class Checks:
    """Validation code for one Api."""

    def __init__(self, types: GoTypes) -> None:
        self.types = types
        self.patterns: dict[str, str] = {}
        for pattern in sorted(self._all_patterns()):
            self.patterns[pattern] = f"pattern{len(self.patterns)}"

    def _all_patterns(self) -> set[str]:
        found: set[str] = set()

        def visit(ref: TypeRef | None) -> None:
            if isinstance(ref, Scalar) and ref.constraints.pattern is not None:
                found.add(ref.constraints.pattern)
            elif isinstance(ref, ListOf):
                visit(ref.items)
            elif isinstance(ref, MapOf):
                visit(ref.values)

        for schema in self.types.api.schemas:
            for ref in refs_of(schema.definition):
                visit(ref)
            if isinstance(schema.definition, ScalarDef):
                visit(schema.definition.type)
            for pattern in getattr(schema.definition, "patterns", ()):
                found.add(pattern.pattern)
        for operation in self.types.api.operations:
            for parameter in operation.parameters:
                visit(parameter.type)
            for response in operation.responses:
                for header in response.headers:
                    visit(header.type)
                for content in response.content:
                    visit(content.type)
            if operation.request_body is not None:
                for content in operation.request_body.content:
                    visit(content.type)
        return found

    def pattern(self, source: str) -> str:
        """The package variable holding a compiled `pattern`."""
        return self.patterns[source]

    @cached_property
    def needs(self) -> frozenset[str]:
        """Named schemas whose `validate` checks anything (directly or through what they contain)."""
        needed: set[str] = set()
        for schema in self.types.api.schemas:
            if not self.types.has_methods(schema.name):
                continue
            d = schema.definition
            if (
                isinstance(d, EnumDef | ConstDef | UnionDef)
                or (isinstance(d, ScalarDef) and self._scalar_checks(d.type))
                or (isinstance(d, ObjectDef | MapDef) and d.constraints.min_properties is not None)
                or (isinstance(d, ObjectDef | MapDef) and d.constraints.max_properties is not None)
                or (
                    isinstance(d, ArrayDef)
                    and (d.min_items is not None or d.max_items is not None or d.unique)
                )
            ):
                needed.add(schema.name)
        changed = True
        while changed:
            changed = False
            for schema in self.types.api.schemas:
                if schema.name in needed or not self.types.has_methods(schema.name):
                    continue
                if any(self._ref_needs(ref, needed) for ref in refs_of(schema.definition)):
                    needed.add(schema.name)
                    changed = True
        return frozenset(needed)

    @cached_property
    def enums(self) -> frozenset[str]:
        """Named enums (and constants): checked where they are used, `checkEnum(..., x.Valid(), x)`,
        instead of through a `validate` method of their own."""
        return frozenset(
            schema.name
            for schema in self.types.api.schemas
            if self.types.has_methods(schema.name)
            and self.types.hint(schema.name) is None
            and (
                isinstance(schema.definition, EnumDef)
                or (isinstance(schema.definition, ConstDef) and schema.definition.base not in (None, "null"))
            )
        )

    def _ref_needs(self, ref: TypeRef, needed: set[str] | frozenset[str]) -> bool:
        if isinstance(ref, Named):
            return ref.name in needed
        if isinstance(ref, Scalar):
            return bool(self._scalar_checks(ref))
        if isinstance(ref, ListOf):
            c = ref.constraints
            return bool(
                c.min_items is not None or c.max_items is not None or c.unique_items
            ) or self._ref_needs(ref.items, needed)
        if isinstance(ref, MapOf):
            c = ref.constraints
            return (
                c.min_properties is not None
                or c.max_properties is not None
                or self._ref_needs(ref.values, needed)
            )
        return False

    def named_needs(self, ref: TypeRef) -> bool:
        """Whether values of `ref` have anything to check."""
        return self._ref_needs(ref, self.needs)

    def _scalar_checks(self, scalar: Scalar) -> list[tuple[str, str]]:
        """(helper, argument) pairs for a primitive's constraints, as far as its Go type allows."""
        c: Constraints = scalar.constraints
        go = scalar_expr(scalar)
        out: list[tuple[str, str]] = []
        if go in _STRINGY:
            if c.min_length is not None:
                out.append(("checkMinLength", str(c.min_length)))
            if c.max_length is not None:
                out.append(("checkMaxLength", str(c.max_length)))
            if c.pattern is not None and c.pattern in self.patterns:
                out.append(("checkPattern", self.patterns.get(c.pattern, "")))
            if scalar.format in CHECKED_FORMATS:
                out.append(("checkFormat", f'"{scalar.format}"'))
        elif go in _NUMERIC:
            for helper, limit in (
                ("checkMinimum", c.minimum),
                ("checkMaximum", c.maximum),
                ("checkExclusiveMinimum", c.exclusive_minimum),
                ("checkExclusiveMaximum", c.exclusive_maximum),
                ("checkMultipleOf", c.multiple_of),
            ):
                if limit is not None:
                    out.append((helper, go_number(limit)))
        return out

    # --- statements ---

    def value(self, ref: TypeRef, value: str, at: str, depth: int = 0) -> list[str]:
        """Statements checking `value` (a Go expression of type `expr(ref)`, never nil here)."""
        if isinstance(ref, Named):
            if ref.name in self.enums:
                return [f"checkEnum(errs, {at}, {value}.Valid(), {value})"]
            return [f"{value}.ValidateAt({at}, errs)"] if ref.name in self.needs else []
        if isinstance(ref, Scalar):
            go = scalar_expr(ref)
            cast = f"string({value})" if go in _STRINGY else f"float64({value})"
            return [f"{helper}(errs, {at}, {cast}, {arg})" for helper, arg in self._scalar_checks(ref)]
        if isinstance(ref, ListOf):
            c = ref.constraints
            out = self._list_limits(value, at, c.min_items, c.max_items, c.unique_items)
            return out + self.each(ref.items, value, at, depth)
        if isinstance(ref, MapOf):
            out = self._map_limits(f"len({value})", at, ref.constraints)
            return out + self.each_value(ref.values, value, at, depth)
        return []

    def _list_limits(self, value: str, at: str, low: int | None, high: int | None, unique: bool) -> list[str]:
        out = []
        if low is not None:
            out.append(f"checkMinItems(errs, {at}, len({value}), {low})")
        if high is not None:
            out.append(f"checkMaxItems(errs, {at}, len({value}), {high})")
        if unique:
            out.append(f"checkUnique(errs, {at}, {value})")
        return out

    def _map_limits(self, count: str, at: str, c: Constraints) -> list[str]:
        out = []
        if c.min_properties is not None:
            out.append(f"checkMinProperties(errs, {at}, {count}, {c.min_properties})")
        if c.max_properties is not None:
            out.append(f"checkMaxProperties(errs, {at}, {count}, {c.max_properties})")
        return out

    def held(self, ref: TypeRef, field: GoField, value: str, at: str, depth: int = 0) -> list[str]:
        """Statements checking a value held as `field` says (pointer, nil-able, Nullable)."""
        if not self.named_needs(ref):
            return []
        if field.presence == "value":
            return self.value(ref, value, at, depth)
        if field.presence == "pointer":
            return [f"if {value} != nil {{", *self.value(ref, f"(*{value})", at, depth + 1), "}"]
        if field.presence == "nil":
            return [f"if {value} != nil {{", *self.value(ref, value, at, depth + 1), "}"]
        got = f"x{depth}"
        return [f"if {got}, ok := {value}.Get(); ok {{", *self.value(ref, got, at, depth + 1), "}"]

    def each(self, items: TypeRef, value: str, at: str, depth: int) -> list[str]:
        """A loop checking every item of a slice, if items have anything to check."""
        if not self.named_needs(items):
            return []
        index, item = f"i{depth}", f"item{depth}"
        body = self.held(items, self.types.field(items, True), item, f"pointerAt({at}, {index})", depth + 1)
        return [f"for {index}, {item} := range {value} {{", *body, "}"]

    def each_value(self, values: TypeRef, value: str, at: str, depth: int) -> list[str]:
        """A loop checking every value of a map, if values have anything to check."""
        if not self.named_needs(values):
            return []
        key, item = f"k{depth}", f"item{depth}"
        body = self.held(values, self.types.field(values, True), item, f"pointerTo({at}, {key})", depth + 1)
        return [f"for {key}, {item} := range {value} {{", *body, "}"]

    def array_def(self, d: ArrayDef) -> list[str]:
        """The body of `validate` for a named array."""
        return self._list_limits("v", "at", d.min_items, d.max_items, d.unique) + self.each(
            d.items, "v", "at", 0
        )

    def count_limits(self, c: Constraints, count: str) -> list[str]:
        """minProperties/maxProperties checks on a property count expression."""
        return self._map_limits(count, "at", c)
