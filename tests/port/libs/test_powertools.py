"""The Powertools Logger shim: level filtering, service, Lambda context keys, extra keys and errors."""

from __future__ import annotations

import pytest

from tests.port.libs.conftest import GoModule, run_steps

pytestmark = pytest.mark.slow  # go build, node and npm

CONTEXT = {
    "functionName": "getItem",
    "memoryLimitInMB": "256",
    "invokedFunctionArn": "arn:aws:lambda:us-east-1:1:function:getItem",
    "awsRequestId": "req-1",
}


def test_logger_levels_keys_and_context(go_module: GoModule) -> None:
    calls = [
        ["debug", "hidden"],
        ["info", "item fetched", {"sku": "AB-12", "available": 3}],
        ["warn", "dropping", {"reason": "bad"}],
        ["error", "request failed", {"error": "boom"}],
    ]
    spec = {"options": {"serviceName": "inventory", "logLevel": "INFO"}, "calls": calls, "context": CONTEXT}
    [result] = run_steps([str(go_module.driver)], [{"logger": spec}], "http://127.0.0.1:9", go_module.folder)
    records = result["ok"]
    assert isinstance(records, list)
    assert [(r["level"], r["msg"]) for r in records] == [
        ("INFO", "item fetched"),
        ("WARN", "dropping"),
        ("ERROR", "request failed"),
    ]
    first = records[0]
    assert first["service"] == "inventory" and first["sku"] == "AB-12" and first["available"] == 3
    assert first["function_name"] == "getItem" and first["function_request_id"] == "req-1"
    assert records[2]["error"]["name"] == "TypeError" and records[2]["error"]["message"] == "boom"
