"""tree-sitter expression nodes → IR expressions (`migrator.port.ir`).

Everything outside the subset raises `Unsupported` with the construct and why; the statement that
contains it becomes untranslated. TypeScript-only wrappers (`as`, `satisfies`, `!`, `<T>x`) are erased.
"""

from __future__ import annotations

from collections.abc import Callable

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import GLOBALS, LowerContext, Unsupported
from migrator.port.literals import decode_escapes, parse_number
from migrator.port.lower_class import lower_class
from migrator.port.lower_delete import delete
from migrator.port.lower_func import lower_function
from migrator.port.lower_pattern import lower_pattern
from migrator.port.regex_check import refusal
from migrator.port.sleep import sleep_idiom

_ERASED = {"as_expression", "satisfies_expression", "non_null_expression", "type_assertion"}
_BINARY = {
    "+", "-", "*", "/", "%", "**", "===", "!==", "<", "<=", ">", ">=",
    "&", "|", "^", "<<", ">>", ">>>", "in", "instanceof",
}  # fmt: skip
_ASSIGN_OPS = {
    "=", "+=", "-=", "*=", "/=", "%=", "**=", "&&=", "||=", "??=",
    "&=", "|=", "^=", "<<=", ">>=", ">>>=",
}  # fmt: skip


def named(node: ts.Node) -> list[ts.Node]:
    return [c for c in node.named_children if c.type != "comment"]


def lower_expr(node: ts.Node, cx: LowerContext) -> ir.Expr:
    """One expression node as IR."""
    kind = node.type
    if kind in _ERASED:
        return lower_expr(named(node)[0], cx)
    if kind == "parenthesized_expression":
        return lower_expr(named(node)[-1], cx)
    handler = _HANDLERS.get(kind)
    if handler is None:
        raise Unsupported(node, kind.replace("_", " "), "not in the translated subset")
    return handler(node, cx)


def _identifier(node: ts.Node, cx: LowerContext) -> ir.Expr:
    name = cx.text(node)
    if name == "undefined":
        return ir.Lit("undefined")
    if name in cx.declared:
        return ir.Name(name)
    if name in GLOBALS:
        return ir.Global(name)
    if name in ("module", "exports"):
        return ir.Name(name)
    if name in cx.implicit:
        return ir.Implicit(name)
    raise Unsupported(node, f"global {name}", "not a global the runtime provides")


def _number(node: ts.Node, cx: LowerContext) -> ir.Expr:
    value = parse_number(cx.text(node))
    if value is None:
        raise Unsupported(node, "BigInt or legacy octal literal", "not in the translated subset")
    return ir.Lit("num", value)


def string_value(node: ts.Node, cx: LowerContext) -> str:
    """The value of a string literal node."""
    return decode_escapes(cx.text(node)[1:-1])


def _string(node: ts.Node, cx: LowerContext) -> ir.Expr:
    return ir.Lit("str", string_value(node, cx))


def _template(node: ts.Node, cx: LowerContext) -> ir.Expr:
    parts: list[ir.Expr] = []
    pos = node.start_byte + 1
    for child in node.named_children:
        if child.type == "template_substitution":
            if child.start_byte > pos:
                raw = cx.source[pos : child.start_byte].decode("utf-8", "surrogatepass")
                parts.append(ir.Lit("str", decode_escapes(raw.replace("\r\n", "\n"))))
            parts.append(lower_expr(named(child)[0], cx))
            pos = child.end_byte
    end = node.end_byte - 1
    if end > pos:
        raw = cx.source[pos:end].decode("utf-8", "surrogatepass")
        parts.append(ir.Lit("str", decode_escapes(raw.replace("\r\n", "\n"))))
    return ir.Template(tuple(parts))


def _regex(node: ts.Node, cx: LowerContext) -> ir.Expr:
    pattern = node.child_by_field_name("pattern")
    flags = node.child_by_field_name("flags")
    regex = ir.Regex(cx.text(pattern) if pattern else "", cx.text(flags) if flags else "")
    why = refusal(regex.pattern, regex.flags)
    if why is not None:
        raise Unsupported(node, "regular expression", f"{why} (jsrt runs regular expressions on Go's RE2)")
    return regex


def _member_key(node: ts.Node, cx: LowerContext) -> str | ir.Expr:
    if node.type == "member_expression":
        prop = node.child_by_field_name("property")
        assert prop is not None
        if prop.type == "private_property_identifier":
            raise Unsupported(prop, "private field", "classes other than errors are not translated")
        return cx.text(prop)
    index = node.child_by_field_name("index")
    assert index is not None
    return lower_expr(index, cx)


def _is_optional(node: ts.Node) -> bool:
    return any(c.type == "optional_chain" for c in node.children)


def _chain(node: ts.Node, cx: LowerContext) -> ir.Expr:
    """A member/subscript/call chain; an optional link short-circuits the rest of the chain."""
    links: list[ts.Node] = []
    base = node
    while base.type in ("member_expression", "subscript_expression", "call_expression"):
        links.append(base)
        inner = base.child_by_field_name("function" if base.type == "call_expression" else "object")
        assert inner is not None
        if inner.type in _ERASED or inner.type == "parenthesized_expression":
            break
        base = inner
    links.reverse()
    first = links[0]
    inner = first.child_by_field_name("function" if first.type == "call_expression" else "object")
    assert inner is not None
    if first.type == "member_expression" and inner.type == "identifier" and cx.text(inner) == "process":
        return _process(first, links[1:], cx)
    if first.type == "call_expression" and inner.type in ("import", "super"):
        raise Unsupported(first, f"{inner.type}()", "dynamic import and super calls outside error classes")
    if first.type == "call_expression" and inner.type == "identifier" and cx.text(inner) == "require":
        return _apply(_require(first, cx), links[1:], cx)
    return _apply(lower_expr(inner, cx), links, cx)


def _apply(expr: ir.Expr, links: list[ts.Node], cx: LowerContext) -> ir.Expr:
    for i, link in enumerate(links):
        if _is_optional(link):
            temp = cx.temp()
            rest = _apply_one(ir.Temp(temp), link, cx)
            return ir.OptChain(expr, temp, _apply(rest, links[i + 1 :], cx))
        expr = _apply_one(expr, link, cx)
    return expr


def _apply_one(expr: ir.Expr, link: ts.Node, cx: LowerContext) -> ir.Expr:
    if link.type == "call_expression":
        args = link.child_by_field_name("arguments")
        if args is None or args.type == "template_string":
            raise Unsupported(link, "tagged template", "not in the translated subset")
        return ir.Call(expr, lower_args(args, cx))
    return ir.Member(expr, _member_key(link, cx))


def lower_args(node: ts.Node, cx: LowerContext) -> tuple[ir.Expr, ...]:
    out: list[ir.Expr] = []
    for child in named(node):
        if child.type == "spread_element":
            out.append(ir.Spread(lower_expr(named(child)[0], cx)))
        else:
            out.append(lower_expr(child, cx))
    return tuple(out)


def _process(first: ts.Node, rest: list[ts.Node], cx: LowerContext) -> ir.Expr:
    """`process.env.X` / `process.env['X']`: the environment; `const { X } = process.env`: an object of
    it, read once; anything else on `process` (a write, `process.env` passed on whole) is reported."""
    if cx.text(first) == "process.env" and not rest and _destructured(first):
        return ir.EnvObject()
    if cx.text(first) != "process.env" or not rest or _is_optional(rest[0]):
        raise Unsupported(first, "process", "only process.env.X reads are translated")
    key = rest[0]
    if key.type == "member_expression":
        prop = key.child_by_field_name("property")
        assert prop is not None
        name = cx.text(prop)
    else:
        index = key.child_by_field_name("index")
        if index is None or index.type != "string":
            raise Unsupported(key, "process.env[expression]", "only constant variable names are translated")
        name = string_value(index, cx)
    return _apply(ir.EnvRead(name), rest[1:], cx)


def _destructured(node: ts.Node) -> bool:
    """Whether `node` is the value of `const {…} = node` (read once, never written through)."""
    parent = node.parent
    while parent is not None and parent.type in _ERASED | {"parenthesized_expression"}:
        node, parent = parent, parent.parent
    if parent is None or parent.type != "variable_declarator":
        return False
    name = parent.child_by_field_name("name")
    return name is not None and name.type == "object_pattern" and parent.child_by_field_name("value") == node


def _require(node: ts.Node, cx: LowerContext) -> ir.Expr:
    args = node.child_by_field_name("arguments")
    items = named(args) if args is not None else []
    if len(items) != 1 or items[0].type != "string":
        raise Unsupported(node, "require(expression)", "only require('literal') is translated")
    return cx.resolve_import(string_value(items[0], cx), items[0])


def _new(node: ts.Node, cx: LowerContext) -> ir.Expr:
    ctor = node.child_by_field_name("constructor")
    args = node.child_by_field_name("arguments")
    assert ctor is not None
    idiom = sleep_idiom(node, cx.text, cx.declared)
    if idiom is not None:
        return ir.Sleep(ir.Lit("undefined") if idiom.delay is None else lower_expr(idiom.delay, cx))
    return ir.New(lower_expr(ctor, cx), lower_args(args, cx) if args is not None else ())


def _binary(node: ts.Node, cx: LowerContext) -> ir.Expr:
    op_node = node.child_by_field_name("operator")
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    assert op_node is not None and left is not None and right is not None
    op = cx.text(op_node)
    if op in ("&&", "||", "??"):
        return ir.Logical(op, lower_expr(left, cx), lower_expr(right, cx))  # type: ignore[arg-type]
    if op in ("==", "!="):
        nullish = [s for s in (left, right) if s.type in ("null", "undefined")]
        if not nullish:
            return ir.Binary(op, lower_expr(left, cx), lower_expr(right, cx))
        other = right if nullish[0] == left else left
        return ir.Binary(op + "null", lower_expr(other, cx), ir.Lit("null"))
    if op not in _BINARY:
        raise Unsupported(node, f"operator {op}", "not in the translated subset")
    if op == "in" and left.type == "private_property_identifier":
        raise Unsupported(node, "#x in obj", "private fields are not translated")
    return ir.Binary(op, lower_expr(left, cx), lower_expr(right, cx))


def _unary(node: ts.Node, cx: LowerContext) -> ir.Expr:
    op_node = node.child_by_field_name("operator")
    arg = node.child_by_field_name("argument")
    assert op_node is not None and arg is not None
    op = cx.text(op_node)
    operand = lower_expr(arg, cx)
    deleted = delete(operand) if op == "delete" else ir.Unary(op, operand)
    if deleted is None:  # `delete x`, `delete f()`
        raise Unsupported(node, "delete", "only delete obj.prop / obj[key] (optional too) is translated")
    return deleted


def _update(node: ts.Node, cx: LowerContext) -> ir.Expr:
    arg = node.child_by_field_name("argument")
    assert arg is not None
    prefix = node.children[0].type in ("++", "--")
    return ir.Update(_target(arg, cx), "++" if "++" in cx.text(node) else "--", prefix)


def _target(node: ts.Node, cx: LowerContext) -> ir.Expr:
    if node.type in _ERASED or node.type == "parenthesized_expression":
        return _target(named(node)[0], cx)
    if node.type == "identifier":
        expr = _identifier(node, cx)
        if isinstance(expr, ir.Name | ir.Implicit):
            return expr
    if node.type in ("member_expression", "subscript_expression") and not _is_optional(node):
        obj = node.child_by_field_name("object")
        assert obj is not None
        return ir.Member(lower_expr(obj, cx), _member_key(node, cx))
    raise Unsupported(node, "assignment target", "only variables and properties are assigned")


def _assign(node: ts.Node, cx: LowerContext) -> ir.Expr:
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    assert left is not None and right is not None
    op_node = node.child_by_field_name("operator")
    op = cx.text(op_node) if op_node is not None else "="
    if op not in _ASSIGN_OPS:
        raise Unsupported(node, f"operator {op}", "not in the translated subset")
    value = lower_expr(right, cx)
    if left.type in ("object_pattern", "array_pattern"):
        return ir.Assign(lower_pattern(left, cx, targets=True), op, value)
    return ir.Assign(_target(left, cx), op, value)


def _ternary(node: ts.Node, cx: LowerContext) -> ir.Expr:
    parts = [node.child_by_field_name(f) for f in ("condition", "consequence", "alternative")]
    assert all(p is not None for p in parts)
    test, then, other = (lower_expr(p, cx) for p in parts if p is not None)
    return ir.Cond(test, then, other)


def _object(node: ts.Node, cx: LowerContext) -> ir.Expr:
    items: list[ir.Prop | ir.Spread] = []
    for child in named(node):
        if child.type == "spread_element":
            items.append(ir.Spread(lower_expr(named(child)[0], cx)))
        elif child.type == "shorthand_property_identifier":
            items.append(ir.Prop(cx.text(child), _identifier(child, cx)))
        elif child.type == "pair":
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            assert key is not None and value is not None
            items.append(ir.Prop(property_key(key, cx), lower_expr(value, cx)))
        elif child.type == "method_definition":
            key = child.child_by_field_name("name")
            assert key is not None
            if any(c.type in ("get", "set", "*") for c in child.children):
                raise Unsupported(child, "accessor or generator method", "not in the translated subset")
            items.append(ir.Prop(property_key(key, cx), lower_function(child, cx)))
        else:
            raise Unsupported(child, child.type.replace("_", " "), "not in the translated subset")
    return ir.ObjectLit(tuple(items))


def property_key(key: ts.Node, cx: LowerContext) -> str | ir.Expr:
    """An object literal or pattern key: a name, string, number, or computed expression."""
    if key.type == "string":
        return string_value(key, cx)
    if key.type == "number":
        value = parse_number(cx.text(key))
        if value is None:
            raise Unsupported(key, "BigInt key", "not in the translated subset")
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else cx.text(key)
    if key.type == "computed_property_name":
        return lower_expr(named(key)[0], cx)
    if key.type == "private_property_identifier":
        raise Unsupported(key, "private field", "not in the translated subset")
    return cx.text(key)


def _array(node: ts.Node, cx: LowerContext) -> ir.Expr:
    items: list[ir.Expr] = []
    previous_comma = True
    for child in node.children:
        if child.type == ",":
            if previous_comma:
                raise Unsupported(child, "array hole", "elisions in array literals are not translated")
            previous_comma = True
        elif child.is_named and child.type != "comment":
            if child.type == "spread_element":
                items.append(ir.Spread(lower_expr(named(child)[0], cx)))
            else:
                items.append(lower_expr(child, cx))
            previous_comma = False
    return ir.ArrayLit(tuple(items))


def _sequence(node: ts.Node, cx: LowerContext) -> ir.Expr:
    return ir.Seq(tuple(lower_expr(c, cx) for c in named(node)))


def _await(node: ts.Node, cx: LowerContext) -> ir.Expr:
    return ir.Await(lower_expr(named(node)[0], cx))


def _constant(value: ir.Expr) -> Handler:
    return lambda node, cx: value


Handler = Callable[[ts.Node, LowerContext], ir.Expr]
_HANDLERS: dict[str, Handler] = {
    "identifier": _identifier,
    "shorthand_property_identifier": _identifier,
    "number": _number,
    "string": _string,
    "template_string": _template,
    "regex": _regex,
    "true": _constant(ir.Lit("bool", True)),
    "false": _constant(ir.Lit("bool", False)),
    "null": _constant(ir.Lit("null")),
    "undefined": _constant(ir.Lit("undefined")),
    "this": _constant(ir.This()),
    "member_expression": _chain,
    "subscript_expression": _chain,
    "call_expression": _chain,
    "new_expression": _new,
    "binary_expression": _binary,
    "unary_expression": _unary,
    "update_expression": _update,
    "assignment_expression": _assign,
    "augmented_assignment_expression": _assign,
    "ternary_expression": _ternary,
    "object": _object,
    "array": _array,
    "sequence_expression": _sequence,
    "await_expression": _await,
    "arrow_function": lower_function,
    "function_expression": lower_function,
    "function": lower_function,
    "class": lower_class,
}
