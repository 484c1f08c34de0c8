"""Finding and resolving `$ref`s across the documents of a spec.

A `$ref` is `other.yaml#/components/schemas/X`, `./schemas/pet.json` (a whole file), `#/a/b` (same
file) or `#name` (a `$anchor`); it resolves against the URI of the document it stands in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin

from codegen.spec.document import Document, Spec
from codegen.spec.pointers import join, lookup

# Keys whose values are maps from arbitrary names to objects: every member is walked, whatever its name.
_NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "dependentSchemas",
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
        "paths",
        "webhooks",
        "content",
        "encoding",
        "mapping",
        "variables",
    }
)
# Keys whose values are instance data, never references (a `$ref` in an example is just text).
_DATA_KEYS = frozenset({"default", "const", "enum", "example", "value"})
#: A `$ref` without the tabs and line breaks that `urlsplit` silently removes.
_PLAIN = re.compile(r"[^\t\r\n]*").fullmatch


def iter_ref_sites(content: Any, pointer: str = "") -> Iterator[tuple[str, str, bool]]:
    """Like `iter_refs`, with a third member: whether the `$ref` stands in a name map's place."""
    stack: list[tuple[Any, str, bool]] = [(content, pointer, False)]
    while stack:
        node, at, is_name_map = stack.pop()
        children: list[tuple[Any, str, bool]] = []
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):  # in a name map, a member named `$ref` would be an object
                yield at, ref, is_name_map
            for key, value in node.items():
                if not isinstance(value, dict | list):
                    continue
                if not is_name_map and (key in _DATA_KEYS or key.startswith("x-")):
                    continue
                if key == "examples" and isinstance(value, list):
                    continue
                children.append((value, join(at, key), not is_name_map and key in _NAME_MAPS))
        elif isinstance(node, list):
            children = [(v, join(at, i), False) for i, v in enumerate(node) if isinstance(v, dict | list)]
        stack.extend(reversed(children))


def iter_refs(content: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the object holding `$ref`, the `$ref` string) for every reference, in document order.

    Skips instance data (`default`, `enum`, `example`, schema `examples` lists, Example `value`s) and
    `x-` extensions, which may hold text that only looks like a reference. A name map given by
    `$ref` (`properties: {$ref: props.yml}`, which OpenAPI does not allow) counts as a reference.
    """
    for at, ref, _ in iter_ref_sites(content, pointer):
        yield at, ref


def target_uri(base_uri: str, ref: str) -> tuple[str, str]:
    """(absolute document URI, fragment) a `$ref` names, resolved against `base_uri`."""
    if ref.startswith("#") and base_uri.startswith("file:///") and "#" not in base_uri and _PLAIN(ref):
        # Same document (nearly every `$ref`): what urljoin + urldefrag give (they would also drop
        # tabs and line breaks, which `_PLAIN` excludes), at a tenth of the cost.
        return base_uri, unquote(ref[1:])
    absolute, fragment = urldefrag(urljoin(base_uri, ref))
    return absolute, unquote(fragment)


@dataclass(frozen=True)
class RefTarget:
    """Where a `$ref` leads."""

    document: Document
    """The document holding the target."""
    pointer: str
    """JSON pointer of the target inside it."""
    value: Any
    """The target node."""


def find_anchor(content: Any, anchor: str) -> str | None:
    """Pointer of the schema declaring `$anchor: anchor`, if any."""
    stack: list[tuple[Any, str]] = [(content, "")]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            if node.get("$anchor") == anchor:
                return at
            stack.extend((v, join(at, k)) for k, v in node.items() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, join(at, i)) for i, v in enumerate(node) if isinstance(v, dict | list))
    return None


def resolve(spec: Spec, base_uri: str, ref: str) -> RefTarget | None:
    """The node a `$ref` found in document `base_uri` points at, or None when it points nowhere."""
    uri, fragment = target_uri(base_uri, ref)
    document = spec.documents.get(uri)
    if document is None:
        return None
    pointer = fragment
    if fragment and not fragment.startswith("/"):
        anchored = find_anchor(document.content, fragment)
        if anchored is None:
            return None
        pointer = anchored
    found, value = lookup(document.content, pointer)
    return RefTarget(document, pointer, value) if found else None
