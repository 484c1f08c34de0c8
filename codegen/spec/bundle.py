"""A spec split over files → one self-contained document whose `$ref`s are all local.

Tools that read a single document (datamodel-code-generator) get the same spec the IR came from.
Every other document is embedded whole under `x-migrate-bundle/<name>` of the root (`<name>` is
its file stem, made unique), and every `$ref` that leaves its document is rewritten to the embedded
copy (`schemas/pet.json#/$defs/Tag` → `#/x-migrate-bundle/pet/$defs/Tag`); a reference back into the
root becomes a plain local one. Anchors become pointers. The spec itself is not changed.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from codegen.spec.document import Document, Spec, copy_json
from codegen.spec.pointers import escape, split
from codegen.spec.refs import iter_refs, resolve

BUNDLE_KEY = "x-migrate-bundle"
"""The root member that holds the embedded documents."""
_SAFE = "/~!$&'()*+,;=:@{}[]-._"  # characters a pointer keeps in a `$ref` fragment


def _names(spec: Spec) -> dict[str, str]:
    """Document URI → its member name under BUNDLE_KEY (file stems, unique in document order)."""
    names: dict[str, str] = {}
    for uri in spec.documents:
        if uri == spec.root.uri:
            continue
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", PurePosixPath(urlsplit(uri).path).stem) or "document"
        name, suffix = stem, 2
        while name in names.values():
            name, suffix = f"{stem}{suffix}", suffix + 1
        names[uri] = name
    return names


def _at(node: Any, pointer: str) -> Any:
    for token in split(pointer):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _rewrite(spec: Spec, document: Document, names: dict[str, str]) -> Any:
    """A copy of the document's content whose resolvable `$ref`s all point into the bundle."""
    content = copy_json(document.content)
    for holder, ref in iter_refs(document.content):
        target = resolve(spec, document.uri, ref)
        if target is None:
            continue  # dangling: validation reports it; leave it as written
        embedded = target.document.uri != spec.root.uri
        prefix = f"/{escape(BUNDLE_KEY)}/{escape(names[target.document.uri])}" if embedded else ""
        _at(content, holder)["$ref"] = "#" + quote(prefix + target.pointer, safe=_SAFE)
    return content


def bundle(spec: Spec) -> Any:
    """The spec as one document (the root content itself when there is nothing to embed)."""
    if len(spec.documents) == 1:
        return spec.content
    names = _names(spec)
    root = _rewrite(spec, spec.root, names)
    if not isinstance(root, dict):
        return root
    root[BUNDLE_KEY] = {
        names[uri]: _rewrite(spec, document, names)
        for uri, document in spec.documents.items()
        if uri != spec.root.uri
    }
    return root
