"""`allOf` (and `$ref` with constraints beside it) merged into one object type.

Members' properties are laid side by side in member order, `required` is the union of every
member's, named members are kept as `bases`. A property two members define differently gets the
intersection of both (`refine.meet`); two that no value satisfies together are an error, two the IR
cannot intersect a warning (the first definition is kept). Members that are not objects cannot be
merged and are reported.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from codegen.errors import Level
from codegen.ir import AliasDef, AnyDef, Definition, Field, Named, ObjectDef, PatternProperty, Scalar, TypeRef
from codegen.resolve import refine
from codegen.resolve.shapes import ANNOTATIONS, classify, own_keywords, strip_null

if TYPE_CHECKING:
    from codegen.resolve.typeres import Loc, TypeResolver

_OBJECT_KEYS = frozenset(
    {"properties", "required", "additionalProperties", "patternProperties", "unevaluatedProperties"}
)


class _Merge:
    """The state of one merge."""

    def __init__(self, resolver: TypeResolver) -> None:
        self.r = resolver
        self.fields: dict[str, tuple[Field, Loc]] = {}
        self.required: set[str] = set()
        self.bases: list[str] = []
        self.additional: TypeRef | None = None
        self.closed = False
        self.patterns: list[PatternProperty] = []
        self.others: list[tuple[Loc, Any]] = []
        self.seen: set[tuple[str, str]] = set()

    def member(self, loc: Loc, schema: Any) -> None:
        if not isinstance(schema, dict) or loc.key in self.seen:
            return
        self.seen.add(loc.key)
        if "$ref" in schema:
            followed = self.r.follow(loc, schema)
            if followed is not None:
                target, value = followed
                if target.key in self.r.names:
                    self.bases.append(self.r.define(target).name)
                self.member(target, value)
            schema = {k: v for k, v in schema.items() if k != "$ref"}
        stripped, _ = strip_null(schema)
        for index, sub in enumerate(stripped.get("allOf") or []):
            self.member(loc.child("allOf", index), sub)
        own = {k: v for k, v in stripped.items() if k != "allOf"}
        keys = own_keywords(own)
        if not keys or (keys <= {"type"} and own.get("type") == "object"):
            return
        if classify(own) in ("object", "map") or keys & _OBJECT_KEYS:
            self.object(loc, own)
        elif keys - ANNOTATIONS:
            self.others.append((loc, own))

    def object(self, loc: Loc, schema: dict[str, Any]) -> None:
        required = schema.get("required")
        self.required.update(r for r in required if isinstance(r, str)) if isinstance(
            required, list
        ) else None
        for field in self.r.fields(loc, schema):
            here = loc.child("properties", field.json_name)
            if field.json_name not in self.fields:
                self.fields[field.json_name] = (field, here)
                continue
            first, where = self.fields[field.json_name]
            self.fields[field.json_name] = (self.refine(first, where, field, here), where)
        extra = schema.get("additionalProperties")
        if extra is False or schema.get("unevaluatedProperties") is False:
            self.closed = True
        elif isinstance(extra, dict | bool) and self.additional is None:
            self.additional = self.r.type_of(loc.child("additionalProperties"), extra)
        self.patterns.extend(self.r.patterns(loc, schema))

    def refine(self, first: Field, where: Loc, field: Field, here: Loc) -> Field:
        """`first` narrowed by a later member's definition of the same property (see `refine.py`)."""
        lookup = self.r.definition_of
        narrowed = (
            first.type
            if first.type == field.type
            else refine.meet(lookup, first.type, field.type, lambda a, b: self.combine(here, a, b))
        )
        if narrowed is not None:
            return replace(
                first,
                type=narrowed,
                description=first.description or field.description,
                read_only=first.read_only or field.read_only,
                write_only=first.write_only or field.write_only,
                deprecated=first.deprecated or field.deprecated,
            )
        where_first = self.r.spec.where(where.document.uri, where.pointer)
        described = f"{_describe(field.type)} here, {_describe(first.type)} at {where_first}"
        if refine.contradicts(lookup, first.type, field.type):
            self.r.warn(
                here,
                f"allOf members contradict each other on property `{field.json_name}`: {described}; "
                "no value satisfies both, so fix one of them",
                Level.ERROR,
            )
        else:
            self.r.warn(
                here,
                f"allOf members define property `{field.json_name}` in ways codegen cannot intersect: "
                f"{described}; the first definition is kept",
            )
        return first

    def combine(self, here: Loc, first: Named, later: Named) -> TypeRef | None:
        """Two object types merged into `later` when `later` is defined inline under `here` (so only
        this property uses it); otherwise None."""
        schema = self.r.schemas.get(later.name)
        earlier = self.r.definition_of(first.name)
        if (
            schema is None
            or not isinstance(earlier, ObjectDef)
            or not isinstance(schema.definition, ObjectDef)
        ):
            return None
        inline = schema.origin.file == here.document.display and (
            schema.origin.pointer == here.pointer or schema.origin.pointer.startswith(here.pointer + "/")
        )
        if not inline:
            return None
        merged = refine.merge_objects(
            self.r.definition_of, earlier, schema.definition, lambda a, b: self.combine(here, a, b)
        )
        if merged is None:
            return None
        self.r.schemas[later.name] = replace(schema, definition=merged)
        return Named(later.name)


def _describe(type_ref: TypeRef) -> str:
    if isinstance(type_ref, Named):
        text = type_ref.name
    elif isinstance(type_ref, Scalar):
        text = type_ref.type + (f" ({type_ref.format})" if type_ref.format else "")
    else:
        text = type_ref.kind
    return f"`{text}`" + (" or null" if type_ref.nullable else "")


def merge(resolver: TypeResolver, loc: Loc, schema: dict[str, Any]) -> Definition:
    """The definition of an `allOf` (or constrained `$ref`) schema at `loc`."""
    state = _Merge(resolver)
    state.member(loc, schema)
    if not state.fields and not state.bases and not state.closed and state.additional is None:
        if len(state.others) == 1:
            other_loc, other = state.others[0]
            return AliasDef(resolver.type_of(other_loc, other))  # e.g. allOf of a string and a pattern
        if not state.others:
            return AnyDef()
    for other_loc, _ in state.others:
        resolver.warn(
            other_loc, "this allOf member is not an object; codegen merges objects only and ignores it"
        )
    fields = tuple(replace(f, required=f.json_name in state.required) for f, _ in state.fields.values())
    return ObjectDef(
        fields=fields,
        additional=state.additional,
        closed=state.closed,
        patterns=tuple(state.patterns),
        bases=tuple(dict.fromkeys(state.bases)),
    )
