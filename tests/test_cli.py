"""The `migrate` command as users run it: exit codes, output files, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FLEET, REPO, WriteTree


def migrate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "migrator", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "NO_COLOR": "1"},
    )


def test_missing_path_exits_2_with_one_line() -> None:
    proc = migrate("scan", "no/such/dir")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "no such file or directory" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_error_exits_2() -> None:
    proc = migrate("scan", str(FLEET), "--format", "yaml")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_fail_under_exits_1_and_names_functions() -> None:
    proc = migrate("scan", str(FLEET), "--format", "json", "--fail-under", "100")
    assert proc.returncode == 1
    low = [f for f in json.loads(proc.stdout)["functions"] if f["readiness"] < 100]
    assert low and low[0]["name"] in proc.stderr


def test_clean_fleet_exits_0(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "fn/package.json": '{"name": "ok"}',
            "fn/index.mjs": "export const handler = async (event) => ({ ok: event.detail });",
        }
    )
    proc = migrate("scan", str(root), "--fail-under", "100")
    assert proc.returncode == 0, proc.stderr
    assert "ok" in proc.stdout


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = migrate("scan", str(FLEET), "--format", "json", "--output", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(out.read_text())["tool"]["name"] == "migrate"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_into_missing_folder_exits_2(tmp_path: Path) -> None:
    proc = migrate("scan", str(FLEET), "--output", str(tmp_path / "nope" / "r.json"))
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr


def test_parse_errors_are_reported_and_the_scan_completes() -> None:
    proc = migrate("scan", str(FLEET), "--format", "json")
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert any("syntax error" in e["message"] for e in report["errors"])
    assert len(report["functions"]) >= 10
