"""`migrate demo`, the README's command 1, end to end as a process: real scan, stub, node, go, moto.

Every stage's result is checked against the outputs it wrote (scan.json, the stub modules, golden's
JSON reports, the canary record) and against the alias read back from moto by the stage itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.exitcode import ExitCode
from migrator.demo.formats import DEMO_FORMATS
from migrator.demo.report import DemoReport, StageResult
from tests.conftest import REPO

pytestmark = pytest.mark.slow

PORTS = REPO / "examples" / "ports"
FLEET_FUNCTIONS = 39
"""examples/fleet/FACTS.md, the fleet's hand-written oracle: 39 functions in 10 projects."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """One `migrate demo --out DIR --format json` run: its JSON summary and DIR."""
    out = tmp_path_factory.mktemp("demo") / "out"
    argv = [sys.executable, "-m", "migrator", "demo", "--out", str(out), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == ExitCode.OK, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout), out


def stage(summary: dict[str, Any], name: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in summary["stages"] if s["stage"] == name]
    assert len(found) == 1 and found[0]["exit_code"] == 0, found
    return found[0]


def test_scan_stage_reports_the_fleet(demo: tuple[dict[str, Any], Path]) -> None:
    summary, out = demo
    facts = stage(summary, "scan")["facts"]
    report = json.loads((out / "scan.json").read_text(encoding="utf-8"))
    assert facts["functions"] == len(report["functions"]) == FLEET_FUNCTIONS
    assert facts["unreadable"] == len(report["errors"]) == 1  # broken-parser, planted
    assert facts["skipped"] == len(report["skipped"]) == 1  # the Python function
    assert facts["blockers"] == sum(len(f["blockers"]) for f in report["functions"])


def test_stub_stage_writes_one_module_per_function(demo: tuple[dict[str, Any], Path]) -> None:
    summary, out = demo
    facts = stage(summary, "stub")["facts"]
    modules = [d for d in (out / "stub").iterdir() if (d / "go.mod").is_file() and (d / "port.go").is_file()]
    assert facts["modules"] == len(modules) == FLEET_FUNCTIONS
    [partial] = facts["partial"]  # the planted syntax error: its module is written, marked partial
    assert partial.startswith("partial: broken-parser: broken-parser/index.js:43 does not parse")


def test_golden_stage_passes_every_case_of_the_three_ports(demo: tuple[dict[str, Any], Path]) -> None:
    summary, out = demo
    found = stage(summary, "golden")
    assert found["verdict"] == "pass"
    ports = sorted(d.name for d in PORTS.iterdir() if (d / "cases").is_dir())
    assert sorted(found["facts"]["ports"]) == ports == ["adjustStock", "getItem", "listItems"]
    for name, facts in found["facts"]["ports"].items():
        cases = sorted(p.name for p in (PORTS / name / "cases").glob("*.json"))
        report = json.loads((out / facts["report"]).read_text(encoding="utf-8"))
        assert report["verdict"] == facts["verdict"] == "pass", name
        assert facts["cases"] == facts["passed"] == len(cases), name
        assert sorted(facts["case_verdicts"]) == cases
        assert set(facts["case_verdicts"].values()) == {"pass"}
        assert all(case["node"]["kind"] == case["go"]["kind"] for case in report["cases"])


def test_canary_stage_promotes_the_go_version(demo: tuple[dict[str, Any], Path]) -> None:
    summary, out = demo
    found = stage(summary, "canary")
    record = json.loads((out / "canary.json").read_text(encoding="utf-8"))
    assert found["verdict"] == found["facts"]["status"] == record["status"] == "promoted"
    assert found["facts"]["steps"] == ["10%", "50%", "100%"]
    # read back from moto's alias: version 2 serves everything, no weighted routing left
    assert found["facts"]["alias_version"] == "2"
    assert found["facts"]["alias_weights"] == {}
    assert [c["percent"] for c in record["checks"]] == [10, 50]
    assert summary["exit_code"] == 0 and summary["kept"] is True and Path(summary["out"]) == out


def test_every_registered_format_renders_the_real_summary(demo: tuple[dict[str, Any], Path]) -> None:
    summary, _ = demo
    stages = tuple(
        StageResult(s["stage"], s["did"], s["seconds"], s["verdict"], ExitCode(s["exit_code"]), s["facts"])
        for s in summary["stages"]
    )
    report = DemoReport(stages, summary["out"], summary["kept"])
    assert json.loads(DEMO_FORMATS.get("json").render(report))["stages"] == summary["stages"]
    table = DEMO_FORMATS.get("table").render(report)
    lines = table.splitlines()
    for s in stages:
        assert any(line.startswith(f"│ {s.stage} ") and f" {s.verdict} " in line for line in lines), table
    assert lines[-1].endswith("exit 0")
    assert set(DEMO_FORMATS.names()) == {"table", "json"}


def test_a_port_that_does_not_build_stops_golden_and_skips_the_canary(tmp_path: Path) -> None:
    examples = tmp_path / "examples"
    shutil.copytree(REPO / "examples", examples, ignore=shutil.ignore_patterns("node_modules"))
    with (examples / "ports" / "getItem" / "main.go").open("a") as main:
        main.write("\nfunc broken() { undefinedName() }\n")
    argv = [sys.executable, "-m", "migrator", "demo", "--examples", str(examples), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == ExitCode.CANNOT_RUN, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    verdicts = {s["stage"]: (s["verdict"], s["exit_code"]) for s in summary["stages"]}
    assert verdicts == {
        "scan": ("ok", 0),
        "stub": ("ok", 0),
        "golden": ("could not run", 2),
        "canary": ("skipped", 2),
    }
    [golden] = [s for s in summary["stages"] if s["stage"] == "golden"]
    assert " build` failed in " in golden["did"] and "undefined: undefinedName" in golden["did"]
    assert f"migrate: error: golden: {golden['did']}" in done.stderr.splitlines()
    assert summary["kept"] is False and not Path(summary["out"]).exists()  # the temporary folder is gone
