"""--from-spec: API Gateway events drawn from an operation's request schema, valid and reproducible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade
from golden.cases.fromspec import case_text, generate_events, write_cases
from golden.cases.spec_schema import load_request_schema
from golden.errors import GoldenError
from tests.conftest import REPO
from tests.golden.conftest import FIXTURES

SPEC = FIXTURES / "specs" / "pets.yaml"
ARGS = ("--operation", "putPet", "--count", "6", "--seed", "3")
OPERATION = "/paths/~1owners~1{ownerId}~1pets~1{petName}/put"


def validator(pointer: str) -> Draft202012Validator:
    """Validates against the spec's own schema at `pointer` (3.0 upgraded to 3.1, `$ref`s live)."""
    spec = upgrade(load_spec(SPEC)).spec
    uri = spec.root.uri
    registry: Registry[Any] = Registry().with_resource(
        uri, Resource.from_contents(spec.root.content, default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"{uri}#{pointer}"}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture(scope="module")
def rest_events() -> list[Any]:
    return generate_events(SPEC, "putPet", count=12, seed=5)


def test_requests_satisfy_the_spec_schemas(rest_events: list[Any]) -> None:
    body = validator("/components/schemas/Pet")
    owner_id = validator(f"{OPERATION}/parameters/0/schema")
    pet_name = validator(f"{OPERATION}/parameters/1/schema")
    tags = validator(f"{OPERATION}/parameters/2/schema")
    tenant = validator("/components/parameters/Tenant/schema")
    for generated in rest_events:
        request = generated.request
        assert "id" not in request["body"]  # readOnly: the server fills it in, clients never send it
        body.validate({**request["body"], "id": "8f4c1a52-0d7e-4a39-9b1e-2f6a0c7d5e11"})
        owner_id.validate(request["parameters"]["path"]["ownerId"])
        pet_name.validate(request["parameters"]["path"]["petName"])
        tags.validate(request["parameters"]["query"]["tags"])
        tenant.validate(request["parameters"]["header"]["X-Tenant"])
        assert "parent" not in request["body"]  # recursion is cut: never drawn
    assert len({json.dumps(g.request, sort_keys=True) for g in rest_events}) > 6  # varied, not one value


def test_rest_events_carry_the_parameters_where_api_gateway_puts_them(rest_events: list[Any]) -> None:
    for generated in rest_events:
        event, request = generated.event, generated.request
        path = request["parameters"]["path"]
        owner, name = str(path["ownerId"]), path["petName"]
        assert event["pathParameters"] == {"ownerId": owner, "petName": name}
        assert event["path"] == f"/owners/{owner}/pets/{urllib.parse.quote(name, safe='')}"
        assert event["resource"] == "/owners/{ownerId}/pets/{petName}"
        assert event["httpMethod"] == "PUT" and event["requestContext"]["httpMethod"] == "PUT"
        assert event["multiValueQueryStringParameters"]["tags"] == request["parameters"]["query"]["tags"]
        assert event["queryStringParameters"]["tags"] == request["parameters"]["query"]["tags"][-1]
        assert event["headers"]["X-Tenant"] == request["parameters"]["header"]["X-Tenant"]
        assert event["multiValueHeaders"]["X-Tenant"] == [event["headers"]["X-Tenant"]]
        assert event["headers"]["Content-Type"] == "application/json"
        assert json.loads(event["body"]) == request["body"] and event["isBase64Encoded"] is False


def test_http_api_events() -> None:
    for generated in generate_events(SPEC, "putPet", count=4, seed=9, version="2.0"):
        event, request = generated.event, generated.request
        tags = request["parameters"]["query"]["tags"]
        assert event["version"] == "2.0" and event["routeKey"] == "PUT /owners/{ownerId}/pets/{petName}"
        assert event["queryStringParameters"]["tags"] == ",".join(tags)
        assert urllib.parse.parse_qs(event["rawQueryString"])["tags"] == tags
        assert event["headers"]["x-tenant"] == request["parameters"]["header"]["X-Tenant"]
        assert event["requestContext"]["http"]["method"] == "PUT"
        assert "multiValueHeaders" not in event and json.loads(event["body"]) == request["body"]


def test_same_seed_same_bytes_and_another_seed_other_events(tmp_path: Path) -> None:
    first = [case_text(g.event) for g in generate_events(SPEC, "putPet", count=5, seed=11)]
    again = [case_text(g.event) for g in generate_events(SPEC, "putPet", count=5, seed=11)]
    other = [case_text(g.event) for g in generate_events(SPEC, "putPet", count=5, seed=12)]
    assert first == again and first != other
    written = write_cases(generate_events(SPEC, "putPet", count=5, seed=11), "putPet", tmp_path)
    assert [p.name for p in written] == [f"putPet-{n:04d}.json" for n in range(1, 6)]
    assert [p.read_text(encoding="utf-8") for p in written] == first


@pytest.mark.slow
def test_reproducible_across_processes(tmp_path: Path) -> None:
    outputs = []
    for hash_seed in ("1", "4242"):
        proc = subprocess.run(
            [sys.executable, "-m", "migrator", "golden", "events", "--from-spec", str(SPEC), *ARGS],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    here = [json.dumps(g.event, ensure_ascii=False) for g in generate_events(SPEC, "putPet", count=6, seed=3)]
    assert outputs[0].splitlines() == here


def test_an_operation_without_parameters_still_gives_count_events() -> None:
    events = generate_events(SPEC, "getHealth", count=3, seed=0)
    assert len(events) == 3
    assert all(e.event["path"] == "/health" and e.event["body"] is None for e in events)
    assert len({e.event["requestContext"]["requestId"] for e in events}) == 3


def test_unknown_operation_is_a_located_error_with_close_matches() -> None:
    with pytest.raises(GoldenError) as caught:
        load_request_schema(SPEC, "putPets")
    message = str(caught.value)
    assert message.startswith(f"{SPEC}: no operation with id 'putPets'")
    assert "did you mean putPet (" in message and "pets.yaml:7)" in message
    with pytest.raises(GoldenError, match="its operations: getHealth, putPet"):
        load_request_schema(SPEC, "zzz")


@pytest.mark.slow
@pytest.mark.parametrize(("version", "source"), [("1.0", "api-gateway-rest"), ("2.0", "api-gateway-http")])
def test_events_decode_strictly_into_aws_lambda_go_structs(
    eventshapes: Path, tmp_path: Path, version: str, source: str
) -> None:
    events = generate_events(SPEC, "putPet", count=4, seed=8, version=version)  # type: ignore[arg-type]
    for path in write_cases(events, "putPet", tmp_path):
        proc = subprocess.run(
            [str(eventshapes), source, str(path)], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0, (path.read_text(), proc.stderr)


def test_case_files_into_a_path_that_is_a_file_is_our_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cases"
    blocker.write_text("not a folder")
    events = generate_events(SPEC, "putPet", count=1, seed=0)
    with pytest.raises(GoldenError, match="cannot write the case files"):
        write_cases(events, "putPet", blocker / "inner")
