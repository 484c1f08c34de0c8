from __future__ import annotations

from codegen.ir import Api, Constraints, ListOf, MapDef, MapOf, ObjectDef, Scalar, ScalarDef, TupleDef
from codegen.resolve.constraints import constraints_of
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .conftest import SPECS


def _stress() -> Api:
    return resolve(upgrade(load_spec(SPECS / "gostress.yaml")).spec).api


def test_every_keyword_is_read_and_ill_typed_values_are_dropped() -> None:
    schema = {
        "minLength": 1,
        "maxLength": "9",
        "pattern": "^a",
        "minimum": 0,
        "maximum": 2.5,
        "exclusiveMinimum": True,
        "exclusiveMaximum": 3,
        "multipleOf": 0,
        "minItems": 2,
        "maxItems": -1,
        "uniqueItems": True,
        "minProperties": 1,
        "maxProperties": 4,
    }
    assert constraints_of(schema) == Constraints(
        min_length=1,
        pattern="^a",
        minimum=0,
        maximum=2.5,
        exclusive_maximum=3,
        min_items=2,
        unique_items=True,
        min_properties=1,
        max_properties=4,
    )
    assert not constraints_of({"type": "string"}) and constraints_of({"minLength": 0})


def test_constraints_land_on_the_ir_types_they_belong_to(shop: Api) -> None:
    item = shop.schema("Item").definition
    assert isinstance(item, ObjectDef)
    fields = {f.json_name: f.type for f in item.fields}
    assert fields["price"] == Scalar("number", "double", constraints=Constraints(exclusive_minimum=0))
    assert fields["quantity"] == Scalar("integer", "int32", constraints=Constraints(minimum=1))

    stress = _stress()
    limits = stress.schema("Limits").definition
    assert isinstance(limits, ObjectDef)
    assert limits.constraints == Constraints(min_properties=1, max_properties=20)
    got = {f.json_name: f.type for f in limits.fields}
    assert got["code"] == Scalar("string", None, constraints=Constraints(2, 8, "^[A-Z]+$"))
    assert got["tags"] == ListOf(
        Scalar("string", constraints=Constraints(max_length=5)),
        constraints=Constraints(min_items=1, max_items=4, unique_items=True),
    )
    assert got["counts"] == MapOf(
        Scalar("integer", constraints=Constraints(minimum=0)), constraints=Constraints(min_properties=1)
    )
    pair = stress.schema("Pair").definition
    assert isinstance(pair, TupleDef) and pair.constraints == Constraints(min_items=2)
    assert isinstance(stress.schema("Keywords2").definition, ScalarDef)
    assert isinstance(stress.schema("EmptyObject").definition, MapDef)


def test_upgraded_30_exclusive_bounds_are_numbers() -> None:
    api = resolve(upgrade(load_spec(SPECS / "v30.yaml")).spec).api
    (operation,) = api.operations
    assert operation.parameters[0].type == Scalar("integer", constraints=Constraints(exclusive_minimum=1))
