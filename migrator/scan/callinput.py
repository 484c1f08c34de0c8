"""The object literal a call passes as its input: `new PutItemCommand({TableName: …, Item: …})`
(SDK v3) or `sqs.sendMessage({QueueUrl: …})` (SDK v2), also through a local `const params = {…}`.

Each top-level key is kept with the Node expression text, and with the environment variable
behind it when the value is `process.env.X` (maybe `|| 'default'`) or a name bound to one
(`const TABLE = process.env.TABLE`, `const { TABLE } = process.env`). `migrate stub` turns them
into the fields of the typed aws-sdk-go-v2 `<Op>Input`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import tree_sitter as ts

from migrator.scan.filefacts import CallInput, InputKey
from migrator.scan.syntax import Text, line, string_value, text

_Captures = dict[str, list[ts.Node]]
_LITERAL_CHARS = 300  #: string literals up to this long are kept whole
_VALUE_CHARS = 80  #: longer expression texts are cut (the comment in port.go stays one line)
_WRAPPERS = ("parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression")
_SCOPES = ("statement_block", "program")
_THIS_MEMBER = re.compile(r"this\.[A-Za-z_$][A-Za-z0-9_$]*")  #: `this.name`, whole


class MethodCall(NamedTuple):
    """One `obj.method(…)` capture, with the texts every reader of it needs (read once)."""

    node: ts.Node  #: the method name (its line is read only for calls that may be on a client)
    member: ts.Node  #: `obj.method`
    obj: ts.Node
    obj_text: str  #: `obj` or `this.obj`
    name: str


def method_calls(caps: _Captures, text: Text) -> list[MethodCall]:
    """The calls of a method on a plain name (`obj.m(…)`) or on `this.name`, in source order of
    the method names (the query captures every `….m(…)` callee)."""
    out = []
    for member in caps.get("method_call", ()):
        obj = member.child(0)  # the object is the first child
        method = member.child_by_field_name("property")
        if obj is None or method is None or method.type != "property_identifier":
            continue
        kind = obj.type
        if kind == "identifier" or kind == "member_expression":
            obj_text = text(obj)
            if kind == "identifier" or _THIS_MEMBER.fullmatch(obj_text):
                out.append(MethodCall(method, member, obj, obj_text, text(method)))
    # `a.then(…).catch(…)`: both callees start at `a`; their methods say which comes first.
    out.sort(key=_method_start)
    return out


def _method_start(method: MethodCall) -> int:
    return method.node.start_byte


def on_client(method: MethodCall, clients: set[str]) -> bool:
    """Is `method` called on one of `clients` (plain or `this.`)?"""
    return method.obj_text.removeprefix("this.") in clients


def call_inputs(
    news: Iterable[tuple[ts.Node, str, int]],
    methods: list[MethodCall],
    env_names: dict[str, str],
    clients: set[str],
    text: Text,
) -> list[CallInput]:
    """The object-literal input of every `new …Command(…)` call and of method calls on `clients`.

    `news` are the `new` expressions with their constructor text and line; `env_names` the file's
    `env_bindings`. The scan looks an input up by (line, callee) for an SDK command or a method
    called on a client (a variable holding a constructed object, or a name imported from a local
    module: `clients`); calls with the key of such a call are kept too, in order, so the lookup
    finds what it would among all calls.
    """
    entries: list[tuple[ts.Node, str, int]] = []  #: (call, callee, line)
    wanted: set[tuple[int, str]] = set()
    for new, callee, at in news:
        if callee.endswith("Command"):
            entries.append((new, callee, at))
            wanted.add((at, callee))
    for method in methods:
        if on_client(method, clients):
            wanted.add((line(method.node), method.name))
    names = {name for _, name in wanted}
    for method in methods:
        at = line(method.node) if method.name in names else 0  # no line 0: not wanted
        if (at, method.name) not in wanted:
            continue  # its input is never looked up: do not walk up to the call
        call = method.member.parent
        if call is not None and call.type == "call_expression":  # always, by the query's patterns
            entries.append((call, method.name, at))
    scopes: _Scopes = {}
    out: list[CallInput] = []
    for call, callee, at in entries:
        if (at, callee) in wanted:
            found = _input(call, env_names, scopes, text)
            if found:
                out.append(CallInput(callee, at, found))
    return out


def _input(call: ts.Node, env_names: dict[str, str], scopes: _Scopes, text: Text) -> tuple[InputKey, ...]:
    args = call.child_by_field_name("arguments")
    first = args.named_child(0) if args is not None and args.named_child_count else None
    if first is None:
        return ()
    first = _unwrap(first)
    if first.type == "identifier":
        bound = _local_object(call, text(first), scopes)
        if bound is None:
            return ()
        first = bound
    if first.type != "object":
        return ()
    return tuple(_keys(first, env_names, text))


def _keys(obj: ts.Node, env_names: dict[str, str], text: Text) -> Iterable[InputKey]:
    for child in obj.named_children:
        if child.type == "shorthand_property_identifier":
            name = text(child)
            yield InputKey(name, env_names.get(name), name)
        elif child.type == "pair":
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            if key is None or value is None:
                continue
            written = string_value(key) if key.type == "string" else text(key)
            if not written or key.type == "computed_property_name":
                continue
            whole = text(value)
            # a plain string literal is kept whole (up to a bound): stub may copy it into Go
            literal = value.type == "string" and len(whole) <= _LITERAL_CHARS and "\n" not in whole
            yield InputKey(written, _env_of(value, env_names), whole if literal else _short(whole))


def _env_of(value: ts.Node, env_names: dict[str, str]) -> str | None:
    """The environment variable a value reads: `process.env.X`, `process.env['X']`, `X || …`, a bound name."""
    value = _unwrap(value)
    if value.type == "binary_expression" and text(value.child_by_field_name("operator")) in ("||", "??"):
        left = value.child_by_field_name("left")
        return _env_of(left, env_names) if left is not None else None
    if value.type == "identifier":
        return env_names.get(text(value))
    obj = value.child_by_field_name("object")
    if obj is None or text(obj) != "process.env":
        return None
    if value.type == "member_expression":
        return text(value.child_by_field_name("property")) or None
    if value.type == "subscript_expression":
        index = value.child_by_field_name("index")
        return string_value(index) if index is not None else None
    return None


def env_bindings(caps: _Captures) -> dict[str, str]:
    """Local name → environment variable, for `const X = process.env.Y` and `const { Y } = process.env`."""
    names: dict[str, str] = {}
    for node in [*caps.get("env_name", ()), *caps.get("env_string", ())]:
        # Each `.parent` walks down from the root: each is read once.
        expr = node.parent
        declarator = expr.parent if expr is not None else None
        while (
            expr is not None
            and declarator is not None
            and (declarator.type in _WRAPPERS or declarator.type == "binary_expression")
        ):
            expr, declarator = declarator, declarator.parent
        if declarator is not None and declarator.type == "variable_declarator":
            name = declarator.child_by_field_name("name")
            env = _env_of(expr, {}) if expr is not None else None
            if name is not None and name.type == "identifier" and env:
                names[text(name)] = env
    for pattern in caps.get("env_pattern", ()):
        for child in pattern.named_children:
            if child.type == "shorthand_property_identifier_pattern":
                names[text(child)] = text(child)
            elif child.type == "pair_pattern":
                key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                if key is not None and value is not None and value.type == "identifier":
                    names[text(value)] = (string_value(key) if key.type == "string" else text(key)) or ""
    return {local: env for local, env in names.items() if env}


#: a scope node's (start, end) byte → its declared names: (declaration start byte, value node)
_Scopes = dict[tuple[int, int], dict[str, tuple[int, ts.Node]]]


def _local_object(call: ts.Node, name: str, scopes: _Scopes) -> ts.Node | None:
    """The object literal `name` is declared with in a block enclosing `call`, nearest first.

    Each block's declarations are listed once (`scopes`), so a file of many calls stays linear.
    """
    scope = call.parent
    while scope is not None:
        if scope.type in _SCOPES:
            key = (scope.start_byte, scope.end_byte)
            declared = scopes.get(key)
            if declared is None:
                declared = scopes[key] = _declared(scope)
            found = declared.get(name)
            if found is not None and found[0] < call.start_byte:
                value = _unwrap(found[1])
                return value if value.type == "object" else None
        scope = scope.parent
    return None


def _declared(scope: ts.Node) -> dict[str, tuple[int, ts.Node]]:
    out: dict[str, tuple[int, ts.Node]] = {}
    for statement in scope.named_children:
        if statement.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for declarator in statement.named_children:
            value = declarator.child_by_field_name("value")
            name = declarator.child_by_field_name("name")
            if value is not None and name is not None and name.type == "identifier":
                out.setdefault(text(name), (statement.start_byte, value))
    return out


def _unwrap(node: ts.Node) -> ts.Node:
    while node.type in _WRAPPERS and node.named_children:
        node = node.named_children[0]
    return node


def _short(value: str) -> str:
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= _VALUE_CHARS else one_line[: _VALUE_CHARS - 1] + "…"
