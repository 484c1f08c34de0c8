"""Paths and webhooks → IR Operations, with parameters, request bodies and responses resolved."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from codegen.ir import Content, Header, Operation, Origin, Parameter, RequestBody, Response, Value
from codegen.names import pascal, unique
from codegen.resolve.inline import Inliner
from codegen.resolve.locnames import METHODS, operation_id
from codegen.resolve.typeres import Loc, TypeResolver

_DEFAULT_STYLE = {"path": "simple", "header": "simple", "query": "form", "cookie": "form"}


def _follow(r: TypeResolver, loc: Loc, value: Any) -> tuple[Loc, dict[str, Any]]:
    """A Reference Object's target (Parameter, Header, Response, ...), else the object itself."""
    for _ in range(32):
        if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
            break
        followed = r.follow(loc, value)
        if followed is None:
            return loc, {}
        loc, value = followed
    return loc, value if isinstance(value, dict) else {}


def _text(value: dict[str, Any], key: str) -> str | None:
    found = value.get(key)
    return found if isinstance(found, str) else None


def _contents(r: TypeResolver, loc: Loc, value: Any, inliner: Inliner | None = None) -> tuple[Content, ...]:
    """Media types → Content; with `inliner` (a request body) each with its plain JSON Schema."""
    if not isinstance(value, dict):
        return ()
    out = []
    for media_type, media in value.items():
        if not (isinstance(media, dict) and "schema" in media):
            out.append(Content(media_type, None))
            continue
        schema = media["schema"]
        plain = None if inliner is None else Value(inliner.inline(loc.document.uri, schema))
        out.append(Content(media_type, r.type_of(loc.child(media_type, "schema"), schema), plain))
    return tuple(out)


def _plain_schema(inliner: Inliner, loc: Loc, value: dict[str, Any]) -> Value:
    """A parameter's schema (or its first media type's) as plain JSON Schema."""
    schema = value.get("schema")
    if schema is None:
        content = value.get("content")
        media: Any = next(iter(content.values()), {}) if isinstance(content, dict) and content else {}
        schema = media.get("schema", {}) if isinstance(media, dict) else {}
    return Value(inliner.inline(loc.document.uri, schema))


def _parameter(r: TypeResolver, loc: Loc, raw: Any, inliner: Inliner) -> Parameter | None:
    loc, value = _follow(r, loc, raw)
    name, location = value.get("name"), value.get("in")
    if not isinstance(name, str) or location not in _DEFAULT_STYLE:
        return None
    content_type = None
    if "schema" in value:
        type_ref = r.type_of(loc.child("schema"), value["schema"])
    else:
        contents = _contents(r, loc.child("content"), value.get("content"))
        content_type = contents[0].media_type if contents else None
        type_ref = contents[0].type if contents and contents[0].type is not None else r.type_of(loc, {})
    schema = value.get("schema")
    default = Value(schema["default"]) if isinstance(schema, dict) and "default" in schema else None
    style = _text(value, "style") or _DEFAULT_STYLE[location]
    explode = value.get("explode")
    return Parameter(
        name=name,
        location=location,
        type=type_ref,
        required=location == "path" or value.get("required") is True,
        style=style,
        explode=explode if isinstance(explode, bool) else style == "form",
        deprecated=value.get("deprecated") is True,
        description=_text(value, "description"),
        content_type=content_type,
        default=default,
        json_schema=_plain_schema(inliner, loc, value),
    )


def _parameters(
    r: TypeResolver, shared: list[tuple[Loc, Any]], own: list[tuple[Loc, Any]], inliner: Inliner
) -> list[Parameter]:
    merged: dict[tuple[str, str], Parameter] = {}
    for loc, raw in [*shared, *own]:
        parameter = _parameter(r, loc, raw, inliner)
        if parameter is not None:
            merged[(parameter.name, parameter.location)] = parameter  # the operation's wins, in place
    return list(merged.values())


def _listed(loc: Loc, value: Any) -> list[tuple[Loc, Any]]:
    return [(loc.child(i), v) for i, v in enumerate(value)] if isinstance(value, list) else []


def _responses(r: TypeResolver, loc: Loc, value: Any) -> tuple[Response, ...]:
    out = []
    for status, raw in value.items() if isinstance(value, dict) else ():
        if status.startswith("x-"):
            continue
        here, response = _follow(r, loc.child(status), raw)
        headers = []
        for name, raw_header in (response.get("headers") or {}).items():
            if name.lower() == "content-type":
                continue  # ignored by OpenAPI: the media type says it
            header_loc, header = _follow(r, here.child("headers", name), raw_header)
            headers.append(
                Header(
                    name,
                    r.type_of(header_loc.child("schema"), header.get("schema", {})),
                    header.get("required") is True,
                    _text(header, "description"),
                )
            )
        contents = _contents(r, here.child("content"), response.get("content"))
        out.append(Response(str(status), _text(response, "description") or "", tuple(headers), contents))
    return tuple(out)


def _operation(
    r: TypeResolver, loc: Loc, method: str, path: str, value: dict[str, Any], shared: Any, inliner: Inliner
) -> Operation:
    body = None
    if "requestBody" in value:
        body_loc, raw = _follow(r, loc.child("requestBody"), value["requestBody"])
        contents = _contents(r, body_loc.child("content"), raw.get("content"), inliner)
        body = RequestBody(raw.get("required") is True, contents, _text(raw, "description"))
    tags = value.get("tags")
    return Operation(
        id=operation_id(method, path, value),
        name="",
        method=method,
        path=path,
        parameters=tuple(
            _parameters(r, shared, _listed(loc.child("parameters"), value.get("parameters")), inliner)
        ),
        request_body=body,
        responses=_responses(r, loc.child("responses"), value.get("responses")),
        origin=Origin(loc.document.display, loc.pointer),
        summary=_text(value, "summary"),
        description=_text(value, "description"),
        deprecated=value.get("deprecated") is True,
        tags=tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
    )


def operations(r: TypeResolver) -> list[Operation]:
    """Every operation of the spec's paths, then webhooks, in spec order, with unique names."""
    root = r.spec.root
    content = root.content if isinstance(root.content, dict) else {}
    found: list[Operation] = []
    inliner = Inliner(r.spec)
    for group in ("paths", "webhooks"):
        items = content.get(group)
        for path, raw in items.items() if isinstance(items, dict) else ():
            if path.startswith("x-"):
                continue
            loc, item = _follow(r, Loc(root, "").child(group, path), raw)
            shared = _listed(loc.child("parameters"), item.get("parameters"))
            for method, value in item.items():
                if method in METHODS and isinstance(value, dict):
                    found.append(_operation(r, loc.child(method), method, path, value, shared, inliner))
    names = unique(pascal(op.id) for op in found)
    return [replace(op, name=name) for op, name in zip(found, names, strict=True)]
