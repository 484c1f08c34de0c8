"""One case judged: planted divergences come out with the right category, equivalent outcomes pass."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from golden.compare.difference import Difference
from golden.compare.jsondiff import FloatTolerance
from golden.compare.judge import CompareConfig, compare, summary
from golden.outcome import Crash, FunctionError, InitError, Json, Outcome, Result, Success, Timeout, Timing
from tests.golden.test_jsondiff import json_values

EXACT = CompareConfig()


def outcome(result: Result) -> Outcome:
    return Outcome("req-1", result, Timing(None, 1.0), cold=False)


def ok(value: Json) -> Outcome:
    payload = json.dumps(value).encode()
    return outcome(Success(payload, value, True))


def failed(error_type: str, message: str = "boom") -> Outcome:
    return outcome(FunctionError(error_type, message, (), b"{}"))


TIMEOUT = outcome(Timeout(3.0, "invoke"))
CRASH = outcome(Crash(2, ("panic: nil map",), delivered=True))


def categories(node: Outcome, go: Outcome, config: CompareConfig = EXACT) -> list[str]:
    return [d.category for d in compare(node, go, config)]


def test_compare_json_payload_categories() -> None:
    node = ok({"total": 3, "flag": True, "gone": 1, "list": [1]})
    go = ok({"total": 4, "flag": 1, "new": 1, "list": [1]})
    assert categories(node, go) == ["type", "missing", "extra", "value"]


def test_compare_api_gateway_categories() -> None:
    node = ok({"statusCode": 200, "headers": {"Content-Type": "application/json", "ETag": "1"}, "body": "{}"})
    go = ok({"statusCode": 404, "headers": {"content-type": "application/json", "etag": "2"}, "body": "{}"})
    assert categories(node, go) == ["status", "header"]


def test_compare_equivalent_api_gateway_response_passes() -> None:
    node = ok(
        {
            "statusCode": 200,
            "headers": {"Content-Type": "application/json; charset=utf-8"},
            "body": '{"msg": "a < b && c > d", "count": 1}',
        }
    )
    go = ok(
        {
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["application/json; charset=utf-8"]},
            "body": '{"count":1.0,"msg":"a \\u003c b \\u0026\\u0026 c \\u003e d"}',
        }
    )
    assert compare(node, go, EXACT) == []


def test_compare_error_types_with_renames_and_messages() -> None:
    assert compare(failed("ValidationError"), failed("ValidationError", "other"), EXACT) == []
    assert compare(failed("ValidationError"), failed("errorString"), EXACT) == [
        Difference("/errorType", "error-type", "ValidationError", "errorString")
    ]
    renamed = CompareConfig(error_types={"ValidationError": "*errors.ValidationError"})
    assert compare(failed("ValidationError"), failed("*errors.ValidationError"), renamed) == []
    [wrong] = compare(failed("ValidationError"), failed("errorString"), renamed)
    assert wrong.category == "error-type" and "*errors.ValidationError" in wrong.note
    messages = CompareConfig(compare_messages=True)
    assert compare(failed("E", "bad id"), failed("E", "bad ID"), messages) == [
        Difference("/errorMessage", "error-message", "bad id", "bad ID")
    ]


def test_compare_init_error_against_invoke_error() -> None:
    node = outcome(InitError("Runtime.ImportModuleError", "no module", (), b"{}"))
    [difference] = compare(node, failed("Runtime.ImportModuleError"), EXACT)
    assert difference.category == "error-type" and "init-error" in difference.note


def test_compare_success_against_error() -> None:
    assert compare(ok({"a": 1}), failed("TypeError", "x is undefined"), EXACT) == [
        Difference(
            "",
            "error-type",
            {"kind": "success", "value": {"a": 1}},
            {"kind": "error", "type": "TypeError", "message": "x is undefined"},
        )
    ]
    assert categories(failed("TypeError"), ok(None)) == ["error-type"]


def test_compare_timeouts_and_crashes() -> None:
    assert compare(ok(1), TIMEOUT, EXACT) == [
        Difference(
            "",
            "timeout",
            {"kind": "success", "value": 1},
            {"kind": "timeout", "limit_s": 3.0, "phase": "invoke"},
        )
    ]
    assert categories(TIMEOUT, ok(1)) == ["timeout"]
    assert compare(failed("E"), CRASH, EXACT)[0].go == {
        "kind": "crash",
        "reason": "Runtime exited with error: exit status 2",
        "delivered": True,
    }
    assert categories(CRASH, ok(1)) == ["crash"]
    assert categories(TIMEOUT, CRASH) == ["crash"] and categories(CRASH, TIMEOUT) == ["timeout"]
    assert compare(TIMEOUT, TIMEOUT, EXACT) == [] and compare(CRASH, CRASH, EXACT) == []
    # No ignore path hides an outcome of another kind.
    assert categories(ok(1), CRASH, CompareConfig(ignore_paths=("",))) == ["crash"]


def test_compare_config_reaches_the_json_differ() -> None:
    config = CompareConfig(
        ignore_paths=("/meta",),
        ignore_order_paths=("/ids",),
        float_tolerance=FloatTolerance(absolute=0.01),
    )
    node = ok({"meta": {"at": 1}, "ids": [1, 2], "price": 9.99})
    assert compare(node, ok({"meta": {"at": 2}, "ids": [2, 1], "price": 9.991}), config) == []


def test_compare_non_json_payloads_as_bytes() -> None:
    text = outcome(Success(b"plain", None, False))
    assert compare(text, text, EXACT) == []
    [difference] = compare(text, ok("plain"), EXACT)
    assert (difference.category, difference.node, difference.go) == ("value", "plain", "plain")
    assert summary(text.result) == {"kind": "success", "payload": "plain"}


@given(json_values)
def test_compare_reflexive(value: Json) -> None:
    assert compare(ok(value), ok(value), EXACT) == []


@given(json_values, json_values)
def test_compare_symmetric(node: Json, go: Json) -> None:
    # API Gateway normalisation keys off Node's payload, so symmetry holds for plain JSON payloads.
    if (isinstance(node, dict) and "statusCode" in node) or (isinstance(go, dict) and "statusCode" in go):
        return
    forward = compare(ok(node), ok(go), EXACT)
    assert compare(ok(go), ok(node), EXACT) == [d.mirrored() for d in forward]


@given(st.fixed_dictionaries({"statusCode": st.sampled_from([200, 404]), "body": st.text(max_size=8)}))
def test_compare_reflexive_for_api_gateway_responses(response: dict[str, Json]) -> None:
    assert compare(ok(response), ok(response), EXACT) == []
