"""Functions, arrows and methods → IR (`Func`); classes are `lower_class.py`."""

from __future__ import annotations

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, Unsupported
from migrator.port.lower_pattern import lower_pattern


def _params(
    node: ts.Node, cx: LowerContext
) -> tuple[tuple[ir.Pattern, ...], ir.Pattern | None, tuple[str, ...]]:
    """The parameters as patterns, the rest parameter, and each parameter's TypeScript annotation
    ("" for none, and for an optional parameter: it may be undefined whatever it says)."""
    from migrator.port.lower_expr import named

    params = node.child_by_field_name("parameters")
    if params is None:
        single = node.child_by_field_name("parameter")
        return ((lower_pattern(single, cx),) if single is not None else ()), None, ("",)
    out: list[ir.Pattern] = []
    types: list[str] = []
    rest: ir.Pattern | None = None
    for child in named(params):
        inner = named(child)[0] if child.type == "required_parameter" and named(child) else child
        if inner.type == "rest_pattern":
            rest = lower_pattern(named(inner)[0], cx)
        elif child.type == "required_parameter" and inner.type == "this":
            continue  # TypeScript's `this: T` parameter is erased
        else:
            out.append(lower_pattern(child, cx))
            annotation = child.child_by_field_name("type") if child.type == "required_parameter" else None
            types.append(cx.text(annotation).lstrip(":").strip() if annotation is not None else "")
    return tuple(out), rest, tuple(types)


def lower_function(node: ts.Node, cx: LowerContext) -> ir.Expr:
    """A function expression, arrow, declaration or method as `ir.Func`."""
    from migrator.port.lower_expr import lower_expr
    from migrator.port.lower_stmt import lower_block

    if any(c.type == "*" for c in node.children):
        raise Unsupported(node, "generator", "generators are not translated")
    name_node = node.child_by_field_name("name")
    name = cx.text(name_node) if name_node is not None else ""
    is_async = any(c.type == "async" for c in node.children)
    body = node.child_by_field_name("body")
    assert body is not None
    params, rest, types = _params(node, cx)
    block = body.type == "statement_block"
    stmts = lower_block(body, cx) if block else (ir.Return(lower_expr(body, cx)),)
    arrow = node.type == "arrow_function"
    returns_node = node.child_by_field_name("return_type")
    returns = cx.text(returns_node).lstrip(":").strip() if returns_node is not None else ""
    return ir.Func(name, params, rest, stmts, is_async, arrow, types, returns, cx.line(node))
