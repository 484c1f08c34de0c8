"""Implicit globals: only a sloppy-mode CommonJS script's assignments to names declared nowhere are
translated as globals; a strict file, an ES module, TypeScript and Node's own globals stay reported
(golden proves the translated ones against node: tests/port/test_verify.py, fixture `implicit`)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from migrator.port.implicit import node_globals
from migrator.port.modules import build_graph
from tests.conftest import WriteTree, require_tool

_SLOPPY = """
client = make();
function make() { return 1; }
exports.handler = async () => [client, other];
"""


def _spots(write_tree: WriteTree, files: dict[str, str], handler: str) -> list[str]:
    root = write_tree(files)
    module = build_graph(root, root / handler, lambda spec: False).modules[0]
    return [u.construct for u in module.untranslated]


def test_a_sloppy_script_assignment_creates_a_global(write_tree: WriteTree) -> None:
    assert _spots(write_tree, {"index.js": _SLOPPY}, "index.js") == ["global other"]
    assert _spots(write_tree, {"index.cjs": _SLOPPY}, "index.cjs") == ["global other"]
    files = {"package.json": '{"type": "commonjs"}', "src/index.js": _SLOPPY}
    assert _spots(write_tree, files, "src/index.js") == ["global other"]


@pytest.mark.parametrize(
    ("files", "handler"),
    [
        ({"index.js": "'use strict';\n" + _SLOPPY}, "index.js"),
        ({"index.js": _SLOPPY.replace("{ return 1; }", "{ 'use strict'; return 1; }")}, "index.js"),
        ({"index.mjs": _SLOPPY}, "index.mjs"),
        ({"index.ts": _SLOPPY}, "index.ts"),
        ({"index.js": "import x from './x.js';\n" + _SLOPPY, "x.js": "export default 1;\n"}, "index.js"),
        ({"package.json": '{"type": "module"}', "src/index.js": _SLOPPY}, "src/index.js"),
        ({"package.json": "{not json", "index.js": _SLOPPY}, "index.js"),
    ],
)
def test_strict_code_keeps_the_name_reported(
    write_tree: WriteTree, files: dict[str, str], handler: str
) -> None:
    assert "global client" in _spots(write_tree, files, handler)


def test_node_globals_are_never_implicit(write_tree: WriteTree) -> None:
    source = "fetch = () => 1;\nsetTimeout = null;\nexports.handler = async () => [fetch, setTimeout];\n"
    spots = _spots(write_tree, {"index.js": source}, "index.js")
    assert set(spots) == {"global fetch", "global setTimeout"}


def test_the_node_globals_list_holds_every_global_node_has() -> None:
    require_tool(shutil.which("node") is not None, "node")
    script = "console.log(JSON.stringify(Object.getOwnPropertyNames(globalThis)))"
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True, timeout=60)
    names = set(json.loads(done.stdout))
    assert names and names - node_globals() == set()
    assert {"require", "module", "exports", "__dirname", "awslambda"} <= node_globals()
