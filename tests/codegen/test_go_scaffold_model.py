"""Names and views of the Go scaffold: operation types clear of schema and runtime names,
parameter fields, defaults, body kinds and statuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.emit.go import GoEmitter
from codegen.emit.go.scaffold_model import OperationView, body_kind, go_literal, scaffold_model
from codegen.emit.interface import EmitInput
from codegen.ir import Api, Named, Scalar
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

SPECS = Path(__file__).parent / "specs"

COLLIDING = """
openapi: 3.1.0
info: {title: Names, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ListPetsInput'}
components:
  schemas:
    ListPetsInput: {type: object, properties: {a: {type: string}}}
    ListPets200: {type: string}
    Router: {type: string}
    Service: {type: integer}
"""


def views(api: Api) -> dict[str, OperationView]:
    source = EmitInput(api, upgrade(load_spec(SPECS / "shop.yaml")).spec)
    model = scaffold_model(api, GoEmitter().types(source))
    return {v.op.id: v for v in model.operations}


def load(path: Path) -> Api:
    return resolve(upgrade(load_spec(path)).spec).api


@pytest.fixture(scope="module")
def catalog() -> dict[str, OperationView]:
    return views(load(SPECS / "params.yaml"))


def test_operation_names(shop: Api) -> None:
    by_id = views(shop)
    create = by_id["createOrder"]
    assert (create.go_name, create.input, create.output) == (
        "CreateOrder",
        "CreateOrderInput",
        "CreateOrderOutput",
    )
    assert [v.type_name for v in create.variants] == ["CreateOrder201", "CreateOrderDefault"]
    assert by_id["getOrdersByOrderId"].go_name == "GetOrdersByOrderID"


def test_names_stay_clear_of_schemas_and_the_scaffold(tmp_path: Path) -> None:
    spec_file = tmp_path / "names.yaml"
    spec_file.write_text(COLLIDING)
    api = load(spec_file)
    source = EmitInput(api, upgrade(load_spec(spec_file)).spec)
    types = GoEmitter().types(source)
    assert types.name("Router") == "Router2" and types.name("Service") == "Service2"
    view = scaffold_model(api, types).operations[0]
    assert view.input == "ListPetsInput2" and view.variants[0].type_name == "ListPets2002"
    assert view.variants[0].body is not None and view.variants[0].body.go_type == "ListPetsInput"


def test_parameter_fields(catalog: dict[str, OperationView]) -> None:
    tag = catalog["getItemTag"]
    assert [(p.field, p.field_type) for p in tag.params] == [
        ("ItemID", "int64"),
        ("PathTag", "GetItemTagTag"),
        ("QueryTag", "*string"),
    ]
    items = {p.wire.name: p for p in catalog["listItems"].params}
    assert (items["limit"].field_type, items["limit"].default) == ("int32", "20")
    assert (items["ids"].field, items["ids"].field_type, items["ids"].is_list) == ("IDs", "[]int64", True)
    assert items["since"].field_type == "*time.Time"
    assert items["q"].checks and all("/query/q" in line for line in items["q"].checks)
    assert items["active"].checks == ()


def test_bodies_and_statuses(catalog: dict[str, OperationView]) -> None:
    upload = catalog["upload"]
    assert upload.body is not None and (upload.body.kind, upload.body.go_type) == ("bytes", "[]byte")
    put = catalog["putItem"]
    assert put.body is not None and (put.body.kind, put.body.field_type) == ("json", "Item")
    assert [(v.status, v.fixed, v.fallback) for v in put.variants] == [("200", 200, 200), ("4XX", None, 400)]
    assert catalog["getItemTag"].variants[0].fallback == 500
    notes = catalog["patchNotes"]
    assert notes.body is not None and (notes.body.kind, notes.body.required) == ("text", False)
    assert body_kind("application/vnd.github+json", Scalar("string")) == "json"
    assert body_kind("application/json", None) == "bytes"


def test_defaults_become_untyped_constants(shop: Api) -> None:
    assert go_literal(shop, Scalar("boolean"), False) == "false"
    assert go_literal(shop, Scalar("integer"), 3.0) == "3"
    assert go_literal(shop, Scalar("integer"), 3.5) is None
    assert go_literal(shop, Scalar("string", "date-time"), "2026-01-01T00:00:00Z") is None
    assert go_literal(shop, Named("Status"), "sold-out") == '"sold-out"'
    assert go_literal(shop, Named("Status"), 3) is None
