"""Re-exports (`export … from`) and default-exported declarations: what each module exports, read
from the IR the translation runs (golden proves the values against node: tests/port/test_verify.py,
fixture `reexports`)."""

from __future__ import annotations

from migrator.port import ir
from migrator.port.modules import build_graph
from tests.conftest import WriteTree


def _exported(module: ir.Module) -> list[str]:
    """The names a module's exports are assigned under, in order (`*` for an `export *` loop)."""
    names: list[str] = []
    for stmt in module.body:
        if isinstance(stmt, ir.If) and isinstance(stmt.then, ir.ExprStmt):
            stmt = stmt.then
        if isinstance(stmt, ir.ForOf) and stmt.keys:
            names.append("*")
        elif isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Assign):
            target = stmt.expr.target
            if isinstance(target, ir.Member) and target.obj == ir.Name("exports"):
                names.append(str(target.prop))
    return names


def test_reexports_copy_after_the_module_s_own_exports(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "index.ts": """
                export * from './a';
                export { default as handler, x as y } from './b';
                export * as ns from './b';
                export type { T } from './types';
                export { type U, z } from './b';
                export const own = 1;
            """,
            "a.ts": "export const a = 1;\n",
            "b.ts": "export default 1;\nexport const x = 2, z = 3;\nexport type U = string;\n",
            "types.ts": "export type T = number;\n",
        }
    )
    graph = build_graph(root, root / "index.ts", lambda spec: False)
    assert [m.file for m in graph.modules] == ["index.ts", "a.ts", "b.ts"]  # type-only: never loaded
    index = graph.modules[0]
    assert index.untranslated == () and index.failed == 0
    assert _exported(index) == ["own", "*", "handler", "y", "ns", "z"]  # own exports first


def test_two_export_stars_translate_only_in_typescript_compiled_to_commonjs(write_tree: WriteTree) -> None:
    files = {"a.ts": "export const a = 1;\n", "b.ts": "export const a = 2;\n"}
    source = "export * from './a';\nexport * from './b';\nexport const handler = 1;\n"
    root = write_tree({"index.ts": source, **files})
    index = build_graph(root, root / "index.ts", lambda spec: False).modules[0]
    assert index.untranslated == () and _exported(index) == ["handler", "*", "*"]
    root = write_tree({"package.json": '{"type": "module"}', "index.ts": source, **files})
    index = build_graph(root, root / "index.ts", lambda spec: False).modules[0]
    assert [u.construct for u in index.untranslated] == ["export * from (twice)"]


def test_two_export_stars_are_reported_in_es_modules(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "index.js": "export * from './a.js';\nexport * from './b.js';\nexport const handler = 1;\n",
            "a.js": "export const a = 1;\n",
            "b.js": "export const a = 2;\n",
        }
    )
    index = build_graph(root, root / "index.js", lambda spec: False).modules[0]
    assert [(u.line, u.construct) for u in index.untranslated] == [(2, "export * from (twice)")]
    assert _exported(index) == ["handler", "*"]


def test_a_default_exported_declaration_is_the_default_export(write_tree: WriteTree) -> None:
    source = "export default async function handler() { return 1; }\nexport function other() {}\n"
    root = write_tree({"index.mjs": source})
    index = build_graph(root, root / "index.mjs", lambda spec: False).modules[0]
    assert _exported(index) == ["default", "other"]
