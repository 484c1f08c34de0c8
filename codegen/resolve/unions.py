"""`oneOf`/`anyOf` (and `type` lists) → UnionDef, with the discriminator made explicit.

A `discriminator` gives the tag property; its `mapping` (or, per OpenAPI, the component name of
each `$ref` variant) gives the tags. Without one, a property that every variant fixes to a
distinct value (`const`, or an `enum` of one value) and requires is used as an implicit
discriminator; an optional one is not (a document may leave it out and still match a variant).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from codegen.ir import AnyValue, Discriminator, TypeRef, UnionDef, Variant
from codegen.resolve.shapes import classify, strip_null, types_of
from codegen.spec.pointers import split
from codegen.spec.refs import resolve

if TYPE_CHECKING:
    from codegen.resolve.typeres import Loc, TypeResolver


def _target(resolver: TypeResolver, loc: Loc, schema: Any) -> tuple[Loc, Any]:
    """Where a member leads once its `$ref`s (if any) are followed."""
    for _ in range(32):
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str)):
            break
        followed = resolver.follow(loc, schema)
        if followed is None:
            break
        loc, schema = followed
    return loc, schema


def _constants(resolver: TypeResolver, loc: Loc, schema: Any, depth: int = 0) -> dict[str, str]:
    """Properties a schema fixes to one string or integer value (through `$ref` and `allOf`)."""
    loc, schema = _target(resolver, loc, schema)
    if not isinstance(schema, dict) or depth > 16:
        return {}
    found: dict[str, str] = {}
    for index, member in enumerate(schema.get("allOf") or []):
        found.update(_constants(resolver, loc.child("allOf", index), member, depth + 1))
    properties = schema.get("properties")
    for name, prop in properties.items() if isinstance(properties, dict) else ():
        _, prop = _target(resolver, loc.child("properties", name), prop)
        if not isinstance(prop, dict):
            continue
        prop, _ = strip_null(prop)
        values = [prop["const"]] if "const" in prop else prop.get("enum")
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str | int):
            found[name] = str(values[0])
    return found


def _required(resolver: TypeResolver, loc: Loc, schema: Any, depth: int = 0) -> set[str]:
    """Properties a schema requires (through `$ref` and `allOf`)."""
    loc, schema = _target(resolver, loc, schema)
    if not isinstance(schema, dict) or depth > 16:
        return set()
    found = {name for name in schema.get("required") or [] if isinstance(name, str)}
    for index, member in enumerate(schema.get("allOf") or []):
        found |= _required(resolver, loc.child("allOf", index), member, depth + 1)
    return found


def _types_union(resolver: TypeResolver, loc: Loc, schema: dict[str, Any]) -> UnionDef:
    """`type: [string, integer]`: one variant per type."""
    variants = []
    for kind in types_of(schema):
        single = {**schema, "type": kind}
        shape = classify(single)
        if shape in ("object", "tuple"):
            resolver.warn(
                loc, f"a `{kind}` alternative of a type list with its own structure is typed as any value"
            )
            variants.append(Variant(AnyValue()))
        else:
            variants.append(Variant(resolver.inline(loc, single, shape, False)))
    return UnionDef(tuple(variants), exclusive=True)


def build(resolver: TypeResolver, loc: Loc, schema: dict[str, Any]) -> UnionDef:
    """The union of the (null-stripped) schema at `loc`."""
    if classify(schema) == "types":
        return _types_union(resolver, loc, schema)
    key = "oneOf" if isinstance(schema.get("oneOf"), list) else "anyOf"
    members: list[tuple[Loc, Any, TypeRef]] = []
    for member in schema[key]:
        member_loc = loc.child(key, resolver.index_of(loc, key, member))
        members.append((member_loc, member, resolver.type_of(member_loc, member)))
    targets = [_target(resolver, m_loc, m)[0].key for m_loc, m, _ in members]
    tags: list[list[str]] = [[] for _ in members]
    discriminator = None
    given = schema.get("discriminator")
    if isinstance(given, dict) and isinstance(given.get("propertyName"), str):
        discriminator = Discriminator(given["propertyName"], implicit=False)
        mapping = given.get("mapping")
        mapping = mapping if isinstance(mapping, dict) else {}
        mapped: set[int] = set()
        for value, ref in mapping.items():
            ref = ref if "/" in ref or "#" in ref else f"#/components/schemas/{ref}"
            target = resolve(resolver.spec, loc.document.uri, ref)
            key_of = (target.document.uri, target.pointer) if target is not None else None
            if key_of in targets:
                index = targets.index(key_of)
                tags[index].append(value)
                mapped.add(index)
            else:
                resolver.warn(
                    loc.child("discriminator", "mapping", value), f"`{ref}` is not one of the {key} variants"
                )
        for index, (_, member, _) in enumerate(members):
            if index not in mapped and isinstance(member, dict) and "$ref" in member:
                uri, pointer = targets[index]  # implicit: the schema's name (a whole file's: its stem)
                tags[index].append((split(pointer) or [PurePosixPath(urlsplit(uri).path).stem])[-1])
    else:
        # Only a required property can tell variants apart: an optional `const` may be left out.
        constants = [
            {k: v for k, v in _constants(resolver, m_loc, m).items() if k in _required(resolver, m_loc, m)}
            for m_loc, m, _ in members
        ]
        shared = [name for name in constants[0] if all(name in c for c in constants)] if constants else []
        for name in shared:
            values = [c[name] for c in constants]
            if len(set(values)) == len(values):
                discriminator = Discriminator(name, implicit=True)
                tags = [[v] for v in values]
                break
    variants = tuple(Variant(t, tuple(tag)) for (_, _, t), tag in zip(members, tags, strict=True))
    closed = schema.get("unevaluatedProperties") is False
    return UnionDef(variants, exclusive=key == "oneOf", discriminator=discriminator, closed=closed)
