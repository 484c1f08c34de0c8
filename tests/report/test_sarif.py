"""SARIF output, checked by Microsoft's SARIF Multitool (from npm, installed by the test command)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from sarif_pydantic import Sarif  # type: ignore[import-untyped]  # ships no type hints

from migrator.report import sarif
from migrator.scan.engine import ScanOptions, scan
from tests.conftest import FLEET, REPO

MULTITOOL = REPO / "tests" / "tools" / "node_modules" / ".bin" / "sarif-multitool"


@pytest.fixture(scope="module")
def sarif_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = scan(FLEET, ScanOptions(jobs=1))
    path = tmp_path_factory.mktemp("sarif") / "scan.sarif"
    path.write_text(sarif.render(report))
    return path


def test_sarif_has_a_result_per_blocker(sarif_log: Path) -> None:
    report = scan(FLEET, ScanOptions(jobs=1))
    data = json.loads(sarif_log.read_text())
    results = data["runs"][0]["results"]
    assert len(results) == sum(len(fn.blockers) for fn in report.functions) > 0
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
    notifications = data["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notifications] == ["error"] * len(report.errors) + ["note"] * len(
        report.skipped
    )
    assert report.skipped and notifications[-1]["properties"] == {"skipped": "runtime"}
    Sarif.model_validate(data)  # the sarif-pydantic object model accepts it too


def test_sarif_passes_the_sarif_multitool(sarif_log: Path, tmp_path: Path) -> None:
    if not MULTITOOL.exists():
        if os.environ.get("CI"):
            pytest.fail("SARIF Multitool missing: run `npm ci --prefix tests/tools`")
        pytest.skip("SARIF Multitool not installed (npm ci --prefix tests/tools)")
    out = tmp_path / "validation.sarif"
    proc = subprocess.run(
        [str(MULTITOOL), "validate", str(sarif_log), "--output", str(out), "--log", "ForceOverwrite"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    findings = json.loads(out.read_text())["runs"][0]["results"]
    # SARIF2005 asks for the tool's informationUri; migrate has no public home page to point at.
    findings = [r for r in findings if r["ruleId"] != "SARIF2005"]
    problems = [
        f"{r['ruleId']}: {r['message'].get('text') or r['message'].get('arguments')}"
        for r in findings
        if r.get("level", "warning") in {"error", "warning"}
    ]
    assert problems == []


def test_multitool_catches_an_invalid_log(tmp_path: Path) -> None:
    """The check above can fail: a log missing required properties is reported."""
    if not MULTITOOL.exists():
        pytest.skip("SARIF Multitool not installed")
    bad = tmp_path / "bad.sarif"
    bad.write_text(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{}]}]}))
    out = tmp_path / "v.sarif"
    subprocess.run(
        [str(MULTITOOL), "validate", str(bad), "--output", str(out), "--log", "ForceOverwrite"],
        capture_output=True,
        timeout=300,
    )
    levels = [r.get("level", "warning") for r in json.loads(out.read_text())["runs"][0]["results"]]
    assert "error" in levels
