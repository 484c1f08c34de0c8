"""Handler strings and import specifiers to files, the way the Node runtime and tsc see them."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrator.scan.resolve import Resolver, _child, _split, load_jsonc, split_handler, suffix
from tests.conftest import WriteTree


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        ("index.handler", ("index", "handler")),
        ("src/handlers/orders.create", ("src/handlers/orders", "create")),
        ("dist/a.b.c", ("dist/a", "b.c")),
        ("./v1.2/app.main", ("./v1.2/app", "main")),
        ("noexport", ("noexport", "")),
    ],
)
def test_split_handler(handler: str, expected: tuple[str, str]) -> None:
    assert split_handler(handler) == expected


def test_typescript_source_wins_over_compiled_copy(write_tree: WriteTree) -> None:
    root = write_tree({"a/app.ts": "", "a/app.js": "", "a/only.mjs": ""})
    resolver = Resolver(root)
    assert resolver.handler_file(root / "a", "app") == root / "a" / "app.ts"
    assert resolver.handler_file(root / "a", "only") == root / "a" / "only.mjs"
    assert resolver.handler_file(root / "a", "missing") is None


def test_build_output_maps_back_through_tsconfig(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "svc/tsconfig.base.json": '{"compilerOptions": {"outDir": "build/js", "rootDir": "lib"}}',
            "svc/tsconfig.json": '{\n  // inherits outDir\n  "extends": "./tsconfig.base.json",\n}',
            "svc/lib/handlers/x.ts": "",
        }
    )
    resolver = Resolver(root)
    assert resolver.handler_file(root / "svc", "build/js/handlers/x") == root / "svc/lib/handlers/x.ts"


def test_dist_to_src_convention_without_tsconfig(write_tree: WriteTree) -> None:
    root = write_tree({"svc/src/handler.ts": ""})
    assert Resolver(root).handler_file(root / "svc", "dist/handler") == root / "svc/src/handler.ts"


def test_esm_typescript_imports_with_js_extension(write_tree: WriteTree) -> None:
    root = write_tree({"a/h.ts": "", "a/lib/db.ts": "", "a/lib/util/index.ts": ""})
    resolver = Resolver(root)
    assert resolver.import_file(root / "a/h.ts", "./lib/db.js") == root / "a/lib/db.ts"
    assert resolver.import_file(root / "a/h.ts", "./lib/util") == root / "a/lib/util/index.ts"
    assert resolver.import_file(root / "a/h.ts", "./nope") is None


def test_jsonc_comments_and_trailing_commas(write_tree: WriteTree) -> None:
    root = write_tree({"t.json": '{\n  "a": "http://x//y", /* c */\n  "b": [1, 2,],\n}'})
    assert load_jsonc(root / "t.json", root) == {"a": "http://x//y", "b": [1, 2]}


@pytest.mark.parametrize(
    "path", ["/a/b.ts", "/b", "/", "//a", "b", "..", "../x.js", ".", "/a/.hidden", "/a/b.", "/a/..js"]
)
def test_path_string_helpers_agree_with_pathlib(path: str) -> None:
    folder, name = _split(path)
    assert (folder, name) == (str(Path(path).parent), Path(path).name)
    assert _child(folder, name + ".ts") == str(Path(path).parent / (name + ".ts"))
    assert suffix(path) == Path(path).suffix


def test_imports_resolve_to_one_path_per_file(write_tree: WriteTree) -> None:
    root = write_tree({"a/h.js": "", "a/lib/db.ts": "", "a/lib/index.js": "", "b/h.js": ""})
    resolver = Resolver(root)
    db = resolver.import_file(root / "a" / "h.js", "./lib/db.js")
    assert db == root / "a" / "lib" / "db.ts"
    assert resolver.import_file(root / "a" / "lib" / "index.js", "./db") is db
    assert resolver.import_file(root / "b" / "h.js", "../a/lib") == root / "a" / "lib" / "index.js"
    assert resolver.import_file(root / "b" / "h.js", "./missing") is None
