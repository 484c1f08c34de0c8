"""The Python target: models.py imports, accepts documents generated from each named schema,
rejects invalid ones, and passes mypy --strict."""

from __future__ import annotations

import base64
import importlib.util
import json
import runpy
import subprocess
import sys
import time
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pydantic import TypeAdapter, ValidationError

from codegen.emit.interface import EmitInput, GeneratedFile
from codegen.emit.python import OUTPUT, PythonEmitter
from codegen.emit.python.emitter import HEADER
from codegen.resolve.resolver import resolve
from codegen.spec.bundle import bundle
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade
from tests.codegen.conftest import SPECS

CASES = ("shop.yaml", "ts_edge.yaml", "v30.yaml", "split/root.yaml")
# Component keys datamodel-code-generator names differently.
CLASS_NAMES = {("shop.yaml", "status"): "Status1"}
# Its documented differences from the schema (README, "TypeScript and Python targets").
DIFFERENT = {
    ("shop.yaml", "Headers"): "patternProperties alone becomes a dict that rejects keys matching no pattern",
    ("ts_edge.yaml", "Widget"): "a schema-level `type: [object, null]` becomes a model that rejects null",
    ("ts_edge.yaml", "Circle"): "a discriminator mapping narrows the variant's own tag property",
    ("ts_edge.yaml", "Square"): "a discriminator mapping narrows the variant's own tag property",
    ("ts_edge.yaml", "Shape"): "the discriminator rejects tags outside the mapping, which oneOf allows",
}
# Valid documents for the schemas hypothesis-jsonschema cannot draw (recursive: it raises
# HypothesisRefResolutionError), for those in DIFFERENT and for Stamped (see there); these replace
# generated documents.
SAMPLES: dict[tuple[str, str], list[Any]] = {
    ("shop.yaml", "Item"): [
        {"sku": "a", "price": 1, "parent": {"sku": "b", "price": 2, "status": "sold-out"}}
    ],
    ("shop.yaml", "Headers"): [{"x-a": "b"}],
    # hypothesis-jsonschema finds two formats for `at` unsatisfiable, though it is optional
    ("shop.yaml", "Stamped"): [{}],
    ("shop.yaml", "Tree"): [{"value": 1, "children": [{"children": []}]}],
    ("ts_edge.yaml", "Widget"): [{"id": "1", "2fa-required": True, "default": "a", "extra": "x"}],
    ("ts_edge.yaml", "Circle"): [{"shapeType": "round", "radius": 1}],
    ("ts_edge.yaml", "Square"): [{"shapeType": "square", "side": 1}],
    ("ts_edge.yaml", "Shape"): [{"shapeType": "circle", "radius": 1}, {"shapeType": "square", "side": 2}],
    ("ts_edge.yaml", "Json"): [{"a": [1, "x", {"b": True}]}, "s", 1.5],
    ("v30.yaml", "Thing"): [{"name": None, "color": None, "parent": {"parent": None}, "kind": 1}],
    ("split/root.yaml", "Owner"): [{"name": "o", "pets": [{"name": "p", "tag": "indoor", "owner": {}}]}],
}
INVALID: list[tuple[str, str, Any]] = [
    ("shop.yaml", "Item", {"sku": "a"}),  # price is required
    ("shop.yaml", "Item", {"sku": "a", "price": 0}),  # exclusiveMinimum: 0
    ("shop.yaml", "Item", {"sku": "a", "price": 1, "quantity": 0}),  # minimum: 1
    ("shop.yaml", "Item", {"sku": "a", "price": 1, "supplier": {"contact": {"phone": 1}}}),
    ("shop.yaml", "Status", "gone"),
    ("shop.yaml", "Priority", 4),
    ("shop.yaml", "Version", "v2"),
    ("shop.yaml", "Empty", {"a": 1}),
    ("shop.yaml", "Labels", {"a": 1}),
    ("shop.yaml", "Pet", {"kind": "cow"}),
    ("shop.yaml", "Extended", {"id": "1"}),
    ("shop.yaml", "UserId", "not-a-uuid"),
    ("ts_edge.yaml", "Widget", {"id": "1", "default": "a"}),
    ("ts_edge.yaml", "Flags", 2),
    ("v30.yaml", "Thing", {"size": 10}),  # exclusiveMaximum, upgraded from 3.0's boolean
    ("split/root.yaml", "Pet", {"tag": "indoor"}),  # name is required
    ("shop.yaml", "Item", {"sku": "a", "price": 1, "quantity": True}),  # true is not the integer 1
    ("shop.yaml", "Item", {"sku": "a", "price": 1, "count": 2**63}),  # int64 overflows
    ("shop.yaml", "Item", {"sku": "a", "price": 1, "quantity": -(2**31) - 1}),  # int32 overflows
    ("shop.yaml", "Cat", {"kind": "cat", "meows": 1}),  # 1 is not the boolean true
]
FORMATS = {
    "byte": st.binary(max_size=8).map(lambda b: base64.b64encode(b).decode()),
    "binary": st.text(max_size=8),
    "uuid": st.uuids().map(str),
}


def emit(spec: str) -> GeneratedFile:
    loaded = upgrade(load_spec(SPECS / spec)).spec
    (only,) = PythonEmitter().emit(EmitInput(resolve(loaded).api, loaded))
    return only


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("models")
    paths = {}
    for index, spec in enumerate(CASES):
        paths[spec] = folder / f"models_{index}.py"
        paths[spec].write_text(emit(spec).content, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def modules(generated: dict[str, Path]) -> dict[str, ModuleType]:
    out = {}
    for spec, path in generated.items():
        found = importlib.util.spec_from_file_location(path.stem, path)
        assert found is not None and found.loader is not None
        module = importlib.util.module_from_spec(found)
        sys.modules[path.stem] = module  # pydantic resolves forward references through it
        found.loader.exec_module(module)
        out[spec] = module
    return out


def _model(modules: dict[str, ModuleType], spec: str, key: str) -> TypeAdapter[Any]:
    return TypeAdapter(getattr(modules[spec], CLASS_NAMES.get((spec, key), key)))


def _schemas() -> list[tuple[str, str]]:
    return [
        (spec, key)
        for spec in CASES
        for key in bundle(load_spec(SPECS / spec)).get("components", {}).get("schemas", {})
    ]


def test_header_file_and_determinism() -> None:
    generated = emit("shop.yaml")
    assert (generated.path, generated.owner) == (OUTPUT, "generated")
    assert generated.content.startswith(HEADER + "\n# Pydantic v2 models of Shop 1.2.3")
    assert "timestamp" not in generated.content and "datamodel-codegen:" not in generated.content
    assert emit("shop.yaml").content == generated.content


@pytest.mark.parametrize(("spec", "key"), _schemas())
def test_documents_of_each_named_schema_validate(modules: dict[str, ModuleType], spec: str, key: str) -> None:
    model = _model(modules, spec, key)
    for sample in SAMPLES.get((spec, key), []):
        model.validate_json(json.dumps(sample))
    if (spec, key) in SAMPLES:
        return  # hypothesis-jsonschema cannot draw it, or listed in DIFFERENT
    document = bundle(upgrade(load_spec(SPECS / spec)).spec)
    schema = {k: v for k, v in document.items() if k in ("components", "x-migrate-bundle")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        strategy = from_schema({**schema, "$ref": f"#/components/schemas/{key}"}, custom_formats=FORMATS)

    @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def validates(value: Any) -> None:
        model.validate_json(json.dumps(value))

    validates()


@pytest.mark.parametrize(("spec", "key", "value"), INVALID)
def test_invalid_documents_are_rejected(
    modules: dict[str, ModuleType], spec: str, key: str, value: Any
) -> None:
    with pytest.raises(ValidationError):
        _model(modules, spec, key).validate_json(json.dumps(value))


@pytest.mark.slow
def test_mypy_strict_accepts_the_models(generated: dict[str, Path], tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\nstrict = True\npython_version = 3.11\n")
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--config-file",
        str(config),
        "--no-incremental",
        *map(str, generated.values()),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_names_with_dots_become_one_module(tmp_path: Path) -> None:
    # datamodel-code-generator reads `v1.Pet` as a module path and returned several modules.
    spec_file = tmp_path / "dots.yaml"
    spec_file.write_text(
        """
openapi: 3.1.0
info: {title: Dots, version: "1"}
paths: {}
components:
  schemas:
    v1.Pet:
      type: object
      required: [kind]
      properties:
        kind: {$ref: '#/components/schemas/v1.Kind'}
        owner: {$ref: '#/components/schemas/V1Pet'}
    v1.Kind: {type: string, enum: [cat, dog]}
    V1Pet: {type: object, properties: {name: {type: string}}}
""",
        encoding="utf-8",
    )
    spec = upgrade(load_spec(spec_file)).spec
    generated = PythonEmitter().emit(EmitInput(resolve(spec).api, spec))[0]
    path = tmp_path / "dots_models.py"
    path.write_text(generated.content, encoding="utf-8")
    found = importlib.util.spec_from_file_location(path.stem, path)
    assert found is not None and found.loader is not None
    module = importlib.util.module_from_spec(found)
    sys.modules[path.stem] = module  # pydantic resolves forward references through it
    found.loader.exec_module(module)
    pet = module.V1Pet2.model_validate({"kind": "dog", "owner": {"name": "Ann"}})  # V1Pet was taken
    assert pet.kind == module.V1Kind.dog and pet.owner.name == "Ann"
    with pytest.raises(ValidationError):
        module.V1Pet2.model_validate({"kind": "cow"})


def test_a_100000_member_enum_takes_seconds_not_minutes(tmp_path: Path) -> None:
    """datamodel-code-generator names Enum members quadratically and formats long lines
    quadratically (minutes for 100,000 members); large enums become one Literal instead."""
    members = [f"v{i}" for i in range(100_000)]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "enum", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {"Big": {"type": "string", "enum": members}, "Small": {"enum": ["a", "b"]}}
        },
    }
    path = tmp_path / "enum.json"
    path.write_text(json.dumps(spec))
    loaded = upgrade(load_spec(path)).spec
    source = EmitInput(resolve(loaded).api, loaded)
    start = time.perf_counter()
    (models,) = PythonEmitter().emit(source)
    assert time.perf_counter() - start < 60  # 1-3 s here; over 5 minutes before
    module = tmp_path / "models.py"
    module.write_text(models.content)
    namespace = runpy.run_path(str(module))
    assert TypeAdapter(namespace["Big"]).validate_python("v99999").root == "v99999"
    with pytest.raises(ValidationError):
        TypeAdapter(namespace["Big"]).validate_python("v100000")
    assert [m.value for m in namespace["Small"]] == ["a", "b"]  # small enums stay Enum classes
