"""Hostile input: alias bombs and pathological nesting are located problems, found fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from migrator.scan.collect import analyze_file
from migrator.scan.config.yamlload import ConfigReadError, load_document
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.files import SOURCE_LIMIT
from migrator.scan.jsparse import Grammars


def test_alias_bomb_is_a_located_error(tmp_path: Path) -> None:
    levels = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    (tmp_path / "template.yaml").write_text(
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      Handler: index.handler\n      Tags:\n" + "".join(f"        {x}\n" for x in levels)
    )
    started = time.monotonic()
    with pytest.raises(ConfigReadError) as caught:
        load_document(tmp_path / "template.yaml", "template.yaml")
    assert time.monotonic() - started < 2
    assert caught.value.problem.line is not None and caught.value.problem.line > 6
    assert "alias" in caught.value.problem.message


def test_recursive_alias_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text("a: &x\n  - *x\n")
    with pytest.raises(ConfigReadError) as caught:
        load_document(tmp_path / "t.yaml", "t.yaml")
    assert caught.value.problem.line == 1


@pytest.mark.parametrize("shape", ["f(", "[", "x + "])
def test_pathological_nesting_is_a_located_problem(shape: str) -> None:
    closing = {"f(": ")", "[": "]", "x + ": ""}[shape]
    source = "exports.handler = async () => " + shape * 100_000 + "process.env.SECRET" + closing * 100_000
    started = time.monotonic()
    facts = analyze_file("deep.js", source.encode(), "javascript", Grammars())
    assert time.monotonic() - started < 5
    assert len(facts.syntax_errors) == 1
    assert facts.syntax_errors[0].line == 1
    assert "levels deep" in facts.syntax_errors[0].message


def test_oversized_bare_index_is_an_error_not_a_silent_drop(tmp_path: Path) -> None:
    (tmp_path / "big").mkdir()
    (tmp_path / "big" / "package.json").write_text('{"name": "big"}')
    code = b"exports.handler = async () => 1;\n"
    (tmp_path / "big" / "index.js").write_bytes(code + b" " * SOURCE_LIMIT)
    report = scan(tmp_path, ScanOptions(jobs=1))
    assert report.functions == ()
    assert [(e.file, e.message) for e in report.errors] == [
        ("big/index.js", f"file is {SOURCE_LIMIT + len(code)} bytes; files over 4 MiB are not read")
    ]


def test_deep_yaml_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text("a: " + "[" * 300 + "]" * 300 + "\n")
    with pytest.raises(ConfigReadError) as caught:
        load_document(tmp_path / "t.yaml", "t.yaml")
    assert caught.value.problem.message == "YAML nests too deeply"
    (tmp_path / "ok.yaml").write_text("a: " + "[" * 200 + "]" * 200 + "\n")
    assert load_document(tmp_path / "ok.yaml", "ok.yaml") is not None


def test_a_nul_in_an_import_is_no_internal_error(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "fn", "main": "index.ts"}')
    (tmp_path / "index.ts").write_bytes(
        b"import { db } from '.\x00/db';\nexport const handler = async () => db.get();\n"
    )
    report = scan(tmp_path, ScanOptions(jobs=1))
    assert [f.name for f in report.functions] == ["fn"]
    assert not [e for e in report.errors if "internal error" in e.message]


def test_a_nul_in_a_config_path_is_one_error_at_the_config(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "package.json").write_text('{"name": "ok", "main": "index.js"}')
    (tmp_path / "ok" / "index.js").write_text("exports.handler = async () => 1;\n")
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "template.json").write_text(
        '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {'
        '"Type": "AWS::Serverless::Function", "Properties": '
        '{"CodeUri": "sr\\u0000c/", "Handler": "app.handler", "Runtime": "nodejs20.x"}}}}'
    )
    report = scan(tmp_path, ScanOptions(jobs=1))
    assert [f.name for f in report.functions] == ["ok"]
    assert [(e.file, "NUL character" in e.message) for e in report.errors] == [("svc/template.json", True)]
