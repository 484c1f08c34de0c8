"""The module graph: relative imports resolve as Node and TypeScript do, each module is lowered once,
and statements are counted (untranslated ones with the statements nested in them)."""

from __future__ import annotations

import os
from pathlib import Path

from migrator.port import ir
from migrator.port.modules import MAX_DEPTH, build_graph
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
                  return event.a === 1n;
                };
            """
        }
    )
    (module,) = build_graph(root, root / "index.js", lambda spec: False).modules
    spots = [(u.line, u.construct) for u in module.untranslated]
    assert spots == [(2, "labeled statement"), (5, "BigInt or legacy octal literal")]
    # expression statement + labeled + for + if + continue + return
    assert module.statements == 6 and module.failed == 5
    body = module.body[0]
    assert isinstance(body, ir.ExprStmt) and isinstance(body.expr, ir.Assign)
    func = body.expr.value
    assert isinstance(func, ir.Func) and func.name == "" and func.is_async and func.is_arrow
    assert [type(s).__name__ for s in func.body] == ["Untranslated", "Untranslated"]


def test_hostile_imports_and_nesting_are_reported_not_followed(write_tree: WriteTree, tmp_path: Path) -> None:
    """An import leading out of the scanned folder is not read, a FIFO is not opened, and a file nested
    deeper than the lowering can recurse is reported at the line where it gets too deep."""
    outside = tmp_path / "outside.js"
    outside.write_text("module.exports = 'secret';\n", encoding="utf-8")
    depth = MAX_DEPTH + 10
    root = write_tree(
        {
            "index.js": f"""
                const secret = require('{os.path.relpath(outside, tmp_path / "fleet")}');
                const pipe = require('./pipe');
                const deep = require('./deep');
                exports.handler = async () => [secret, pipe, deep];
            """,
            "deep.js": "module.exports =\n" + "[" * depth + "1" + "]" * depth + ";\n",
        }
    )
    os.mkfifo(root / "pipe.js")
    graph = build_graph(root, root / "index.js", lambda spec: False)
    spots = {(m.file, u.line, u.construct, u.why) for m in graph.modules for u in m.untranslated}
    assert ("index.js", 1, f"import {os.path.relpath(outside, root)}", "outside the scanned folder") in spots
    assert ("deep.js", 2, "deep nesting", f"nested deeper than {MAX_DEPTH} levels") in spots
    assert ("index.js", 2, "import ./pipe", "the file does not resolve") in spots  # never opened
    assert [m.file for m in graph.modules] == ["index.js", "deep.js"]


def test_a_types_only_package_is_elided_as_typescript_does(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "index.ts": """
                import { APIGatewayProxyHandler } from 'aws-lambda';
                import { SQSEvent } from 'aws-lambda/trigger/sqs';
                export const handler: APIGatewayProxyHandler = async (e: SQSEvent) => ({ statusCode: 204 });
            """
        }
    )
    (module,) = build_graph(root, root / "index.ts", lambda spec: False).modules
    assert module.untranslated == () and module.failed == 0


def test_only_the_sleep_idiom_of_set_timeout_translates(write_tree: WriteTree) -> None:
    """`new Promise((resolve) => setTimeout(resolve, ms))` is a sleep; any other setTimeout (a
    callback that does work, a value passed on, a module's own setTimeout) stays untranslated."""
    root = write_tree(
        {
            "sleep.js": """
                exports.handler = async (event) => {
                  await new Promise((resolve) => setTimeout(resolve, 10));
                  await new Promise(function (ok, _fail) { setTimeout(() => ok(), event.ms); });
                  await new Promise((r) => setTimeout(r));
                  return 1;
                };
            """,
            "timer.js": """
                exports.handler = async (event) => {
                  setTimeout(() => console.log('later'), 10);
                  await new Promise((resolve) => setTimeout(resolve, 10, 'value'));
                  return new Promise((resolve) => setTimeout(() => resolve(event), 10));
                };
            """,
            "shadow.js": """
                const setTimeout = (f) => f();
                exports.handler = async () => new Promise((resolve) => setTimeout(resolve, 10));
            """,
        }
    )
    (sleep,) = build_graph(root, root / "sleep.js", lambda spec: False).modules
    assert sleep.untranslated == () and sleep.failed == 0
    (timer,) = build_graph(root, root / "timer.js", lambda spec: False).modules
    assert [(u.line, u.construct) for u in timer.untranslated] == [
        (2, "global setTimeout"),
        (3, "global setTimeout"),
        (4, "global setTimeout"),
    ]
    (shadow,) = build_graph(root, root / "shadow.js", lambda spec: False).modules
    assert shadow.untranslated == ()
    printed = repr(shadow.body)
    assert "Sleep" not in printed and "Sleep" in repr(sleep.body)


def test_process_env_is_read_whole_only_when_destructured(write_tree: WriteTree) -> None:
    """`const { A } = process.env` reads a snapshot; a write or `process.env` passed on whole could
    change the environment through it, so those stay reported."""
    root = write_tree(
        {
            "index.js": """
                const { TABLE, REGION = 'eu-west-1' } = process.env;
                exports.handler = async (event) => {
                  const { STAGE } = (process.env);
                  process.env.TOUCHED = 'yes';
                  Object.assign(process.env, event);
                  return [TABLE, REGION, STAGE, process.env.TOUCHED];
                };
            """
        }
    )
    (module,) = build_graph(root, root / "index.js", lambda spec: False).modules
    assert [(u.line, u.construct) for u in module.untranslated] == [(4, "process"), (5, "process")]
    assert "EnvObject" in repr(module.body)
