"""Views of the non-object named types: enums and consts, unions, tuples, and the simple ones
(named primitives, arrays, maps, aliases, any), for their templates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import MappingProxyType

from codegen.emit.go.checks import Checks, go_number, go_string
from codegen.emit.go.gotypes import METHOD_NAMES, GoTypes, scalar_expr
from codegen.emit.go.objects import doc_lines
from codegen.ir import (
    AliasDef,
    AnyValue,
    Api,
    ArrayDef,
    ConstDef,
    EnumDef,
    ListOf,
    MapDef,
    MapOf,
    Named,
    ObjectDef,
    Scalar,
    ScalarDef,
    ScalarType,
    Schema,
    TupleDef,
    TypeRef,
    UnionDef,
)
from codegen.names import allocate, go_name


@dataclass(frozen=True)
class Member:
    """An enum constant."""

    name: str
    literal: str


@dataclass(frozen=True)
class EnumView:
    """What `enum.go.jinja` renders (enums and scalar consts)."""

    name: str
    doc: tuple[str, ...]
    base: str
    members: tuple[Member, ...]


@dataclass(frozen=True)
class SimpleView:
    """What `simple.go.jinja` renders: `type X T` or `type X = T`, with `Validate` if it can have one."""

    name: str
    doc: tuple[str, ...]
    type: str
    alias: bool
    has_validate: bool
    checks: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Position:
    """One position of a tuple."""

    name: str
    type: str
    required: bool
    nullable: bool
    absent: str
    """Go condition that says the position is absent ("" when it is required)."""


@dataclass(frozen=True)
class Rest:
    """The items after a tuple's positions."""

    name: str
    type: str
    nullable: bool


@dataclass(frozen=True)
class TupleView:
    """What `tuple.go.jinja` renders."""

    name: str
    doc: tuple[str, ...]
    positions: tuple[Position, ...]
    rest: Rest | None
    min_items: int
    max_items: int | None
    """`maxItems`, or the number of positions when no more items are allowed, whichever is less."""
    checks: tuple[str, ...]


@dataclass(frozen=True)
class VariantView:
    """One alternative of a union."""

    name: str
    type: str
    tags: tuple[str, ...]
    checks: tuple[str, ...]
    kind: str
    """The JSON type a document must have to be tried as this alternative ("" when any may do):
    encoding/json alone is lenient (a []byte also decodes from an array of numbers)."""
    only: tuple[str, ...] | None = None
    """Under `unevaluatedProperties: false`: the Go string literals of the only member names this
    alternative allows (None when it does not restrict them)."""


@dataclass(frozen=True)
class UnionView:
    """What `union.go.jinja` renders."""

    name: str
    doc: tuple[str, ...]
    rule: str
    property: str | None
    variants: tuple[VariantView, ...]
    candidates: tuple[VariantView, ...]
    checks: tuple[str, ...]
    nullable: bool
    """The schema allows null (else decoding null is a `type` problem, never an empty union)."""


_BASES = MappingProxyType({"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"})


def _declared(api: Api, ref: TypeRef) -> tuple[str, ...] | None:
    """The member names an object alternative evaluates, when it evaluates no others."""
    if not isinstance(ref, Named):
        return None
    d = api.schema(ref.name).definition
    if not isinstance(d, ObjectDef) or d.patterns or (d.additional is not None and not d.closed):
        return None
    return tuple(go_string(f.json_name) for f in d.fields)


def _least(*limits: int | None) -> int | None:
    given = [n for n in limits if n is not None]
    return min(given) if given else None


def literal(base: ScalarType, value: object) -> str | None:
    """A Go constant of the base type for `value`, or None when it is not one."""
    if base == "string":
        return go_string(value if isinstance(value, str) else _json_text(value))
    if base == "boolean":
        return ("true" if value else "false") if isinstance(value, bool) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if base == "integer":
        if isinstance(value, float) and not value.is_integer():
            return None
        number = int(value)
        return str(number) if -(2**63) <= number < 2**63 else None
    return go_number(value) if base == "number" else None


def _json_text(value: object) -> str:
    return json.dumps(value)


def _unless_nil(checks: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Checks of a slice or map type, skipped for nil: its holder says whether absent or null is fine."""
    return ("if v == nil {", "return", "}", *checks) if checks else ()


def _variant_word(types: GoTypes, ref: TypeRef) -> str:
    if isinstance(ref, Named):
        return types.name(ref.name)
    if isinstance(ref, Scalar):
        return go_name(scalar_expr(ref).replace("[]byte", "bytes").replace("time.Time", "time"))
    return {"list": "List", "map": "Map"}.get(ref.kind, "Any")


class KindViews:
    """Builds the views of non-object named types for one Api."""

    def __init__(self, types: GoTypes, checks: Checks) -> None:
        self.types = types
        self.checks = checks
        self.imports: set[str] = set()

    def enum(self, schema: Schema, definition: EnumDef | ConstDef) -> EnumView:
        name = self.types.name(schema.name)
        base = definition.base or "string"
        go_base = _BASES.get(base, "string")
        if isinstance(definition, EnumDef):
            if base == "integer" and definition.format == "int32":
                go_base = "int32"
            values = [(i, m.value) for i, m in enumerate(definition.members)]
        else:
            values = [(0, definition.value.value)]
        members, seen = [], set()
        for index, value in values:
            text = literal(base, value)
            if text is None or text in seen:
                continue
            seen.add(text)
            members.append(Member(self.types.constant(schema.name, index), text))
        return EnumView(name, doc_lines(schema.description, schema.deprecated), go_base, tuple(members))

    def simple(self, schema: Schema, notes: tuple[str, ...] = ()) -> SimpleView:
        name = self.types.name(schema.name)
        doc = doc_lines(schema.description, schema.deprecated)
        has = self.types.has_methods(schema.name)
        d = schema.definition
        hint = self.types.hint(schema.name)
        if hint is not None:
            self.imports |= hint.imports
            return SimpleView(name, doc, hint.expr, True, False, (), notes)
        if schema.name in self.types.alias_cycles or isinstance(d, ConstDef):
            return SimpleView(name, doc, "any", True, False, (), notes)
        if isinstance(d, ArrayDef):
            self.imports |= self.types.imports(ListOf(d.items))
            array_checks = _unless_nil(self.checks.array_def(d))
            return SimpleView(name, doc, "[]" + self.types.element(d.items), False, has, array_checks)
        if isinstance(d, MapDef):
            ref: TypeRef = MapOf(d.values or AnyValue())
        elif isinstance(d, ScalarDef | AliasDef):
            ref = d.type
        else:
            ref = AnyValue()
        self.imports |= self.types.imports(ref)
        alias = isinstance(ref, Named | AnyValue) or not has
        checks: tuple[str, ...] = () if alias else tuple(self.checks.value(ref, "v", "at"))
        if self.types.nilable(ref):
            checks = _unless_nil(checks)
        return SimpleView(name, doc, self.types.expr(ref), alias, has and not alias, checks, notes)

    def tuple(self, schema: Schema, d: TupleDef) -> TupleView:
        taken = set(METHOD_NAMES)
        low = d.constraints.min_items or 0
        positions, checks = [], []
        for index, ref in enumerate(d.items):
            held = self.types.field(ref, index < low, schema.name)
            self.imports |= self.types.imports(ref)
            name = allocate(f"Item{index}", taken)
            absent = {
                "pointer": f"v.{name} == nil",
                "nil": f"v.{name} == nil",
                "nullable": f"v.{name}.IsZero()",
            }
            positions.append(
                Position(
                    name, held.type, index < low, self.types.nullable(ref), absent.get(held.presence, "")
                )
            )
            checks += self.checks.held(ref, held, f"v.{name}", f"pointerAt(at, {index})")
        rest = None
        if d.rest is not None:
            self.imports |= self.types.imports(d.rest)
            rest = Rest(allocate("Rest", taken), self.types.element(d.rest), self.types.nullable(d.rest))
            if self.checks.named_needs(d.rest):
                element = self.types.field(d.rest, True)
                body = self.checks.held(d.rest, element, "item", f"pointerAt(at, i+{len(d.items)})", 1)
                checks += [f"for i, item := range v.{rest.name} {{", *body, "}"]
        return TupleView(
            self.types.name(schema.name),
            doc_lines(schema.description, schema.deprecated),
            tuple(positions),
            rest,
            low,
            _least(d.constraints.max_items, None if d.rest is not None else len(d.items)),
            tuple(checks),
        )

    def json_kind(self, ref: TypeRef, seen: frozenset[str]) -> str:
        """The JSON type every value of `ref` has, or "" when it may have several."""
        if isinstance(ref, Scalar):
            if scalar_expr(ref) == "any":
                return ""
            return {"integer": "number"}.get(ref.type, ref.type)
        if isinstance(ref, ListOf):
            return "array"
        if isinstance(ref, MapOf):
            return "object"
        if not isinstance(ref, Named) or ref.name in seen or self.types.hint(ref.name) is not None:
            return ""
        d = self.types.api.schema(ref.name).definition
        if isinstance(d, ObjectDef | MapDef):
            return "object"
        if isinstance(d, ArrayDef | TupleDef):
            return "array"
        if isinstance(d, EnumDef | ConstDef) and d.base is not None and d.base in _BASES:
            return {"integer": "number"}.get(d.base, d.base)
        if isinstance(d, ScalarDef | AliasDef):
            return self.json_kind(d.type, seen | {ref.name})
        return ""

    def union(self, schema: Schema, d: UnionDef) -> UnionView:
        taken = set(METHOD_NAMES)
        variants, checks, used_tags = [], [], set()
        for variant in d.variants:
            self.imports |= self.types.imports(variant.type)
            name = allocate(_variant_word(self.types, variant.type), taken)
            tags = []
            for tag in variant.tags:
                if tag not in used_tags:
                    used_tags.add(tag)
                    tags.append(go_string(tag))
            inline = (
                () if isinstance(variant.type, Named) else tuple(self.checks.value(variant.type, "x", '""'))
            )
            kind = self.json_kind(variant.type, frozenset())
            only = _declared(self.types.api, variant.type) if d.closed else None
            variants.append(VariantView(name, self.types.expr(variant.type), tuple(tags), inline, kind, only))
            body = self.checks.value(variant.type, f"(*v.{name})", "at", 1)
            if body:
                checks += [f"if v.{name} != nil {{", *body, "}"]
        discriminated = d.discriminator is not None
        candidates = tuple(v for v in variants if not (discriminated and v.tags))
        return UnionView(
            self.types.name(schema.name),
            doc_lines(schema.description, schema.deprecated),
            "oneOf" if d.exclusive else "anyOf",
            go_string(d.discriminator.property) if d.discriminator is not None else None,
            tuple(variants),
            candidates,
            tuple(checks),
            schema.nullable,
        )
