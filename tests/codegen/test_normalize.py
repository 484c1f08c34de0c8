"""What publishers ship beyond OpenAPI is resolved in memory, with one located warning per kind."""

from __future__ import annotations

from pathlib import Path

from codegen.errors import Level
from codegen.spec.load import load_spec
from codegen.spec.normalize import rebase
from codegen.spec.refs import resolve
from tests.conftest import REPO

CASE = REPO / "tests" / "endtoend" / "testdata" / "codegen" / "split-operation-refs"


def test_operation_refs_are_inlined_with_their_refs_rebased() -> None:
    spec = load_spec(CASE / "spec.yaml")
    paths = spec.content["paths"]
    listing = paths["/v2/pets"]["get"]
    assert listing["operationId"] == "pets_list"
    items = listing["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["pets"][
        "items"
    ]
    assert items == {"$ref": "resources/pets/models/pet.yml"}  # was models/pet.yml beside the operation
    assert resolve(spec, spec.root.uri, listing["parameters"][0]["$ref"]) is not None
    assert resolve(spec, spec.root.uri, listing["responses"]["default"]["$ref"]) is not None
    # A path item given by $ref keeps its place; its own operation $ref is inlined in its document.
    item = resolve(spec, spec.root.uri, paths["/v2/pets/{pet_id}"]["$ref"])
    assert item is not None and item.value["get"]["operationId"] == "pets_get"


def test_name_maps_and_text_given_by_ref_are_inlined() -> None:
    spec = load_spec(CASE / "spec.yaml")
    pet = next(d for d in spec.documents.values() if d.display.endswith("models/pet.yml"))
    assert set(pet.content["allOf"][0]["properties"]) == {"name", "nickname"}
    assert spec.content["tags"][0]["description"] == "Pets live here.\n"


def test_one_warning_per_kind_located_at_the_first_with_the_count() -> None:
    spec = load_spec(CASE / "spec.yaml")
    warnings = [d for d in spec.diagnostics if d.level is Level.WARNING]
    assert [w.message.split(" ")[0:2] for w in warnings] == [
        ["3", "operation(s)"],
        ["1", "name"],
        ["1", "`description`/`summary`"],
    ]
    first = warnings[0]
    assert (first.pointer, first.line, first.column) == ("/paths/~1v2~1pets/get/$ref", 14, 7)


def test_the_files_are_read_not_changed_and_a_plain_spec_is_left_alone(tmp_path: Path) -> None:
    before = (CASE / "resources" / "pets" / "pets_list.yml").read_text()
    load_spec(CASE / "spec.yaml")
    assert (CASE / "resources" / "pets" / "pets_list.yml").read_text() == before
    plain = tmp_path / "api.yaml"
    plain.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    assert load_spec(plain).diagnostics == ()


def test_rebase_keeps_the_target_and_its_fragment() -> None:
    source = "file:///spec/resources/pets/list.yml"
    assert (
        rebase("models/pet.yml#/a b", source, "file:///spec/root.yml")
        == "resources/pets/models/pet.yml#/a%20b"
    )
    assert rebase("../../root.yml#/x", source, "file:///spec/root.yml") == "#/x"
    assert rebase("#/y", source, "file:///spec/other/o.yml") == "../resources/pets/list.yml#/y"
