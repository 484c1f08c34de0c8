"""An operation's request schema: `$ref`s inlined, narrowed to what clients send, still within the spec."""

from __future__ import annotations

import json

from golden.cases.fromspec import generate_events
from golden.cases.spec_schema import load_request_schema
from tests.golden.conftest import FIXTURES

SPEC = FIXTURES / "specs" / "pets.yaml"


def test_body_schema_is_inlined_and_narrowed_to_a_request() -> None:
    schema = load_request_schema(SPEC, "putPet")
    assert schema.body_required and schema.media_type == "application/json"
    pet = schema.body
    assert pet is not None
    assert "id" not in pet["properties"] and pet["required"] == ["name", "kind"]  # readOnly left out
    assert pet["additionalProperties"] is False
    assert pet["properties"]["kind"] == {"type": "string", "enum": ["cat", "dog", "newt"]}
    assert pet["properties"]["parent"] is False  # recursion cut
    assert pet["properties"]["age"]["type"] == ["integer", "null"]  # 3.0 nullable, upgraded by codegen
    owner = pet["properties"]["owner"]
    assert all("additionalProperties" not in member for member in owner["allOf"])  # allOf members stay open
    assert "$ref" not in json.dumps(pet)


def test_parameters_get_format_bounds_and_realistic_alphabets() -> None:
    by_name = {p.name: p for p in load_request_schema(SPEC, "putPet").parameters}
    assert list(by_name) == ["X-Tenant", "ownerId", "petName", "tags", "notify", "filter"]
    owner = by_name["ownerId"].schema
    assert (owner["minimum"], owner["maximum"]) == (1, 2**31 - 1)  # the spec's minimum is the stricter
    assert by_name["petName"].schema["pattern"] == "^[A-Za-z0-9._~-]+$"
    assert by_name["X-Tenant"].schema["pattern"].startswith("^[!-~]") and by_name["X-Tenant"].required
    assert by_name["filter"].content_type == "application/json"


def test_content_parameters_are_sent_as_json() -> None:
    events = generate_events(SPEC, "putPet", count=15, seed=2)
    with_filter = [e for e in events if "filter" in e.request["parameters"]["query"]]
    assert with_filter, "no event drew the optional filter parameter"
    for generated in with_filter:
        sent = generated.event["multiValueQueryStringParameters"]["filter"]
        assert [json.loads(v) for v in sent] == [generated.request["parameters"]["query"]["filter"]]
