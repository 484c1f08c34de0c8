"""End-to-end cases: run the real `migrate` command and compare with committed output.

Each folder under testdata/ holds `exec.json` ({"args": [...], "exit_code": N, "stdout": "json" or
"text", "stderr_contains": [...]}) and the expected stdout (stdout.json compared as JSON,
stdout.txt as text). Commands run from the repository root; in args, `{case}` is the case folder
relative to it. Regenerate after an intended change, then review the diff:

    MIGRATE_UPDATE_GOLDEN=1 python -m pytest tests/endtoend
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

TESTDATA = Path(__file__).parent / "testdata"
UPDATE = os.environ.get("MIGRATE_UPDATE_GOLDEN") == "1"
CASES = sorted(p for p in TESTDATA.glob("*/*") if (p / "exec.json").is_file())


def _run(case: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
    spec = json.loads((case / "exec.json").read_text())
    args = [str(a).format(case=case.relative_to(REPO).as_posix()) for a in spec["args"]]
    env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.run(
        [sys.executable, "-m", "migrator", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return proc, spec


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case(case: Path) -> None:
    proc, spec = _run(case)
    assert proc.returncode == spec.get("exit_code", 0), proc.stderr
    json_out = case / "stdout.json"
    text_out = case / "stdout.txt"
    if UPDATE:
        if spec.get("stdout", "json") == "json":
            json_out.write_text(json.dumps(json.loads(proc.stdout), indent=2, ensure_ascii=False) + "\n")
        else:
            text_out.write_text(proc.stdout)
        if "stderr_contains" not in spec and proc.stderr.strip() and spec.get("exit_code", 0):
            (case / "stderr.txt").write_text(proc.stderr)
    if json_out.is_file():
        assert json.loads(proc.stdout) == json.loads(json_out.read_text())
    elif text_out.is_file():
        assert proc.stdout == text_out.read_text()
    else:
        pytest.fail(f"{case}: no stdout.json or stdout.txt; run with MIGRATE_UPDATE_GOLDEN=1")
    for needle in spec.get("stderr_contains", []):
        assert needle in proc.stderr


def test_cases_exist() -> None:
    assert len(CASES) >= 3, "the end-to-end walker found no cases"
