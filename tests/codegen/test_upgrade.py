from __future__ import annotations

from codegen.errors import Level
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .conftest import SPECS


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
