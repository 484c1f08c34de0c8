"""A drawn request (typed parameters and a body) as the API Gateway event Lambda would receive.

Parameters are serialised per OpenAPI `style`/`explode` (path and header `simple`; query `form`,
`spaceDelimited`, `pipeDelimited`, `deepObject`; cookies `form`), into the shapes API Gateway
delivers: REST (payload 1.0) fills `pathParameters`, `queryStringParameters` (last value) and
`multiValueQueryStringParameters`, `headers` and `multiValueHeaders`; HTTP APIs (payload 2.0) fill
`rawPath`, `rawQueryString`, `queryStringParameters` (values joined by commas), lower-case `headers`
and `cookies`. The event starts from golden's own templates (`golden/data/events/`), so every field
a handler might read is there; the request id is derived from the seed, so events are reproducible.
"""

from __future__ import annotations

import copy
import json
import random
import urllib.parse
import uuid
from collections.abc import Mapping
from typing import Any, Literal

from golden.cases.events import template
from golden.cases.spec_schema import ParameterSpec, RequestSchema

EventVersion = Literal["1.0", "2.0"]
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def text(value: Any) -> str:
    """A primitive as it appears in a URL or header: JSON's spelling for booleans and null."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, str):
        return value
    return json.dumps(value)


def simple(value: Any, explode: bool, content_type: str | None = None) -> str:
    """`simple` style (path, header): arrays and objects as comma-separated lists; a parameter given
    through `content` is its value encoded in that media type (JSON)."""
    if content_type is not None:
        return json.dumps(value, separators=(",", ":"))
    if isinstance(value, list):
        return ",".join(text(v) for v in value)
    if isinstance(value, dict):
        pairs = [f"{k}={text(v)}" if explode else f"{k},{text(v)}" for k, v in value.items()]
        return ",".join(pairs)
    return text(value)


def query_pairs(parameter: ParameterSpec, value: Any) -> list[tuple[str, str]]:
    """Name/value pairs one query parameter contributes, in order."""
    name, style, explode = parameter.name, parameter.style, parameter.explode
    if parameter.content_type is not None:
        return [(name, simple(value, explode, parameter.content_type))]
    if isinstance(value, dict):
        if style == "deepObject":
            return [(f"{name}[{k}]", text(v)) for k, v in value.items()]
        if explode:
            return [(k, text(v)) for k, v in value.items()]
        return [(name, ",".join(f"{k},{text(v)}" for k, v in value.items()))]
    if isinstance(value, list):
        if explode and style == "form":
            return [(name, text(v)) for v in value]
        return [(name, _DELIMITERS.get(style, ",").join(text(v) for v in value))]
    return [(name, text(value))]


def build_event(
    request_schema: RequestSchema, drawn: Mapping[str, Any], version: EventVersion, rng: random.Random
) -> dict[str, Any]:
    """The API Gateway event for one drawn request (`{"parameters": {...}, "body": ...}`)."""
    operation = request_schema.operation
    parameters: Mapping[str, Mapping[str, Any]] = drawn["parameters"]
    specs = {(p.location, p.name): p for p in request_schema.parameters}
    path_values = {name: _simple(specs[("path", name)], v) for name, v in parameters["path"].items()}
    path = operation.path
    for name, value in path_values.items():
        path = path.replace("{" + name + "}", urllib.parse.quote(value, safe=""))
    query: list[tuple[str, str]] = []
    for name, value in parameters["query"].items():
        query.extend(query_pairs(specs[("query", name)], value))
    headers = {name: _simple(specs[("header", name)], v) for name, v in parameters["header"].items()}
    cookies = [f"{name}={_simple(specs[('cookie', name)], v)}" for name, v in parameters["cookie"].items()]
    body = drawn.get("body", _ABSENT)
    body_text = None if body is _ABSENT else _body_text(body, request_schema.media_type)
    if body_text is not None and request_schema.media_type is not None:
        headers.setdefault("Content-Type", request_schema.media_type)
    request_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    context = {"method": operation.method.upper(), "path": path, "request_id": request_id, "query": query}
    if version == "1.0":
        return _rest(operation.path, path_values, headers, cookies, body_text, context)
    return _http(operation.path, path_values, headers, cookies, body_text, context)


_ABSENT = object()


def _simple(parameter: ParameterSpec, value: Any) -> str:
    explode = parameter.explode and parameter.location != "cookie"
    return simple(value, explode, parameter.content_type)


def _body_text(body: Any, media_type: str | None) -> str:
    if media_type == "application/x-www-form-urlencoded" and isinstance(body, dict):
        return urllib.parse.urlencode([(k, simple(v, False)) for k, v in body.items()])
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _rest(
    resource: str,
    path_values: dict[str, str],
    headers: dict[str, str],
    cookies: list[str],
    body: str | None,
    context: dict[str, Any],
) -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(template("api-gateway-rest"))
    base = {k: v for k, v in event["headers"].items() if k.lower() not in {h.lower() for h in headers}}
    merged = {**base, **headers}
    if cookies:
        merged["Cookie"] = "; ".join(cookies)
    multi_query: dict[str, list[str]] = {}
    for name, value in context["query"]:
        multi_query.setdefault(name, []).append(value)
    event.update(
        resource=resource,
        path=context["path"],
        httpMethod=context["method"],
        headers=merged,
        multiValueHeaders={k: [v] for k, v in merged.items()},
        queryStringParameters={k: v[-1] for k, v in multi_query.items()} or None,
        multiValueQueryStringParameters=multi_query or None,
        pathParameters=path_values or None,
        body=body,
        isBase64Encoded=False,
    )
    request = event["requestContext"]
    stage = request.get("stage", "prod")
    request.update(
        httpMethod=context["method"],
        path=f"/{stage}{context['path']}",
        resourcePath=resource,
        requestId=context["request_id"],
    )
    return event


def _http(
    route: str,
    path_values: dict[str, str],
    headers: dict[str, str],
    cookies: list[str],
    body: str | None,
    context: dict[str, Any],
) -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(template("api-gateway-http"))
    base = {k: v for k, v in event["headers"].items() if k != "content-type"}
    merged = {**base, **{k.lower(): v for k, v in headers.items()}}
    joined: dict[str, list[str]] = {}
    for name, value in context["query"]:
        joined.setdefault(name, []).append(value)
    route_key = f"{context['method']} {route}"
    event.update(
        routeKey=route_key,
        rawPath=context["path"],
        rawQueryString=urllib.parse.urlencode(context["query"], quote_via=urllib.parse.quote),
        headers=merged,
        isBase64Encoded=False,
    )
    for key, value in (
        ("cookies", cookies),
        ("queryStringParameters", {k: ",".join(v) for k, v in joined.items()}),
        ("pathParameters", path_values),
        ("body", body),
    ):
        if value:
            event[key] = value
        else:
            event.pop(key, None)
    if body == "":
        event["body"] = body
    request = event["requestContext"]
    request["http"].update(method=context["method"], path=context["path"])
    request.update(routeKey=route_key, requestId=context["request_id"])
    return event
