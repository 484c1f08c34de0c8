"""The @middy/validator shim against the real npm packages: each case of cases.py runs through
http-json-body-parser + validator + http-error-handler in Node (middy 4 and 5) and in Go, and the
response, the error the validator threw (name, status, ajv errors in the cause) and the event the
handler saw must be the same."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.port.validator.cases import CASES
from tests.port.validator.random_cases import random_schema_steps, random_steps

pytestmark = pytest.mark.slow  # go build, node and npm

MAJORS = (4, 5)
#: What Node answers each case with (status code, or the start of what it throws): the cases are
#: checked to exercise what their names say, so the comparison below cannot pass on two equal crashes.
EXPECTED: dict[str, int | str] = {
    "valid": 200,
    "defaults applied": 200,
    "query defaults and coercion": 200,
    "query default": 200,
    "coerced types": 200,
    "one-element array unwrapped": 400,
    "missing required": 400,
    "wrong types": 400,
    "extra properties": 400,
    "limits and patterns": 400,
    "formats": 400,
    "good formats": 200,
    "enum and const": 400,
    "not an object body": 400,
    "response fails": 500,
    "response passes": 201,
    "event schema only": 400,
    "localized errors": 400,
    "context fails": 500,
    "ajv options": 400,
    "allErrors off": "Error: ajv-errors",
    "strict off": 400,
    "coercion edges": 200,
    "additional schema and escaping": 400,
    "items errors": 400,
    "unknown keyword": "Error: strict mode: unknown keyword",
    "required not declared": "Error: strict mode: required property",
    "missing type for keyword": "Error: strict mode: missing type",
    "unknown format": 'Error: unknown format "nope"',
}


def _run(argv: list[str], steps: list[dict[str, Any]], cwd: Path) -> list[dict[str, Any]]:
    done = subprocess.run(argv, input=json.dumps(steps), cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


@pytest.fixture(scope="module")
def results(validator_node: Path, validator_go: Path) -> dict[tuple[str, int], tuple[Any, Any]]:
    """(case, major) → (Node's result, Go's result), each driver run once over every case."""
    keys = [(name, major) for name in CASES for major in MAJORS]
    steps = [{**CASES[name], "major": major} for name, major in keys]
    js = _run(["node", str(validator_node / "driver.mjs")], steps, validator_node)
    go = _run([str(validator_go)], steps, validator_go.parent)
    return {key: (a, b) for key, a, b in zip(keys, js, go, strict=True)}


def _outcome(result: dict[str, Any]) -> int | str:
    if "threw" in result and "response" not in result:
        return str(result["threw"])
    return int(result["response"]["statusCode"])


@pytest.mark.parametrize("major", MAJORS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_go_answers_as_node(results: dict[tuple[str, int], tuple[Any, Any]], case: str, major: int) -> None:
    js, go = results[case, major]
    expected = EXPECTED[case]
    outcome = _outcome(js)
    if case in ("response fails", "context fails") and major == 4:
        expected = "InternalServerError: "  # 4.x rethrows an unexposed 500
    if isinstance(expected, str):
        assert isinstance(outcome, str) and outcome.startswith(expected), js
    else:
        assert outcome == expected, js
    assert go == js


def test_defaults_and_coercion_change_the_event_the_handler_sees(
    results: dict[tuple[str, int], tuple[Any, Any]],
) -> None:
    for major in MAJORS:
        seen = json.loads(results["coerced types", major][1]["seen"])
        assert (
            seen["body"]["quantity"] == 7 and seen["body"]["gift"] is True and seen["body"]["tags"] == ["xy"]
        )
        assert seen["body"]["note"] == "none" and seen["body"]["priority"] == "low"
        query = json.loads(results["query defaults and coercion", major][1]["seen"])["queryStringParameters"]
        assert query == {"page": 3}


def test_languages_rewrite_the_errors(results: dict[tuple[str, int], tuple[Any, Any]]) -> None:
    for major in MAJORS:
        error = results["localized errors", major][1]["error"]
        errors = error["cause"] if major == 4 else error["cause"]["data"]
        assert errors and all(e["message"].startswith("en: must ") for e in errors)


def test_the_cause_holds_ajvs_errors(results: dict[tuple[str, int], tuple[Any, Any]]) -> None:
    v4 = results["missing required", 4][1]["error"]
    v5 = results["missing required", 5][1]["error"]
    assert v5["cause"]["package"] == "@middy/validator" and v5["cause"]["data"] == v4["cause"]
    assert [e["params"]["missingProperty"] for e in v4["cause"]] == ["quantity", "email"]
    assert v4["name"] == "BadRequestError" and v4["statusCode"] == 400


def test_random_bodies_get_the_same_answer(validator_node: Path, validator_go: Path) -> None:
    """300 seeded random bodies (types ajv coerces and not, formats, limits, nesting, extra keys)."""
    steps = random_steps(seed=14, count=300)
    js = _run(["node", str(validator_node / "driver.mjs")], steps, validator_node)
    go = _run([str(validator_go)], steps, validator_go.parent)
    outcomes = {_outcome(r) for r in js}
    assert {200, 400} <= outcomes  # both valid and invalid bodies are among them
    assert [i for i, (a, b) in enumerate(zip(js, go, strict=True)) if a != b] == []


def test_random_schemas_and_values_get_the_same_answer(validator_node: Path, validator_go: Path) -> None:
    """300 seeded random schemas of the subset (every keyword, nesting, union with null, defaults)."""
    steps = random_schema_steps(seed=14, count=300)
    js = _run(["node", str(validator_node / "driver.mjs")], steps, validator_node)
    go = _run([str(validator_go)], steps, validator_go.parent)
    assert {200, 400} <= {_outcome(r) for r in js}
    assert [i for i, (a, b) in enumerate(zip(js, go, strict=True)) if a != b] == []
