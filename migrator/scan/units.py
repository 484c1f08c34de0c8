"""Top-level functions of a file and the names each refers to, for per-export facts.

A unit is a function declared, assigned or exported at the top level: `function f() {}`,
`const f = async () => {}`, `const h = middy(async () => {})`, `exports.x = …`,
`module.exports = { a() {}, b: async () => {} }`, `export const x = …`.
"""

from __future__ import annotations

import tree_sitter as ts

from migrator.scan.filefacts import Unit
from migrator.scan.syntax import FUNCTION_TYPES, text

_DECLARATIONS = ("lexical_declaration", "variable_declaration")
_FUNCTION_DECLARATIONS = ("function_declaration", "generator_function_declaration")
_REFS = ("identifier", "shorthand_property_identifier")


def top_level_units(root: ts.Node) -> tuple[Unit, ...]:
    """Every top-level function of the program, in source order."""
    out: list[Unit] = []
    for node in root.named_children:
        if node.type == "export_statement":
            inner = node.child_by_field_name("declaration") or node.child_by_field_name("value")
            if inner is None:
                continue
            node = inner
        if node.type in _FUNCTION_DECLARATIONS:
            out.append(_unit(node, (text(node.child_by_field_name("name")),)))
        elif node.type in _DECLARATIONS:
            for declarator in node.named_children:
                value = declarator.child_by_field_name("value")
                name = declarator.child_by_field_name("name")
                if value is None or name is None:
                    continue
                if _holds_function(value):
                    out.append(_unit(declarator, (text(name),)))
                elif name.type == "identifier" and not _is_import(value):
                    out.append(_unit(declarator, (text(name),), init=True))
        elif node.type == "expression_statement":
            out.extend(_assigned(node.named_children[0] if node.named_children else None))
        elif _holds_function(node):  # `export default async () => …`
            out.append(_unit(node, ()))
    return tuple(out)


def _assigned(node: ts.Node | None) -> list[Unit]:
    if node is None or node.type != "assignment_expression":
        return []
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None or not text(left).startswith(("exports.", "module.exports")):
        return []
    if right.type == "object" and text(left) == "module.exports":
        units = []
        for member in right.named_children:
            if member.type == "method_definition":
                units.append(_unit(member, ()))
            elif member.type == "pair":
                value = member.child_by_field_name("value")
                if value is not None and _holds_function(value):
                    units.append(_unit(member, ()))
        return units
    return [_unit(node, ())] if _holds_function(right) else []


def _holds_function(node: ts.Node) -> bool:
    """A function, or a call whose arguments include one (a wrapper such as middy)."""
    if node.type in FUNCTION_TYPES:
        return True
    if node.type == "call_expression":
        args = node.child_by_field_name("arguments")
        return args is not None and any(_holds_function(a) for a in args.named_children)
    return False


def _is_import(value: ts.Node) -> bool:
    """`require('x')`, `require('x').y`, `await import('x')`: an import, filtered as one."""
    head = text(value)[:16].removeprefix("await ")
    return head.startswith(("require(", "import("))


def _unit(node: ts.Node, names: tuple[str, ...], init: bool = False) -> Unit:
    refs: set[str] = set()
    cursor = node.walk()
    while True:
        current = cursor.node
        if current is not None and current.type in _REFS:
            refs.add(text(current))
        if cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent() or cursor.node == node:
                refs.difference_update(names)
                return Unit(node.start_point.row + 1, node.end_point.row + 1, names, frozenset(refs), init)
