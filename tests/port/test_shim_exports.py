"""Names taken from a shim that it does not provide are reported where the module imports them, when
the code uses them as values (a TypeScript type imported without `type` is never read)."""

from __future__ import annotations

from migrator.port.modules import build_graph
from tests.conftest import WriteTree

_EXPORTS = {"lib": frozenset({"kept", "default"}), "nodefault": frozenset({"kept"})}


def _spots(write_tree: WriteTree, source: str, name: str = "index.ts") -> list[tuple[int, str]]:
    root = write_tree({name: source})
    graph = build_graph(root, root / name, lambda spec: spec in _EXPORTS, _EXPORTS.get)
    return [(u.line, u.construct) for u in graph.modules[0].untranslated]


def test_missing_names_used_as_values_are_reported(write_tree: WriteTree) -> None:
    source = """import { kept, gone, TypeOnly } from 'lib';
import * as ns from 'lib';
import lib from 'lib';
import nd from 'nodefault';
const { kept: k2, absent } = require('lib');
const direct = require('lib').direct;
export const handler = async (e: TypeOnly) => [
  kept, gone, ns.kept, ns.other, lib.kept, lib.more, k2, absent, direct, nd,
];
"""
    assert sorted(_spots(write_tree, source)) == [
        (1, "import gone from lib"),
        (2, "import other from lib"),
        (3, "import more from lib"),
        (4, "import default from nodefault"),
        (5, "import absent from lib"),
        (6, "import direct from lib"),
    ]


def test_a_rebound_name_is_not_assumed_to_be_the_module(write_tree: WriteTree) -> None:
    source = "let ns = require('lib');\nns = { other: 1 };\nexports.handler = async () => ns.other;\n"
    assert _spots(write_tree, source, "index.js") == []
