"""`migrate stub` from request to exit code: load the functions, plan, render, then write or check.

Exit codes: 0 every module written (or, with --check, no drift); 1 some modules are partial (each
with a one-line reason) or --check found drift; 2 could not run (raised as our own errors).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rich.console import Console

from codegen.drift import check_targets
from codegen.paths import inside
from codegen.write import Target, write_targets
from migrator.scan.model import Function
from migrator.stub.naming import unique_folders
from migrator.stub.plan import PlanOptions, plan_module
from migrator.stub.render import environment, render_module
from migrator.stub.source import StubInputError, load_functions, reports_failures
from migrator.stub.tables import load_tables

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class StubRequest:
    """What the command line asked for."""

    path: Path  #: functions folder or scan JSON report
    out: Path  #: output folder: one module per function under it
    functions: tuple[str, ...] = ()  #: only these (scan names); empty = all
    architecture: str | None = None  #: --arch, overriding each function's
    check: bool = False  #: compare with the disk instead of writing
    jobs: int | None = None
    templates: Path | None = None  #: a folder of templates overriding ours


def _select(functions: tuple[Function, ...], names: tuple[str, ...]) -> list[int]:
    if not names:
        return list(range(len(functions)))
    known = {f.name for f in functions}
    unknown = [n for n in names if n not in known]
    if unknown:
        have = ", ".join(sorted(known)[:10]) + (", ..." if len(known) > 10 else "")
        raise StubInputError(f"no function named {', '.join(unknown)}; the scan has: {have}")
    return [i for i, f in enumerate(functions) if f.name in names]


def build_targets(request: StubRequest, progress: Progress | None = None) -> tuple[list[Target], list[str]]:
    """The module of every selected function as a write target, and one line per partial module."""
    functions, root = load_functions(request.path, request.jobs, progress)
    return targets_for(functions, root, request, progress)


def targets_for(
    functions: tuple[Function, ...], root: Path, request: StubRequest, progress: Progress | None = None
) -> tuple[list[Target], list[str]]:
    """The targets of `functions` (their source files under `root`), selected by the request."""
    folders = unique_folders(f.name for f in functions)  # over all functions: stable under --function
    tables = load_tables()
    env = environment(request.templates)
    targets: list[Target] = []
    partial: list[str] = []
    chosen = _select(functions, request.functions)
    for done, index in enumerate(chosen, 1):
        function, folder = functions[index], folders[index]
        options = PlanOptions(request.architecture, reports_failures(root, function))
        plan = plan_module(function, folder, tables, options)
        inside(request.out, folder)  # a name can never lead out of the output folder
        targets.append(Target(folder, request.out / folder, render_module(plan, tables, env)))
        partial += [f"partial: {function.name}: {reason}" for reason in plan.partial_reasons]
        if progress is not None:
            progress(done, len(chosen))
    return targets, partial


def run_stub(
    request: StubRequest, console: Console, progress: Progress | None = None, stdout: TextIO | None = None
) -> int:
    """Write (or check) every module; messages go to `console` (stderr), --check's diffs to `stdout`.
    Returns the exit code."""
    targets, partial = build_targets(request, progress)
    if request.check:
        drifts = check_targets(targets)
        for drift in drifts:
            (stdout or sys.stdout).write(drift.diff)
        for drift in drifts:
            console.print(
                f"drift: {drift.path} ({drift.kind})", markup=False, highlight=False, soft_wrap=True
            )
        if drifts:
            console.print(
                f"{len(drifts)} generated file(s) drifted: rerun without --check to rewrite them",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        return 1 if drifts else 0
    written = write_targets(targets)
    kept = sum(len(w.kept) for w in written)
    note = f" (kept {kept} user-owned port.go)" if kept else ""
    noun = "module" if len(written) == 1 else "modules"
    console.print(f"wrote {len(written)} {noun} to {request.out}{note}", markup=False, highlight=False)
    for line in partial:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    return 1 if partial else 0
