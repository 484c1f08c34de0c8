"""Names for types and operations, derived from where they stand in the spec.

A type's name depends only on its location, never on the route by which resolution reached it, so
names are the same on every run: `/components/schemas/Item/properties/supplier/properties/contact`
→ `ItemSupplierContact`, the JSON body of `createOrder` → `CreateOrderRequest`, its 201 body →
`CreateOrder201Response`.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from codegen.names import pascal
from codegen.spec.document import Document, Spec
from codegen.spec.pointers import join, lookup, split
from codegen.spec.refs import resolve

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operation_id(method: str, path: str, operation: Any) -> str:
    """`operationId`, else one from method and path: `get /orders/{id}/items` → `getOrdersByIdItems`."""
    given = operation.get("operationId") if isinstance(operation, dict) else None
    if isinstance(given, str) and given.strip():
        return given
    words = [method]
    for segment in path.strip("/").split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            words += ["by", segment[1:-1]]
        elif segment:
            words.append(segment)
    name = pascal(" ".join(words))
    return name[:1].lower() + name[1:]


def _named_member(spec: Spec, document: Document, pointer: str) -> str:
    """`name` of the Parameter or Header at `pointer` (through a `$ref`), else the last token."""
    _, value = lookup(document.content, pointer)
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        target = resolve(spec, document.uri, value["$ref"])
        value = target.value if target is not None else value
    name = value.get("name") if isinstance(value, dict) else None
    return name if isinstance(name, str) else split(pointer)[-1]


def natural_name(spec: Spec, document: Document, pointer: str) -> str:
    """The PascalCase name of the schema at `pointer` in `document` (before collisions are resolved)."""
    tokens = split(pointer)
    parts: list[str] = []
    i = 0
    if not tokens:
        stem = PurePosixPath(unquote(urlsplit(document.uri).path)).name.split(".")[0]
        return pascal(stem)
    if tokens[0] == "components" and len(tokens) >= 3:
        suffix = {"schemas": "", "parameters": "", "headers": "Header", "responses": "Response"}
        parts = [tokens[2], suffix.get(tokens[1], "Request" if tokens[1] == "requestBodies" else "")]
        i = 3
    elif tokens[0] in ("paths", "webhooks") and len(tokens) >= 3 and tokens[2] in METHODS:
        _, operation = lookup(document.content, join("", *tokens[:3]))
        parts = [operation_id(tokens[2], tokens[1], operation)]
        i = 3
    elif tokens[0] in ("paths", "webhooks") and len(tokens) >= 2:
        parts = [tokens[1]]  # path-level parameters: named after the path
        i = 2
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token in ("properties", "$defs", "definitions", "dependentSchemas") and following is not None:
            parts = [following] if token in ("$defs", "definitions") else [*parts, following]
            i += 2
            continue
        if token in ("allOf", "anyOf", "oneOf", "prefixItems") and following is not None:
            word = {"allOf": "Part", "prefixItems": "Item"}.get(token, "Option")
            parts.append(
                f"{word}{int(following) + (token != 'prefixItems')}" if following.isdigit() else word
            )
            i += 2
            continue
        if token in ("parameters", "headers") and following is not None:
            parts.append(_named_member(spec, document, join("", *tokens[: i + 2])))
            parts.append("Header" if token == "headers" else "")
            i += 2
            continue
        if token == "responses" and following is not None:
            parts += [following, "Response"]
            i += 2
            continue
        if token in ("content", "encoding", "patternProperties") and following is not None:
            parts += ["Value"] if token == "patternProperties" else []
            i += 2
            continue
        parts.append(
            {
                "items": "Item",
                "additionalProperties": "Value",
                "requestBody": "Request",
                "schema": "",
                "not": "Not",
            }.get(token, token)
        )
        i += 1
    return pascal(" ".join(p for p in parts if p)) or pascal(split(pointer)[-1])
