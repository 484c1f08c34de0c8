"""The demo's golden stage: each hand-written Go port against its unmodified Node original.

The Go ports are built first with golden's own builder (`golden.runners.gobuild`), so the build is
visible as a step and lands in golden's build cache, where the runs find it: an unchanged port is
never rebuilt, in this demo or any later golden run. Each port then runs through `migrate golden`'s
command (in this process, with its progress bar), exactly as
`migrate golden --node N --go G --cases C --env-file E --runs 1 --timeout 15 --latency report
--format json --output golden/<name>.json` — the command line is golden's stable contract; its JSON
report is read back for the verdicts (and gates the canary stage).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import typer
from rich.console import Console

from codegen.exitcode import ExitCode
from golden.runners.gobuild import build_go_handler
from migrator.demo.node_deps import installed_copy, project_of
from migrator.demo.plan import DemoError, DemoPlan, GoldenPort
from migrator.demo.report import StageResult
from migrator.progress import progress_bar


def golden_stage(plan: DemoPlan, out: Path, progress: bool, stderr: Console) -> StageResult:
    """Golden every port; out/golden/<name>.json holds each report."""
    _build_ports(plan.ports, progress, stderr)
    facts: dict[str, Any] = {}
    for port in plan.ports:
        stderr.print(f"  golden {port.name}: {port.node.name} (Node) vs {port.go.name} (Go)", highlight=False)
        node = _node_file(port, out / "node")
        report_path = out / "golden" / f"{port.name}.json"
        report_path.parent.mkdir(parents=True, exist_ok=True)
        _run_golden(port, node, report_path, plan)
        facts[port.name] = _port_facts(report_path, out)
    failing = [name for name, port in facts.items() if port["verdict"] != "pass"]
    did = ", ".join(f"{name} {port['passed']}/{port['cases']}" for name, port in facts.items())
    did += " cases pass (Node original vs Go port) → golden/"
    if failing:
        return StageResult("golden", did, 0.0, "findings", ExitCode.FINDINGS, facts)
    return StageResult("golden", did, 0.0, "pass", ExitCode.OK, facts)


def _build_ports(ports: tuple[GoldenPort, ...], progress: bool, stderr: Console) -> None:
    """`go build` each port into golden's cache (a cache hit costs one `go env`)."""
    with progress_bar(stderr, enabled=progress, label="building Go ports", min_total=1) as advance:
        for done, port in enumerate(ports):
            if advance is not None:
                advance(done, len(ports))
            build_go_handler(port.go)
        if advance is not None:
            advance(len(ports), len(ports))


def _node_file(port: GoldenPort, work: Path) -> Path:
    """The Node handler inside a copy of its project that has its npm dependencies."""
    project = project_of(port.node)
    copy = installed_copy(project, work)
    return copy / port.node.relative_to(project)


def _run_golden(port: GoldenPort, node: Path, report: Path, plan: DemoPlan) -> None:
    from migrator.cli.golden import golden_app

    args = ["--node", str(node), "--go", str(port.go), "--cases", str(port.cases)]
    args += ["--runs", str(plan.runs), "--timeout", str(plan.timeout_s), "--latency", "report"]
    args += ["--format", "json", "--output", str(report)]
    if port.env_file is not None:
        args += ["--env-file", str(port.env_file)]
    command = typer.main.get_command(golden_app)
    try:
        code = command.main(args, prog_name="migrate golden", standalone_mode=False)
    except click.ClickException as exc:
        raise DemoError(f"golden {port.name}: {exc.format_message()}") from None
    if code not in (None, ExitCode.OK, ExitCode.FINDINGS) or not report.is_file():
        raise DemoError(f"golden {port.name}: exited {code} without a report")


def _port_facts(report_path: Path, out: Path) -> dict[str, Any]:
    report = json.loads(report_path.read_text(encoding="utf-8"))
    summary = report["summary"]
    return {
        "cases": summary["total"],
        "passed": summary["passed"],
        "verdict": report["verdict"],
        "case_verdicts": {case["id"]: case["verdict"] for case in report["cases"]},
        "report": report_path.relative_to(out).as_posix(),
    }
