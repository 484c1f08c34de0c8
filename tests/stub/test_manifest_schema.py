"""The manifest `migrate stub` writes in every module (`.migrate-codegen.json`) against its JSON Schema."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from codegen.output.paths import MANIFEST


@pytest.fixture(scope="module")
def manifest_schema() -> Draft202012Validator:
    schema = json.loads(files("migrator.stub").joinpath("schemas/stub-manifest.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_every_module_of_the_bundled_fleet_has_a_valid_manifest(
    fleet_stubs: Path, manifest_schema: Draft202012Validator
) -> None:
    modules = sorted(p.parent for p in fleet_stubs.glob("*/go.mod"))
    assert len(modules) > 30
    for module in modules:
        body: dict[str, Any] = json.loads((module / MANIFEST).read_text())
        manifest_schema.validate(body)
        assert body["user"] == ["port.go"], module.name
        on_disk = {p.relative_to(module).as_posix() for p in module.rglob("*") if p.is_file()}
        assert set(body["generated"]) | {"port.go"} == on_disk - {MANIFEST}, module.name


def test_the_schema_is_closed_and_refuses_paths_leaving_the_module(
    fleet_stubs: Path, manifest_schema: Draft202012Validator
) -> None:
    body = json.loads(next(fleet_stubs.glob(f"*/{MANIFEST}")).read_text())
    broken = [
        {**body, "extra": True},
        {k: v for k, v in body.items() if k != "user"},
        {**body, "user": ["../escape.go"]},
        {**body, "user": ["/etc/passwd"]},
        {**body, "generated": [p for p in body["generated"] if p != "go.mod"]},
    ]
    for manifest in broken:
        with pytest.raises(ValidationError):
            manifest_schema.validate(manifest)
