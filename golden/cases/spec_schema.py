"""One operation of an OpenAPI spec as JSON Schemas a generator can draw requests from.

The spec goes through codegen's pipeline (`codegen.pipeline.prepare`: load, upgrade, validate,
resolve), so a 3.0 spec is upgraded (nullable, exclusive bounds) and a broken one is refused with
codegen's located diagnostics. The operation is found by id in the IR, which carries each parameter's
and request body's schema as plain JSON Schema, every `$ref` inlined (`codegen.resolve.inline`: a
reference back into a schema being inlined becomes `false`, so recursive optional properties are
simply never drawn).

The schemas are narrowed to requests a client could really send, each still valid against the spec:
`readOnly` properties are left out (OpenAPI: they are not sent in requests), objects that allow
undeclared properties only implicitly get none (`additionalProperties: false`), `int32`/`int64` get
their bounds (int64 within ±2^53 - 1, what JSON numbers carry exactly), and plain string parameters
get a realistic alphabet (path segments: unreserved URL characters; headers and queries: printable ASCII).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen.errors import CodegenError
from codegen.ir import Operation, Origin, Value
from codegen.pipeline import prepare
from golden.errors import GoldenError

LOCATIONS = ("path", "query", "header", "cookie")
JSON_SAFE = 2**53 - 1
_INT_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-JSON_SAFE, JSON_SAFE)}
_PATTERNS = {
    "path": "^[A-Za-z0-9._~-]+$",
    "header": "^[!-~]([ -~]*[!-~])?$",
    "query": "^[ -~]*$",
    "cookie": "^[A-Za-z0-9._~-]*$",
}
_DATA_KEYS = frozenset({"default", "const", "enum", "examples"})


@dataclass(frozen=True)
class ParameterSpec:
    """One request parameter as the event builder serialises it."""

    name: str
    location: str
    """path, query, header or cookie."""
    required: bool
    style: str
    explode: bool
    schema: Any
    """Its JSON Schema, refs inlined and narrowed (see the module docstring)."""
    content_type: str | None = None
    """Set when the parameter is given through `content` (its value is sent encoded, e.g. as JSON)."""


@dataclass(frozen=True)
class RequestSchema:
    """Everything a generator needs to draw requests for one operation."""

    operation: Operation
    parameters: tuple[ParameterSpec, ...]
    body: Any | None
    """The body's JSON Schema; None when the operation takes no body golden can generate."""
    body_required: bool
    media_type: str | None
    """The body's media type (JSON preferred)."""

    def json_schema(self) -> dict[str, Any]:
        """One schema for a whole request: `{"parameters": {path: {...}, query: ...}, "body": ...}`."""
        groups: dict[str, Any] = {}
        for location in LOCATIONS:
            members = [p for p in self.parameters if p.location == location]
            groups[location] = {
                "type": "object",
                "properties": {p.name: p.schema for p in members},
                "required": [p.name for p in members if p.required],
                "additionalProperties": False,
            }
        properties: dict[str, Any] = {
            "parameters": {
                "type": "object",
                "properties": groups,
                "required": list(LOCATIONS),
                "additionalProperties": False,
            }
        }
        required = ["parameters"]
        if self.body is not None:
            properties["body"] = self.body
            if self.body_required:
                required.append("body")
        return {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def load_request_schema(spec_path: Path, operation_id: str) -> RequestSchema:
    """The request schema of `operation_id` in the spec at `spec_path`; GoldenError when it cannot be had."""
    try:
        prepared = prepare(spec_path)
    except CodegenError as exc:
        raise GoldenError(f"{spec_path}: {exc}") from exc
    api, spec = prepared.api, prepared.spec

    def where(origin: Origin) -> str:
        return f"{origin.file}:{spec.line(origin.file, origin.pointer) or '?'}"

    by_id = {op.id: op for op in api.operations}
    operation = by_id.get(operation_id)
    if operation is None:
        close = difflib.get_close_matches(operation_id, list(by_id), n=3, cutoff=0.5)
        near = [f"{by_id[c].id} ({where(by_id[c].origin)})" for c in close]
        hint = f"did you mean {', '.join(near)}?" if near else f"its operations: {', '.join(sorted(by_id))}"
        raise GoldenError(f"{spec_path}: no operation with id {operation_id!r}; {hint}")
    body, body_required, media_type = _body(operation, where(operation.origin))
    return RequestSchema(operation, _parameters(operation), body, body_required, media_type)


def _plain(schema: Value | None) -> Any:
    return {} if schema is None else schema.value


def _parameters(operation: Operation) -> tuple[ParameterSpec, ...]:
    out = []
    for parameter in operation.parameters:
        narrowed = _request(_plain(parameter.json_schema))
        out.append(
            ParameterSpec(
                parameter.name,
                parameter.location,
                parameter.required,
                parameter.style,
                parameter.explode,
                narrowed if parameter.content_type else _realistic(narrowed, parameter.location),
                parameter.content_type,
            )
        )
    return tuple(out)


def _body(operation: Operation, where: str) -> tuple[Any | None, bool, str | None]:
    body = operation.request_body
    if body is None or not body.content:
        return None, False, None
    content = {c.media_type: c for c in body.content}
    media_type = next((m for m in content if _is_json(m)), None) or next(
        (m for m in content if m == "application/x-www-form-urlencoded"), None
    )
    if media_type is None:
        if body.required:
            raise GoldenError(
                f"{where}: operation {operation.id} takes "
                f"{', '.join(content)} bodies only; golden generates JSON and form-urlencoded bodies"
            )
        return None, False, None
    return _request(_plain(content[media_type].json_schema)), body.required, media_type


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def _request(schema: Any, in_all_of: bool = False) -> Any:
    """Narrow a schema to what a client sends (see the module docstring)."""
    if isinstance(schema, list):
        return [_request(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _DATA_KEYS:
            out[key] = value
        elif key == "allOf":
            out[key] = [_request(member, in_all_of=True) for member in value]
        elif key in ("properties", "patternProperties", "$defs", "dependentSchemas"):
            out[key] = (
                {name: _request(sub) for name, sub in value.items()} if isinstance(value, dict) else value
            )
        else:
            out[key] = _request(value)
    properties = out.get("properties")
    if isinstance(properties, dict):
        hidden = {n for n, sub in properties.items() if isinstance(sub, dict) and sub.get("readOnly") is True}
        out["properties"] = {n: s for n, s in properties.items() if n not in hidden}
        if isinstance(out.get("required"), list):
            out["required"] = [n for n in out["required"] if n not in hidden]
        open_keys = ("additionalProperties", "patternProperties", "unevaluatedProperties")
        composed = any(k in out for k in ("allOf", "anyOf", "oneOf", "not", "if"))
        if not in_all_of and not composed and not any(k in out for k in open_keys):
            out["additionalProperties"] = False
    bounds = _INT_BOUNDS.get(str(out.get("format")))
    types = out.get("type")
    if bounds is not None and (types == "integer" or (isinstance(types, list) and "integer" in types)):
        out["minimum"] = _tighter(out.get("minimum"), bounds[0], max)
        out["maximum"] = _tighter(out.get("maximum"), bounds[1], min)
    return out


def _tighter(given: Any, bound: int, pick: Any) -> Any:
    """The stricter of a schema's own bound (when it is a number) and the format's."""
    if isinstance(given, int | float) and not isinstance(given, bool):
        return pick(given, bound)
    return bound


def _realistic(schema: Any, location: str) -> Any:
    """A plain string parameter gets the alphabet real clients use in that part of a request."""
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return {**schema, "items": _realistic(schema["items"], location)}
    plain = schema.get("type") == "string" and not any(
        k in schema for k in ("pattern", "format", "enum", "const")
    )
    if not plain:
        return schema
    narrowed = {**schema, "pattern": _PATTERNS[location]}
    if location == "path":
        narrowed["minLength"] = max(1, int(schema.get("minLength", 1)))
    return narrowed
