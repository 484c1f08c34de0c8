"""Implicit globals: in a sloppy-mode script, `x = value` where `x` is declared nowhere creates a
global (a property of the global object, shared by every module, kept across invokes), and reading
`x` before that throws `ReferenceError: x is not defined`. jsrt keeps them in the Realm
(`SetImplicit`, `Implicit`, `TypeOfImplicit`).

Only a CommonJS script is sloppy: a `.js` (the nearest package.json not `"type": "module"`) or
`.cjs` file, with no import or export statement and no `"use strict"` directive anywhere. A name
Node already has as a global (`data/node_globals.txt`) is not one: the assignment would overwrite
Node's value, which the runtime may not have.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

import tree_sitter as ts

from migrator.port.context import GLOBALS
from migrator.port.packages import commonjs

_ESM = {"import_statement", "export_statement"}


@cache
def node_globals() -> frozenset[str]:
    """The names of `data/node_globals.txt`."""
    text = files("migrator.port").joinpath("data", "node_globals.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def implicit_globals(tree: ts.Node, path: Path, root: Path, declared: frozenset[str]) -> frozenset[str]:
    """The names a sloppy-mode script `path` (its syntax tree `tree`) assigns without declaring."""
    if not _sloppy_file(path, root) or _strict_syntax(tree):
        return frozenset()
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.type != "assignment_expression":
            continue
        left = node.child_by_field_name("left")
        while left is not None and left.type == "parenthesized_expression":
            left = left.named_children[0] if left.named_children else None
        if left is None or left.type != "identifier" or left.text is None:
            continue
        name = left.text.decode("utf-8", "surrogatepass")
        if name not in declared and name not in GLOBALS and name not in node_globals():
            found.add(name)
    return frozenset(found)


def _strict_syntax(tree: ts.Node) -> bool:
    """Whether the file is a module (import/export) or holds a "use strict" directive."""
    if any(child.type in _ESM for child in tree.children):
        return True
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.type == "expression_statement" and node.named_children:
            inner = node.named_children[0]
            if inner.type == "string" and inner.text is not None and inner.text[1:-1] == b"use strict":
                return True
        stack.extend(node.children)
    return False


def _sloppy_file(path: Path, root: Path) -> bool:
    """Whether Node loads `path` as a CommonJS script (TypeScript compiles to strict code)."""
    return path.suffix in (".js", ".cjs") and commonjs(path, root)
