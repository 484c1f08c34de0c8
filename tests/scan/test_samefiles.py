"""Copies of a file are read once per scanner: each copy still reports under its own path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import tree_sitter as ts

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.jsparse import GrammarName, Grammars
from migrator.scan.project import ProjectScanner
from migrator.scan.samefiles import SameFiles, content_key
from migrator.scan.tables import Tables
from tests.conftest import FLEET, WriteTree


def _functions(report_json: dict[str, Any], prefix: str) -> list[str]:
    """The functions under `prefix`, as JSON with the prefix taken off the paths in it."""
    return sorted(
        json.dumps(fn, sort_keys=True).replace(f'"{prefix}', '"').replace(f" {prefix}", " ")
        for fn in report_json["functions"]
        if (fn["config"] or fn["file"] or "").startswith(prefix)
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_copy_of_the_fleet_reports_what_the_fleet_alone_does(tmp_path: Path, jobs: int) -> None:
    for copy in ("a", "b", "c"):
        shutil.copytree(FLEET, tmp_path / copy)
    together = scan(tmp_path, ScanOptions(jobs=jobs)).to_json()
    alone = _functions(scan(FLEET, ScanOptions(jobs=1)).to_json(), "")
    assert alone
    for copy in ("a/", "b/", "c/"):
        assert _functions(together, copy) == alone


class _Counting(Grammars):
    """Grammars that count the files they parse."""

    def __init__(self) -> None:
        super().__init__()
        self.parsed: list[bytes] = []

    def parse(self, source: bytes, grammar: GrammarName) -> ts.Tree:
        self.parsed.append(source)
        return super().parse(source, grammar)


def _service(name: str, handler: str) -> dict[str, str]:
    return {
        f"{name}/serverless.yml": (
            f"service: {name}\nprovider: {{ name: aws, runtime: nodejs20.x }}\n"
            "functions:\n  api:\n    handler: src/api.handler\n    events: [{ httpApi: 'GET /' }]\n"
        ),
        f"{name}/src/api.js": handler,
        f"{name}/src/lib/log.js": "exports.log = (m) => console.log(m);\n",
    }


HANDLER = "const { log } = require('./lib/log');\nexports.handler = async () => { log('hi'); return 1; };\n"


def test_a_copy_is_not_parsed_again_and_an_edited_one_is(write_tree: WriteTree) -> None:
    root = write_tree(
        _service("one", HANDLER) | _service("two", HANDLER) | _service("three", HANDLER + "// edited\n")
    )
    scanner = ProjectScanner(root, Tables.load())
    counting = _Counting()
    scanner.grammars = counting
    scanner.prefetch.grammars = counting
    reports = {}
    for name in ("one", "two", "three"):
        before = len(counting.parsed)
        result = scanner.scan("serverless", root / name / "serverless.yml")
        reports[name] = [f.source_files for f in result.functions], len(counting.parsed) - before
    assert reports["one"] == ([("one/src/api.js", "one/src/lib/log.js")], 2)
    assert reports["two"] == ([("two/src/api.js", "two/src/lib/log.js")], 0)
    assert reports["three"] == ([("three/src/api.js", "three/src/lib/log.js")], 1)  # the handler only


def test_the_key_tells_how_a_file_is_read() -> None:
    source = b"exports.a = () => 1; exports.b = () => 2;\n"
    keys = {
        content_key(source, grammar, handler, events)
        for grammar in ("javascript", "typescript")
        for handler in (False, True)
        for events in (False, True)
    }
    assert len(keys) == 8
    assert content_key(source, "javascript", True, True) != content_key(
        source + b" ", "javascript", True, True
    )


def test_cached_facts_are_given_the_path_asked_for(write_tree: WriteTree) -> None:
    root = write_tree(_service("one", HANDLER) | _service("two", HANDLER))
    scanner = ProjectScanner(root, Tables.load())
    scanner.scan("serverless", root / "one" / "serverless.yml")
    same: SameFiles = scanner.same
    key = content_key(HANDLER.encode(), "javascript", True, False)
    first = same.get(key, "one/src/api.js")
    copy = same.get(key, "two/src/api.js")
    assert first is not None and copy is not None
    assert (first.path, copy.path) == ("one/src/api.js", "two/src/api.js")
    assert first.exports == copy.exports and first.imports == copy.imports
    assert same.get(content_key(b"other", "javascript", True, False), "x.js") is None
