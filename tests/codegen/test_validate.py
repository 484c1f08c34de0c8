from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from codegen.errors import Level, SpecError
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade
from codegen.validate import oasvalidator
from codegen.validate.validator import collect, validate

from .conftest import SPECS


def _render(path: Path) -> list[str]:
    return [d.render() for d in collect(upgrade(load_spec(path)).spec)]


def test_clean_specs_have_no_diagnostics() -> None:
    assert _render(SPECS / "shop.yaml") == []
    assert _render(SPECS / "split" / "root.yaml") == []
    assert _render(SPECS / "v30.yaml") == []


def test_dangling_refs_name_the_referring_ref_and_the_missing_target() -> None:
    spec_file = SPECS / "broken" / "dangling.yaml"
    assert _render(spec_file) == [
        f"{spec_file}:11:24 #/paths/~1a/get/responses/200/content/application~1json/schema/$ref: error: "
        f"`$ref: #/components/schemas/Pett` points nowhere: {spec_file}#/components/schemas/Pett "
        "does not exist (`/components/schemas` has no member `Pett` (did you mean `Pet`?))",
        f"{spec_file}:17:17 #/components/schemas/Pet/properties/owner/$ref: error: "
        "`$ref: missing.yaml#/components/schemas/Owner` points to a file that does not exist "
        f"({SPECS / 'broken' / 'missing.yaml'})",
        f"{spec_file}:18:15 #/components/schemas/Pet/properties/toy/$ref: error: "
        f"`$ref: toys.yaml#/components/schemas/Bal` points nowhere: {SPECS / 'broken' / 'toys.yaml'}"
        "#/components/schemas/Bal does not exist "
        "(`/components/schemas` has no member `Bal` (did you mean `Ball`?))",
    ]


def test_a_wrong_type_is_reported_at_its_document_pointer() -> None:
    spec_file = SPECS / "broken" / "wrong_type.yaml"
    types = "`type` takes one or a list of: array, boolean, integer, null, number, object, string"
    assert _render(spec_file) == [
        f"{spec_file}:10:11 #/components/schemas/Pet/properties/name/type: error: "
        f'`"strin"` (did you mean `string`?) is not a JSON Schema type; {types}',
        f"{spec_file}:12:11 #/components/schemas/Pet/properties/age/type: error: "
        f'`"nul"` (did you mean `null`?) is not a JSON Schema type; {types}',
    ]


def test_unknown_keywords_are_warnings_and_strict_makes_them_fatal() -> None:
    spec = load_spec(SPECS / "broken" / "unknown_keyword.yaml")
    found = validate(spec)
    assert [(d.level, d.line, d.column, d.pointer) for d in found] == [
        (Level.WARNING, 8, 7, "/components/schemas/Pet/require"),
        (Level.WARNING, 11, 11, "/components/schemas/Pet/properties/name/types"),
        (Level.WARNING, 14, 11, "/components/schemas/Pet/properties/age/nulable"),
    ]
    assert found[1].message == (
        "unknown schema keyword `types`: did you mean `type`? "
        "JSON Schema ignores it (prefix `x-` to mark an extension)"
    )
    with pytest.raises(SpecError) as info:
        validate(spec, strict=True)
    assert len(info.value.diagnostics) == 3
    assert str(info.value).startswith("0 error(s), 3 warning(s) in the spec; first: ")


def test_a_dangling_ref_does_not_stop_the_validator_finding_the_rest(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a/{id}:
    get:
      operationId: same
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Nope'}
  /b:
    get:
      operationId: same
      responses: {"200": {description: ok}}
components:
  schemas:
    Bad: {type: object, properties: {n: {type: integer, minimum: low}}}
"""
    )
    found = collect(load_spec(tmp_path / "api.yaml"))
    assert [(d.line, d.pointer, d.message.split(":")[0]) for d in found] == [
        (12, "/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/$ref", "`$ref"),
        (5, "/paths/~1a~1{id}/get", "Path parameter 'id' for 'get' operation in '/a/{id}' was not resolved"),
        (14, "/paths/~1b/get", "Operation ID 'same' for 'get' in '/b' is not unique"),
        (19, "/components/schemas/Bad/properties/n/minimum", '"low" is not of type "number"'),
    ]


def test_document_level_errors_point_into_the_document(tmp_path: Path) -> None:
    (tmp_path / "api.json").write_text(
        '{"openapi": "3.1.0", "info": {"title": "t"}, "paths": {"/a": {"get": 5}}}'
    )
    found = collect(load_spec(tmp_path / "api.json"))
    assert found, "the meta-schema check must report the missing version and the bad operation"
    assert all(d.level is Level.ERROR and d.file == str(tmp_path / "api.json") for d in found)
    assert {d.pointer for d in found} >= {"/info"}
    assert all(d.line == 1 for d in found)


def test_unsupported_versions_are_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    with pytest.raises(SpecError) as info:
        validate(load_spec(tmp_path / "old.yaml"))
    assert [d.message for d in info.value.diagnostics] == [
        "Swagger 2.0 is not read: convert it to OpenAPI 3 first (e.g. with swagger2openapi)"
    ]


def test_remote_refs_are_never_fetched_and_say_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A: {$ref: 'https://example.com/a.json'}\n"
    )
    (only,) = [d for d in collect(load_spec(tmp_path / "api.yaml")) if d.level is Level.ERROR]
    assert (only.line, only.pointer) == (6, "/components/schemas/A/$ref")
    assert only.message == (
        "`$ref: https://example.com/a.json` is a remote reference; codegen does not fetch them: "
        "download the file next to the spec and refer to it by relative path"
    )


def _allof_chain(path: Path, length: int) -> Path:
    """`S{i}: allOf: [S{i-1}, S{i-1}]`: the library's walk of `required` names visited 2**length schemas."""
    schemas: dict[str, object] = {"S0": {"type": "object", "properties": {"x": {"type": "string"}}}}
    for i in range(1, length):
        member = {"$ref": f"#/components/schemas/S{i - 1}"}
        schemas[f"S{i}"] = {"allOf": [member, member], "required": ["x"]}
    schemas["Wrong"] = {"allOf": [{"$ref": f"#/components/schemas/S{length - 1}"}], "required": ["y"]}
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    path.write_text(json.dumps({**document, "components": {"schemas": schemas}}))
    return path


def test_a_long_allof_chain_is_checked_in_linear_time(tmp_path: Path) -> None:
    spec = load_spec(_allof_chain(tmp_path / "chain.json", 60))
    start = time.perf_counter()
    found = collect(spec)
    assert time.perf_counter() - start < 30  # 2**60 visits before; ~1 s now
    assert [(d.pointer, d.message) for d in found] == [
        ("/components/schemas/Wrong", "Required list has not defined properties: ['y']")
    ]


def test_past_the_work_limit_the_required_check_is_a_located_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(oasvalidator, "COLLECT_BUDGET", 10)
    found = collect(load_spec(_allof_chain(tmp_path / "chain.json", 30)))
    assert found
    assert all(d.level is Level.WARNING for d in found)
    assert found[0].pointer.startswith("/components/schemas/S")
    assert "reach more than 10 schemas; the check that each `required` name" in found[0].message
