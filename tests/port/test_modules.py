"""The module graph: relative imports resolve as Node and TypeScript do, each module is lowered once,
and statements are counted (untranslated ones with the statements nested in them)."""

from __future__ import annotations

from migrator.port import ir
from migrator.port.modules import build_graph
from tests.conftest import WriteTree


def test_imports_resolve_like_node_and_typescript(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "src/handler.ts": """
                import { a } from './lib/a.js';
                import b from './lib';
                import type { T } from './types';
                import { v4 } from 'uuid';
                import { nope } from 'left-pad';
                const c = require('./lib/c');
                export const handler = async () => [a, b, c, v4, nope];
            """,
            "src/lib/a.ts": "export const a = 1;\n",
            "src/lib/index.ts": "import { a } from './a';\nexport default a + 1;\n",
            "src/lib/c.js": "module.exports = 3;\n",
            "src/types.ts": "export type T = string;\n",
        }
    )
    graph = build_graph(root, root / "src" / "handler.ts", lambda spec: spec == "uuid")
    assert [m.file for m in graph.modules] == [
        "src/handler.ts",
        "src/lib/a.ts",
        "src/lib/index.ts",
        "src/lib/c.js",
    ]
    assert graph.shims == ("uuid",)
    (handler, *_) = graph.modules
    assert [(u.line, u.construct) for u in handler.untranslated] == [(5, "import left-pad")]
    assert handler.statements == 7 and handler.failed == 1  # the import without a shim


def test_an_untranslated_statement_counts_what_it_holds(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "index.js": """
                exports.handler = async (event) => {
                  outer: for (const x of event.items) {
                    if (x) continue outer;
                  }
                  return event.a == event.b;
                };
            """
        }
    )
    (module,) = build_graph(root, root / "index.js", lambda spec: False).modules
    spots = [(u.line, u.construct) for u in module.untranslated]
    assert spots == [(2, "labeled statement"), (5, "loose ==")]
    # expression statement + labeled + for + if + continue + return
    assert module.statements == 6 and module.failed == 5
    body = module.body[0]
    assert isinstance(body, ir.ExprStmt) and isinstance(body.expr, ir.Assign)
    func = body.expr.value
    assert isinstance(func, ir.Func) and func.name == "" and func.is_async and func.is_arrow
    assert [type(s).__name__ for s in func.body] == ["Untranslated", "Untranslated"]
