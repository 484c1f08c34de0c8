"""Functions, arrows, methods and error classes → IR (`Func`, `ErrorClass`)."""

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


def lower_class(node: ts.Node, cx: LowerContext) -> ir.Expr:
    """A class extending an error class: fields and a constructor; anything else is reported."""
    from migrator.port.lower_expr import lower_expr, named

    name_node = node.child_by_field_name("name")
    name = cx.text(name_node) if name_node is not None else ""
    parent = lower_expr(_parent_node(node, name), cx)
    body = node.child_by_field_name("body")
    assert body is not None
    fields: list[ir.Stmt] = []
    error_name: str | None = None
    params: tuple[ir.Pattern, ...] = ()
    super_args: tuple[ir.Expr, ...] = ()
    ctor_body: list[ir.Stmt] = []
    param_fields: list[ir.Stmt] = []
    for member in named(body):
        if member.type in ("public_field_definition", "field_definition"):
            field, field_name = _field(member, cx)
            fields.append(field)
            error_name = field_name if field_name is not None else error_name
        elif (
            member.type == "method_definition"
            and cx.text(member.child_by_field_name("name") or member) == "constructor"
        ):
            params, param_fields, super_args, statements = _constructor(member, cx)
            ctor_body += statements
        elif member.type != "comment":
            raise Unsupported(
                member, f"class member in {name}", "only fields and a constructor are translated"
            )
    for lowered in ctor_body:
        if isinstance(lowered, ir.ExprStmt) and isinstance(lowered.expr, ir.Assign):
            assigned, rhs = lowered.expr.target, lowered.expr.value
            if assigned == ir.Member(ir.This(), "name") and isinstance(rhs, ir.Lit) and rhs.kind == "str":
                error_name = str(rhs.value)
    return ir.ErrorClass(
        name, parent, params, super_args, tuple(fields + param_fields + ctor_body), error_name
    )


def _parent_node(node: ts.Node, name: str) -> ts.Node:
    """The class's `extends` expression; a class without one is reported."""
    from migrator.port.lower_expr import named

    heritage = next((c for c in node.children if c.type == "class_heritage"), None)
    parent_node = None
    if heritage is not None:
        clause = next((c for c in named(heritage) if c.type == "extends_clause"), heritage)
        parent_node = clause.child_by_field_name("value") or named(clause)[0]
    if parent_node is None:
        raise Unsupported(node, f"class {name}", "only classes extending Error are translated")
    return parent_node


def _field(member: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, str | None]:
    """A field as `this.key = value`, and the error name when it is `name = "..."`."""
    from migrator.port.lower_expr import lower_expr, property_key

    key = member.child_by_field_name("name") or member.child_by_field_name("property")
    value = member.child_by_field_name("value")
    if key is None or any(c.type == "static" for c in member.children):
        raise Unsupported(member, "static field", "not in the translated subset")
    prop = property_key(key, cx)
    init = lower_expr(value, cx) if value is not None else ir.Lit("undefined")
    error_name = (
        str(init.value) if prop == "name" and isinstance(init, ir.Lit) and init.kind == "str" else None
    )
    return ir.ExprStmt(ir.Assign(ir.Member(ir.This(), prop), "=", init)), error_name


def _constructor(
    member: ts.Node, cx: LowerContext
) -> tuple[tuple[ir.Pattern, ...], list[ir.Stmt], tuple[ir.Expr, ...], list[ir.Stmt]]:
    """The constructor: its parameters, the fields its parameter properties set, `super(...)`'s
    arguments and the statements after that call."""
    from migrator.port.lower_expr import lower_args, named
    from migrator.port.lower_stmt import lower_statement

    params, param_fields = _ctor_params(member, cx)
    block = member.child_by_field_name("body")
    assert block is not None
    statements = named(block)
    first = statements[0] if statements else None
    call = named(first)[0] if first is not None and first.type == "expression_statement" else None
    if (
        call is None
        or call.type != "call_expression"
        or cx.text(call.child_by_field_name("function") or call) != "super"
    ):
        raise Unsupported(member, "constructor", "an error class constructor must start with super(...)")
    args = call.child_by_field_name("arguments")
    super_args = lower_args(args, cx) if args is not None else ()
    cx.statements += 1
    body: list[ir.Stmt] = []
    for stmt in statements[1:]:
        body += lower_statement(stmt, cx)
    return params, param_fields, super_args, body


def _ctor_params(member: ts.Node, cx: LowerContext) -> tuple[tuple[ir.Pattern, ...], list[ir.Stmt]]:
    """Constructor parameters; TypeScript parameter properties (`readonly x`) also set `this.x`."""
    from migrator.port.lower_expr import lower_expr, named

    params = member.child_by_field_name("parameters")
    out: list[ir.Pattern] = []
    fields: list[ir.Stmt] = []
    for child in named(params) if params is not None else []:
        modifiers = [
            c for c in child.children if c.type in ("accessibility_modifier", "readonly", "override_modifier")
        ]
        if not modifiers:
            out.append(lower_pattern(child, cx))
            continue
        inner = child.child_by_field_name("pattern")
        value = child.child_by_field_name("value")
        if inner is None or inner.type != "identifier":
            raise Unsupported(child, "parameter property", "only simple names are translated")
        name = cx.text(inner)
        binding: ir.Pattern = ir.BindName(name)
        out.append(ir.WithDefault(binding, lower_expr(value, cx)) if value is not None else binding)
        fields.append(ir.ExprStmt(ir.Assign(ir.Member(ir.This(), name), "=", ir.Name(name))))
    return tuple(out), fields
