"""API Gateway proxy responses compared the way API Gateway hands them to a client.

- `statusCode` differences are `status`, at `/statusCode`.
- Headers: `headers` and `multiValueHeaders` merge into one map of lower-cased name → list of values
  (as API Gateway does: a value already given in `multiValueHeaders` is not repeated); scalar values
  become text the way API Gateway writes them (`12`, `true`). HTTP API `cookies` join `set-cookie`.
  Differences are `header`, at `/headers/<lower-cased name>`; `set-cookie` compares as a multiset
  (clients key cookies by name, not by order), every other header as an ordered list.
- Body: absent counts as empty; base64-decoded first when `isBase64Encoded`. Parsed and compared with
  `golden.compare.jsondiff` under `/body` when either side's content type is JSON (`application/json`,
  `*+json`),
  or when neither side names a content type and both bodies parse; otherwise compared as bytes.
  Parsing first is what lets Go's `\\u003c` equal Node's `<`.
- Any other top-level key is compared with `golden.compare.jsondiff`.
"""

from __future__ import annotations

import base64
import binascii
import json

from codegen.spec.pointers import join
from golden.compare.difference import Difference
from golden.compare.jsondiff import JsonOptions, diff_json
from golden.compare.pointer import covered
from golden.outcome import Json, parse_json

_HANDLED = frozenset({"statusCode", "headers", "multiValueHeaders", "cookies", "body", "isBase64Encoded"})
_UNORDERED_HEADERS = frozenset({"set-cookie"})


def is_api_gateway_response(value: Json) -> bool:
    """Whether a payload is an API Gateway proxy response (an object with `statusCode`)."""
    return isinstance(value, dict) and "statusCode" in value


def diff_api_gateway(node: dict[str, Json], go: Json, options: JsonOptions) -> list[Difference]:
    """Differences between Node's API Gateway response and whatever Go returned."""
    if not isinstance(go, dict):
        return diff_json(node, go, options)
    out: list[Difference] = []
    if not covered(options.ignore_paths, "/statusCode"):
        out.extend(_diff_status(node, go))
    out.extend(_diff_headers(headers(node), headers(go), options))
    out.extend(_diff_body(node, go, options))
    rest_node = {k: v for k, v in node.items() if k not in _HANDLED}
    rest_go = {k: v for k, v in go.items() if k not in _HANDLED}
    out.extend(diff_json(rest_node, rest_go, options))
    return out


def headers(response: dict[str, Json]) -> dict[str, list[str]]:
    """Lower-cased header name → values, from `multiValueHeaders`, then `headers`, then `cookies`.

    A name with no values (`"X": []`, `cookies: []`) is no header at all."""
    merged: dict[str, list[str]] = {}
    multi = response.get("multiValueHeaders")
    if isinstance(multi, dict):
        for name in sorted(multi):
            values = multi[name]
            items = values if isinstance(values, list) else [values]
            merged.setdefault(name.lower(), []).extend(_text(v) for v in items)
    single = response.get("headers")
    if isinstance(single, dict):
        for name in sorted(single):
            values_seen = merged.setdefault(name.lower(), [])
            text = _text(single[name])
            if text not in values_seen:
                values_seen.append(text)
    cookies = response.get("cookies")
    if isinstance(cookies, list):
        merged.setdefault("set-cookie", []).extend(_text(c) for c in cookies)
    return {name: values for name, values in merged.items() if values}


def content_type(response_headers: dict[str, list[str]]) -> str | None:
    """The media type (lower case, no parameters) the headers declare, if any."""
    values = response_headers.get("content-type")
    if not values:
        return None
    return values[0].split(";", 1)[0].strip().lower()


def is_json_media_type(media_type: str | None) -> bool:
    return media_type is not None and (media_type == "application/json" or media_type.endswith("+json"))


def _diff_status(node: dict[str, Json], go: dict[str, Json]) -> list[Difference]:
    if "statusCode" not in go:
        return [Difference("/statusCode", "status", node["statusCode"], None, go_present=False)]
    if node["statusCode"] == go["statusCode"] and type(node["statusCode"]) is type(go["statusCode"]):
        return []
    return [Difference("/statusCode", "status", node["statusCode"], go["statusCode"])]


def _diff_headers(
    node: dict[str, list[str]], go: dict[str, list[str]], options: JsonOptions
) -> list[Difference]:
    out: list[Difference] = []
    for name in sorted(node.keys() | go.keys()):
        at = join("/headers", name)
        if covered(options.ignore_paths, at):
            continue
        mine, theirs = node.get(name), go.get(name)
        if mine is None or theirs is None:
            out.append(
                Difference(at, "header", _list(mine), _list(theirs), mine is not None, theirs is not None)
            )
        elif (sorted(mine) != sorted(theirs)) if name in _UNORDERED_HEADERS else (mine != theirs):
            out.append(Difference(at, "header", _list(mine), _list(theirs)))
    return out


def _diff_body(node: dict[str, Json], go: dict[str, Json], options: JsonOptions) -> list[Difference]:
    if covered(options.ignore_paths, "/body"):
        return []
    node_body, go_body = _body(node), _body(go)
    node_type, go_type = content_type(headers(node)), content_type(headers(go))
    node_value, node_json = parse_json(node_body) if node_body else (None, False)
    go_value, go_json = parse_json(go_body) if go_body else (None, False)
    json_declared = is_json_media_type(node_type) or is_json_media_type(go_type)
    undeclared = node_type is None and go_type is None
    if node_json and go_json and (json_declared or undeclared):
        return diff_json(node_value, go_value, options, "/body")
    if node_body == go_body:
        return []
    return [Difference("/body", "value", _shown(node_body), _shown(go_body), note="bodies compared as bytes")]


def _body(response: dict[str, Json]) -> bytes:
    body = response.get("body")
    if body is None:
        return b""
    raw = body.encode("utf-8") if isinstance(body, str) else json.dumps(body).encode("utf-8")
    if response.get("isBase64Encoded") is True:
        try:
            return base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            return raw
    return raw


def _shown(body: bytes) -> Json:
    """A body as a JSON value for the report: its text, or `{"base64": …}` when it is not UTF-8."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(body).decode("ascii")}


def _list(values: list[str] | None) -> Json:
    return None if values is None else list[Json](values)


def _text(value: Json) -> str:
    """A header value as API Gateway writes it."""
    if isinstance(value, str):
        return value
    return json.dumps(value)
