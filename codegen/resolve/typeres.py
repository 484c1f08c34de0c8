"""Schema Objects → IR types. Named types are keyed by location, so recursion is a name, not a loop.

`TypeResolver.type_of` gives the TypeRef of a schema at a location: inline for scalars, lists,
plain maps and `any`; a Named for objects, enums, consts, unions, tuples and `allOf` merges, whose
definitions it builds once and stores (see `allof.py` and `unions.py` for those two).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from codegen.errors import Diagnostic, Level
from codegen.ir import (
    AliasDef,
    AnyDef,
    AnyValue,
    ArrayDef,
    ConstDef,
    Definition,
    EnumDef,
    EnumMember,
    Field,
    ListOf,
    MapDef,
    MapOf,
    Named,
    ObjectDef,
    Origin,
    PatternProperty,
    Scalar,
    ScalarDef,
    ScalarType,
    Schema,
    TupleDef,
    TypeRef,
    Value,
)
from codegen.names import pascal, unique
from codegen.resolve import allof, unions
from codegen.resolve.constraints import constraints_of
from codegen.resolve.gohints import go_hints
from codegen.resolve.locnames import natural_name
from codegen.resolve.shapes import SCALARS, classify, own_keywords, strip_null, types_of
from codegen.spec.document import Document, Spec
from codegen.spec.pointers import join, lookup
from codegen.spec.refs import resolve

_NAMED_KINDS = frozenset({"const", "enum", "allof", "union", "types", "object", "tuple"})


@dataclass(frozen=True)
class Loc:
    """A schema's place: its document and pointer."""

    document: Document
    """The document holding it."""
    pointer: str
    """Its JSON pointer."""

    @property
    def key(self) -> tuple[str, str]:
        """Hashable identity of the place."""
        return self.document.uri, self.pointer

    def child(self, *tokens: str | int) -> Loc:
        """The place of a sub-schema."""
        return Loc(self.document, join(self.pointer, *tokens))


def _text(schema: dict[str, Any], key: str) -> str | None:
    value = schema.get(key)
    return value if isinstance(value, str) else None


_REF_LOOP = (
    "this `$ref` is part of a loop of schemas that are each only a `$ref` (no type anywhere in it); "
    "typed as any value: give one schema of the loop its own type"
)


def _only_ref(schema: Any) -> bool:
    """A schema that is nothing but a `$ref` (a named one of these in a loop never reaches a type)."""
    return isinstance(schema, dict) and "$ref" in schema and not own_keywords(schema) - {"$ref"}


class TypeResolver:
    """One resolution of one spec: the named types so far, the names taken, the diagnostics."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.diagnostics: list[Diagnostic] = []
        self.said: set[Diagnostic] = set()
        self.names: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()
        self.schemas: dict[str, Schema] = {}
        self.building: set[tuple[str, str]] = set()  # named types whose definition is being built
        self.following: set[tuple[str, str]] = set()  # `$ref` targets being resolved inline
        self.pascal_names: dict[str, str] = {}  # pascal() of property names, which repeat a lot

    # --- places and names ---

    def warn(self, loc: Loc, message: str, level: Level = Level.WARNING) -> None:
        """Record a located diagnostic (once: a place reached on two paths says it once)."""
        diagnostic = self.spec.diagnostic(level, message, loc.document.uri, loc.pointer)
        if diagnostic not in self.said:
            self.said.add(diagnostic)
            self.diagnostics.append(diagnostic)

    def reserve(self, loc: Loc, base: str) -> str:
        """The name of a place, allocated on first request (`Pet`, then `Pet2`, ...)."""
        if loc.key not in self.names:
            name = unique([*sorted(self.taken), base])[-1] if base in self.taken else base
            self.names[loc.key] = name
            self.taken.add(name)
        return self.names[loc.key]

    def follow(self, loc: Loc, schema: dict[str, Any]) -> tuple[Loc, Any] | None:
        """Where a `$ref` leads, or None if nowhere (validation has said so already)."""
        target = resolve(self.spec, loc.document.uri, schema["$ref"])
        return None if target is None else (Loc(target.document, target.pointer), target.value)

    # --- TypeRefs ---

    def type_of(self, loc: Loc, schema: Any) -> TypeRef:
        """The type of the schema at `loc` as a use site sees it."""
        if not isinstance(schema, dict):
            return AnyValue()
        if "$ref" in schema:
            return self._ref(loc, schema)
        stripped, nullable = strip_null(schema)
        kind = classify(stripped)
        if loc.key in self.names or kind in _NAMED_KINDS or "patternProperties" in stripped:
            alias = self._inline_alias(loc, stripped, kind)
            return (
                replace(alias, nullable=True) if alias is not None and nullable else alias or self.define(loc)
            )
        return self.inline(loc, stripped, kind, nullable)

    def _inline_alias(self, loc: Loc, schema: dict[str, Any], kind: str) -> TypeRef | None:
        """A one-member `allOf`/`oneOf`/`anyOf` with nothing else is just that member, inline."""
        if loc.key in self.names or kind not in ("allof", "union"):
            return None
        for key in ("allOf", "oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and len(members) == 1 and own_keywords(schema) == {key}:
                return self.type_of(loc.child(key, self.index_of(loc, key, members[0])), members[0])
        return None

    def index_of(self, loc: Loc, key: str, member: Any) -> int:
        """Index of `member` in the `key` list of the schema at `loc` as written (before nulls went)."""
        written = self.value(loc)
        members = written.get(key) if isinstance(written, dict) else None
        for index, candidate in enumerate(members if isinstance(members, list) else []):
            if candidate is member:
                return index
        return 0

    def inline(self, loc: Loc, schema: dict[str, Any], kind: str, nullable: bool) -> TypeRef:
        if kind == "scalar":
            return Scalar(_scalar(schema), _text(schema, "format"), nullable, constraints_of(schema))
        if kind == "null":
            return Scalar("null", None, True)
        if kind == "array":
            return ListOf(self._items(loc, schema), nullable, constraints_of(schema))
        if kind == "map":
            return MapOf(self._values(loc, schema) or AnyValue(), nullable, constraints_of(schema))
        return AnyValue()

    def _ref(self, loc: Loc, schema: dict[str, Any]) -> TypeRef:
        if own_keywords(schema) - {"$ref"}:
            return self.define(loc)  # `$ref` with constraints beside it: an allOf of both (3.1)
        followed = self.follow(loc, schema)
        if followed is None:
            return AnyValue()
        target, value = followed
        if target.key in self.following and _only_ref(value):
            self.warn(loc, _REF_LOOP)
            return AnyValue()
        if target.key in self.following and target.key not in self.names:
            self.warn(loc, "this `$ref` loops back to itself through inline schemas; typed as any value")
            return AnyValue()
        self.following.add(target.key)
        try:
            return self.type_of(target, value)
        finally:
            self.following.discard(target.key)

    def _items(self, loc: Loc, schema: dict[str, Any]) -> TypeRef:
        items = schema.get("items")
        return self.type_of(loc.child("items"), items) if isinstance(items, dict) else AnyValue()

    def _values(self, loc: Loc, schema: dict[str, Any]) -> TypeRef | None:
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            return self.type_of(loc.child("additionalProperties"), extra)
        return AnyValue() if extra is True else None

    # --- named types ---

    def define(self, loc: Loc) -> Named:
        """The Named type of the schema at `loc`, building its definition the first time."""
        schema = self.value(loc)
        name = self.names.get(loc.key)  # a place named already keeps its name: skip natural_name
        name = name or self.reserve(loc, natural_name(self.spec, loc.document, loc.pointer))
        stripped, nullable = strip_null(schema) if isinstance(schema, dict) else ({}, False)
        if name not in self.schemas and loc.key not in self.building:
            self.building.add(loc.key)
            try:
                definition = self.definition(loc, stripped)
            finally:
                self.building.discard(loc.key)
            self.schemas[name] = Schema(
                name=name,
                definition=definition,
                origin=Origin(loc.document.display, loc.pointer),
                nullable=nullable,
                description=_text(stripped, "description") or _text(stripped, "title"),
                deprecated=stripped.get("deprecated") is True,
                go=go_hints(stripped),
                extensions=tuple((k, v) for k, v in stripped.items() if k.startswith("x-")),
            )
        return Named(name, nullable)

    def definition_of(self, name: str) -> Definition | None:
        """The definition of a named type built so far (None while it is being built)."""
        schema = self.schemas.get(name)
        return None if schema is None else schema.definition

    def value(self, loc: Loc) -> Any:
        """The schema written at `loc`."""
        return lookup(loc.document.content, loc.pointer)[1]

    def definition(self, loc: Loc, schema: dict[str, Any]) -> Definition:
        """The definition of a named type from its (null-stripped) schema."""
        kind = classify(schema)
        if kind == "ref":
            return (
                allof.merge(self, loc, schema)
                if own_keywords(schema) - {"$ref"}
                else self._alias(loc, schema)
            )
        for key in ("allOf", "oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and len(members) == 1 and own_keywords(schema) == {key}:
                member_loc = loc.child(key, self.index_of(loc, key, members[0]))
                return AliasDef(self.type_of(member_loc, members[0]))  # `anyOf: [X, null]` is X, nullable
        if kind == "allof":
            return allof.merge(self, loc, schema)
        if kind in ("union", "types"):
            return unions.build(self, loc, schema)
        if kind == "const":
            value = schema["const"]
            return ConstDef(Value(value), _json_type(value))
        if kind == "enum":
            return self._enum(loc, schema)
        if kind == "object":
            return self.object(loc, schema)
        if kind == "tuple":
            return self._tuple(loc, schema)
        if kind == "array":
            return ArrayDef(
                self._items(loc, schema),
                schema.get("minItems"),
                schema.get("maxItems"),
                schema.get("uniqueItems") is True,
            )
        if kind == "map":
            patterns = self.patterns(loc, schema)
            return MapDef(
                self._values(loc, schema) or (None if patterns else AnyValue()),
                patterns,
                constraints_of(schema),
            )
        if kind == "scalar":
            return ScalarDef(
                Scalar(_scalar(schema), _text(schema, "format"), constraints=constraints_of(schema))
            )
        if kind == "null":
            return ScalarDef(Scalar("null", None, True))
        return AnyDef()

    def _alias(self, loc: Loc, schema: dict[str, Any]) -> Definition:
        return AliasDef(self._ref(loc, schema))

    def patterns(self, loc: Loc, schema: dict[str, Any]) -> tuple[PatternProperty, ...]:
        """`patternProperties` as IR."""
        found = schema.get("patternProperties")
        if not isinstance(found, dict):
            return ()
        return tuple(
            PatternProperty(p, self.type_of(loc.child("patternProperties", p), s)) for p, s in found.items()
        )

    def fields(self, loc: Loc, schema: dict[str, Any]) -> list[Field]:
        """The properties of one object schema (not merged with anything)."""
        properties = schema.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        required = schema.get("required")
        required = set(required) if isinstance(required, list) else set()
        cache = self.pascal_names
        names = unique(cache.get(key) or cache.setdefault(key, pascal(key)) for key in properties)
        out = []
        for name, (key, prop) in zip(names, properties.items(), strict=True):
            prop_loc = loc.child("properties", key)
            own = prop if isinstance(prop, dict) else {}
            default = Value(own["default"]) if "default" in own else None
            out.append(
                Field(
                    name=name,
                    json_name=key,
                    type=self.type_of(prop_loc, prop),
                    required=key in required,
                    read_only=own.get("readOnly") is True,
                    write_only=own.get("writeOnly") is True,
                    default=default,
                    deprecated=own.get("deprecated") is True,
                    description=_text(own, "description"),
                    go=go_hints(own),
                )
            )
        return out

    def object(self, loc: Loc, schema: dict[str, Any]) -> ObjectDef:
        """An object schema with its own properties."""
        closed = schema.get("additionalProperties") is False or schema.get("unevaluatedProperties") is False
        return ObjectDef(
            fields=tuple(self.fields(loc, schema)),
            additional=self._values(loc, schema),
            closed=closed,
            patterns=self.patterns(loc, schema),
            constraints=constraints_of(schema),
        )

    def _enum(self, loc: Loc, schema: dict[str, Any]) -> EnumDef:
        values = [v for v in schema["enum"] if v is not None]
        kinds = types_of(schema)
        found = {_json_type(v) or "string" for v in values}
        base: ScalarType = _scalar(schema) if kinds and kinds[0] in SCALARS else "string"
        if not kinds and len(found) == 1:
            base = found.pop()
        if any(_json_type(v) not in (base, "integer" if base == "number" else base) for v in values):
            self.warn(
                loc.child("enum"),
                f"enum values are not all of type {base}; emitters will treat them as {base}",
            )
        given = schema.get("x-enum-varnames") or schema.get("x-enumNames")
        labels = given if isinstance(given, list) and len(given) == len(values) else values
        names = unique(pascal(str(label)) for label in labels)
        members = tuple(
            EnumMember(n, v)
            for n, v in zip(names, values, strict=True)
            if isinstance(v, str | int | float | bool)
        )
        return EnumDef(base, members, _text(schema, "format"))

    def _tuple(self, loc: Loc, schema: dict[str, Any]) -> TupleDef:
        prefix = schema["prefixItems"]
        items = tuple(self.type_of(loc.child("prefixItems", i), s) for i, s in enumerate(prefix))
        rest = schema.get("items", True)
        limits = constraints_of(schema)
        if rest is False:
            return TupleDef(items, None, limits)
        return TupleDef(
            items, self.type_of(loc.child("items"), rest) if isinstance(rest, dict) else AnyValue(), limits
        )


def _scalar(schema: dict[str, Any]) -> ScalarType:
    kind = types_of(schema)[0]
    assert kind in SCALARS
    return kind  # type: ignore[return-value]


def _json_type(value: Any) -> ScalarType | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "null" if value is None else None
