"""Schemas as a request or a response carries them, where that differs from the schema itself.

A request may leave out a required readOnly property, and a response a required writeOnly one, at
any depth: `Order.pet.id` as well as `Pet.id` (the Go router decodes them so). For each direction,
the schemas whose shape differs (they have such a property, or refer to a schema that does) are
declared again as members of one interface, `$Request` or `$Response`, whose members refer to each
other; a request or response body names those members instead of the schemas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from codegen.emit.ts.typeexpr import TypeExpr, key, literal, union
from codegen.ir import (
    AliasDef,
    Api,
    ArrayDef,
    Field,
    MapDef,
    ObjectDef,
    Schema,
    TupleDef,
    UnionDef,
    Variant,
    named_in,
    refs_of,
)

Direction = Literal["request", "response"]
DIRECTIONS: tuple[Direction, ...] = ("request", "response")
REGISTRY: dict[Direction, str] = {"request": "$Request", "response": "$Response"}
_DOCS: dict[Direction, str] = {
    "request": "Schemas as a request carries them, where a required readOnly property (at any depth) "
    "may be left out.",
    "response": "Schemas as a response carries them, where a required writeOnly property (at any depth) "
    "may be left out.",
}

IndexType = Callable[[ObjectDef, TypeExpr, bool], str | None]
"""(object, type renderer, whether some property is optional) → its index signature's type."""
VariantType = Callable[[UnionDef, Variant, TypeExpr], str]


def one_way(field: Field, direction: Direction) -> bool:
    """Whether `direction` may leave out this required property: readOnly in a request, writeOnly in a
    response."""
    return field.required and (field.read_only if direction == "request" else field.write_only)


def differing(api: Api, direction: Direction) -> frozenset[str]:
    """Names of the schemas whose shape differs in `direction`: objects with a one-way property, and
    every schema that refers to one of those, however indirectly."""
    users: dict[str, list[str]] = {}
    for schema in api.schemas:
        for ref in refs_of(schema.definition):
            for name in named_in(ref):
                users.setdefault(name, []).append(schema.name)
    found = {
        s.name
        for s in api.schemas
        if isinstance(s.definition, ObjectDef) and any(one_way(f, direction) for f in s.definition.fields)
    }
    queue = list(found)
    while queue:
        for user in users.get(queue.pop(), ()):
            if user not in found:
                found.add(user)
                queue.append(user)
    return frozenset(found)


@dataclass(frozen=True)
class Registry:
    """The `$Request` or `$Response` interface: its name, doc comment and (key, type) members."""

    name: str
    doc: str
    members: tuple[tuple[str, str], ...]


class Directions:
    """Per direction, the schemas that differ and a TypeExpr that names their members instead."""

    def __init__(self, api: Api, names: dict[str, str]) -> None:
        self.api = api
        self.names = names
        self.differs = {d: differing(api, d) for d in DIRECTIONS}
        self.exprs = {
            d: TypeExpr({**names, **{n: f"{REGISTRY[d]}[{literal(names[n])}]" for n in self.differs[d]}})
            for d in DIRECTIONS
        }

    def uses_optional(self) -> bool:
        """Whether some member is `$Optional<…>` of its schema."""
        return any(self._optional_keys(self.api.schema(n), d) for d in DIRECTIONS for n in self.differs[d])

    def registries(self, index_type: IndexType, variant: VariantType) -> list[Registry]:
        """The interfaces to declare (none for a direction where no schema differs)."""
        out = []
        for direction in DIRECTIONS:
            members = tuple(
                (key(self.names[s.name]), self._shape(s, direction, index_type, variant))
                for s in self.api.schemas
                if s.name in self.differs[direction]
            )
            if members:
                out.append(Registry(REGISTRY[direction], _DOCS[direction], members))
        return out

    def _optional_keys(self, schema: Schema, direction: Direction) -> list[str]:
        """The one-way properties of an object none of whose properties refers to a differing schema
        (`$Optional<Pet, "id">` says it all); empty otherwise."""
        obj = schema.definition
        if not isinstance(obj, ObjectDef) or any(
            name in self.differs[direction] for ref in refs_of(obj) for name in named_in(ref)
        ):
            return []
        return [f.json_name for f in obj.fields if one_way(f, direction)]

    def _shape(
        self, schema: Schema, direction: Direction, index_type: IndexType, variant: VariantType
    ) -> str:
        t = self.exprs[direction]
        keys = self._optional_keys(schema, direction)
        definition = schema.definition
        if keys:
            shape = f"$Optional<{self.names[schema.name]}, {' | '.join(literal(k) for k in keys)}>"
        elif isinstance(definition, ObjectDef):
            shape = _object(definition, direction, t, index_type)
        elif isinstance(definition, ArrayDef):
            shape = t.array(definition.items)
        elif isinstance(definition, TupleDef):
            shape = t.tuple(definition.items, definition.rest)
        elif isinstance(definition, MapDef):
            values = ([definition.values] if definition.values is not None else []) + [
                p.type for p in definition.patterns
            ]
            shape = "{ [key: string]: " + union(t(v) for v in values) + " }"
        elif isinstance(definition, UnionDef):
            shape = union(variant(definition, v, t) for v in definition.variants)
        else:
            assert isinstance(definition, AliasDef), definition  # nothing else refers to a schema
            shape = t(definition.type)
        return union([shape, "null"]) if schema.nullable else shape


def _object(obj: ObjectDef, direction: Direction, t: TypeExpr, index_type: IndexType) -> str:
    lines = list(_properties(obj, direction, t))
    index = index_type(obj, t, any(not f.required or one_way(f, direction) for f in obj.fields))
    if index is not None:
        lines.append(f"[key: string]: {index};")
    return "{\n" + "".join(f"    {line}\n" for line in lines) + "  }"


def _properties(obj: ObjectDef, direction: Direction, t: TypeExpr) -> Iterator[str]:
    for f in obj.fields:
        optional = "?" if not f.required or one_way(f, direction) else ""
        yield f"{'readonly ' if f.read_only else ''}{key(f.json_name)}{optional}: {t(f.type)};"
