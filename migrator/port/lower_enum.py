"""TypeScript enums → IR: `enum E { A, B = 5, C, D = 'x' }` is the object TypeScript and esbuild
build, `{A: 0, 0: 'A', B: 5, 5: 'B', C: 6, 6: 'C', D: 'x'}` (a numeric member also maps its value
back to its name; a string member does not), bound like the `var` they compile to. Members take
number or string literals or count on from the previous number; any other initialiser, an enum
declared twice (merged by TypeScript) are reported (`declare enum`, with no object at run time, is
an ambient declaration: reported as one)."""

from __future__ import annotations

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, Unsupported
from migrator.port.literals import parse_number


def lower_enum(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    """The `var` declaration of an enum's object."""
    from migrator.port.lower_expr import property_key, string_value

    name_node, body = node.child_by_field_name("name"), node.child_by_field_name("body")
    assert name_node is not None and body is not None
    name = cx.text(name_node)
    if _declarations(node, name) > 1:
        why = f"{name} is declared more than once (TypeScript merges them)"
        raise Unsupported(node, "enum declaration", why)
    props: list[ir.Prop | ir.Spread] = []
    previous: float | None = -1.0
    for member in body.named_children:
        if member.type == "comment":
            continue
        key_node = member.child_by_field_name("name") if member.type == "enum_assignment" else member
        value_node = member.child_by_field_name("value") if member.type == "enum_assignment" else None
        assert key_node is not None
        key = property_key(key_node, cx)
        if not isinstance(key, str):
            raise Unsupported(member, "enum member", "a computed member name is not translated")
        if value_node is not None and value_node.type == "string":
            props.append(ir.Prop(key, ir.Lit("str", string_value(value_node, cx))))
            previous = None
            continue
        number = _number(value_node, cx) if value_node is not None else None
        if number is None and value_node is None and previous is not None:
            number = previous + 1.0  # counts on from the previous number (the first is 0)
        if number is None:
            why = "only number and string literal initialisers (or none after a number) are translated"
            raise Unsupported(member, "enum member", why)
        previous = number
        props += [ir.Prop(key, ir.Lit("num", number)), ir.Prop(ir.Lit("num", number), ir.Lit("str", key))]
    return (ir.Decl("var", ir.BindName(name), ir.ObjectLit(tuple(props)), "", cx.line(node)),)


def _number(node: ts.Node, cx: LowerContext) -> float | None:
    """A number literal, or `-`/`+` of one."""
    if node.type == "number":
        return parse_number(cx.text(node))
    operator, argument = node.child_by_field_name("operator"), node.child_by_field_name("argument")
    if node.type == "unary_expression" and operator is not None and argument is not None:
        inner = _number(argument, cx) if cx.text(operator) in ("-", "+") else None
        return None if inner is None else -inner if cx.text(operator) == "-" else inner
    return None


def _declarations(node: ts.Node, name: str) -> int:
    """How many enums named `name` the module declares."""
    root = node
    while root.parent is not None:
        root = root.parent
    count, stack = 0, [root]
    while stack:
        item = stack.pop()
        if item.type == "enum_declaration":
            found = item.child_by_field_name("name")
            count += int(found is not None and found.text == name.encode())
        stack.extend(item.named_children)
    return count
