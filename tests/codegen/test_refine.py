"""allOf is an intersection: a member that narrows a property refines a wider one (specs/refine.yaml,
shaped after train-travel's `Wrapper-Collection`); only contradictions are errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codegen.errors import Level
from codegen.ir import Api, Constraints, EnumDef, Field, ListOf, Named, ObjectDef, Scalar, TypeRef
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .conftest import SPECS


@pytest.fixture(scope="module")
def refined() -> Api:
    result = resolve(upgrade(load_spec(SPECS / "refine.yaml")).spec)
    assert result.diagnostics == ()
    return result.api


def _fields(api: Api, name: str) -> dict[str, Field]:
    definition = api.schema(name).definition
    assert isinstance(definition, ObjectDef)
    return {f.json_name: f for f in definition.fields}


def _named(ref: TypeRef) -> str:
    assert isinstance(ref, Named)
    return ref.name


def test_a_specific_member_refines_a_general_one(refined: Api) -> None:
    fields = _fields(refined, "Stations")
    assert fields["data"].type == ListOf(Named("Station"))  # train-travel: []Station, not []map
    assert fields["links"].read_only
    assert fields["id"].read_only and fields["id"].type == Scalar("string")  # either member's readOnly
    assert list(_fields(refined, _named(fields["links"].type))) == ["self"]
    kind = refined.schema(_named(fields["kind"].type)).definition
    assert isinstance(kind, EnumDef) and [m.value for m in kind.members] == ["stations"]
    assert fields["when"].type == Scalar("string", "date-time")  # the one oneOf variant that fits
    assert fields["size"].type == Scalar("integer", constraints=Constraints(minimum=1, maximum=100))
    wrapper = _fields(refined, "WrapperCollection")  # the general member itself is unchanged
    assert wrapper["data"].type != fields["data"].type


def test_two_inline_objects_merge_their_properties(refined: Api) -> None:
    merged = _fields(refined, _named(_fields(refined, "Refined")["owner"].type))
    assert list(merged) == ["id", "login", "url"]
    assert merged["id"].required and merged["login"].required
    assert merged["login"].type == Scalar("string", constraints=Constraints(min_length=1))


CONTRADICTIONS = [
    ({"type": "string"}, {"type": "integer"}),
    ({"const": "a"}, {"const": "b"}),
    ({"type": "array", "items": {"type": "string"}}, {"type": "object"}),
]


@pytest.mark.parametrize(("first", "second"), CONTRADICTIONS)
def test_contradictions_are_located_errors(tmp_path: Path, first: object, second: object) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Both": {
                    "allOf": [
                        {"type": "object", "properties": {"p": first}},
                        {"type": "object", "properties": {"p": second}},
                    ]
                }
            }
        },
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    (error,) = resolve(upgrade(load_spec(tmp_path / "spec.json")).spec).diagnostics
    assert error.level is Level.ERROR
    assert error.pointer == "/components/schemas/Both/allOf/1/properties/p"
    assert "contradict" in error.message and "no value satisfies both" in error.message
