"""`migrate codegen SPEC`: one OpenAPI spec → Go, TypeScript and Python, or a drift check of them.

Exit codes: 0 written (or, with --check, in sync), 1 --check found drift (diffs on stdout), 2 could
not run (a spec error, a warning under --strict, a bad option, an unwritable folder); then nothing
is written. A target that cannot be generated (`--python` on a spec without schemas) is reported
and exits 2, but the other targets are still written (or checked: exit 2 even beside drift), unless
--strict.
Diagnostics print located, one per line, on stderr.

A Go target folder's module and import path come from the go.mod at or above it
(`codegen.emit.go.options`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.live import Live
from rich.spinner import Spinner

from codegen.emit.interface import Emitter, GoOptions
from codegen.errors import CodegenError, Diagnostic, Level, SpecError, count
from codegen.exitcode import ExitCode
from codegen.output.drift import Drift, check_targets
from codegen.output.write import Target, Written, write_targets
from codegen.text import printable

if TYPE_CHECKING:
    from codegen.pipeline import Emitted, Prepared

TARGETS = ("go", "ts", "python")


@dataclass(frozen=True)
class CodegenRequest:
    """What the command line asked for."""

    spec: Path
    """The root spec file."""
    folders: dict[str, Path]
    """Target name (`go`, `ts`, `python`) → its folder; at least one."""
    go_module: str | None = None
    """--go-module: the module path of a go.mod to write."""
    go_package: str = "api"
    """--go-package: the generated Go package's name."""
    check: bool = False
    """--check: compare with disk instead of writing."""
    strict: bool = False
    """--strict: warnings are fatal."""
    verbose: bool = False
    """--verbose: every notice and the stage timings."""
    allow_ref_outside: bool = False
    """--allow-ref-outside: `$ref`s may read files outside the spec's folder."""


def _line(console: Console, text: str) -> None:
    """One plain line, written straight to the console's file: no markup, no wrapping, and fast
    (rich's rendering costs ~1 ms a line, seconds for the thousands of notices of a large spec)."""
    console.file.write(printable(text) + "\n")


def _print_diagnostics(err: Console, diagnostics: tuple[Diagnostic, ...], verbose: bool) -> None:
    notices = 0
    for diagnostic in diagnostics:
        if diagnostic.level is Level.NOTICE:
            notices += 1
            if notices > 1 and not verbose:
                continue
        _line(err, diagnostic.render())
    if notices > 1 and not verbose:
        _line(err, f"({notices - 1} more notice(s) of rewritten keywords: --verbose lists them)")


@contextmanager
def _status(err: Console) -> Iterator[Callable[[str], None]]:
    """A spinner naming the running stage, on stderr when it is a terminal; else silent.

    It is redrawn only when a stage starts, never from a refresh thread: the pipeline forks
    children, and a fork while another thread holds the console's lock can deadlock the child."""
    if not err.is_terminal:
        yield lambda _stage: None
        return
    spinner = Spinner("dots", text="codegen: load")
    with Live(spinner, console=err, auto_refresh=False, transient=True) as live:
        live.refresh()

        def on_stage(stage: str) -> None:
            spinner.update(text=f"codegen: {stage}")
            live.refresh()

        yield on_stage


def _summary(written: Written) -> str:
    line = f"{written.target}: wrote {len(written.written)} file(s) to {written.root}"
    if written.kept:
        line += f"; kept {len(written.kept)} user-owned: {', '.join(written.kept)}"
    if written.removed:
        line += f"; removed {len(written.removed)} no longer generated: {', '.join(written.removed)}"
    return line


def _drift_summary(drift: tuple[Drift, ...]) -> str:
    kinds = {k: sum(1 for d in drift if d.kind == k) for k in ("changed", "missing", "stray")}
    parts = ", ".join(f"{n} {k}" for k, n in kinds.items() if n)
    return (
        f"drift: {len(drift)} generated file(s) differ from disk ({parts}); "
        "run the same command without --check to regenerate them"
    )


def run(
    request: CodegenRequest,
    console: Console,
    err: Console | None = None,
    emitters: Callable[[str], Emitter] | None = None,
) -> ExitCode:
    """Run the command: summaries and diffs on `console` (stdout), diagnostics on `err` (default
    stderr). Returns the exit code; every failure is printed, none raised.

    `emitters` makes the emitter of a target (default: the real ones, `pipeline.load_emitter`).
    """
    out, err = console, err or Console(stderr=True)
    try:
        return _run(request, out, err, emitters)
    except SpecError as exc:
        for diagnostic in exc.diagnostics:
            _line(err, diagnostic.render())
        errors, warns = count(exc.diagnostics, Level.ERROR), count(exc.diagnostics, Level.WARNING)
        why = f"{errors} error(s)" if errors else f"{warns} warning(s) under --strict"
        _line(err, f"migrate: error: {request.spec}: {why}; nothing written")
    except CodegenError as exc:
        _line(err, f"migrate: error: {exc}")
    return ExitCode.CANNOT_RUN


def _run(
    request: CodegenRequest, out: Console, err: Console, emitters: Callable[[str], Emitter] | None
) -> ExitCode:
    from codegen import pipeline  # here, not at the top: its imports cost every other command ~0.3 s

    make = emitters or pipeline.load_emitter
    began = time.perf_counter()
    if not request.folders:
        raise CodegenError("name at least one target: --go DIR, --ts DIR and/or --python DIR")
    go = GoOptions()
    if "go" in request.folders:
        from codegen.emit.go.options import go_options

        go = go_options(request.folders["go"], request.go_module, request.go_package)
    elif request.go_module is not None:
        raise CodegenError("--go-module applies to the Go target only: add --go DIR or drop it")
    chosen = [make(name) for name in TARGETS if name in request.folders]
    with _status(err) as on_stage:
        generated = pipeline.generate(
            request.spec,
            chosen,
            go,
            strict=request.strict,
            on_stage=on_stage,
            allow_ref_outside=request.allow_ref_outside,
        )
        prepared, emitted = generated.prepared, generated.emitted
        targets = [Target(e.target, request.folders[e.target], e.files) for e in emitted if e.error is None]
        last = "check" if request.check else "write"
        on_stage(last)
        start = time.perf_counter()
        result: tuple[Drift, ...] | tuple[Written, ...]
        result = check_targets(targets) if request.check else write_targets(targets)
        seconds = time.perf_counter() - start
    _print_diagnostics(err, prepared.diagnostics, request.verbose)
    failed = [e for e in emitted if e.error is not None]
    for target in failed:
        _line(err, f"migrate: error: the {target.target} target was not generated: {target.error}")
    if request.verbose:
        total = time.perf_counter() - began
        _print_timings(err, prepared, emitted, f"{last} {seconds:.2f}s, total {total:.2f}s")
    if request.check:
        return _report_check(out, err, result, targets, failed=bool(failed))
    for written in result:
        if isinstance(written, Written):
            _line(out, _summary(written))
    return ExitCode.CANNOT_RUN if failed else ExitCode.OK


def _report_check(
    out: Console,
    err: Console,
    result: tuple[Drift, ...] | tuple[Written, ...],
    targets: list[Target],
    failed: bool,
) -> ExitCode:
    """Diffs on stdout and a summary on stderr: 1 for drift, 2 when a target could not be checked."""
    drift = tuple(d for d in result if isinstance(d, Drift))
    for item in drift:
        out.file.write(item.diff)
    if drift:
        _line(err, _drift_summary(drift))
    if failed:  # a target not checked: the check could not run, drift or not
        return ExitCode.CANNOT_RUN
    if drift:
        return ExitCode.FINDINGS
    files = ", ".join(
        f"{t.name} {sum(f.owner == 'generated' for f in t.files) + 1} generated file(s)" for t in targets
    )
    _line(out, f"in sync: {files}")
    return ExitCode.OK


def _print_timings(err: Console, prepared: Prepared, emitted: tuple[Emitted, ...], last: str) -> None:
    stages = [f"{t.stage} {t.seconds:.2f}s" for t in prepared.timings]
    stages += [f"emit {e.target} {e.seconds:.2f}s" for e in emitted] + [last]
    _line(err, "timings: " + ", ".join(stages))
