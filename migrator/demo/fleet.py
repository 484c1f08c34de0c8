"""The demo's first two stages: scan the fleet, then stub every function it found.

Both go through the commands' own code (`migrator.scan.engine.scan`, `migrator.stub.run.write_modules`)
with their progress bars; stub reuses the scan's functions instead of scanning again. What they find
in the fleet (blockers, unreadable files, partial modules) is reported as facts: like `migrate scan`,
which exits 0 with them, these stages pass when they did their job on every function.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.demo.report import StageResult
from migrator.progress import progress_bar
from migrator.report.output import emit
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.model import ScanReport
from migrator.stub.run import StubRequest, write_modules


def scan_stage(
    fleet: Path, out: Path, jobs: int | None, progress: bool, stderr: Console
) -> tuple[StageResult, ScanReport]:
    """Scan `fleet` and write its JSON report to out/scan.json."""
    with progress_bar(stderr, enabled=progress, min_total=1) as advance:
        report = scan(fleet, ScanOptions(jobs=jobs, progress=advance))
    emit(report, "json", out / "scan.json", stderr)
    functions = report.functions
    blockers = sum(len(f.blockers) for f in functions)
    readiness = round(sum(f.readiness for f in functions) / len(functions)) if functions else 0
    facts = {
        "functions": len(functions),
        "mean_readiness": readiness,
        "blockers": blockers,
        "unreadable": len(report.errors),
        "skipped": len(report.skipped),
        "report": "scan.json",
    }
    did = (
        f"{len(functions)} functions, mean readiness {readiness}, {blockers} blockers, "
        f"{len(report.errors)} unreadable file(s), {len(report.skipped)} skipped (not Node.js) → scan.json"
    )
    return StageResult("scan", did, 0.0, "ok", ExitCode.OK, facts), report


def stub_stage(
    report: ScanReport, fleet: Path, out: Path, jobs: int | None, progress: bool, stderr: Console
) -> StageResult:
    """One Go module per scanned function under out/stub (all written or none)."""
    request = StubRequest(path=fleet, out=out / "stub", jobs=jobs)
    with progress_bar(stderr, enabled=progress, label="stubbing", min_total=1) as advance:
        written, partial = write_modules(report.functions, fleet, request, advance)
    facts = {"modules": len(written), "partial": list(partial), "folder": "stub"}
    did = f"{len(written)} Go modules → stub/"
    if partial:
        did += f"; {len(partial)} partial ({'; '.join(p.removeprefix('partial: ') for p in partial)})"
    ok = len(written) == len(report.functions)
    verdict, code = ("ok", ExitCode.OK) if ok else ("findings", ExitCode.FINDINGS)
    return StageResult("stub", did, 0.0, verdict, code, facts)
