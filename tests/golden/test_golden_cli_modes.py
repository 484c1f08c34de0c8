"""`migrate golden` in its other modes: a deployed side (here golden's emulator behind --endpoint-url,
real go behind it) against a local Node side, and cases generated --from-spec."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from golden.sides.function import FunctionFacts
from tests.conftest import REPO
from tests.golden.conftest import FIXTURES, MakeGo
from tests.golden.test_report_schema import assert_valid_report

NODE = str(FIXTURES / "node" / "session" / "port.js")
SPEC = str(FIXTURES / "specs" / "pets.yaml")


def golden(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env |= {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }  # boto3 signs for the emulator
    return subprocess.run(
        [sys.executable, "-m", "migrator", "golden", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


@pytest.mark.slow
def test_local_node_against_a_deployed_go_function(go: MakeGo, tmp_path: Path) -> None:
    runner = go(function=FunctionFacts(name="orders-go"))
    remote = ("--go-lambda", "orders-go", "--endpoint-url", runner.emulator.endpoint_url, "--aws", "none")
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "echo.json").write_text(json.dumps({"value": {"id": 7}}))
    (cases / "double.json").write_text(json.dumps({"action": "double", "value": {"total": 3}}))
    proc = golden("--node", NODE, *remote, "--cases", str(cases), "--runs", "1", "-f", "json")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("{"), (proc.stdout[:800], proc.stderr[-800:])
    report = json.loads(proc.stdout)
    assert {c["id"]: c["verdict"] for c in report["cases"]} == {"double.json": "fail", "echo.json": "pass"}
    assert_valid_report(report)  # a divergence, a deployed side: still the documented schema

    generated = ("--from-spec", SPEC, "--operation", "putPet", "--count", "3", "--seed", "1")
    proc = golden("--node", NODE, *remote, *generated, "--runs", "0", "-f", "json", "--latency", "report")
    assert proc.returncode == 0, proc.stderr  # neither handler reads API Gateway events: both answer null
    report = json.loads(proc.stdout)
    assert [c["id"] for c in report["cases"]] == ["putPet-0001.json", "putPet-0002.json", "putPet-0003.json"]
    assert_valid_report(report)


def test_bad_mode_arguments_exit_2_with_one_line() -> None:
    proc = golden("--node", NODE, "--go", "x", "--from-spec", SPEC, "--operation", "putPett", "--runs", "0")
    assert proc.returncode == 2 and "did you mean putPet" in proc.stderr and "Traceback" not in proc.stderr
    proc = golden("--node", NODE, "--node-lambda", "orders", "--go", "x", "--cases", SPEC)
    assert proc.returncode == 2 and "name the Node side once" in proc.stderr
    proc = golden("--node", NODE, "--go", "x")
    assert proc.returncode == 2 and "--cases PATH, or --from-spec" in proc.stderr
