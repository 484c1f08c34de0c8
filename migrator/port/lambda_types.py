"""The typed entry point: when the handler's TypeScript annotations name aws-lambda types (its event
parameter `event: SQSEvent`, its answer `Promise<SQSBatchResponse>`, or the handler itself
`const handler: SQSHandler`), the port gets `portHandleTyped` at the matching aws-lambda-go types
(`data/lambda_types.toml`), beside the raw-JSON handler Lambda calls; an event or answer annotated with
an interface or type alias of the code becomes a Go struct of it (`go_structs.py`).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

import tree_sitter as ts

from migrator.port import ir
from migrator.port.go_structs import RAW, Structs
from migrator.port.gotext import quote
from migrator.port.ir.tstypes import Opaque, TsType
from migrator.port.ts_types import declared_types
from migrator.scan.jsparse import Grammars

_GENERIC = re.compile(r"<.*>$", re.S)
_PROMISE = re.compile(r"^Promise\s*<(.*)>$", re.S)


@dataclass(frozen=True)
class LambdaTypes:
    events: dict[str, str]  #: @types/aws-lambda event → aws-lambda-go type
    results: dict[str, str]  #: @types/aws-lambda result → aws-lambda-go type
    handlers: dict[str, tuple[str, str]]  #: handler type → (event, result)


@functools.cache
def lambda_types() -> LambdaTypes:
    text = resources.files("migrator.port").joinpath("data", "lambda_types.toml").read_text("utf-8")
    data = tomllib.loads(text)
    handlers = {name: (pair[0], pair[1]) for name, pair in data["handlers"].items()}
    return LambdaTypes(dict(data["events"]), dict(data["results"]), handlers)


@dataclass(frozen=True)
class TypedEntry:
    """The aws-lambda-go types of the typed entry point, and the annotations they come from."""

    event: str  #: the TypeScript event type (`APIGatewayProxyEvent`)
    request: str  #: its aws-lambda-go type
    result: str  #: the TypeScript answer type ("" when not annotated)
    response: str  #: its aws-lambda-go type; "" answers nothing; json.RawMessage when not known
    structs: tuple[str, ...] = ()  #: Go source of the structs of the code's own types it uses

    def signature(self) -> str:
        answer = f"({self.response}, error)" if self.response else "error"
        return f"portHandleTyped(ctx, {self.request}) {answer}"


def _base(annotation: str) -> str:
    """`EventBridgeEvent<'X', T>` → `EventBridgeEvent`; `AWSLambda.SQSEvent` → `SQSEvent`."""
    return _GENERIC.sub("", annotation.strip()).split(".")[-1].strip()


def _handler(module: ir.Module, export: str) -> tuple[ir.Func, str] | None:
    """The exported handler function of the module and the annotation of its binding ("" if none)."""
    value: ir.Expr | None = None
    for stmt in module.body:
        if (
            isinstance(stmt, ir.ExprStmt)
            and isinstance(stmt.expr, ir.Assign)
            and stmt.expr.target == ir.Member(ir.Name("exports"), export)
        ):
            value = stmt.expr.value
    if isinstance(value, ir.Func):
        return value, ""
    if not isinstance(value, ir.Name):
        return None
    for stmt in module.body:
        if isinstance(stmt, ir.FuncDecl) and stmt.name == value.name:
            return stmt.func, ""
        if (
            isinstance(stmt, ir.Decl)
            and stmt.pattern == ir.BindName(value.name)
            and isinstance(stmt.init, ir.Func)
        ):
            return stmt.init, stmt.annotation
    return None


def typed_entry(modules: tuple[ir.Module, ...], export: str) -> TypedEntry | None:
    """The typed entry point of the handler module's export, or None when its event is annotated with
    neither an aws-lambda event type nor an object type of the code."""
    found = _handler(modules[0], export) if modules else None
    if found is None:
        return None
    func, binding = found
    table = lambda_types()
    event = func.param_types[0] if func.param_types else ""
    result = func.returns.strip()
    if not event and _base(binding) in table.handlers:
        event, result = table.handlers[_base(binding)]
    # the handler module's own declaration of a name wins, then the first module that declares it
    structs = Structs({d.name: d for m in reversed(modules) for d in m.types})
    request = table.events.get(_base(event)) or _own(structs, event)
    if request is None:
        return None
    inner = _PROMISE.match(result)
    answer = (inner.group(1) if inner else result).strip()
    response = ""  # `void` answers nothing
    if answer != "void":
        response = table.results.get(_base(answer)) or _own(structs, answer) or RAW
    return TypedEntry(event, request, result, response, tuple(structs.bodies))


def _own(structs: Structs, annotation: str) -> str | None:
    """The Go type of an annotation naming a struct of the code's own types (None when it names none)."""
    if not annotation:
        return None
    go = structs.go(parse_type(annotation))
    return go if go.lstrip("[]*").startswith("ts") else None


def parse_type(annotation: str) -> TsType:
    """A TypeScript type written as text, read as `type _ = <annotation>`."""
    source = f"type _ = {annotation};".encode()
    tree: ts.Tree = Grammars().parse(source, "typescript")
    decls = declared_types(tree.root_node, "")
    if len(decls) != 1 or decls[0].alias is None or tree.root_node.has_error:
        return Opaque(annotation)
    return decls[0].alias


def render_entry(entry: TypedEntry) -> str:
    """port_events.gen.go: portHandleTyped over the raw-JSON path (gofmt'd by the caller)."""
    zero = f"var answer {entry.response}\n\t" if entry.response else ""
    fail = "answer, " if entry.response else ""
    if entry.response == "json.RawMessage":
        tail = "return a.port.portHandle(ctx, in)"
    elif entry.response:
        what = quote(f"decode the answer as {entry.response}: %w")
        tail = (
            "out, err := a.port.portHandle(ctx, in)\n\tif err != nil {\n\t\treturn answer, err\n\t}\n\t"
            "if err := json.Unmarshal(out, &answer); err != nil {\n\t\t"
            f"return answer, fmt.Errorf({what}, err)\n\t}}\n\treturn answer, nil"
        )
    else:
        tail = "_, err = a.port.portHandle(ctx, in)\n\treturn err"
    answer = f"({entry.response}, error)" if entry.response else "error"
    param = f"event {entry.request}"
    source = f"event: {entry.event}" + (f", answer: {entry.result}" if entry.result else "")
    uses_events = "events." in entry.request + entry.response
    events_import = '\n\t"github.com/aws/aws-lambda-go/events"\n' if uses_events else ""
    structs = "".join(f"\n{body}\n" for body in entry.structs)
    return f"""// Code generated by migrate. DO NOT EDIT.

package main

import (
\t"context"
\t"encoding/json"
\t"fmt"
{events_import})

// portHandleTyped is the translated handler at Go types, from its TypeScript annotations:
// {source}.
// The event reaches the JavaScript as the JSON encoding of the Go value: every member its struct
// declares (an absent one as its zero value, unless it is optional) and no other. So Lambda calls
// handle, with the exact JSON it sent (what Node saw); this is for Go code that calls the port with
// typed values.
func (a *app) portHandleTyped(ctx context.Context, {param}) {answer} {{
\t{zero}in, err := json.Marshal(event)
\tif err != nil {{
\t\treturn {fail}fmt.Errorf("encode the event: %w", err)
\t}}
\t{tail}
}}
{structs}"""
