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
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlsplit

from codegen.errors import Level
from codegen.spec.document import Spec, copy_json
from codegen.spec.pointers import join, lookup, split
from codegen.spec.refs import iter_ref_sites, iter_refs, resolve, target_uri

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


Site = tuple[str, str, str]
"""(document URI, pointer of the object holding `$ref`, kind: `map` or `text`): a possible bend."""


def site(uri: str, at: str, in_name_map: bool) -> Site | None:
    """The `$ref` held at `at` as a possible bend, or None (see `refs.iter_ref_sites`)."""
    if in_name_map:
        return uri, at, "map"
    if at.rsplit("/", 1)[-1] in _TEXT_KEYS:
        return uri, at, "text"
    return None


def sites(uri: str, content: Any, pointer: str = "") -> list[Site]:
    """The `$ref`s in `content` that may stand for a name map or for text."""
    found = (site(uri, at, in_name_map) for at, _, in_name_map in iter_ref_sites(content, pointer))
    return [s for s in found if s is not None]


class _Editor:
    """Copies a document's content the first time it must change; collects the warnings."""

    def __init__(self, spec: Spec, candidates: list[Site]) -> None:
        self.spec = spec
        self.candidates = candidates
        self.contents: dict[str, Any] = {}
        self.first: dict[str, tuple[str, str]] = {}
        self.counts: dict[str, int] = {}

    def current(self, uri: str) -> Any:
        """The document's content as edited so far, for reading (not a copy)."""
        return self.contents[uri] if uri in self.contents else self.spec.documents[uri].content

    def content(self, uri: str) -> Any:
        """The document's content, copied on the first call, for editing."""
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
            editor.candidates.extend(sites(uri, holder[method], join(pointer, method)))
            editor.note("operation", uri, join(pointer, method, "$ref"))


def _map(editor: _Editor, uri: str, at: str) -> None:
    _, holder = lookup(editor.current(uri), at)
    ref = holder.get("$ref") if isinstance(holder, dict) else None
    target = resolve(editor.spec, uri, ref) if isinstance(ref, str) else None
    if target is None or not isinstance(target.value, dict):
        return  # dangling or not a map: the reference check and the validator say so
    _, holder = lookup(editor.content(uri), at)  # copied only now that it changes
    del holder["$ref"]
    inlined = _rebased_copy(target.value, target.document.uri, uri)
    for key, member in inlined.items():
        if key not in holder:
            holder[key] = member
            editor.candidates.extend(sites(uri, member, join(at, key)))
    editor.note("map", uri, join(at, "$ref"))


def _text(editor: _Editor, uri: str, at: str) -> None:
    tokens = split(at)
    found, holder = lookup(editor.current(uri), at)
    ref = holder.get("$ref") if found and isinstance(holder, dict) else None
    target = resolve(editor.spec, uri, ref) if isinstance(ref, str) else None
    if target is None or not isinstance(target.value, str):
        return
    _, parent = lookup(editor.content(uri), join("", *tokens[:-1]))
    parent[tokens[-1]] = target.value
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


def normalize(spec: Spec, candidates: list[Site] | None = None) -> Spec:
    """Resolve operation-level `$ref`s, then name maps and text given by `$ref` (those of inlined
    parts too); the warnings join the spec's load diagnostics. The input spec is not changed.

    `candidates` are the spec's `sites` (the loader finds them on its walk, so that a spec without
    bends costs no second walk); None walks every document for them.
    """
    if candidates is None:
        candidates = [site for uri, doc in spec.documents.items() for site in sites(uri, doc.content)]
    editor = _Editor(spec, list(candidates))
    _operations(editor)
    for kind, apply in (("map", _map), ("text", _text)):
        index = 0
        while index < len(editor.candidates):  # grows as inlined parts bring their own sites
            uri, at, found = editor.candidates[index]
            if found == kind:
                apply(editor, uri, at)
            index += 1
    if not editor.counts:
        return spec
    documents = {
        uri: replace(doc, content=editor.contents[uri]) if uri in editor.contents else doc
        for uri, doc in spec.documents.items()
    }
    changed = Spec(documents[spec.root.uri], documents, spec.diagnostics)
    warnings = tuple(
        changed.diagnostic(Level.WARNING, _MESSAGES[kind].format(n=editor.counts[kind]), uri, pointer)
        for kind, (uri, pointer) in editor.first.items()
    )
    return Spec(changed.root, documents, (*spec.diagnostics, *warnings))
