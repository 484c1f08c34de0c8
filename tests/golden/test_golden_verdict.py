"""`migrate golden`'s verdict gates: a latency regression exits 1 (unless `--latency report`), a lone
surrogate is a reported `value` difference in every format, odd case files are located problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.golden.conftest import FIXTURES

pytestmark = pytest.mark.slow

HOSTILE = str(FIXTURES / "node" / "hostile" / "index.js")
GO = str(FIXTURES / "go" / "handler")


def golden(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "migrator", "golden", "--node", HOSTILE, "--go", GO, "--aws", "none", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_case(tmp_path: Path, event: object) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "case.json").write_text(json.dumps(event))
    return folder


def test_a_latency_regression_exits_1_unless_latency_is_report(tmp_path: Path) -> None:
    cases = one_case(tmp_path, {"action": "sleep", "sleepMs": 250})  # Go sleeps, Node answers at once
    gated = golden("--cases", str(cases), "--runs", "1", "--format", "json")
    assert gated.returncode == 1, gated.stderr
    report = json.loads(gated.stdout)
    assert report["summary"]["passed"] == 1 and report["summary"]["latency_failed"] == 1
    assert (report["verdict"], report["latency_mode"]) == ("fail", "gate")
    cost = report["cost"]
    assert cost["memory_mb"] == 1024 and cost["prices_date"]
    assert cost["go"]["per_million"]["x86_64"] > cost["node"]["per_million"]["x86_64"] > 0.2
    reported = golden("--cases", str(cases), "--runs", "1", "--format", "json", "--latency", "report")
    assert reported.returncode == 0, reported.stderr
    assert json.loads(reported.stdout)["verdict"] == "pass"


def test_a_lone_surrogate_is_a_value_difference_in_every_format(tmp_path: Path) -> None:
    cases = one_case(tmp_path, {"action": "cut", "value": {"s": "\U0001f600"}})
    texts = {}
    for form in ("table", "json", "junit", "html"):
        proc = golden("--cases", str(cases), "--runs", "0", "--format", form)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert "\\ud83d" in proc.stdout, form  # the cut half, as its JSON escape
        texts[form] = proc.stdout
    (case,) = json.loads(texts["json"])["cases"]
    (difference,) = case["differences"]
    assert difference["path"] == "/s" and difference["category"] == "value"
    assert difference["node"] == "\ud83d" and difference["go"] == "\U0001f600"
    failure = ET.fromstring(texts["junit"].encode()).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "value"
    assert "value at /s" in texts["table"] and "value" in texts["html"]


def test_odd_case_files_are_located_problems_and_the_rest_runs(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps({"value": 1}))
    (folder / "nan.json").write_text('{"value": NaN}')
    (folder / "huge.json").write_text('{"value": [1, -1e400]}')  # Node: -Infinity; Go refuses it
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    os.mkfifo(folder / "fifo.json")
    (folder / "device.json").symlink_to("/dev/zero")
    proc = golden("--cases", str(folder), "--runs", "0", "--format", "json", timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert [c["id"] for c in json.loads(proc.stdout)["cases"]] == ["good.json"]
    problems = [line for line in proc.stderr.splitlines() if line.startswith("case not read")]
    assert len(problems) == 5
    assert any("nan.json:1:11: invalid JSON: NaN" in p for p in problems)
    assert any("huge.json:1:15: invalid JSON: the number -1e400 is out of range" in p for p in problems)
    assert any("deep.json:1:201: nested deeper than 200" in p for p in problems)
    assert any("fifo.json: not read: a FIFO" in p for p in problems)
    assert any("device.json: not read: a character device" in p for p in problems)


def test_a_fifo_in_a_typescript_handler_folder_is_one_line(tmp_path: Path) -> None:
    root = tmp_path / "ts"
    root.mkdir()
    (root / "index.ts").write_text("export const handler = async (e: unknown) => e;\n")
    os.mkfifo(root / "pipe")
    cases = one_case(tmp_path, {"value": 1})
    node = str(root / "index.ts")
    args = ["golden", "--node", node, "--go", GO, "--cases", str(cases), "--aws", "none"]
    proc = subprocess.run(
        [sys.executable, "-m", "migrator", *args], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "pipe: a FIFO in the handler's folder" in proc.stderr
