"""API Gateway responses compared as a client receives them: headers by name, JSON bodies parsed."""

from __future__ import annotations

import base64
import json

from golden.compare.difference import Difference
from golden.compare.jsondiff import JsonOptions, diff_json
from golden.compare.normalize import content_type, diff_api_gateway, headers, is_api_gateway_response
from golden.outcome import Json

NODE: dict[str, Json] = {
    "statusCode": 200,
    "headers": {"Content-Type": "application/json", "X-Count": 3},
    "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
    "body": json.dumps({"html": "<b>hi</b> & bye", "n": 1, "items": [1, 2]}),
}


def go_response(**changes: Json) -> dict[str, Json]:
    response: dict[str, Json] = {
        "statusCode": 200,
        "multiValueHeaders": {"content-type": ["application/json"], "x-count": ["3"]},
        "cookies": ["b=2", "a=1"],
        # What Go's encoding/json writes: HTML characters escaped, keys in another order, 1.0.
        "body": '{"items":[1,2],"n":1.0,"html":"\\u003cb\\u003ehi\\u003c/b\\u003e \\u0026 bye"}',
    }
    response.update(changes)
    return response


def test_normal_equivalent_response_passes() -> None:
    assert is_api_gateway_response(NODE) and not is_api_gateway_response({"status": 200})
    assert diff_api_gateway(NODE, go_response(), JsonOptions()) == []


def test_normal_headers_merge_case_insensitively() -> None:
    merged = headers(
        {"headers": {"A": "1", "b": True}, "multiValueHeaders": {"a": ["1", "2"]}, "cookies": ["c"]}
    )
    assert merged == {"a": ["1", "2"], "b": ["true"], "set-cookie": ["c"]}
    assert (
        content_type({"content-type": ["Application/Problem+JSON; charset=utf-8"]})
        == "application/problem+json"
    )


def test_normal_status_difference() -> None:
    assert diff_api_gateway(NODE, go_response(statusCode=500), JsonOptions()) == [
        Difference("/statusCode", "status", 200, 500)
    ]
    assert diff_api_gateway(NODE, go_response(statusCode="200"), JsonOptions())[0].category == "status"


def test_normal_header_differences() -> None:
    go = go_response(
        multiValueHeaders={"content-type": ["application/json"], "X-Count": ["4"], "X-New": ["y"]}, cookies=[]
    )
    assert diff_api_gateway(NODE, go, JsonOptions()) == [
        Difference("/headers/set-cookie", "header", ["a=1", "b=2"], None, go_present=False),
        Difference("/headers/x-count", "header", ["3"], ["4"]),
        Difference("/headers/x-new", "header", None, ["y"], node_present=False),
    ]
    ignoring = JsonOptions(ignore_paths=("/headers/x-*", "/headers/set-cookie"))
    assert diff_api_gateway(NODE, go, ignoring) == []


def test_normal_json_body_differences_live_under_body() -> None:
    go = go_response(body='{"items":[2,1],"n":1,"html":"<b>hi</b> & bye","more":null}')
    assert diff_api_gateway(NODE, go, JsonOptions()) == [
        Difference("/body/items/0", "value", 1, 2),
        Difference("/body/items/1", "value", 2, 1),
        Difference("/body/more", "extra", None, None, node_present=False),
    ]
    assert (
        diff_api_gateway(
            NODE, go, JsonOptions(ignore_order_paths=("/body/items",), ignore_paths=("/body/more",))
        )
        == []
    )


def test_normal_text_body_compared_as_bytes_after_base64() -> None:
    node: dict[str, Json] = {"statusCode": 200, "headers": {"content-type": "text/html"}, "body": "<p>x</p>"}
    encoded = base64.b64encode(b"<p>x</p>").decode()
    assert diff_api_gateway(node, {**node, "body": encoded, "isBase64Encoded": True}, JsonOptions()) == []
    # Text bodies are not parsed: `\u003c` is not `<` in HTML.
    found = diff_api_gateway(node, {**node, "body": "\\u003cp>x\\u003c/p>"}, JsonOptions())
    assert [(d.path, d.category, d.node) for d in found] == [("/body", "value", "<p>x</p>")]


def test_normal_binary_bodies_are_shown_as_base64() -> None:
    node: dict[str, Json] = {
        "statusCode": 200,
        "body": base64.b64encode(b"\xff\x00").decode(),
        "isBase64Encoded": True,
    }
    go = {**node, "body": base64.b64encode(b"\xff\x01").decode()}
    assert diff_api_gateway(node, go, JsonOptions()) == [
        Difference("/body", "value", {"base64": "/wA="}, {"base64": "/wE="}, note="bodies compared as bytes")
    ]


def test_normal_body_without_content_type_parsed_when_both_are_json() -> None:
    node: dict[str, Json] = {"statusCode": 200, "body": '{"a": "<"}'}
    assert diff_api_gateway(node, {"statusCode": 200, "body": '{"a":"\\u003c"}'}, JsonOptions()) == []
    assert diff_api_gateway({"statusCode": 204}, {"statusCode": 204, "body": ""}, JsonOptions()) == []


def test_normal_other_keys_and_non_object_go_payloads() -> None:
    assert diff_api_gateway({**NODE, "extra": 1}, go_response(), JsonOptions())[0] == Difference(
        "/extra", "missing", 1, None, go_present=False
    )
    assert diff_api_gateway(NODE, "oops", JsonOptions()) == diff_json(NODE, "oops")
