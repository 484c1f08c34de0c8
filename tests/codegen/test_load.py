from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.errors import Level, SpecError
from codegen.pipeline import prepare
from codegen.spec.load import _deeper_than, load_spec, read_text

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


HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"


def test_a_fifo_as_the_spec_is_a_one_line_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SpecError) as info:
        load_spec(fifo)  # opening a FIFO for reading would block until a writer came
    (only,) = info.value.diagnostics
    assert "it is a FIFO" in only.message and "\n" not in only.render()


def test_a_device_as_the_spec_is_refused_before_reading() -> None:
    with pytest.raises(SpecError, match="it is a device"):
        load_spec("/dev/zero")


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(SpecError, match="larger than"):
        read_text(big, "big.yaml", limit=1024)
    assert read_text(big, "big.yaml", limit=4096).startswith("a: x")


def test_refs_outside_the_spec_folder_are_refused_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("token: s3cr3t-value\n")
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "api.yaml").write_text(
        HEAD + "components:\n  schemas:\n    S: {$ref: '../secret.yaml#/token'}\n"
    )
    with pytest.raises(SpecError) as info:
        load_spec(folder / "api.yaml")
    (only,) = info.value.diagnostics
    assert "leads outside the spec's folder" in only.message and "--allow-ref-outside" in only.message
    assert (only.pointer, only.line) == ("/components/schemas/S/$ref", 6)
    assert "s3cr3t" not in only.render()
    spec = load_spec(folder / "api.yaml", allow_outside=True)
    assert len(spec.documents) == 2


def test_a_symlink_out_of_the_folder_counts_as_outside(tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text("type: string\n")
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "link.yaml").symlink_to(tmp_path / "outside.yaml")
    (folder / "api.yaml").write_text(HEAD + "components:\n  schemas:\n    S: {$ref: 'link.yaml'}\n")
    with pytest.raises(SpecError, match="leads outside"):
        load_spec(folder / "api.yaml")


def test_a_ref_target_holding_one_value_is_refused_without_quoting_it(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("KEY=very-secret-text\n")
    (tmp_path / "api.yaml").write_text(HEAD + "components:\n  schemas:\n    S: {$ref: 'notes.yaml'}\n")
    with pytest.raises(SpecError) as info:
        load_spec(tmp_path / "api.yaml")
    assert "very-secret-text" not in str(info.value)
    assert "mapping or list" in info.value.diagnostics[0].message


def test_a_document_nested_deeper_than_the_limit_is_a_located_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"openapi": "3.1.0", "x": ' + "[" * 1100 + "]" * 1100 + "}")
    with pytest.raises(SpecError) as info:
        prepare(deep)  # the pipeline's recursion limit parses it; the depth check refuses it
    (only,) = info.value.diagnostics
    assert "nests deeper than 1000 levels" in only.message and only.pointer.startswith("/x/0/0")


def _depth(node: object) -> int:
    """Nesting of mappings and lists: a scalar is 0 deep, `[]` and `{}` 1."""
    if isinstance(node, dict):
        return 1 + max(map(_depth, node.values()), default=0)
    if isinstance(node, list):
        return 1 + max(map(_depth, node), default=0)
    return 0


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=40,
)


@given(_JSON, st.integers(min_value=0, max_value=12))
def test_the_depth_check_agrees_with_a_recursive_count(document: object, limit: int) -> None:
    """The root is at depth 0: a document is deeper than `limit` when it nests over `limit` + 1."""
    assert _deeper_than(document, limit) is (_depth(document) > limit + 1)
