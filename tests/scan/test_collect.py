"""Per-file facts from real syntax trees, JavaScript and TypeScript."""

from __future__ import annotations

import textwrap

import pytest

from migrator.scan.collect import analyze_file
from migrator.scan.filefacts import FileFacts
from migrator.scan.jsparse import GrammarName, Grammars


def facts(source: str, grammar: GrammarName = "javascript") -> FileFacts:
    return analyze_file("f", textwrap.dedent(source).encode(), grammar, Grammars())


def export(f: FileFacts, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in f.exports if e.name == name)


def test_commonjs_exports_and_styles() -> None:
    f = facts(
        """
        async function create(event) { return { ok: true } }
        const legacy = function (event, context, callback) { callback(null, 1) };
        const plain = (event) => ({ statusCode: 200 });
        const promised = (event) => { return new Promise((r) => r(1)) };
        module.exports = { create, legacy, plain, promised, inline: async () => 1 };
        exports.direct = async (e) => e;
        """
    )
    assert f.cjs_syntax and not f.esm_syntax
    assert export(f, "create").shape.is_async
    assert export(f, "legacy").shape.params == ("event", "context", "callback")
    plain = export(f, "plain").shape
    assert not plain.is_async and not plain.returns_promise
    assert export(f, "promised").shape.returns_promise
    assert export(f, "inline").shape.is_async
    assert export(f, "direct").shape.is_async


def test_esm_exports_reexports_and_wrappers() -> None:
    f = facts(
        """
        import middy from '@middy/core';
        export async function handler(event) {}
        const base = async (event, context) => {};
        export const wrapped = middy(base).use(jsonBodyParser()).use(errors());
        export { base as renamed };
        export { other } from './other.js';
        export * from './all.js';
        export default async () => {};
        """
    )
    assert f.esm_syntax
    assert export(f, "handler").shape.is_async
    wrapped = export(f, "wrapped").shape
    assert wrapped.wrapper == "middy" and wrapped.params == ("event", "context")
    assert export(f, "renamed").shape.is_async
    assert (export(f, "other").source, export(f, "other").imported) == ("./other.js", "other")
    assert export(f, "*").source == "./all.js"
    assert export(f, "default").shape.is_async


def test_typescript_types_do_not_hide_facts() -> None:
    f = facts(
        """
        import type { APIGatewayProxyEventV2 } from 'aws-lambda';
        import { z } from 'zod';
        interface Item { id: string }
        export const handler = async (event: APIGatewayProxyEventV2): Promise<Item[]> => {
          const id = event.requestContext?.http?.method ?? 'GET';
          const table = process.env.TABLE_NAME!;
          for await (const x of stream()) { console.log(x as unknown as Item) }
          return [];
        };
        class NotFoundError extends Error { name = 'NotFoundError' as const; }
        """,
        "typescript",
    )
    assert f.syntax_errors == ()
    assert [i.type_only for i in f.imports] == [True, False]
    assert export(f, "handler").shape.params == ("event",)
    assert ("requestContext", "http") in {(p.parent, p.name) for p in f.props}
    assert [e.value for e in f.env] == ["TABLE_NAME"]
    assert f.error_classes[0].error_name == "NotFoundError"


def test_env_reads_in_all_three_styles() -> None:
    f = facts(
        """
        const a = process.env.A;
        const b = process.env['B'];
        const { C, D: renamed, E = 'x' } = process.env;
        """
    )
    assert sorted(e.value for e in f.env) == ["A", "B", "C", "D", "E"]


@pytest.mark.parametrize("grammar", ["javascript", "typescript"])
def test_process_env_used_whole_or_by_a_computed_key_names_no_variable(grammar: GrammarName) -> None:
    # facts.scm captures every `process.env`; only `.NAME`, `["NAME"]` and `{ NAME } =` name one.
    f = facts(
        """
        const all = process.env;
        log(process.env);
        const v = process.env[key];
        const w = table[process.env];
        const x = { ...process.env };
        const { Y } = process.env;
        let z = 0; z += process.env.Z.length;
        """,
        grammar,
    )
    assert sorted((e.value, e.line) for e in f.env) == [("Y", 7), ("Z", 8)]


def test_env_names_methods_and_lambda_globals_are_read_from_their_own_nodes() -> None:
    # The query captures `process.env`, `this.x` and `awslambda` (what its predicates read); the
    # facts name the property beside them, on its own line.
    f = facts(
        """
        const t = process.env
          .TABLE;
        class Store { db = new DB(); save() { return this.db.putItem({ TableName: t }); } }
        exports.handler = awslambda
          .streamifyResponse(async (event, stream) => { stream.end(awslambda.HttpResponseStream); });
        const other = { awslambda: 1 }.awslambda;
        const client = new Client();
        """
    )
    assert [(e.value, e.line) for e in f.env] == [("TABLE", 3)]
    assert ("db", "putItem", 4) in f.method_calls
    # Only calls on a possible client (constructed, or imported from a local module) are kept.
    assert facts("const s = new S3(); s.getObject(p); JSON.parse(b);").method_calls == (
        ("s", "getObject", 1),
    )
    assert sorted((g.value, g.line) for g in f.lambda_globals) == [
        ("HttpResponseStream", 6),
        ("streamifyResponse", 6),
    ]
    assert facts("exports.handler = lambda.streamifyResponse(async () => 1);").lambda_globals == ()


def test_method_calls_count_on_a_plain_name_or_this_name_only_in_source_order() -> None:
    # facts.scm captures every `….m(…)` callee; callinput.method_calls keeps `x.m()` and `this.x.m()`.
    f = facts(
        """
        const s = new S3();
        s.getObject(p).promise().then((x) => s.headObject(x)).catch(s.deleteObject);
        a.b.s.putObject(p); s['copyObject'](p); (s).restoreObject(p);
        class K { constructor() { this.c = new S3(); } run() { this.c.listBuckets(); this.c.x.get(); } }
        """
    )
    assert f.method_calls == (("s", "getObject", 3), ("s", "headObject", 3), ("c", "listBuckets", 5))


def test_imports_and_dynamic_requires() -> None:
    f = facts(
        """
        const AWS = require('aws-sdk');
        const { S3, SQS: Queue } = require('aws-sdk');
        const get = require('lodash').get;
        const mod = require(process.env.PLUGIN);
        const later = await import(`./plugins/${name}.js`);
        """
    )
    refs = {(i.specifier, i.dynamic) for i in f.imports}
    assert ("aws-sdk", False) in refs and ("", True) in refs
    assert sum(1 for i in f.imports if i.dynamic) == 2
    bindings = {b for i in f.imports for b in i.bindings}
    assert {("AWS", "*"), ("S3", "S3"), ("Queue", "SQS"), ("get", "get")} <= bindings


@pytest.mark.parametrize("grammar", ["javascript", "typescript"])
def test_dynamic_imports_are_read_from_the_call(grammar: GrammarName) -> None:
    # The query captures the `import` keyword alone; the reader takes the call around it.
    f = facts(
        """
        const url = import.meta.url;
        const { put } = await import('./store.js');
        exports.handler = async () => (await import("./lazy")).run(url);
        """,
        grammar,
    )
    dynamic = [(i.specifier, i.line, i.bindings) for i in f.imports if i.kind == "dynamic-import"]
    assert dynamic == [("./store.js", 3, (("put", "put"),)), ("./lazy", 4, ())]


def test_error_names_classes_and_risky_calls() -> None:
    f = facts(
        """
        class AppError extends Error { constructor(m) { super(m); this.name = this.constructor.name } }
        class Quiet extends AppError {}
        const e = new Error('x'); e.name = 'ConflictError';
        eval('1 + 1'); const f = new Function('a', 'return a');
        let cache; let count = 0; const fixed = 1;
        exports.handler = async () => { count++; cache = cache || {}; };
        """
    )
    classes = {c.name: c for c in f.error_classes}
    assert classes["AppError"].error_name == "AppError"
    assert classes["Quiet"].error_name is None and classes["Quiet"].parent == "AppError"
    assert [(n.target, n.name) for n in f.error_names] == [("e", "ConflictError")]
    assert [e.value for e in f.evals] == ["eval()", "new Function()"]
    assert sorted(g.value for g in f.global_state) == ["cache", "count"]


def test_a_name_set_to_a_string_renames_an_error_and_exports_name_is_also_an_export() -> None:
    # facts.scm matches `exports…` and `….name` assignments with one pattern; captures.py splits them.
    f = facts(
        """
        const e = new Error('x'); e.name = 'Bad';
        const g = new Error('y'); g.name = other;
        exports.name = 'svc';
        module.exports.handler = async () => 1;
        exports.handler2 = async () => 2;
        let n = 0; exports.bump = () => { n += 1; n++; };
        """
    )
    assert [(n.target, n.name, n.line) for n in f.error_names] == [("e", "Bad", 2), ("exports", "svc", 4)]
    assert {e.name for e in f.exports} == {"name", "handler", "handler2", "bump"}
    assert [(g.value, g.line) for g in f.global_state] == [("n", 7)]


@pytest.mark.parametrize(
    "source",
    [
        "exports.handler = async (event) => { if (event { }",
        "const = 5;\nexports.handler = () => 1;",
        "export const handler = async () => {",
    ],
)
def test_syntax_errors_are_located_not_raised(source: str) -> None:
    f = facts(source)
    assert f.syntax_errors
    assert all(p.line >= 1 and p.column >= 1 for p in f.syntax_errors)


def test_invalid_utf8_is_read_not_fatal() -> None:
    # A stray byte once made tree-sitter's text predicates raise SystemError inside the query.
    source = b"class V extends Error {\n  constructor() { super(); th\x80s.name = 'V'; this.name = 'V' }\n}\n"
    f = analyze_file("f", source + b"exports.handler = async () => 1;\n", "javascript", Grammars())
    assert export(f, "handler").shape.is_async
