from __future__ import annotations

import json
from pathlib import Path

import pytest

from codegen.errors import Level, SpecError
from codegen.load import load_spec

from .conftest import SPECS


def test_split_spec_loads_every_referenced_file_with_display_names() -> None:
    spec = load_spec(SPECS / "split" / "root.yaml")
    displays = [d.display for d in spec.documents.values()]
    root = str(SPECS / "split" / "root.yaml")
    assert displays == [
        root,
        str(SPECS / "split" / "schemas" / "pet.json"),
        str(SPECS / "split" / "common.yaml"),
    ]
    pet = next(d for d in spec.documents.values() if d.display.endswith("pet.json"))
    assert pet.content["$defs"]["Tag"]["enum"] == ["indoor", "outdoor"]
    assert pet.source.position("/properties/owner/$ref") == (6, 15)  # JSON: line and column too
    assert spec.root.source.position("/components/schemas/Owner") == (17, 5)


def test_located_diagnostics_fall_back_to_the_nearest_ancestor() -> None:
    spec = load_spec(SPECS / "shop.yaml")
    found = spec.diagnostic(Level.ERROR, "x", spec.root.uri, "/components/schemas/Item/properties/sku/nope")
    assert (found.line, found.column) == (90, 9)
    assert found.pointer == "/components/schemas/Item/properties/sku/nope"


def test_yaml_syntax_error_is_located() -> None:
    with pytest.raises(SpecError) as info:
        load_spec(SPECS / "broken" / "not_yaml.yaml")
    (only,) = info.value.diagnostics
    assert only.level is Level.ERROR
    assert (only.file, only.line, only.column) == (str(SPECS / "broken" / "not_yaml.yaml"), 2, 36)
    assert only.message.startswith("invalid YAML: while parsing a flow mapping")


def test_every_broken_referenced_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "root.json").write_text(
        json.dumps({"openapi": "3.1.0", "x": [{"$ref": "a.json"}, {"$ref": "b.yaml#/X"}]})
    )
    (tmp_path / "a.json").write_text('{"a": }')
    (tmp_path / "b.yaml").write_text("X: [\n")
    with pytest.raises(SpecError) as info:
        load_spec(tmp_path / "root.json")
    assert [(d.file, d.line) for d in info.value.diagnostics] == [
        (str(tmp_path / "a.json"), 1),
        (str(tmp_path / "b.yaml"), 2),
    ]
    assert "2 error(s)" in str(info.value)


def test_duplicate_keys_warn_and_missing_files_are_left_to_validation(tmp_path: Path) -> None:
    (tmp_path / "root.yaml").write_text("openapi: 3.1.0\ninfo: {}\ninfo: {}\nx: {$ref: 'gone.yaml'}\n")
    spec = load_spec(tmp_path / "root.yaml")
    assert [(d.level, d.pointer, d.line) for d in spec.diagnostics] == [(Level.WARNING, "/info", 3)]
    assert len(spec.documents) == 1


def test_unreadable_root_is_a_spec_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cannot read the file"):
        load_spec(tmp_path / "absent.yaml")
