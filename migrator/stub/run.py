"""`migrate stub` from request to exit code: load the functions, plan, render, then write or check.

`run(request, console)` is the command (a progress bar and messages on stderr, --check's diffs on
`console`); `run_stub` is the same work with its streams given. Exit codes: 0 every module written
(or, with --check, no drift); 1 some modules are partial (each with a one-line reason) or --check
found drift; 2 could not run (raised as our own errors).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rich.console import Console

from codegen.exitcode import ExitCode
from codegen.interrupts import terminate_cleanly
from codegen.output.drift import check_targets
from codegen.output.write import Target, WriteError, Written, commit_staged, stage_targets
from migrator.progress import progress_bar
from migrator.scan.model import Function
from migrator.stub.fleet import write_fleet
from migrator.stub.kept import missing_methods
from migrator.stub.modules import Progress, make_targets, select
from migrator.stub.naming import unique_folders
from migrator.stub.source import load_fleet, load_functions
from migrator.stub.spec import SpecApi, load_spec_api

__all__ = ["Progress", "StubRequest", "build_targets", "run", "run_stub", "targets_for", "write_modules"]


@dataclass(frozen=True)
class StubRequest:
    """What the command line asked for."""

    path: Path  #: functions folder or scan JSON report
    out: Path  #: output folder: one module per function under it
    functions: tuple[str, ...] = ()  #: only these (scan names); empty = all
    architecture: str | None = None  #: --arch, overriding each function's
    check: bool = False  #: compare with the disk instead of writing
    jobs: int | None = None  #: worker processes (scan and write); None = every core
    templates: Path | None = None  #: a folder of templates overriding ours
    progress: bool = True  #: a progress bar on stderr (when it is a terminal)
    spec: Path | None = None  #: --spec: an OpenAPI spec typing the API functions' requests and responses


def build_targets(request: StubRequest, progress: Progress | None = None) -> tuple[list[Target], list[str]]:
    """The module of every selected function as a write target, and one line per partial module."""
    spec = load_spec_api(request.spec) if request.spec is not None else None
    functions, root = load_functions(request.path, request.jobs, progress)
    return targets_for(functions, root, request, progress, spec=spec)


def _items(functions: tuple[Function, ...], request: StubRequest) -> list[tuple[Function, str]]:
    folders = unique_folders(f.name for f in functions)  # over all functions: stable under --function
    return [(functions[i], folders[i]) for i in select(functions, request.functions)]


def targets_for(
    functions: tuple[Function, ...],
    root: Path,
    request: StubRequest,
    progress: Progress | None = None,
    *,
    spec: SpecApi | None = None,
) -> tuple[list[Target], list[str]]:
    """The targets of `functions` (their source files under `root`), selected by the request."""
    items = _items(functions, request)
    out, architecture, templates = request.out, request.architecture, request.templates
    return make_targets(items, root, out, architecture, templates, progress, spec=spec)


def _check_distinct(targets: list[Target]) -> None:
    """Two module folders that are one folder on disk (a link to a sibling) are refused."""
    seen: set[Path] = set()
    for target in targets:
        try:
            real = target.root.resolve()
        except (OSError, RuntimeError) as exc:
            raise WriteError(f"cannot resolve {target.root}: {exc}; fix or remove the link") from exc
        if real in seen:
            raise WriteError(f"two modules share the folder {real}: remove the link {target.root}")
        seen.add(real)


def write_modules(
    functions: tuple[Function, ...],
    root: Path,
    request: StubRequest,
    progress: Progress | None = None,
    *,
    spec: SpecApi | None = None,
) -> tuple[tuple[Written, ...], list[str]]:
    """Write the selected functions' modules (all cores on a large fleet), all or none. With
    `spec`, in this process (the spec's modules are an API's functions, a handful)."""
    if spec is not None:
        targets, partial = targets_for(functions, root, request, progress, spec=spec)
        _check_distinct(targets)
        return commit_staged(stage_targets(targets)), partial
    options = (request.architecture, request.templates, request.jobs)
    return write_fleet(_items(functions, request), root, request.out, options, progress)


def run(request: StubRequest, console: Console, *, stderr: Console | None = None) -> ExitCode:
    """The command: write (or check) every module; --check's diffs go to `console` (stdout) as they
    are, the progress bar and every message to `stderr`."""
    stderr = stderr or Console(stderr=True)
    # SIGTERM/SIGHUP (a CI cancel, `kill`) stop it as Ctrl-C does: no staged module is left behind.
    with terminate_cleanly(), progress_bar(stderr, enabled=request.progress, label="stubbing") as advance:
        return run_stub(request, stderr, advance, console.file)


def run_stub(
    request: StubRequest, console: Console, progress: Progress | None = None, stdout: IO[str] | None = None
) -> ExitCode:
    """Write (or check) every module; messages go to `console` (stderr), --check's diffs to `stdout`.
    Returns the exit code."""
    spec = load_spec_api(request.spec) if request.spec is not None else None  # before anything else
    for warning in spec.warnings if spec is not None else ():
        console.print(warning, markup=False, highlight=False, soft_wrap=True)
    fleet = load_fleet(request.path, request.jobs, progress)
    functions, root = fleet.functions, fleet.root
    if request.check:
        targets, partial = targets_for(functions, root, request, progress, spec=spec)
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
        return ExitCode.FINDINGS if drifts else ExitCode.OK
    written, partial = write_modules(functions, root, request, progress, spec=spec)
    kept = sum(len(w.kept) for w in written)
    note = f" (kept {kept} user-owned port.go)" if kept else ""
    noun = "module" if len(written) == 1 else "modules"
    console.print(f"wrote {len(written)} {noun} to {request.out}{note}", markup=False, highlight=False)
    # Without --function the whole fleet was asked for: a file the scan could not read may hold a
    # function nobody will get a module for, so it is named, never dropped in silence.
    unread = () if request.functions else fleet.unread()
    for line in (*partial, *unread, *missing_methods(written)):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    return ExitCode.FINDINGS if partial or unread else ExitCode.OK
