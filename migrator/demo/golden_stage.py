"""The demo's golden stage: each hand-written Go port against its unmodified Node original.

The Go ports were built in the background (`migrator.demo.prepare`) with golden's own builder, into
golden's build cache, where the runs find them: an unchanged port is never rebuilt, in this demo or
any later golden run. Each port then runs through golden's command (`golden.command.run` with a
`GoldenRequest`), in this process and with its progress bar, as `migrate golden --node N --go G
--cases C --env-file E --runs 1 --timeout 15 --latency report --format json --output
golden/<name>.json` would. The JSON report is read back for the verdicts, and gates the canary stage.
"""

from __future__ import annotations

import json
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.demo.plan import DemoError, DemoPlan, GoldenPort
from migrator.demo.prepare import Prepared
from migrator.demo.report import StageResult


def golden_stage(
    plan: DemoPlan, prepared: Prepared, out: Path, progress: bool, stderr: Console
) -> StageResult:
    """Golden every port; out/golden/<name>.json holds each report."""
    waited = time.monotonic()
    with _waiting(stderr, progress, "building the Go ports, installing the Node project's npm packages"):
        build_s = prepared.builds.result()
        node_files, npm_s = prepared.node_files.result()
    waited = time.monotonic() - waited
    ports: dict[str, Any] = {}
    for port in plan.ports:
        stderr.print(f"  golden {port.name}: {port.node.name} (Node) vs {port.go.name} (Go)", highlight=False)
        report_path = out / "golden" / f"{port.name}.json"
        report_path.parent.mkdir(parents=True, exist_ok=True)
        _run_golden(port, node_files[port.name], report_path, plan, stderr)
        ports[port.name] = _port_facts(report_path, out)
    facts = {"ports": ports, "build_seconds": round(build_s, 2), "npm_seconds": round(npm_s, 2)}
    facts["waited_seconds"] = round(waited, 2)
    did = ", ".join(f"{name} {port['passed']}/{port['cases']}" for name, port in ports.items())
    did += " cases pass (Node original vs Go port) → golden/"
    if any(port["verdict"] != "pass" for port in ports.values()):
        return StageResult("golden", did, 0.0, "findings", ExitCode.FINDINGS, facts)
    return StageResult("golden", did, 0.0, "pass", ExitCode.OK, facts)


def _waiting(stderr: Console, progress: bool, what: str) -> AbstractContextManager[object]:
    """A spinner while the background preparation finishes (terminal and --progress only)."""
    if progress and stderr.is_terminal:
        return stderr.status(what)
    return nullcontext()


def _run_golden(port: GoldenPort, node: Path, report: Path, plan: DemoPlan, stderr: Console) -> None:
    from golden.command import GoldenRequest, RequestError, run
    from migrator.cli.golden import HOST

    try:
        request = GoldenRequest(
            node=str(node),
            go=port.go,
            cases=port.cases,
            env_file=port.env_file,
            runs=plan.runs,
            timeout=plan.timeout_s,
            latency="report",
            output_format="json",
            output=report,
        )
    except RequestError as exc:
        raise DemoError(f"golden {port.name}: {exc}") from None
    code = run(request, stderr, HOST)
    if code not in (ExitCode.OK, ExitCode.FINDINGS) or not report.is_file():
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
