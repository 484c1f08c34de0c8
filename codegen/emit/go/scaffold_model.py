"""The IR's operations → what the scaffold templates render: Go names, fields and decoders.

Templates see only these frozen views. Go types come from go-types' `GoTypes` (the one source of
schema names and type expressions), so the scaffold and `types.gen.go` always agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Literal

from codegen.emit.go.gotypes import GoTypes
from codegen.emit.go.scaffold_routes import PATTERN, Route, route_table
from codegen.ir import (
    AliasDef,
    AnyValue,
    Api,
    ArrayDef,
    ConstDef,
    Content,
    EnumDef,
    ListOf,
    Named,
    Operation,
    Parameter,
    Response,
    Scalar,
    ScalarDef,
    TypeRef,
)
from codegen.names import allocate, go_name

BodyKind = Literal["json", "text", "bytes"]


@dataclass(frozen=True)
class ParamView:
    """One parameter as a field of the operation's input struct."""

    wire: Parameter
    """The IR parameter."""
    field: str
    """Go field name."""
    field_type: str
    """Go type of the field (`*T` for an optional scalar without a default)."""
    value_type: str
    """Go type the decoder parses each value into (the item type of an array)."""
    is_list: bool
    """An array parameter (decoded with decodeList)."""
    assign: str
    """Go expression assigning the decoded `v` to the field (`v`, `&v`, `Tags(v)`)."""
    default: str | None
    """Go literal assigned when the parameter is absent."""
    checks: tuple[str, ...]
    """Go statements validating `v` into `errs` (constraints, enums); empty when none."""


@dataclass(frozen=True)
class BodyView:
    """A request or response body in its primary media type."""

    kind: BodyKind
    """json (encoding/json), text (string) or bytes ([]byte)."""
    media_type: str
    """The declared media type (`application/octet-stream` for wildcards on responses)."""
    go_type: str
    """Go type of the body value."""
    field_type: str
    """Go type of the struct field (`*T` for an optional JSON request body)."""
    required: bool
    """Request bodies: `required`."""


@dataclass(frozen=True)
class HeaderView:
    """A declared response header."""

    name: str
    """Header name."""
    field: str
    """Go field name."""
    go_type: str
    """Go type (`*T` when optional and not nil-able)."""
    optional: bool
    """Whether the field may be nil (left out when nil)."""


@dataclass(frozen=True)
class VariantView:
    """One response of an operation: its own Go type."""

    type_name: str
    """Go type name (`CreateOrder201`)."""
    status: str
    """`201`, `2XX` or `default`."""
    fixed: int | None
    """The status code when the response names one."""
    fallback: int
    """Status used when the variant's Status field is 0 (ranges and default)."""
    description: str
    """The response's description."""
    headers: tuple[HeaderView, ...]
    """Declared headers."""
    body: BodyView | None
    """The body, if any."""


@dataclass(frozen=True)
class OperationView:
    """One operation: its Go names, input fields and response variants."""

    op: Operation
    """The IR operation."""
    go_name: str
    """Handlers field and Server method name (`CreateOrder`)."""
    input: str
    """Input struct name (`CreateOrderInput`)."""
    output: str
    """Output interface name (`CreateOrderOutput`)."""
    decode: str
    """Name of the unexported decoder function."""
    marker: str
    """Unexported method sealing the output interface."""
    params: tuple[ParamView, ...]
    """Parameters."""
    body: BodyView | None
    """Request body."""
    variants: tuple[VariantView, ...]
    """Responses."""
    refs: tuple[TypeRef, ...]
    """Every type the rendered code names (for imports)."""


def is_json(media_type: str) -> bool:
    """`application/json`, `application/problem+json`, `application/vnd.x+json; charset=...`."""
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def body_kind(media_type: str, ref: TypeRef | None) -> BodyKind:
    """How a body of this media type is held: decoded JSON, text, or raw bytes."""
    if ref is not None and is_json(media_type):
        return "json"
    return "text" if media_type.lower().startswith("text/") else "bytes"


def primary_content(contents: tuple[Content, ...]) -> Content | None:
    """The content the scaffold handles: the first JSON one, else the first."""
    for content in contents:
        if is_json(content.media_type):
            return content
    return contents[0] if contents else None


def _resolve(api: Api, ref: TypeRef) -> TypeRef:
    """Follow named aliases and scalars to what the value is on the wire."""
    for _ in range(32):
        if not isinstance(ref, Named):
            return ref
        definition = api.schema(ref.name).definition
        if isinstance(definition, AliasDef):
            ref = definition.type
        elif isinstance(definition, ScalarDef):
            return definition.type
        else:
            return ref
    return ref


def go_literal(api: Api, ref: TypeRef, value: object) -> str | None:
    """An untyped Go constant for `value` assignable to ref's Go type; None when there is none."""
    target = _resolve(api, ref)
    base: str | None = None
    if isinstance(target, Scalar):
        if target.format in ("date-time", "date", "byte", "binary"):
            return None
        base = target.type
    elif isinstance(target, Named):
        definition = api.schema(target.name).definition
        if isinstance(definition, EnumDef | ConstDef) and not api.schema(target.name).go.type:
            base = definition.base
    if base == "string" and isinstance(value, str):
        return json.dumps(value)
    if base == "boolean" and isinstance(value, bool):
        return "true" if value else "false"
    if base in ("integer", "number") and isinstance(value, int | float) and not isinstance(value, bool):
        if base == "integer" and float(value) != int(value):
            return None
        return repr(int(value)) if base == "integer" else repr(value)
    return None


def _list_item(api: Api, ref: TypeRef) -> TypeRef | None:
    target = _resolve(api, ref)
    if isinstance(target, ListOf):
        return target.items
    if isinstance(target, Named):
        definition = api.schema(target.name).definition
        if isinstance(definition, ArrayDef):
            return definition.items
    return None


def _param_view(api: Api, types: GoTypes, p: Parameter, field: str) -> ParamView:
    at = json.dumps(f"/{p.location}/" + p.name.replace("~", "~0").replace("/", "~1"))
    # The decoded `v` is a bare value: a parameter is never JSON null, whatever its schema allows.
    bare = p.type if isinstance(p.type, AnyValue) else replace(p.type, nullable=False)
    checks = tuple(line for line in types.validation(bare, "v", at).splitlines() if line.strip())
    item = _list_item(api, p.type)
    expr = types.expr(p.type)
    if item is not None:
        value_type = types.expr(item)
        assign = "v" if expr == "[]" + value_type else f"{expr}(v)"
        return ParamView(p, field, expr, value_type, True, assign, None, checks)
    default = None
    if not p.required and p.default is not None:
        default = go_literal(api, p.type, p.default.value)
    if p.required or default is not None or types.nilable(p.type):
        return ParamView(p, field, expr, expr, False, "v", default, checks)
    return ParamView(p, field, "*" + expr, expr, False, "&v", None, checks)


def _fields(names: list[str], locations: list[str], reserved: set[str]) -> list[str]:
    """Field names: a clash (with another parameter or a reserved name) gets its location as prefix."""
    counts = {n: names.count(n) for n in names}
    out: list[str] = []
    for name, location in zip(names, locations, strict=True):
        candidate = name
        if counts[name] > 1 or name in reserved:
            candidate = go_name(location) + name
        while candidate in out or candidate in reserved:
            candidate += "_"
        out.append(candidate)
    return out


def _request_body(types: GoTypes, op: Operation) -> BodyView | None:
    rb = op.request_body
    if rb is None or not rb.content:
        return None
    content = primary_content(rb.content)
    assert content is not None
    kind = body_kind(content.media_type, content.type)
    if kind == "json":
        assert content.type is not None
        go_type = types.expr(content.type)
        optional = not rb.required and not types.nilable(content.type)
        return BodyView(
            kind, content.media_type, go_type, "*" + go_type if optional else go_type, rb.required
        )
    go_type = "string" if kind == "text" else "[]byte"
    return BodyView(kind, content.media_type, go_type, go_type, rb.required)


def _status(status: str) -> tuple[int | None, int]:
    if status.isdigit():
        return int(status), int(status)
    if status[:1].isdigit():  # 2XX
        return None, int(status[0]) * 100
    return None, 500


def _variant(types: GoTypes, response: Response, type_name: str) -> VariantView:
    body = None
    content = primary_content(response.content)
    if content is not None:
        kind = body_kind(content.media_type, content.type)
        media = content.media_type if "*" not in content.media_type else "application/octet-stream"
        if kind == "json":
            assert content.type is not None
            go_type = types.expr(content.type)
        else:
            go_type = "string" if kind == "text" else "[]byte"
        body = BodyView(kind, media, go_type, go_type, True)
    reserved = {"Body", "Status", "ContentType", "StatusCode"}
    fields = _fields(
        [go_name(h.name) for h in response.headers], ["header"] * len(response.headers), reserved
    )
    headers = []
    for header, field in zip(response.headers, fields, strict=True):
        expr = types.expr(header.type)
        optional = not header.required
        if optional and not types.nilable(header.type):
            expr = "*" + expr
        headers.append(HeaderView(header.name, field, expr, optional))
    fixed, fallback = _status(response.status)
    return VariantView(
        type_name, response.status, fixed, fallback, response.description, tuple(headers), body
    )


def operation_view(api: Api, types: GoTypes, op: Operation, taken: set[str]) -> OperationView:
    """The view of one routed operation; its Go names are allocated in `taken`."""
    name = go_name(op.name)
    input_name = allocate(name + "Input", taken)
    output_name = allocate(name + "Output", taken)
    variants = []
    for response in op.responses:
        label = "Default" if response.status == "default" else response.status.upper()
        variants.append(_variant(types, response, allocate(name + label, taken)))
    fields = _fields([go_name(p.name) for p in op.parameters], [p.location for p in op.parameters], {"Body"})
    params = tuple(_param_view(api, types, p, f) for p, f in zip(op.parameters, fields, strict=True))
    return OperationView(
        op=op,
        go_name=name,
        input=input_name,
        output=output_name,
        decode="decode" + input_name,
        marker="is" + output_name,
        params=params,
        body=_request_body(types, op),
        variants=tuple(variants),
        refs=tuple(_rendered_refs(op)),
    )


def _rendered_refs(op: Operation) -> list[TypeRef]:
    refs = [p.type for p in op.parameters]
    body = primary_content(op.request_body.content) if op.request_body is not None else None
    for content in [body, *(primary_content(r.content) for r in op.responses)]:
        if content is not None and content.type is not None and is_json(content.media_type):
            refs.append(content.type)
    refs += [h.type for r in op.responses for h in r.headers]
    return refs


@dataclass(frozen=True)
class ScaffoldModel:
    """Everything operations.gen.go renders."""

    routes: tuple[Route, ...]
    """The route table, most specific first."""
    operations: tuple[OperationView, ...]
    """Routed operations in spec order."""
    imports: tuple[str, ...]
    """Import specs of operations.gen.go, sorted."""


def scaffold_model(api: Api, types: GoTypes) -> ScaffoldModel:
    """The scaffold's view of the Api: routed operations named after every name the types took."""
    routes = route_table(api.operations)
    routed = {id(r.operation) for r in routes}
    taken = set(types.taken)
    views = tuple(operation_view(api, types, op, taken) for op in api.operations if id(op) in routed)
    imports = {'"context"'} if views else set()
    for view in views:
        for ref in view.refs:
            imports |= types.imports(ref)
    if any(s.rank == PATTERN for r in routes for s in r.segments):
        imports.add('"regexp"')
    return ScaffoldModel(routes, views, tuple(sorted(imports)))
