"""The intersection of two IR types, for a property that two `allOf` members both define.

A document must satisfy every member of an `allOf`, so a member that narrows a property refines a
wider one: `items: {type: object}` and `items: {$ref: Station}` meet at `Station`. `meet` gives that
narrower type when one of the two (or a list/scalar built from both) expresses it; `contradicts`
says when no value but (at most) `null` can satisfy both, which makes the schema unsatisfiable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from codegen.ir import (
    AliasDef,
    AnyDef,
    AnyValue,
    ArrayDef,
    ConstDef,
    Constraints,
    Definition,
    EnumDef,
    ListOf,
    MapDef,
    MapOf,
    Named,
    ObjectDef,
    Scalar,
    ScalarDef,
    TupleDef,
    TypeRef,
    UnionDef,
)

Lookup = Callable[[str], Definition | None]
"""The definition of a named type, or None while it is still being built."""
Combine = Callable[[Named, Named], TypeRef | None]
"""Two named object types as one (their fields merged), when the caller can name the result."""

_ALL = frozenset({"string", "integer", "number", "boolean", "null", "array", "object"})


def _definition(lookup: Lookup, ref: TypeRef) -> Definition | None:
    return lookup(ref.name) if isinstance(ref, Named) else None


def _unalias(lookup: Lookup, ref: TypeRef) -> TypeRef:
    """A Named alias is its target (nullable if either is)."""
    seen: set[str] = set()
    while isinstance(ref, Named) and ref.name not in seen:
        seen.add(ref.name)
        definition = lookup(ref.name)
        if not isinstance(definition, AliasDef):
            break
        target = definition.type
        ref = replace(target, nullable=True) if ref.nullable and not target.nullable else target
    return ref


def json_types(lookup: Lookup, ref: TypeRef) -> frozenset[str]:
    """The JSON types a value of `ref` may have (`null` included when nullable)."""
    ref = _unalias(lookup, ref)
    null = {"null"} if ref.nullable else set()
    if isinstance(ref, AnyValue):
        return _ALL
    if isinstance(ref, Scalar):
        return frozenset({ref.type, *null})
    if isinstance(ref, ListOf):
        return frozenset({"array", *null})
    if isinstance(ref, MapOf):
        return frozenset({"object", *null})
    definition = lookup(ref.name)
    if definition is None or isinstance(definition, AnyDef | AliasDef):
        return _ALL
    if isinstance(definition, ObjectDef | MapDef):
        return frozenset({"object", *null})
    if isinstance(definition, ArrayDef | TupleDef):
        return frozenset({"array", *null})
    if isinstance(definition, EnumDef):
        return frozenset({definition.base, *null})
    if isinstance(definition, ConstDef):
        return frozenset({definition.base or "null", *null})
    if isinstance(definition, ScalarDef):
        return frozenset({definition.type.type, *null})
    found: set[str] = set(null)
    for variant in definition.variants:
        found |= json_types(lookup, variant.type)
    return frozenset(found)


def _overlap(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    both = a & b
    if ("integer" in a and "number" in b) or ("number" in a and "integer" in b):
        both |= {"integer"}
    return both


def _values(lookup: Lookup, ref: TypeRef) -> tuple[object, ...] | None:
    """The only values a const or enum allows (None when it is not one)."""
    definition = _definition(lookup, _unalias(lookup, ref))
    if isinstance(definition, ConstDef):
        return (definition.value.value,)
    if isinstance(definition, EnumDef):
        return tuple(m.value for m in definition.members)
    return None


def contradicts(lookup: Lookup, a: TypeRef, b: TypeRef) -> bool:
    """No non-null value satisfies both: disjoint JSON types, or consts/enums with no value in common."""
    if not _overlap(json_types(lookup, a), json_types(lookup, b)) - {"null"}:
        return True
    left, right = _values(lookup, a), _values(lookup, b)
    if left is None or right is None:
        return False
    return not any(x == y and type(x) is type(y) for x in left for y in right)


def _general_object(lookup: Lookup, ref: TypeRef) -> bool:
    """`{type: object}` with nothing else: any object (a wider member a specific one refines)."""
    if isinstance(ref, MapOf):
        return isinstance(ref.values, AnyValue) and not ref.constraints
    definition = _definition(lookup, ref)
    if isinstance(definition, MapDef):
        return (
            isinstance(definition.values, AnyValue) and not definition.patterns and not definition.constraints
        )
    if isinstance(definition, ObjectDef):
        return (
            not definition.fields
            and not definition.closed
            and not definition.patterns
            and not definition.constraints
            and (definition.additional is None or isinstance(definition.additional, AnyValue))
        )
    return False


def _general(lookup: Lookup, wide: TypeRef, narrow: TypeRef) -> bool:
    """Whether every value of `narrow` already satisfies `wide` (as far as the IR can tell)."""
    if isinstance(wide, AnyValue) or isinstance(_definition(lookup, wide), AnyDef):
        return True
    if _general_object(lookup, wide):
        return json_types(lookup, narrow) - {"null"} == {"object"}
    if isinstance(wide, Scalar) and not wide.constraints and wide.format is None:
        kinds = json_types(lookup, narrow) - {"null"}
        return bool(kinds) and kinds <= ({"integer", "number"} if wide.type == "number" else {wide.type})
    return False


def _tighter(a: Constraints, b: Constraints) -> Constraints:
    """Both sets of limits at once: the larger minimum, the smaller maximum, either flag."""
    merged: dict[str, Any] = {}
    for spec in fields(Constraints):
        x, y = getattr(a, spec.name), getattr(b, spec.name)
        if x is None or y is None or isinstance(x, bool | str):
            merged[spec.name] = (x or y) if isinstance(x, bool) else (x if x is not None else y)
        elif spec.name.startswith(("min", "exclusive_min")):
            merged[spec.name] = max(x, y)
        elif spec.name.startswith(("max", "exclusive_max")):
            merged[spec.name] = min(x, y)
        else:
            merged[spec.name] = x
    return Constraints(**merged)


def _none(a: Named, b: Named) -> TypeRef | None:
    return None


def meet(lookup: Lookup, a: TypeRef, b: TypeRef, combine: Combine = _none) -> TypeRef | None:
    """The type of values that satisfy both `a` and `b`, or None when the IR has no such type at hand."""
    nullable = a.nullable and b.nullable
    if a == b:
        return a
    if _general(lookup, a, b):
        return replace(b, nullable=nullable) if not isinstance(b, AnyValue) else b
    if _general(lookup, b, a):
        return replace(a, nullable=nullable) if not isinstance(a, AnyValue) else a
    if isinstance(a, ListOf) and isinstance(b, ListOf):
        items = meet(lookup, a.items, b.items, combine)
        return None if items is None else ListOf(items, nullable, _tighter(a.constraints, b.constraints))
    if isinstance(a, Scalar) and isinstance(b, Scalar):
        kinds = _overlap(frozenset({a.type}), frozenset({b.type}))
        if len(kinds) != 1 or (a.format and b.format and a.format != b.format):
            return None
        (kind,) = kinds
        return Scalar(kind, a.format or b.format, nullable, _tighter(a.constraints, b.constraints))  # type: ignore[arg-type]
    plain_a, plain_b = _unalias(lookup, a), _unalias(lookup, b)
    if (plain_a, plain_b) != (a, b):
        found = meet(lookup, plain_a, plain_b, combine)
        return found if found is None or isinstance(found, AnyValue) else replace(found, nullable=nullable)
    for one, other in ((a, b), (b, a)):
        definition = _definition(lookup, one)
        if (
            isinstance(definition, ArrayDef)
            and isinstance(other, ListOf)
            and meet(lookup, definition.items, other.items, combine) == definition.items
        ):
            return replace(one, nullable=nullable)
        if isinstance(definition, UnionDef):
            fits = [t for v in definition.variants if (t := meet(lookup, v.type, other, combine)) is not None]
            if len(fits) == 1:  # only one variant fits the other member: that variant, narrowed
                return fits[0] if isinstance(fits[0], AnyValue) else replace(fits[0], nullable=nullable)
        if (
            isinstance(definition, EnumDef | ConstDef | ScalarDef)
            and isinstance(other, Scalar)
            and _general(lookup, replace(other, constraints=Constraints(), format=None), one)
        ):
            return replace(one, nullable=nullable)
    left, right = _values(lookup, a), _values(lookup, b)
    if left is not None and right is not None and _subset(left, right):
        return replace(a, nullable=nullable)
    if left is not None and right is not None and _subset(right, left):
        return replace(b, nullable=nullable)
    objects = isinstance(a, Named) and isinstance(b, Named)
    if (
        objects
        and isinstance(_definition(lookup, a), ObjectDef)
        and isinstance(_definition(lookup, b), ObjectDef)
    ):
        found = combine(a, b)  # type: ignore[arg-type]
        return None if found is None else replace(found, nullable=nullable)
    return None


def _subset(small: tuple[object, ...], large: tuple[object, ...]) -> bool:
    return all(any(x == y and type(x) is type(y) for y in large) for x in small)


def merge_objects(lookup: Lookup, first: ObjectDef, second: ObjectDef, combine: Combine) -> ObjectDef | None:
    """Both objects' properties at once (shared ones intersected), or None if one cannot be."""
    merged = {f.json_name: f for f in first.fields}
    for field in second.fields:
        old = merged.get(field.json_name)
        if old is None:
            merged[field.json_name] = field
            continue
        narrowed = meet(lookup, old.type, field.type, combine)
        if narrowed is None:
            return None
        merged[field.json_name] = replace(
            old,
            type=narrowed,
            required=old.required or field.required,
            read_only=old.read_only or field.read_only,
            write_only=old.write_only or field.write_only,
            description=old.description or field.description,
        )
    return ObjectDef(
        fields=tuple(merged.values()),
        additional=first.additional if first.additional is not None else second.additional,
        closed=first.closed or second.closed,
        patterns=first.patterns + second.patterns,
        bases=tuple(dict.fromkeys(first.bases + second.bases)),
        constraints=_tighter(first.constraints, second.constraints),
    )
