"""The module graph of one function: the handler file and every module it reaches by relative import,
each parsed and lowered once (Node's module cache), numbered in discovery order (handler = 0)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, declared_names
from migrator.port.implicit import implicit_globals
from migrator.port.lower_stmt import lower_block
from migrator.port.packages import commonjs
from migrator.port.shim_exports import ExportsOf, missing_exports
from migrator.port.ts_types import declared_types
from migrator.scan.files import SOURCE_LIMIT, Unreadable, is_inside, read_bytes
from migrator.scan.jsparse import Grammars, grammar_for

_PROBE = (".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx")
_COMPILED = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}
#: npm names that hold only types (`@types/aws-lambda` is imported as 'aws-lambda', and its subpaths as
#: 'aws-lambda/trigger/sqs'): TypeScript elides the import, and a value read from it would fail in Node
#: too (there is no such runtime module).
_TYPES_ONLY = frozenset({"aws-lambda"})

ShimLookup = Callable[[str], bool]
"""Whether a shim exists for an npm specifier."""


@dataclass(frozen=True)
class Graph:
    """The translated modules of one function, and the npm specifiers its code imports through shims."""

    modules: tuple[ir.Module, ...]
    shims: tuple[str, ...]
    env: tuple[str, ...]  #: environment variables read through process.env


def resolve_relative(importer: Path, specifier: str) -> Path | None:
    """Node/TypeScript resolution of a relative specifier: exact file, added extension, `.js` written
    for a `.ts` source, or the folder's `index`."""
    base = (importer.parent / specifier).resolve()
    if base.is_file() and base.suffix in _PROBE:
        return base
    for ext in _COMPILED.get(base.suffix, ()):
        if base.with_suffix(ext).is_file():
            return base.with_suffix(ext)
    for ext in _PROBE:
        candidate = base.with_name(base.name + ext)
        if candidate.is_file():
            return candidate
    for ext in _PROBE:
        candidate = base / f"index{ext}"
        if candidate.is_file():
            return candidate
    return None


#: Deepest syntax tree lowered; the deepest of 1,198 real files (serverless-patterns, the bundled fleet)
#: is 39. Lowering and printing recurse per level, so a deeper file is reported, not translated.
MAX_DEPTH = 150


def _too_deep(root: ts.Node) -> int | None:
    """The line where the tree first passes MAX_DEPTH, or None (walked without recursion)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return int(node.start_point[0]) + 1
        stack.extend((child, depth + 1) for child in node.children)
    return None


class _Builder:
    """Walks the graph breadth-first; owns the parser and the numbering."""

    def __init__(self, root: Path, has_shim: ShimLookup, exports_of: ExportsOf) -> None:
        self.root = root.resolve()
        self.has_shim = has_shim
        self.exports_of = exports_of
        self.grammars = Grammars()
        self.index: dict[Path, int] = {}
        self.queue: list[Path] = []
        self.shims: list[str] = []
        self.env: set[str] = set()

    def number(self, path: Path) -> int:
        if path not in self.index:
            self.index[path] = len(self.index)
            self.queue.append(path)
        return self.index[path]

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def lower(self, path: Path, number: int) -> ir.Module:
        file = self.rel(path)
        try:
            source = read_bytes(path, self.root, SOURCE_LIMIT)
        except Unreadable as exc:
            return ir.Module(number, file, (), 1, 1, (ir.Untranslated(file, 1, "unreadable file", str(exc)),))
        tree = self.grammars.parse(source, grammar_for(path.suffix))
        deep = _too_deep(tree.root_node)
        if deep is not None:
            why = f"nested deeper than {MAX_DEPTH} levels"
            return ir.Module(number, file, (), 1, 1, (ir.Untranslated(file, deep, "deep nesting", why),))
        pending: list[ir.Untranslated] = []

        def resolve(specifier: str, node: ts.Node) -> ir.Expr:
            line = node.start_point[0] + 1
            if specifier.startswith((".", "/")):
                target = resolve_relative(path, specifier)
                if target is not None and not is_inside(str(target), str(self.root)):
                    pending.append(
                        ir.Untranslated(file, line, f"import {specifier}", "outside the scanned folder")
                    )
                    return ir.Missing(f"module {specifier}")
                if target is not None and target.suffix in _PROBE:
                    return ir.Require(self.number(target))
                pending.append(
                    ir.Untranslated(file, line, f"import {specifier}", "the file does not resolve")
                )
                return ir.Missing(f"module {specifier}")
            if specifier.split("/")[0] in _TYPES_ONLY:  # 'aws-lambda', 'aws-lambda/trigger/sqs
                return ir.Missing(f"module {specifier} (types only)")
            if self.has_shim(specifier):
                if specifier not in self.shims:
                    self.shims.append(specifier)
                return ir.Shim(specifier)
            pending.append(ir.Untranslated(file, line, f"import {specifier}", "no shim for this npm module"))
            return ir.Missing(f"module {specifier}")

        declared = declared_names(tree.root_node)
        implicit = implicit_globals(tree.root_node, path, self.root, declared)
        to_cjs = path.suffix in (".ts", ".tsx", ".cts") and commonjs(path, self.root)
        cx = LowerContext(file, source, declared, resolve, implicit=implicit, to_commonjs=to_cjs)
        body = lower_block(tree.root_node, cx)
        if tree.root_node.has_error:
            pending.append(ir.Untranslated(file, 1, "syntax error", "the file does not parse"))
        exports: tuple[ir.Stmt, ...] = tuple(
            ir.ExprStmt(ir.Assign(ir.Member(ir.Name("exports"), name), "=", value))
            for name, value in cx.exports
        )
        exports += tuple(cx.reexports)
        self.env |= _env_reads(body)
        pending += missing_exports(body, file, self.exports_of)
        imports = sum(1 for p in pending if p.construct.startswith("import "))
        spots = tuple(cx.untranslated + pending)
        types = declared_types(tree.root_node, file)
        return ir.Module(number, file, body + exports, cx.statements, cx.failed + imports, spots, types)


def _env_reads(body: object) -> set[str]:
    """Every `process.env.X` name in a tree of IR values."""
    found: set[str] = set()
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, ir.EnvRead):
            found.add(item.name)
        elif isinstance(item, tuple):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__"):
            stack.extend(getattr(item, name) for name in item.__dataclass_fields__)
    return found


def build_graph(
    root: Path, handler: Path, has_shim: ShimLookup, exports_of: ExportsOf = lambda spec: None
) -> Graph:
    """Lower the handler module and everything it imports relatively."""
    builder = _Builder(root, has_shim, exports_of)
    builder.number(handler.resolve())
    modules: list[ir.Module] = []
    while len(modules) < len(builder.queue):
        path = builder.queue[len(modules)]
        modules.append(builder.lower(path, len(modules)))
    return Graph(tuple(modules), tuple(builder.shims), tuple(sorted(builder.env)))
