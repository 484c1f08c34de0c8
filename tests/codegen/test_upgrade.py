from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from codegen.errors import Level
from codegen.spec.document import Spec, copy_json
from codegen.spec.load import load_spec
from codegen.spec.upgrade import _rewrite, upgrade
from codegen.spec.walk import iter_schemas

from .conftest import SPECS

ENDTOEND = Path(__file__).resolve().parent.parent / "endtoend" / "testdata" / "codegen"


def test_30_schemas_are_rewritten_and_each_rewrite_is_a_located_notice() -> None:
    spec = load_spec(SPECS / "v30.yaml")
    result = upgrade(spec)
    thing = result.spec.content["components"]["schemas"]["Thing"]["properties"]
    assert result.spec.content["openapi"] == "3.1.0"
    assert thing["name"] == {"type": ["string", "null"], "examples": ["widget"]}
    assert thing["size"] == {"type": "number", "exclusiveMaximum": 10}
    assert thing["color"] == {"type": ["string", "null"], "enum": ["red", "green", None]}
    assert thing["parent"] == {
        "anyOf": [{"allOf": [{"$ref": "#/components/schemas/Thing"}]}, {"type": "null"}]
    }
    assert thing["kind"]["oneOf"] == [{"type": "string"}, {"type": "integer"}, {"type": "null"}]
    limit = result.spec.content["paths"]["/things"]["get"]["parameters"][0]
    assert limit["schema"] == {"type": "integer", "exclusiveMinimum": 1}
    assert limit["example"] == 10  # a Parameter's `example` is still 3.1: only schemas change

    summary, *rest = result.notices
    assert summary.level is Level.NOTICE and summary.pointer == "/openapi"
    assert summary.message.startswith("OpenAPI 3.0.3 upgraded in memory to 3.1.0: 7 schema keyword(s)")
    assert [(n.located().line, n.pointer.rsplit("/", 2)[-2:]) for n in rest] == [
        (11, ["schema", "exclusiveMinimum"]),
        (25, ["name", "nullable"]),
        (26, ["name", "example"]),
        (30, ["size", "exclusiveMaximum"]),
        (34, ["color", "nullable"]),
        (36, ["parent", "nullable"]),
        (40, ["kind", "nullable"]),
    ]
    assert rest[0].render() == (
        f"{SPECS / 'v30.yaml'}:11:47 #/paths/~1things/get/parameters/0/schema/exclusiveMinimum: notice: "
        "3.0 → 3.1: `exclusiveMinimum: true` with `minimum: 1` became `exclusiveMinimum: 1`"
    )


def test_the_loaded_spec_is_left_as_it_was() -> None:
    spec = load_spec(SPECS / "v30.yaml")
    upgrade(spec)
    assert spec.content["openapi"] == "3.0.3"
    assert spec.content["components"]["schemas"]["Thing"]["properties"]["name"]["nullable"] is True


def test_31_and_other_versions_pass_through_untouched() -> None:
    spec = load_spec(SPECS / "shop.yaml")
    result = upgrade(spec)
    assert result.spec is spec and result.notices == ()


_SHARED = """\
openapi: 3.0.3
info: {title: Shared, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: a property of A, reached before A itself
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A/properties/b'}
components:
  schemas:
    A:
      nullable: true
      type: object
      properties:
        b: {type: string, nullable: true, example: x}
        c: &twice {type: string, enum: &colors [red, green], nullable: true}
        d: *twice
        e: {type: string, enum: *colors, nullable: true}
        f:
          nullable: true
          allOf: [{$ref: '#/components/schemas/B'}]
    B:
      $ref: '#/components/schemas/C'
      nullable: true
    C:
      type: object
      properties:
        g: {type: integer, minimum: 1, exclusiveMinimum: true, example: 2}
"""


def _upgraded_from_a_deep_copy(spec: Spec) -> tuple[Any, list[tuple[str, str]]]:
    """The upgrade as a whole deep copy rewritten in place: what copy-on-write must equal."""
    documents = {uri: replace(doc, content=copy_json(doc.content)) for uri, doc in spec.documents.items()}
    copied = Spec(documents[spec.root.uri], documents, spec.diagnostics)
    notices = [n for site in iter_schemas(copied) for n in _rewrite(copied, site)]
    copied.content["openapi"] = "3.1.0"
    return copied.content, [(n.pointer, n.message) for n in notices]


@pytest.mark.parametrize(
    "name",
    ["shared", "v30", "endtoend/default-null", "endtoend/split-operation-refs", "endtoend/upgrade-30"],
)
def test_copy_on_write_gives_what_a_deep_copy_gives_and_leaves_the_loaded_spec(
    name: str, tmp_path: Path
) -> None:
    if name == "shared":
        path = tmp_path / "shared.yaml"
        path.write_text(_SHARED)
    elif name == "v30":
        path = SPECS / "v30.yaml"
    else:
        path = ENDTOEND / name.split("/")[1] / "spec.yaml"
    spec = load_spec(path)
    before = copy_json(spec.content)
    expected, expected_notices = _upgraded_from_a_deep_copy(spec)
    result = upgrade(spec)
    assert result.spec.content == expected
    assert [(n.pointer, n.message) for n in result.notices[1:]] == expected_notices
    assert spec.content == before
    assert load_spec(path).content == before
