"""A named IR schema → a standalone JSON Schema (local and cross-file `$ref`s inlined).

Only for drawing test documents: recursion is cut after two levels (a `false` schema: no deeper
value), OpenAPI's discriminator becomes the `enum` it implies, and numbers are bounded to what the
Go type holds (int32, int64, float32), as a client of the API would respect its formats.
"""

from __future__ import annotations

from typing import Any

from codegen.ir import Schema
from codegen.spec.document import Document, Spec
from codegen.spec.pointers import lookup, split
from codegen.spec.refs import resolve

_DROP = {"discriminator", "xml", "externalDocs", "example", "examples", "$defs", "definitions", "$comment"}
# Canonical base64 only: Go re-encodes the bytes, so unused padding bits would come back as zeros.
_BASE64 = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$"
_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "float": (-3e38, 3e38)}


def document_of(spec: Spec, display: str) -> Document:
    """The document a diagnostic-style file name stands for."""
    for document in spec.documents.values():
        if document.display == display:
            return document
    raise KeyError(display)


def standalone(spec: Spec, schema: Schema) -> Any:
    """The JSON Schema of a named IR schema, from where it was defined."""
    document = document_of(spec, schema.origin.file)
    _, value = lookup(document.content, schema.origin.pointer)
    key = (document.uri, schema.origin.pointer)
    return _inline(spec, document, value, (key,))


def _tags(spec: Spec, document: Document, schema: dict[str, Any], members: list[Any]) -> list[list[str]]:
    given = schema["discriminator"]
    mapping = given.get("mapping") or {}
    keys = []
    for member in members:
        target = resolve(spec, document.uri, member["$ref"]) if "$ref" in member else None
        keys.append((target.document.uri, target.pointer) if target else None)
    tags: list[list[str]] = [[] for _ in members]
    for tag, ref in mapping.items():
        ref = ref if "/" in ref or "#" in ref else f"#/components/schemas/{ref}"
        target = resolve(spec, document.uri, ref)
        if target is not None and (target.document.uri, target.pointer) in keys:
            tags[keys.index((target.document.uri, target.pointer))].append(tag)
    for index, key in enumerate(keys):
        if not tags[index] and key is not None:
            tags[index].append(split(key[1])[-1])
    return tags


def _inline(spec: Spec, document: Document, value: Any, stack: tuple[tuple[str, str], ...]) -> Any:
    if isinstance(value, list):
        return [_inline(spec, document, item, stack) for item in value]
    if not isinstance(value, dict):
        return value
    if isinstance(value.get("$ref"), str):
        target = resolve(spec, document.uri, value["$ref"])
        if target is None:
            return {}
        key = (target.document.uri, target.pointer)
        if stack.count(key) >= 2:
            return False
        inlined = _inline(spec, target.document, target.value, (*stack, key))
        rest = {k: v for k, v in value.items() if k != "$ref"}
        if not rest:
            return inlined
        return {"allOf": [inlined, _inline(spec, document, rest, stack)]}
    out: dict[str, Any] = {}
    if isinstance(value.get("prefixItems"), list):  # 2020-12 tuples in the draft-7 words the library knows
        draft7 = {k: v for k, v in value.items() if k not in ("prefixItems", "items")}
        draft7["items"] = value["prefixItems"]
        draft7["additionalItems"] = value.get("items", True)
        value = draft7
    for k, v in value.items():
        if k in _DROP or k.startswith("x-"):
            continue
        if k in ("properties", "patternProperties", "dependentSchemas"):
            out[k] = {name: _inline(spec, document, sub, stack) for name, sub in v.items()}
        elif k == "items" and isinstance(v, list):
            out[k] = [_inline(spec, document, sub, stack) for sub in v]
        elif k in ("enum", "const", "required", "default", "type"):
            out[k] = v
        else:
            out[k] = _inline(spec, document, v, stack)
    for combinator in ("oneOf", "anyOf"):
        if isinstance(value.get("discriminator"), dict) and isinstance(value.get(combinator), list):
            prop = value["discriminator"]["propertyName"]
            tags = _tags(spec, document, value, value[combinator])
            out[combinator] = [
                {"allOf": [member, {"required": [prop], "properties": {prop: {"enum": tag}}}]}
                if tag
                else member
                for member, tag in zip(out[combinator], tags, strict=True)
            ]
    _bound(out)
    return out


def _bound(schema: dict[str, Any]) -> None:
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    fmt = schema.get("format")
    if "integer" in kinds or "number" in kinds:
        low, high = _BOUNDS.get(
            fmt or "", (-(2**63), 2**63 - 1) if "number" not in kinds else (-1e300, 1e300)
        )
        schema.setdefault("minimum", low)
        schema.setdefault("maximum", high)
    if fmt == "byte":
        schema.pop("format")
        schema["pattern"] = _BASE64
    if fmt == "uuid":  # Go asserts it; hypothesis-jsonschema draws any string for a format it lacks
        schema.pop("format")
        schema["pattern"] = _UUID
