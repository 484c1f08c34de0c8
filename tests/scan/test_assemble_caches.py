"""What a scan's assembly looks up once and shares (the module system per folder and extension,
the package a specifier names, the Dependency per package) gives each function what it gets when
scanned alone, in any order: `fs/promises` keeps its own note after `fs` was met."""

from __future__ import annotations

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.model import Function
from tests.conftest import WriteTree

HANDLERS = {
    "esm": ("src/esm.mjs", "import { readFile } from 'node:fs';\nimport get from 'lodash/get';\n"),
    "cjs": (
        "src/cjs.cjs",
        "const fs = require('fs');\nconst { S3Client } = require('@aws-sdk/client-s3');\n",
    ),
    "plain": ("src/plain.js", "const path = require('node:path');\nconst get = require('lodash/get');\n"),
    "typed": ("src/typed.ts", "import { join } from 'path';\nimport { v4 } from 'uuid';\n"),
    "other": ("lib/other.js", "const { readFile } = require('node:path');\nconst uuid = require('uuid');\n"),
    "promises": ("src/promises.js", "const { readFile } = require('node:fs/promises');\n"),
}
PACKAGE = '{"type": "module", "dependencies": {"lodash": "^4.17.21", "uuid": "^9.0.0"}}'


def _serverless(names: list[str]) -> str:
    lines = ["service: mixed", "provider:", "  name: aws", "  runtime: nodejs20.x", "functions:"]
    for name in names:
        stem = HANDLERS[name][0].rsplit(".", 1)[0]
        lines += [f"  {name}:", f"    handler: {stem}.handler"]
    return "\n".join(lines) + "\n"


def _functions(write_tree: WriteTree, names: list[str]) -> dict[str, Function]:
    tree = {"serverless.yml": _serverless(names), "package.json": PACKAGE}
    for name in names:
        path, imports = HANDLERS[name]
        tree[path] = imports + "export const handler = async () => ({ ok: true });\n"
    return {f.name: f for f in scan(write_tree(tree), ScanOptions(jobs=1)).functions}


def test_functions_sharing_a_folder_and_packages_get_what_they_get_alone(write_tree: WriteTree) -> None:
    together = _functions(write_tree, list(HANDLERS))
    for name in HANDLERS:
        alone = _functions(write_tree, [name])
        assert together[name] == alone[name], name


def test_module_system_follows_the_extension_within_a_folder(write_tree: WriteTree) -> None:
    fns = _functions(write_tree, list(HANDLERS))
    systems = {name: fn.module_system for name, fn in fns.items()}
    assert systems == {
        "esm": "esm",
        "cjs": "commonjs",
        "plain": "esm",
        "typed": "esm",
        "other": "esm",
        "promises": "esm",
    }


def test_a_specifier_names_its_package_or_built_in(write_tree: WriteTree) -> None:
    fns = _functions(write_tree, list(HANDLERS))
    deps = {name: [(d.npm, d.version, d.kind) for d in fn.dependencies] for name, fn in fns.items()}
    assert [npm for npm, _, _ in deps["esm"]] == ["fs", "lodash"]
    assert deps["esm"][1][1] == "^4.17.21"
    assert [npm for npm, _, _ in deps["cjs"]] == ["@aws-sdk/client-s3", "fs"]
    assert [npm for npm, _, _ in deps["plain"]] == ["lodash", "path"]
    assert [npm for npm, _, _ in deps["other"]] == ["path", "uuid"]
    assert deps["other"][0][1] is None  # a built-in has no declared version


def test_a_built_in_module_keeps_its_own_note_beside_its_parent(write_tree: WriteTree) -> None:
    fns = _functions(write_tree, list(HANDLERS))  # `fs` (esm, cjs) is met before `fs/promises`
    (fs,) = [d for d in fns["cjs"].dependencies if d.npm == "fs"]
    (promises,) = fns["promises"].dependencies
    assert (promises.npm, promises.go) == ("fs", "os")
    assert promises.note.startswith("Promise API of fs") and not fs.note.startswith("Promise API")
