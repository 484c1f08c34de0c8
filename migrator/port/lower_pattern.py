"""Binding and assignment patterns (destructuring with defaults and rest) → IR patterns."""

from __future__ import annotations

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, Unsupported


def lower_pattern(node: ts.Node, cx: LowerContext, targets: bool = False) -> ir.Pattern:
    """A pattern node; with `targets`, identifiers and members are assignment targets, not new bindings."""
    from migrator.port.lower_expr import lower_expr, named, property_key

    kind = node.type
    if kind in ("required_parameter", "optional_parameter"):
        inner = node.child_by_field_name("pattern")
        value = node.child_by_field_name("value")
        assert inner is not None
        if any(c.type in ("accessibility_modifier", "readonly", "override_modifier") for c in node.children):
            raise Unsupported(node, "parameter property", "only error class constructors declare fields")
        pattern = lower_pattern(inner, cx, targets)
        return ir.WithDefault(pattern, lower_expr(value, cx)) if value is not None else pattern
    if kind in ("identifier", "shorthand_property_identifier_pattern"):
        name = cx.text(node)
        if targets:
            return ir.TargetPattern(ir.Name(name))
        return ir.BindName(name)
    if kind in ("member_expression", "subscript_expression") and targets:
        return ir.TargetPattern(lower_expr(node, cx))
    if kind in ("assignment_pattern", "object_assignment_pattern"):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        assert left is not None and right is not None
        return ir.WithDefault(lower_pattern(left, cx, targets), lower_expr(right, cx))
    if kind == "object_pattern":
        props: list[tuple[str | ir.Expr, ir.Pattern]] = []
        rest: ir.Pattern | None = None
        for child in named(node):
            if child.type == "rest_pattern":
                rest = lower_pattern(named(child)[0], cx, targets)
            elif child.type == "shorthand_property_identifier_pattern":
                props.append((cx.text(child), lower_pattern(child, cx, targets)))
            elif child.type == "object_assignment_pattern":
                left = child.child_by_field_name("left")
                assert left is not None
                props.append((cx.text(left), lower_pattern(child, cx, targets)))
            elif child.type == "pair_pattern":
                key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                assert key is not None and value is not None
                props.append((property_key(key, cx), lower_pattern(value, cx, targets)))
            else:
                raise Unsupported(child, child.type.replace("_", " "), "not in the translated subset")
        return ir.ObjectPattern(tuple(props), rest)
    if kind == "array_pattern":
        items: list[ir.Pattern | None] = []
        rest = None
        previous_comma = True
        for child in node.children:
            if child.type == ",":
                if previous_comma:
                    items.append(None)
                previous_comma = True
            elif child.type == "rest_pattern":
                rest = lower_pattern(named(child)[0], cx, targets)
            elif child.is_named and child.type != "comment":
                items.append(lower_pattern(child, cx, targets))
                previous_comma = False
        return ir.ArrayPattern(tuple(items), rest)
    raise Unsupported(node, f"pattern {kind.replace('_', ' ')}", "not in the translated subset")
