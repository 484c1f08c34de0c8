"""Classes → IR (`Class`): the constructor (TypeScript parameter properties included), instance
fields, methods (on the prototype, not enumerable), static methods and static fields. A class with
an `extends` clause must call `super(...)` first in its constructor. Accessors, generators,
private (`#x`) and computed members, static blocks and decorators are reported."""

from __future__ import annotations

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, Unsupported
from migrator.port.ir.walk import walk
from migrator.port.lower_func import lower_function
from migrator.port.lower_pattern import lower_pattern

_FIELDS = ("public_field_definition", "field_definition")
_TYPES_ONLY = ("method_signature", "abstract_method_signature", "index_signature", "comment")


def lower_class(node: ts.Node, cx: LowerContext) -> ir.Expr:
    """A class declaration or expression."""
    from migrator.port.lower_expr import lower_expr, named

    name_node = node.child_by_field_name("name")
    name = cx.text(name_node) if name_node is not None else ""
    outer = node.parent if node.parent is not None and node.parent.type == "export_statement" else node
    if any(c.type == "decorator" for c in (*node.children, *outer.children)):
        raise Unsupported(node, f"decorated class {name}", "decorators are not translated")
    parent_node = _parent_node(node)
    parent = lower_expr(parent_node, cx) if parent_node is not None else None
    body = node.child_by_field_name("body")
    assert body is not None
    fields: list[ir.Stmt] = []
    statics: list[tuple[str, ir.Expr]] = []
    methods: list[ir.Method] = []
    ctor: tuple[tuple[ir.Pattern, ...], list[ir.Stmt], tuple[ir.Expr, ...], list[ir.Stmt]] = ((), [], (), [])
    for member in named(body):
        static = any(c.type == "static" for c in member.children)
        if member.type in _TYPES_ONLY:
            continue
        if member.type == "decorator" or any(c.type == "decorator" for c in member.children):
            raise Unsupported(member, "decorator", "decorators are not translated")
        if member.type in _FIELDS and static:
            statics.append(_static_field(member, name, cx))
        elif member.type in _FIELDS:
            fields.append(_field(member, cx))
        elif member.type == "method_definition" and _key(member, cx) == "constructor" and not static:
            ctor = _constructor(member, parent is not None, cx)
        elif member.type == "method_definition":
            methods.append(_method(member, static, cx))
        else:
            raise Unsupported(member, f"class member in {name}", "not in the translated subset")
    params, param_fields, super_args, ctor_body = ctor
    stmts = tuple(fields + param_fields + ctor_body)
    error_name = _error_name(stmts)
    return ir.Class(name, parent, params, super_args, stmts, error_name, tuple(methods), tuple(statics))


def _parent_node(node: ts.Node) -> ts.Node | None:
    """The class's `extends` expression (TypeScript's `implements` is erased)."""
    from migrator.port.lower_expr import named

    heritage = next((c for c in node.children if c.type == "class_heritage"), None)
    if heritage is None:
        return None
    clause = next((c for c in named(heritage) if c.type == "extends_clause"), None)
    if clause is None:
        return None if any(c.type == "implements_clause" for c in named(heritage)) else named(heritage)[0]
    return clause.child_by_field_name("value") or named(clause)[0]


def _key(member: ts.Node, cx: LowerContext) -> str:
    """A member's name: an identifier, string or number; computed and private names are reported."""
    from migrator.port.lower_expr import property_key

    key = member.child_by_field_name("name") or member.child_by_field_name("property")
    if key is None:
        raise Unsupported(member, "class member", "not in the translated subset")
    prop = property_key(key, cx)
    if not isinstance(prop, str):
        raise Unsupported(member, "computed class member", "not in the translated subset")
    return prop


def _field(member: ts.Node, cx: LowerContext) -> ir.Stmt:
    """An instance field as `this.key = value` (undefined without a value)."""
    from migrator.port.lower_expr import lower_expr

    value = member.child_by_field_name("value")
    init = lower_expr(value, cx) if value is not None else ir.Lit("undefined")
    return ir.ExprStmt(ir.Assign(ir.Member(ir.This(), _key(member, cx)), "=", init))


def _static_field(member: ts.Node, name: str, cx: LowerContext) -> tuple[str, ir.Expr]:
    """A static field's key and value; a value that reads `this` or the class itself is reported
    (it runs while the class is being defined)."""
    from migrator.port.lower_expr import lower_expr

    value = member.child_by_field_name("value")
    init = lower_expr(value, cx) if value is not None else ir.Lit("undefined")
    if any(isinstance(n, ir.This) or n == ir.Name(name) for n in walk(init)):
        raise Unsupported(member, "static field", "a static initialiser reading the class is not translated")
    return _key(member, cx), init


def _method(member: ts.Node, static: bool, cx: LowerContext) -> ir.Method:
    if any(c.type in ("get", "set", "*") for c in member.children):
        raise Unsupported(member, "accessor or generator method", "not in the translated subset")
    key = _key(member, cx)
    func = lower_function(member, cx)
    assert isinstance(func, ir.Func)
    return ir.Method(key, func, static)


def _error_name(stmts: tuple[ir.Stmt, ...]) -> str | None:
    """The `name` the constructor gives instances (`name = "X"` field or `this.name = "X"`)."""
    found: str | None = None
    for stmt in stmts:
        if isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Assign):
            target, value = stmt.expr.target, stmt.expr.value
            if target == ir.Member(ir.This(), "name") and isinstance(value, ir.Lit) and value.kind == "str":
                found = str(value.value)
    return found


def _constructor(
    member: ts.Node, derived: bool, cx: LowerContext
) -> tuple[tuple[ir.Pattern, ...], list[ir.Stmt], tuple[ir.Expr, ...], list[ir.Stmt]]:
    """The constructor: its parameters, the fields its parameter properties set, `super(...)`'s
    arguments (a derived class) and the statements after that call."""
    from migrator.port.lower_expr import lower_args, named
    from migrator.port.lower_stmt import lower_statement

    params, param_fields = _ctor_params(member, cx)
    block = member.child_by_field_name("body")
    assert block is not None
    statements = named(block)
    super_args: tuple[ir.Expr, ...] = ()
    if derived:
        first = statements[0] if statements else None
        call = named(first)[0] if first is not None and first.type == "expression_statement" else None
        callee = call.child_by_field_name("function") if call is not None else None
        if call is None or call.type != "call_expression" or callee is None or cx.text(callee) != "super":
            why = "a derived class's constructor must start with super(...)"
            raise Unsupported(member, "constructor", why)
        args = call.child_by_field_name("arguments")
        super_args = lower_args(args, cx) if args is not None else ()
        cx.statements += 1
        statements = statements[1:]
    body: list[ir.Stmt] = []
    for stmt in statements:
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
