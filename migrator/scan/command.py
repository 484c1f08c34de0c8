"""`migrate scan PATH`: scan a fleet, write its report, and exit 1 when a function is below the bar.

Exit codes: 0 scanned (every function at or above `--fail-under`), 1 a function's readiness is
below `--fail-under` (named on stderr), 2 could not run (raised as `MigrateError`, printed by the
CLI). Unreadable files are findings of the report, not failures of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from codegen.exitcode import ExitCode

#: How many functions below the bar the stderr line names before "and N more".
_NAMED = 5


@dataclass(frozen=True)
class ScanRequest:
    """What the command line asked for."""

    path: Path
    """The folder holding the functions (configs, handlers)."""
    format: str = "table"
    """--format: a name of `migrator.report.formats.SCAN_FORMATS`."""
    output: Path | None = None
    """--output: write the report to this file (atomically) instead of stdout."""
    fail_under: int | None = None
    """--fail-under: exit 1 when a function's readiness is below it."""
    jobs: int | None = None
    """--jobs: worker processes (None: all cores)."""
    progress: bool = True
    """--progress: a bar on stderr, when it is a terminal."""


def run(request: ScanRequest, console: Console, err: Console | None = None) -> ExitCode:
    """Scan, write the report on `console` (stdout) or to the output file, check the bar on `err`."""
    from codegen.interrupts import terminate_cleanly
    from migrator.progress import progress_bar
    from migrator.report.output import emit
    from migrator.scan.engine import ScanOptions, scan

    stderr = err or Console(stderr=True)
    # SIGTERM/SIGHUP (a CI cancel, `kill`) stop it as Ctrl-C does: workers killed, no file half-written.
    with terminate_cleanly():
        with progress_bar(stderr, enabled=request.progress) as advance:
            report = scan(request.path, ScanOptions(jobs=request.jobs, progress=advance))
        emit(report, request.format, request.output, console)
    if request.fail_under is None:
        return ExitCode.OK
    below = [fn for fn in report.functions if fn.readiness < request.fail_under]
    if not below:
        return ExitCode.OK
    names = ", ".join(f"{fn.name} ({fn.readiness})" for fn in below[:_NAMED])
    more = f" and {len(below) - _NAMED} more" if len(below) > _NAMED else ""
    stderr.print(f"readiness below {request.fail_under}: {names}{more}", markup=False, highlight=False)
    return ExitCode.FINDINGS
