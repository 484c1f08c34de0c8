"""`migrate port --spec`: one typed entry per operation bound to the function's routes
(`port_spec.gen.go`), at the Go types codegen's emitter gives it:

    func (a *app) portOpGetItem(ctx context.Context, in api.GetItemInput) (api.GetItemOutput, error)

It builds the API Gateway event the translated handler reads from `in` (method, path with its
parameters filled in, query, headers, cookies, the body as codegen encodes it), runs the raw-JSON
path Lambda uses, and decodes the answer's statusCode, headers and body into the operation's
response type; a status the operation does not declare is an error naming it. Lambda never calls it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from codegen.emit.go.scaffold_model import OperationView, VariantView
from migrator.port.gotext import quote
from migrator.port.render import template
from migrator.scan.model import Function
from migrator.stub.routes import bind, routes_of
from migrator.stub.spec import API_FOLDER

#: Route kinds whose events are API Gateway's HTTP API (payload 2.0) shape; the others are REST's.
_V2_KINDS = frozenset({"api-gateway-http", "function-url"})


@dataclass(frozen=True)
class SpecEntry:
    """One operation's typed entry: its Go signature, and the event shape it builds."""

    view: OperationView
    v2: bool  #: payload 2.0 (HTTP API, function URL) rather than REST's 1.0

    def signature(self) -> str:
        v = self.view
        return f"portOp{v.go_name}(ctx, {API_FOLDER}.{v.input}) ({API_FOLDER}.{v.output}, error)"


def operation_views(path: Path) -> tuple[OperationView, ...]:
    """codegen's view of every routed operation of the spec at `path`, in the order `load_spec_api`
    gives them (the spec is valid: load_spec_api has already read it)."""
    from codegen import pipeline
    from codegen.emit.go import GoEmitter
    from codegen.emit.go.scaffold_model import scaffold_model
    from codegen.emit.interface import EmitInput, GoOptions

    prepared = pipeline.prepare(path)
    source = EmitInput(prepared.api, prepared.spec, GoOptions(package=API_FOLDER))
    return scaffold_model(prepared.api, GoEmitter().types(source)).operations


def spec_entries(function: Function, views: Sequence[OperationView]) -> tuple[SpecEntry, ...]:
    """The operations `function`'s routes bind (matched as the stub matches them), in spec order."""
    routes, _gaps = routes_of(function)
    kinds: dict[int, str] = {}
    for bound in bind(routes, [(v.op.method.upper(), v.op.path) for v in views]):
        for i in bound.operations:
            kinds.setdefault(i, bound.route.kind)
    return tuple(SpecEntry(views[i], kinds[i] in _V2_KINDS) for i in sorted(kinds))


def _param_lines(view: OperationView) -> list[str]:
    adders = {"path": "r.pathParam", "query": "r.query", "header": "r.header", "cookie": "r.cookie"}
    lines: list[str] = []
    for p in view.params:
        add, name, field = adders[p.wire.location], quote(p.wire.name), f"in.{p.field}"
        if p.is_list:
            lines.append(f"for _, v := range {field} {{\n{add}({name}, portSpecText(v))\n}}")
        elif p.field_type.startswith("*"):
            lines.append(f"if {field} != nil {{\n{add}({name}, portSpecText(*{field}))\n}}")
        else:
            lines.append(f"{add}({name}, portSpecText({field}))")
    return lines


def _body_lines(view: OperationView) -> list[str]:
    body = view.body
    if body is None:
        return []
    ctype = f'r.header("content-type", {quote(body.media_type)})'
    if body.kind == "json":
        what = quote(view.op.id + ": encode the body: %w")
        encode = f"if err := r.jsonBody(in.Body); err != nil {{\nreturn nil, fmt.Errorf({what}, err)\n}}"
    elif body.kind == "text":
        encode = "r.body = string(in.Body)"
    else:
        encode = "r.binaryBody(in.Body)"
    if body.field_type.startswith("*"):
        return [f"if in.Body != nil {{\n{ctype}\n{encode.replace('in.Body', '*in.Body')}\n}}"]
    return [ctype, encode]


def _variant_case(view: OperationView, v: VariantView) -> str:
    name = f"{API_FOLDER}.{v.type_name}"
    lines = [f"var out {name}"]
    if v.fixed is None:
        lines.append("out.Status = status")
    if v.body is not None:
        what = quote(f"{view.op.id}: decode the %d answer's body as {name}: %w")
        if v.body.kind == "json":
            lines.append(
                f"if err := json.Unmarshal([]byte(ans.text()), &out.Body); err != nil {{\n"
                f"return nil, fmt.Errorf({what}, status, err)\n}}"
            )
        elif v.body.kind == "text":
            lines.append(f"out.Body = {v.body.go_type}(ans.text())")
        else:
            lines.append(f"out.Body = {v.body.go_type}(ans.bytes())")
    for h in v.headers:
        if h.go_type == "*string":
            lines.append(f"if v, ok := ans.headerValue({quote(h.name)}); ok {{\nout.{h.field} = &v\n}}")
        elif h.go_type == "string":
            lines.append(f"out.{h.field}, _ = ans.headerValue({quote(h.name)})")
        else:  # not a string: left unset (docs/port.md)
            lines.append(f"// header {h.name} ({h.go_type}) is not read back")
    lines.append("return out, nil")
    body = "\n".join(lines)
    if v.fixed is not None:
        return f"case status == {v.fixed}:\n{body}"
    if v.status == "default":
        return f"default:\n{body}"
    low = int(v.status[0]) * 100
    return f"case status >= {low} && status < {low + 100}:\n{body}"


def _declared(view: OperationView) -> str:
    return ", ".join(v.status for v in view.variants)


def render_operation(entry: SpecEntry) -> str:
    """One `portOpX` method (gofmt'd by the caller)."""
    v = entry.view
    fixed = [c for c in v.variants if c.fixed is not None]
    ranged = sorted(
        (c for c in v.variants if c.fixed is None and c.status != "default"), key=lambda c: c.status
    )
    default = [c for c in v.variants if c.status == "default"]
    cases = "\n".join(_variant_case(v, c) for c in (*fixed, *ranged, *default))
    undeclared = quote(
        f"{v.op.id}: the handler answered status %d, which the operation does not declare ({_declared(v)})"
    )
    tail = "" if default else f"\nreturn nil, fmt.Errorf({undeclared}, status)"
    build = "\n".join(_param_lines(v) + _body_lines(v))
    method, path = v.op.method.upper(), v.op.path
    shape = "payload 2.0 (HTTP API)" if entry.v2 else "payload 1.0 (REST API)"
    signature = (
        f"portOp{v.go_name}(ctx context.Context, in {API_FOLDER}.{v.input}) ({API_FOLDER}.{v.output}, error)"
    )
    return f"""
// portOp{v.go_name} is operation {v.op.id} ({method} {path}) at codegen's types: the {shape} event
// built from in, through the translated handler's raw-JSON path, its answer decoded by status.
func (a *app) {signature} {{
r := newPortSpecRequest({quote(method)}, {quote(path)})
{build}
ans, err := a.portSpecCall(ctx, r, {"true" if entry.v2 else "false"})
if err != nil {{
return nil, fmt.Errorf({quote(v.op.id + ": %w")}, err)
}}
status := ans.StatusCode
switch {{
{cases}
}}{tail}
}}
"""


def render_spec_file(entries: Sequence[SpecEntry], module: str, spec: str) -> str:
    """port_spec.gen.go (gofmt'd by the caller)."""
    operations = "".join(render_operation(e) for e in entries)
    return template("port_spec.go.tmpl", module=module, spec=spec, operations=operations)
