"""Request schemas in the IR as plain JSON Schema: `$ref`s inlined, recursion cut, OpenAPI-only keys out."""

from __future__ import annotations

import json
from pathlib import Path

from codegen.ir import Operation
from codegen.pipeline import prepare

SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /nodes/{id}:
    parameters:
      - $ref: '#/components/parameters/Id'
    put:
      operationId: putNode
      parameters:
        - name: filter
          in: query
          content:
            application/json:
              schema: {$ref: 'other.yaml#/Filter'}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Node'}
          application/octet-stream: {}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: integer, format: int32, x-go-type: int}}
  schemas:
    Node:
      type: object
      discriminator: {propertyName: kind}
      properties:
        kind: {type: string, example: leaf}
        next: {$ref: '#/components/schemas/Node', description: the next one}
        label: {$ref: '#/components/schemas/Label', maxLength: 5}
        other: {$ref: '#/components/schemas/Label'}
    Label: {type: string, enum: [a, b]}
"""
OTHER = "Filter: {type: object, properties: {q: {type: string}}, xml: {name: f}}\n"


def _operation(tmp_path: Path) -> Operation:
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "other.yaml").write_text(OTHER)
    (operation,) = prepare(tmp_path / "spec.yaml").api.operations
    return operation


def test_parameters_carry_their_plain_schema(tmp_path: Path) -> None:
    by_name = {p.name: p for p in _operation(tmp_path).parameters}
    assert by_name["id"].json_schema is not None and by_name["filter"].json_schema is not None
    assert by_name["id"].json_schema.value == {"type": "integer", "format": "int32"}
    assert by_name["filter"].json_schema.value == {"type": "object", "properties": {"q": {"type": "string"}}}


def test_request_bodies_inline_refs_and_cut_recursion(tmp_path: Path) -> None:
    body = _operation(tmp_path).request_body
    assert body is not None
    json_body, raw = body.content
    assert raw.json_schema is None and json_body.json_schema is not None
    node = json_body.json_schema.value
    assert node == {
        "type": "object",
        "properties": {
            "kind": {"type": "string"},
            "next": False,  # recursion cut; beside annotations only, the target stands alone
            "label": {"allOf": [{"type": "string", "enum": ["a", "b"]}, {"maxLength": 5}]},
            "other": {"type": "string", "enum": ["a", "b"]},
        },
    }
    assert "$ref" not in json.dumps(node)


def test_responses_carry_no_plain_schema(tmp_path: Path) -> None:
    (response,) = _operation(tmp_path).responses
    assert [c.json_schema for c in response.content] == [None]
