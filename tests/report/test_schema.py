"""The scan report's JSON Schema is the contract: real output of `migrate scan --format json`
validates against it, and it is closed (no field of the report is missing from it, none extra)."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from migrator.scan import model
from tests.conftest import FLEET, REPO, WriteTree

SCHEMA: dict[str, Any] = json.loads(
    (files("migrator.report") / "schemas" / "scan-report.schema.json").read_text(encoding="utf-8")
)
#: Schema `$defs` entry → the dataclass whose `asdict` it describes.
DEFS = {
    "tool": model.ToolInfo,
    "function": model.Function,
    "eventEvidence": model.EventEvidence,
    "dependency": model.Dependency,
    "awsSdk": model.AwsSdkUsage,
    "awsCall": model.AwsCall,
    "awsCallField": model.AwsCallField,
    "blocker": model.Blocker,
    "skipped": model.SkippedFunction,
    "problem": model.ScanProblem,
}


def _scan_json(path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "migrator", "scan", str(path), "--format", "json", "--jobs", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _errors(report: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(SCHEMA)
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(report)]


@pytest.fixture(scope="module")
def fleet() -> dict[str, Any]:
    return _scan_json(FLEET)


@pytest.fixture
def nasty(write_tree: WriteTree, tmp_path: Path) -> dict[str, Any]:
    """A fleet with every optional branch: unresolved handlers, unreadable files (a FIFO, a symlink
    loop, a link out of the folder, a syntax error), a skipped function and a bare package."""
    (tmp_path / "outside.js").write_text("exports.handler = async () => 1;\n")
    root = write_tree(
        {
            "svc/serverless.yml": """
                service: svc
                provider: {name: aws, runtime: nodejs20.x, memorySize: 256}
                functions:
                  ok: {handler: src/ok.handler, events: [{sqs: {arn: arn:aws:sqs:eu-west-1:1:q}}]}
                  missing: {handler: src/nope.handler}
                  broken: {handler: src/broken.handler}
                  linked: {handler: src/linked.handler}
                  py: {handler: app.handler, runtime: python3.12}
                """,
            "svc/src/ok.js": """
                const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
                const sqs = new SQSClient({});
                exports.handler = async (event) => {
                  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.OUT_URL, MessageBody: "x" }));
                  return event.Records.length;
                };
                """,
            "svc/src/broken.js": "exports.handler = async () => { oops( }\n",
            "bare/package.json": '{"name": "bare", "dependencies": {"left-pad": "^1.3.0"}}',
            "bare/index.js": """
                const pad = require("left-pad");
                exports.handler = (e, c, cb) => cb(null, pad(e));
                """,
            "fifo/package.json": '{"name": "fifo"}',
            "loop/package.json": '{"name": "loop"}',
        }
    )
    os.mkfifo(root / "fifo" / "index.js")
    (root / "loop" / "index.js").symlink_to("index.js")
    (root / "svc" / "src" / "linked.js").symlink_to(tmp_path / "outside.js")
    return _scan_json(root)


def test_the_schema_is_draft_2020_12_and_ships_as_package_data() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_the_fleet_report_validates(fleet: dict[str, Any]) -> None:
    assert len(fleet["functions"]) == 39 and fleet["errors"] and fleet["skipped"]
    assert _errors(fleet) == []


def test_a_nasty_fleet_report_validates_with_every_optional_branch(nasty: dict[str, Any]) -> None:
    functions, errors = nasty["functions"], nasty["errors"]
    assert any(fn["file"] is None for fn in functions)  # unresolved handlers
    assert any(fn["config"] is None for fn in functions)  # a bare package.json
    assert any(fn["runtime"] is not None and fn["memory_mb"] is not None for fn in functions)
    assert any(call["fields"] for fn in functions for call in fn["aws_calls"])
    assert any(dep["kind"] == "unmapped" for fn in functions for dep in fn["dependencies"])
    assert any(e["line"] is None for e in errors) and any(e["line"] is not None for e in errors)
    assert [s["reason"] for s in nasty["skipped"]] == ["runtime"]
    assert _errors(nasty) == []


def test_the_schema_is_closed_and_requires_every_field(fleet: dict[str, Any]) -> None:
    extra = copy.deepcopy(fleet)
    extra["functions"][0]["owner"] = "someone"
    assert any("'owner' was unexpected" in e for e in _errors(extra))
    missing = copy.deepcopy(fleet)
    del missing["errors"][0]["column"]
    assert any("'column' is a required property" in e for e in _errors(missing))
    wrong = copy.deepcopy(fleet)
    wrong["functions"][0]["events"] = ["carrier-pigeon"]
    assert _errors(wrong)


@pytest.mark.parametrize("name", sorted(DEFS))
def test_each_object_lists_exactly_its_dataclass_fields(name: str) -> None:
    definition = SCHEMA["$defs"][name]
    fields = [f.name for f in dataclasses.fields(DEFS[name])]
    assert definition["additionalProperties"] is False
    assert list(definition["properties"]) == fields and definition["required"] == fields


def test_the_event_kinds_are_the_vocabulary() -> None:
    assert tuple(SCHEMA["$defs"]["eventKind"]["enum"]) == model.EVENT_KINDS
