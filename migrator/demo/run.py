"""`run(request, console) -> ExitCode`: the four stages in order, then the summary on `console`.

Exit code: the worst stage's — 0 every stage did its job (golden passed, the canary promoted),
1 a stage found something (a golden divergence, a rollback), 2 a stage could not run (and the
stages that needed it were skipped).
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.demo.canary_stage import canary_stage
from migrator.demo.fleet import scan_stage, stub_stage
from migrator.demo.formats import DEMO_FORMATS
from migrator.demo.golden_stage import golden_stage
from migrator.demo.plan import DemoError, DemoPlan, find_examples, load_plan
from migrator.demo.prepare import preparing
from migrator.demo.report import STAGE_ERRORS, DemoReport, StageResult, cannot_run, skipped
from migrator.demo.request import DemoRequest
from migrator.scan.model import ScanReport

STAGE_COUNT = 4


def run(request: DemoRequest, console: Console, stderr: Console | None = None) -> ExitCode:
    """Run the demo as `request` asks; the summary goes to `console`, progress and messages to stderr."""
    stderr = stderr or Console(stderr=True)
    try:
        renderer = DEMO_FORMATS.get(request.output_format)
        plan = load_plan(find_examples(request.examples))
    except (DemoError, ValueError) as exc:
        stderr.print(f"migrate: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        return ExitCode.CANNOT_RUN
    out, temporary = _out_folder(request.out)
    try:
        stages = _stages(plan, out, request, stderr)
    finally:
        if temporary and not request.keep:
            shutil.rmtree(out, ignore_errors=True)
    report = DemoReport(stages, str(out), kept=not temporary or request.keep)
    console.out(renderer.render(report), end="", highlight=False)
    return report.exit_code


def _out_folder(given: Path | None) -> tuple[Path, bool]:
    """The output folder, and whether it is a temporary one."""
    if given is None:
        return Path(tempfile.mkdtemp(prefix="migrate-demo-")), True
    try:
        given.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DemoError(f"--out {given}: cannot create it ({exc.strerror or exc})") from None
    return given.resolve(), False


def _stages(plan: DemoPlan, out: Path, request: DemoRequest, stderr: Console) -> tuple[StageResult, ...]:
    scanned: list[ScanReport] = []

    def scan() -> StageResult:
        result, report = scan_stage(plan.fleet, out, request.jobs, request.progress, stderr)
        scanned.append(report)
        return result

    results = [_timed(1, "scan", f"scanning {plan.fleet}", scan, stderr)]
    if scanned:
        stub = partial(stub_stage, scanned[0], plan.fleet, out, request.jobs, request.progress, stderr)
        results.append(_timed(2, "stub", f"one Go module per function → {out / 'stub'}", stub, stderr))
    else:
        results.append(skipped("stub", "nothing scanned to stub"))
    ports = ", ".join(p.name for p in plan.ports)
    # Started after stub's worker processes are gone (they fork), finished while golden waits on it.
    with preparing(plan.ports, out / "node") as prepared:
        golden = partial(golden_stage, plan, prepared, out, request.progress, stderr)
        results.append(_timed(3, "golden", f"Go ports vs Node originals: {ports}", golden, stderr))
    if results[-1].exit_code is ExitCode.CANNOT_RUN:
        results.append(skipped("canary", "no golden report to gate the rollout"))
    else:
        rollout = plan.canary
        canary = partial(canary_stage, rollout, out, request.progress, stderr)
        what = f"{rollout.function}:{rollout.alias} → version {rollout.to_version} on a local moto server"
        results.append(_timed(4, "canary", what, canary, stderr))
    return tuple(results)


def _timed(
    number: int, stage: str, what: str, work: Callable[[], StageResult], stderr: Console
) -> StageResult:
    """Run one stage under its header line; our errors make it `could not run`, not a traceback."""
    stderr.print(f"[{number}/{STAGE_COUNT}] {stage}: {what}", markup=False, highlight=False, soft_wrap=True)
    start = time.monotonic()
    try:
        result = work()
    except STAGE_ERRORS as exc:
        result = cannot_run(stage, exc)
        stderr.print(f"migrate: error: {stage}: {result.did}", markup=False, highlight=False, soft_wrap=True)
    return dataclasses.replace(result, seconds=time.monotonic() - start)
