"""migrator/port/validator_schemas.py: which transpileSchema(...) schemas are inside the validator shim's
subset (no spots) and which constructs are reported where; and the subset table agrees with the Go shim."""

from __future__ import annotations

import re
from pathlib import Path

from migrator.port.validator_schemas import load_subset, schema_spots
from tests.conftest import REPO

SHIM = REPO / "migrator" / "port" / "data" / "shims" / "middy" / "schema.go"


def spots(tmp_path: Path, source: str, name: str = "h.js") -> set[tuple[int, str]]:
    (tmp_path / name).write_text(source, encoding="utf-8")
    return {(s.line, s.construct) for s in schema_spots(tmp_path, [name])}


def test_a_schema_inside_the_subset_has_no_spots(tmp_path: Path) -> None:
    source = """import { transpileSchema } from '@middy/validator/transpile';
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'order', type: 'object',
  required: ['body'], additionalProperties: true,
  properties: {
    body: { type: 'object', additionalProperties: false, properties: {
      'id': { type: 'string', format: 'uuid', description: 'x' },
      at: { type: 'string', format: "date-time" }, n: { type: ['integer', 'null'], minimum: 0, default: 1 },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, maxItems: 3 },
      kind: { enum: ['a', 'b'] }, v: { const: 2 },
    } },
  },
};
export const v = transpileSchema(schema, { coerceTypes: false, useDefaults: true });
"""
    assert spots(tmp_path, source) == set()


def test_each_construct_outside_is_reported_at_its_line(tmp_path: Path) -> None:
    source = """import * as t from '@middy/validator/transpile';
const extra = { minLength: 1 };
const a = t.transpileSchema({
  type: 'object',
  properties: { x: { anyOf: [] }, ...extra, [key]: {}, y: { type: 'string', format: `email` } },
  patternProperties: { '^a': {} },
  items: build(),
});
const b = t.transpileSchema(loadSchema());
const c = t.transpileSchema(missing, opts);
const d = t.transpileSchema({ type: 'string', pattern: '(a)\\\\1' }, { verbose: true });
const e = t.transpileSchema({ type: 'array', items: true });
"""
    assert spots(tmp_path, source, "h.ts") == {
        (5, "schema keyword anyOf at #/properties/x"),
        (5, "schema ...extra"),
        (5, "schema [key]: {}"),
        (5, "schema format `email` at #/properties/y/format"),
        (6, "schema keyword patternProperties at #"),
        (7, "schema build() at #/items"),
        (9, "transpileSchema(loadSchema())"),
        (10, "transpileSchema(missing)"),
        (10, "transpileSchema options opts"),
        (11, "schema pattern '(a)\\\\1' at #/pattern"),
        (11, "ajv option verbose"),
        (12, "schema true at #/items"),
    }


def test_schemas_spelled_through_consts_of_the_file_are_followed(tmp_path: Path) -> None:
    source = """import { transpileSchema } from '@middy/validator/transpile';
export const pathParameters = {
  type: 'object', properties: { productId: { type: 'string', format: 'hostname' } }, required: ['productId'],
} satisfies JSONSchemaType<PathParameters>;
const body = { type: 'object', properties: { n: { type: 'number', multipleOf: 2 } } } as const;
export default {
  eventSchema: transpileSchema({
    type: 'object', required: ['pathParameters'], properties: { pathParameters, body },
  }),
};
"""
    assert spots(tmp_path, source, "s.ts") == {
        (3, "schema format 'hostname' at #/properties/pathParameters/properties/productId/format"),
        (5, "schema keyword multipleOf at #/properties/body/properties/n"),
    }


def test_aliased_imports_are_followed(tmp_path: Path) -> None:
    source = """import { transpileSchema as compile } from '@middy/validator/transpile';
const { transpileSchema: again } = require('@middy/validator/transpile');
export const a = compile({ type: 'object', not: {} });
export const b = again({ type: 'string', format: 'ipv4' });
"""
    assert spots(tmp_path, source) == {
        (3, "schema keyword not at #"),
        (4, "schema format 'ipv4' at #/format"),
    }


def test_files_without_transpile_calls_are_not_parsed(tmp_path: Path) -> None:
    assert spots(tmp_path, "export const handler = async () => ({ oneOf: 1 });\n") == set()


def test_the_subset_table_matches_the_go_shim() -> None:
    go = SHIM.read_text(encoding="utf-8")

    def go_list(name: str) -> frozenset[str]:
        body = re.search(rf"var {name} = \[\]string\{{(.*?)\n\}}", go, re.S)
        assert body is not None, name
        return frozenset(re.findall(r'"([^"]+)"', body.group(1)))

    subset = load_subset()
    assert go_list("subsetKeywords") == subset.keywords
    assert go_list("ajvKeywords") == subset.ajv_keywords
    formats = REPO / "migrator" / "port" / "data" / "shims" / "middy" / "formats.go"
    implemented = re.findall(r'case "([a-z-]+)":', formats.read_text(encoding="utf-8"))
    assert frozenset(implemented) == subset.formats
    options = re.findall(r'case "([A-Za-z]+)":', go[go.index("func readAjvOptions") :])
    assert frozenset(options) == subset.ajv_options
