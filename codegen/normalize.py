"""Accept what real publishers ship where it bends OpenAPI, with a located warning for each kind.

DigitalOcean's spec gives every operation as a `$ref` under `paths` (`get: {$ref: ops/list.yml}`),
which OpenAPI allows only on a whole path item, gives `properties` maps as `$ref`s, and tag
descriptions as `$ref`s to text. All are resolved here, in memory, before anything else reads the
spec: the target's content is copied in place with its own `$ref`s rebased onto the document it now
stands in, and a `$ref` in place of a `description`/`summary` whose target is text becomes that
text. The files are unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlsplit

from codegen.document import Spec, copy_json
from codegen.errors import Level
from codegen.pointers import join, lookup, split
from codegen.refs import iter_map_refs, iter_refs, resolve, target_uri

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEXT_KEYS = frozenset({"description", "summary"})
_SAFE = "/~!$&'()*+,;=:@{}[]-._"  # characters a pointer keeps in a `$ref` fragment
_CHAIN = 32  # an operation `$ref` to a `$ref` to ...: longer chains are left for validation


def rebase(ref: str, source_uri: str, holder_uri: str) -> str:
    """`ref`, written in document `source_uri`, rewritten to mean the same from `holder_uri`."""
    uri, fragment = target_uri(source_uri, ref)
    suffix = "#" + quote(fragment, safe=_SAFE) if fragment or ref.endswith("#") else ""
    if uri == holder_uri:
        return suffix or "#"
    if urlsplit(uri).scheme != "file" or urlsplit(holder_uri).scheme != "file":
        return uri + suffix
    start = os.path.dirname(urlsplit(holder_uri).path)
    relative = os.path.relpath(urlsplit(uri).path, start)
    return quote(relative.replace(os.sep, "/")) + suffix


def _rebase_mappings(node: Any, source_uri: str, holder_uri: str) -> None:
    """Discriminator mappings whose values are references (`other.yml#/X`), rebased in place."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            discriminator = node.get("discriminator")
            mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
            if not isinstance(mapping, dict):
                mapping = {}
            for key, ref in mapping.items():
                if isinstance(ref, str) and ("/" in ref or "#" in ref):
                    mapping[key] = rebase(ref, source_uri, holder_uri)
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))


def _rebased_copy(value: Any, source_uri: str, holder_uri: str) -> Any:
    """A copy of `value`, found in `source_uri`, whose references mean the same from `holder_uri`."""
    copied = copy_json(value)
    if source_uri == holder_uri:
        return copied
    for at, ref in iter_refs(value):
        found, holder = lookup(copied, at)
        if found and isinstance(holder, dict):
            holder["$ref"] = rebase(ref, source_uri, holder_uri)
    _rebase_mappings(copied, source_uri, holder_uri)
    return copied


class _Editor:
    """Copies a document's content the first time it must change; collects the warnings."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.contents: dict[str, Any] = {}
        self.first: dict[str, tuple[str, str]] = {}
        self.counts: dict[str, int] = {}

    def content(self, uri: str) -> Any:
        if uri not in self.contents:
            self.contents[uri] = copy_json(self.spec.documents[uri].content)
        return self.contents[uri]

    def note(self, kind: str, uri: str, pointer: str) -> None:
        self.first.setdefault(kind, (uri, pointer))
        self.counts[kind] = self.counts.get(kind, 0) + 1


def _path_items(spec: Spec) -> list[tuple[str, str]]:
    """(document URI, pointer) of every path item of paths, webhooks and components/pathItems."""
    root = spec.root
    content = root.content if isinstance(root.content, dict) else {}
    groups = [("paths",), ("webhooks",), ("components", "pathItems")]
    found: list[tuple[str, str]] = []
    for group in groups:
        _, items = lookup(content, join("", *group))
        for name, item in items.items() if isinstance(items, dict) else ():
            if str(name).startswith("x-"):
                continue
            uri, pointer = root.uri, join("", *group, name)
            if isinstance(item, dict) and isinstance(item.get("$ref"), str):
                target = resolve(spec, root.uri, item["$ref"])
                if target is None:
                    continue
                uri, pointer = target.document.uri, target.pointer
            found.append((uri, pointer))
    return found


def _operations(editor: _Editor) -> None:
    spec = editor.spec
    for uri, pointer in _path_items(spec):
        _, item = lookup(spec.documents[uri].content, pointer)
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if not (isinstance(operation, dict) and isinstance(operation.get("$ref"), str)):
                continue
            source_uri, value = uri, operation
            for _ in range(_CHAIN):
                target = resolve(spec, source_uri, value["$ref"])
                if target is None or not isinstance(target.value, dict):
                    break  # dangling or not an object: the reference check reports it
                source_uri, value = target.document.uri, target.value
                if not isinstance(value.get("$ref"), str):
                    break
            if value is operation or isinstance(value.get("$ref"), str):
                continue
            _, holder = lookup(editor.content(uri), pointer)
            holder[method] = _rebased_copy(value, source_uri, uri)
            editor.note("operation", uri, join(pointer, method, "$ref"))


def _maps(editor: _Editor) -> None:
    spec = editor.spec
    for uri, document in spec.documents.items():
        for at, ref in iter_map_refs(document.content):
            target = resolve(spec, uri, ref)
            if target is None or not isinstance(target.value, dict):
                continue  # dangling or not a map: the reference check and the validator say so
            _, holder = lookup(editor.content(uri), at)
            del holder["$ref"]
            inlined = _rebased_copy(target.value, target.document.uri, uri)
            holder.update({k: v for k, v in inlined.items() if k not in holder})
            editor.note("map", uri, join(at, "$ref"))


def _texts(editor: _Editor) -> None:
    spec = editor.spec
    for uri, document in spec.documents.items():
        for at, ref in iter_refs(document.content):
            tokens = split(at)
            if not tokens or tokens[-1] not in _TEXT_KEYS:
                continue
            target = resolve(spec, uri, ref)
            if target is None or not isinstance(target.value, str):
                continue
            parent = join("", *tokens[:-1])
            _, holder = lookup(editor.content(uri), parent)
            holder[tokens[-1]] = target.value
            editor.note("text", uri, join(at, "$ref"))


_MESSAGES = {
    "operation": (
        "{n} operation(s) given by `$ref` under a path item; OpenAPI allows `$ref` only on the whole "
        "path item: resolved in memory (move the `$ref` up to the path item to silence this)"
    ),
    "map": (
        "{n} name map(s) (`properties`, `schemas`, ...) given by `$ref`; OpenAPI wants the map itself: "
        "the referenced members are used (inline them to silence this)"
    ),
    "text": (
        "{n} `description`/`summary` given by `$ref` to text; OpenAPI wants a string there: "
        "the referenced text is used (inline it to silence this)"
    ),
}


def _apply(spec: Spec, edit: Callable[[_Editor], None]) -> Spec:
    """`edit` applied until nothing changes (an inlined part may hold the same bend again)."""
    editor = _Editor(spec)
    for _ in range(_CHAIN):
        before = sum(editor.counts.values())
        edit(editor)
        if sum(editor.counts.values()) == before:
            break
        spec = _rebuilt(spec, editor.contents)
        editor.spec = spec
        editor.contents = {}
    if not editor.counts:
        return spec
    warnings = tuple(
        spec.diagnostic(Level.WARNING, _MESSAGES[kind].format(n=editor.counts[kind]), uri, pointer)
        for kind, (uri, pointer) in editor.first.items()
    )
    return Spec(spec.root, spec.documents, (*spec.diagnostics, *warnings))


def _rebuilt(spec: Spec, contents: dict[str, Any]) -> Spec:
    documents = {
        uri: replace(doc, content=contents[uri]) if uri in contents else doc
        for uri, doc in spec.documents.items()
    }
    return Spec(documents[spec.root.uri], documents, spec.diagnostics)


def normalize(spec: Spec) -> Spec:
    """Resolve operation-level `$ref`s, then name maps and text given by `$ref` (those of inlined operations
    too); the warnings join the spec's load diagnostics. The input spec is not changed."""
    return _apply(_apply(_apply(spec, _operations), _maps), _texts)
