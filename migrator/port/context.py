"""What lowering one module needs besides the syntax tree: the file, its names and how imports resolve.

`Unsupported` is raised inside expression lowering and caught at the innermost enclosing statement,
which then becomes an `Untranslated` statement (it throws NotImplemented when reached).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import tree_sitter as ts

from migrator.port import ir

#: Globals the runtime provides; a free identifier outside this set is reported, never guessed.
GLOBALS = frozenset(
    {
        "JSON",
        "Math",
        "Object",
        "Array",
        "Number",
        "String",
        "Boolean",
        "Promise",
        "Date",
        "console",
        "parseInt",
        "parseFloat",
        "isNaN",
        "isFinite",
        "Error",
        "TypeError",
        "RangeError",
        "SyntaxError",
        "ReferenceError",
        "Set",
        "Map",
        "encodeURIComponent",
        "decodeURIComponent",
        "encodeURI",
        "decodeURI",
        "Buffer",
        "crypto",
        "NaN",
        "Infinity",
        "RegExp",
        "structuredClone",
        "TextDecoder",
    }
)


class Unsupported(Exception):
    """A construct outside the translated subset, at a node."""

    def __init__(self, node: ts.Node, construct: str, why: str) -> None:
        super().__init__(f"{construct}: {why}")
        self.node = node
        self.construct = construct
        self.why = why


ImportResolver = Callable[[str, ts.Node], ir.Expr]
"""A module specifier (and the node naming it) → the exports value (`Require`, `Shim` or `Missing`)."""


@dataclass
class LowerContext:
    """Per-module lowering state: counters, the names the module declares, import resolution."""

    file: str
    source: bytes
    declared: frozenset[str]
    resolve_import: ImportResolver
    env: frozenset[str] = frozenset()
    implicit: frozenset[str] = frozenset()  #: implicit globals (`migrator/port/implicit.py`)
    temps: int = 0
    statements: int = 0  #: statements seen, translated or not
    failed: int = 0  #: statements that could not be translated (inner ones of a failed one included)
    untranslated: list[ir.Untranslated] = field(default_factory=list)
    exports: list[tuple[str, ir.Expr]] = field(default_factory=list)  #: ESM exports: name, value
    reexports: list[ir.Stmt] = field(default_factory=list)  #: `export … from` copies, run after `exports`
    stars: int = 0  #: `export * from` statements seen
    to_commonjs: bool = False  #: TypeScript compiled to CommonJS (`export *` clashes: the first wins)

    def text(self, node: ts.Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")

    def temp(self) -> int:
        self.temps += 1
        return self.temps

    def line(self, node: ts.Node) -> int:
        return node.start_point[0] + 1


def declared_names(root: ts.Node) -> frozenset[str]:
    """Every name declared anywhere in the module (bindings, parameters, functions, classes, imports)."""
    names: set[str] = set()
    stack = [root]
    binding_parents = {
        "variable_declarator",
        "formal_parameters",
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "enum_declaration",
        "import_specifier",
        "import_clause",
        "namespace_import",
        "catch_clause",
        "arrow_function",
        "required_parameter",
        "optional_parameter",
        "object_pattern",
        "array_pattern",
        "rest_pattern",
        "assignment_pattern",
        "object_assignment_pattern",
        "pair_pattern",
        "function_expression",
        "for_in_statement",
    }
    while stack:
        node = stack.pop()
        is_class_name = (
            node.type == "type_identifier"
            and node.parent is not None
            and node.parent.type == "class_declaration"
        )
        if node.type in ("identifier", "shorthand_property_identifier_pattern") or is_class_name:
            parent = node.parent
            if parent is None or parent.type not in binding_parents or node.text is None:
                pass
            elif parent.type == "pair_pattern" or not any(
                parent.child_by_field_name(f) == node for f in ("value", "right", "body")
            ):
                names.add(node.text.decode("utf-8", "surrogatepass"))
        stack.extend(node.children)
    return frozenset(names)
