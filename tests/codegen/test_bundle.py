"""Bundling a split spec into one document whose `$ref`s are all local."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from codegen.spec.bundle import BUNDLE_KEY, bundle
from codegen.spec.load import load_spec
from codegen.spec.pointers import lookup
from tests.codegen.conftest import SPECS


def _refs(node: Any) -> list[str]:
    """Every `$ref` string (iter_refs skips `x-` members, where the bundle keeps the other files)."""
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []


def _all_local_and_resolvable(document: Any) -> list[str]:
    refs = _refs(document)
    for ref in refs:
        assert ref.startswith("#/") or ref == "#", ref
        found, _ = lookup(document, ref[1:])
        assert found, f"{ref} points nowhere in the bundle"
    return refs


def test_a_single_document_is_returned_as_it_is() -> None:
    spec = load_spec(SPECS / "shop.yaml")
    assert bundle(spec) is spec.content


def test_split_spec_embeds_the_other_files_and_rewrites_references() -> None:
    spec = load_spec(SPECS / "split" / "root.yaml")
    before = json.dumps([d.content for d in spec.documents.values()])
    bundled = bundle(spec)
    assert sorted(bundled[BUNDLE_KEY]) == ["common", "pet"]
    refs = _all_local_and_resolvable(bundled)
    assert "#/x-migrate-bundle/pet/$defs/Tag" in refs  # a local ref inside an embedded file
    assert "#/x-migrate-bundle/common/components/schemas/Owner" in refs
    owner = bundled["components"]["schemas"]["Owner"]
    assert owner == {"$ref": "#/x-migrate-bundle/common/components/schemas/Owner"}
    assert json.dumps([d.content for d in spec.documents.values()]) == before  # the spec is untouched


def test_anchors_back_references_and_same_stems(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "root.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n"
        "    A: {$ref: 'a/x.yaml#Thing'}\n"
        "    B: {$ref: 'b/x.yaml#/properties/v'}\n"
        "    Id: {type: string}\n"
    )
    (tmp_path / "a" / "x.yaml").write_text(
        "$anchor: Thing\ntype: object\nproperties:\n  id: {$ref: '../root.yaml#/components/schemas/Id'}\n"
    )
    (tmp_path / "b" / "x.yaml").write_text(
        "type: object\nproperties:\n  v: {type: integer, title: 'a/b c'}\n"
    )
    bundled = bundle(load_spec(tmp_path / "root.yaml"))
    schemas = bundled["components"]["schemas"]
    assert schemas["A"] == {"$ref": "#/x-migrate-bundle/x"}
    assert schemas["B"] == {"$ref": "#/x-migrate-bundle/x2/properties/v"}
    assert bundled[BUNDLE_KEY]["x"]["properties"]["id"] == {"$ref": "#/components/schemas/Id"}
    _all_local_and_resolvable(bundled)
