"""The middy shims (core, http-json-body-parser, http-error-handler) against the real npm packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.port.libs.conftest import GoModule, run_steps

pytestmark = pytest.mark.slow  # go build, node and npm

JSON = {"content-type": "application/json"}
CASES: dict[str, dict[str, Any]] = {
    "parsed body": {"event": {"headers": JSON, "body": '{"a":[1,2]}'}},
    "base64 body": {"event": {"headers": JSON, "body": "eyJiIjp0cnVlfQ==", "isBase64Encoded": True}},
    "not json": {"event": {"headers": {"content-type": "text/plain"}, "body": "x"}},
    "malformed json": {"event": {"headers": JSON, "body": "{nope"}},
    "exposed 404": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": "no such item", "statusCode": 404},
    },
    "json message": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": '{"e":1}', "statusCode": 400},
    },
    "hidden 503": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": "db down", "statusCode": 503},
    },
    "forced expose": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": "db down", "statusCode": 503, "expose": True, "headers": {"Retry-After": "5"}},
    },
    "plain error": {"event": {"headers": JSON, "body": "{}"}, "throw": {"message": "boom"}},
    "no body": {"event": {"headers": JSON, "body": "{}"}, "throw": {"statusCode": 409, "message": ""}},
    "fallback for hidden 503": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": "db down", "statusCode": 503},
        "options": {"fallbackMessage": "try later"},
    },
    "fallback for plain error": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": "boom"},
        "options": {"fallbackMessage": '{"error":"internal"}'},
    },
    "fallback unused": {
        "event": {"headers": JSON, "body": "{}"},
        "throw": {"message": "no such item", "statusCode": 404},
        "options": {"fallbackMessage": "try later"},
    },
}


@pytest.mark.parametrize("major", [4, 5])
@pytest.mark.parametrize("case", sorted(CASES))
def test_middy_matches_the_npm_packages(
    go_module: GoModule, node_modules: Path, case: str, major: int
) -> None:
    steps: list[dict[str, object]] = [{"middy": {**CASES[case], "major": major}}]
    js = run_steps(["node", str(node_modules / "driver.js")], steps, "http://127.0.0.1:9", node_modules)
    go = run_steps([str(go_module.driver)], steps, "http://127.0.0.1:9", go_module.folder)
    assert go == js
