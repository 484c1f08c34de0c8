"""CDK functions built in a helper function or a loop: one construct per statically evident use.

`function makeFunction(scope, id, entry) { return new NodejsFunction(scope, id, {entry}) }` called
as `makeFunction(this, 'Orders', 'src/orders.ts')`, and `for (const name of ['a', 'b']) new
NodejsFunction(this, name, …)` or `['a', 'b'].forEach((name) => …)`, are read once per call or
array item, with the parameter or loop variable bound to the argument or item. Calls are looked
for in the same file (`f(…)` for a function or an arrow function in a const, `this.f(…)` for a
method); the items must be an array literal (or a const holding one). Nested helpers and loops
resolve up to a few levels. What is not evident is reported by the caller as a located notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tree_sitter as ts

from migrator.scan.config.cdkvalues import FileScope, binding_name, call_args, resolve
from migrator.scan.syntax import text

_FUNCTIONS = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition"})
_ITERATORS = frozenset({"forEach", "map", "flatMap"})
_MAX_LEVELS = 4
_NAME = re.compile(r"[A-Za-z_$][\w$]*")


@dataclass(frozen=True)
class Use:
    """One use of a construct: what its parameters or loop variables stand for there."""

    bindings: dict[str, ts.Node]  #: parameter or loop variable → argument or array item
    site: ts.Node  #: the helper call or the array item (its line locates this use)
    key: str | None  #: how the app refers to the function a helper call returns (`orders`), if known


def uses(node: ts.Node, scope: FileScope, root: ts.Node) -> list[Use] | None:
    """The uses of the construct `node`; None when it depends on no helper parameter or loop
    variable (it is read as it is), [] when it does but no use is statically evident."""
    return _uses(node, scope, root, 0)


def _uses(node: ts.Node, scope: FileScope, root: ts.Node, level: int) -> list[Use] | None:
    """The uses of `node` (a construct, a helper call or an array item) through what encloses it."""
    arguments = (
        node.child_by_field_name("arguments") if node.type in ("new_expression", "call_expression") else None
    )
    names = set(_NAME.findall(text(arguments or node)))
    ancestor = node.parent
    while ancestor is not None:
        variables = _variables(ancestor)
        if variables and names & set(variables):
            if level >= _MAX_LEVELS:
                return []
            return _expand(ancestor, variables, scope, root, level)
        ancestor = ancestor.parent
    return None


def _expand(
    ancestor: ts.Node, variables: list[str], scope: FileScope, root: ts.Node, level: int
) -> list[Use]:
    """The uses through one helper or loop, each also expanded through the helpers and loops around it."""
    out: list[Use] = []
    for site, values, key in _sites(ancestor, variables, scope, root):
        outer = _uses(site, scope, root, level + 1)
        for around in outer if outer is not None else [Use({}, site, None)]:
            bound = {
                name: around.bindings.get(text(value), value) if value.type == "identifier" else value
                for name, value in values.items()
            }
            out.append(Use({**around.bindings, **bound}, site, key or around.key))
    return out


def _sites(
    ancestor: ts.Node, variables: list[str], scope: FileScope, root: ts.Node
) -> list[tuple[ts.Node, dict[str, ts.Node], str | None]]:
    """(site, variable → value, reference key) for each call of a helper or item of a loop."""
    if ancestor.type == "for_in_statement":
        items = _array_items(ancestor.child_by_field_name("right"), scope)
        return [(item, {variables[0]: item}, None) for item in items]
    holder = ancestor.parent
    if ancestor.type in ("arrow_function", "function_expression") and _iterated(holder) is not None:
        items = _array_items(_iterated(holder), scope)
        return [(item, {variables[0]: item}, None) for item in items]
    name = _helper_name(ancestor)
    if name is None:
        return []
    out: list[tuple[ts.Node, dict[str, ts.Node], str | None]] = []
    for call in _calls(root, name):
        args = call_args(call)
        values = _defaults(ancestor)
        values.update({variable: args[i] for i, variable in enumerate(variables) if i < len(args)})
        out.append((call, values, _result_key(call)))
    return out


def _variables(node: ts.Node) -> list[str]:
    """Loop variables of a `for … of`, or parameters of a helper (a class constructor is no helper)."""
    if node.type == "for_in_statement":
        left = node.child_by_field_name("left")
        return [text(left)] if left is not None and left.type == "identifier" else []
    if node.type not in _FUNCTIONS:
        return []
    if node.type == "method_definition" and text(node.child_by_field_name("name")) == "constructor":
        return []
    params = node.child_by_field_name("parameters") or node.child_by_field_name("parameter")
    if params is None:
        return []
    if params.type == "identifier":  # `x => …`
        return [text(params)]
    out = []
    for param in params.named_children:
        pattern = param.child_by_field_name("pattern") or param
        if pattern.type == "assignment_pattern":
            pattern = pattern.child_by_field_name("left") or pattern
        out.append(text(pattern) if pattern.type == "identifier" else "")
    return out


def _defaults(function: ts.Node) -> dict[str, ts.Node]:
    """Parameter → its default value (`memory = 256`)."""
    params = function.child_by_field_name("parameters")
    out: dict[str, ts.Node] = {}
    for param in params.named_children if params is not None else ():
        pattern, value = param.child_by_field_name("pattern"), param.child_by_field_name("value")
        if param.type == "assignment_pattern":
            pattern, value = param.child_by_field_name("left"), param.child_by_field_name("right")
        if pattern is not None and pattern.type == "identifier" and value is not None:
            out[text(pattern)] = value
    return out


def _iterated(holder: ts.Node | None) -> ts.Node | None:
    """For a callback in `items.forEach(cb)`, the `items` expression."""
    if holder is None or holder.type != "arguments" or holder.parent is None:
        return None
    call = holder.parent
    callee = call.child_by_field_name("function")
    if call.type != "call_expression" or callee is None or callee.type != "member_expression":
        return None
    if text(callee.child_by_field_name("property")) not in _ITERATORS:
        return None
    return callee.child_by_field_name("object")


def _array_items(node: ts.Node | None, scope: FileScope) -> list[ts.Node]:
    found = resolve(node, scope)
    return list(found.named_children) if found is not None and found.type == "array" else []


def _helper_name(function: ts.Node) -> str | None:
    """How calls name this helper: `f` (a declaration or a const), `this.m` (a method)."""
    if function.type == "function_declaration":
        return text(function.child_by_field_name("name"))
    if function.type == "method_definition":
        return f"this.{text(function.child_by_field_name('name'))}"
    holder = function.parent
    if holder is not None and holder.type == "variable_declarator":
        return text(holder.child_by_field_name("name"))
    return None


def _calls(root: ts.Node, name: str) -> list[ts.Node]:
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type == "call_expression" and text(node.child_by_field_name("function")) == name:
            found.append(node)
    return sorted(found, key=lambda n: n.start_byte)


def _result_key(call: ts.Node) -> str | None:
    """`const orders = make(…)` → "orders"; `this.orders = this.make(…)` → "this.orders"."""
    return binding_name(call, ("await_expression", "as_expression", "parenthesized_expression"))[0]
