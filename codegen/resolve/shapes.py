"""What a raw Schema Object is, before it becomes IR: its kind, and whether it allows `null`.

3.1 spells "nullable" three ways (`type: [T, "null"]`, a `null` enum value, a `{type: null}` member
of `oneOf`/`anyOf`); `strip_null` folds them all into one flag.
"""

from __future__ import annotations

from typing import Any

# Keywords that describe a use of a type without changing it: a `$ref` with only these beside it is
# still just the referenced type.
ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "deprecated",
        "readOnly",
        "writeOnly",
        "default",
        "examples",
        "example",
        "$comment",
        "externalDocs",
        "xml",
        "discriminator",
    }
)
SCALARS = ("string", "integer", "number", "boolean")


def is_null_schema(schema: Any) -> bool:
    """`{type: null}` (or `{type: [null]}`, `{const: null}`, `{enum: [null]}`)."""
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    return (
        kind == "null"
        or kind == ["null"]
        or ("const" in schema and schema["const"] is None)
        or schema.get("enum") == [None]
    )


def strip_null(schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema without its ways of allowing null, and whether it allowed null."""
    nullable = False
    out = dict(schema)
    kind = out.get("type")
    if isinstance(kind, list) and "null" in kind and len(kind) > 1:
        nullable = True
        rest = [k for k in kind if k != "null"]
        out["type"] = rest[0] if len(rest) == 1 else rest
    if isinstance(out.get("enum"), list) and None in out["enum"] and len(out["enum"]) > 1:
        nullable = True
        out["enum"] = [v for v in out["enum"] if v is not None]
    for key in ("oneOf", "anyOf"):
        members = out.get(key)
        if isinstance(members, list) and any(is_null_schema(m) for m in members) and len(members) > 1:
            nullable = True
            out[key] = [m for m in members if not is_null_schema(m)]
    return out, nullable


def own_keywords(schema: dict[str, Any]) -> set[str]:
    """Keywords that constrain the value (not annotations, not extensions)."""
    keys = schema.keys() - ANNOTATIONS
    return {k for k in keys if not k.startswith("x-")} if any(k.startswith("x-") for k in keys) else keys


def types_of(schema: dict[str, Any]) -> list[str]:
    """The `type` keyword as a list (empty when absent)."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


_OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties"})
_ARRAY_KEYWORDS = frozenset({"items", "prefixItems"})


def classify(schema: dict[str, Any]) -> str:
    """ref, const, enum, allof, union, types, object, map, tuple, array, scalar, null or any."""
    if "$ref" in schema:
        return "ref"
    if "const" in schema:
        return "const"
    if isinstance(schema.get("enum"), list):
        return "enum"
    if isinstance(schema.get("allOf"), list):
        return "allof"
    if isinstance(schema.get("oneOf"), list) or isinstance(schema.get("anyOf"), list):
        return "union"
    kinds = types_of(schema)
    if len(kinds) > 1:
        return "types"
    kind = kinds[0] if kinds else None
    # The keywords looked for below are neither annotations nor extensions: no need for own_keywords.
    if kind == "object" or (kind is None and not _OBJECT_KEYWORDS.isdisjoint(schema)):
        if (isinstance(schema.get("properties"), dict) and schema["properties"]) or schema.get("required"):
            return "object"
        return "object" if schema.get("additionalProperties") is False else "map"
    if kind == "array" or (kind is None and not _ARRAY_KEYWORDS.isdisjoint(schema)):
        return "tuple" if isinstance(schema.get("prefixItems"), list) else "array"
    if kind in SCALARS:
        return "scalar"
    if kind == "null":
        return "null"
    return "any"
