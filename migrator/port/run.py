"""`migrate port` from request to exit code: load the functions, stub and translate each, write the
modules (or check them), settle port.go, verify with golden when asked, report (`run`).

Exit codes: 0 every selected function translated fully (and, with --verify, passed golden); 1 some
construct untranslated, a module not translatable, a failed verification or --check drift; 2 could
not run (our own errors, one line).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import click
from rich.console import Console

from codegen.exitcode import ExitCode
from codegen.output.drift import check_targets
from codegen.output.write import Target, write_targets
from migrator.port.formats import PORT_FORMATS
from migrator.port.report import FunctionReport, PortReport, Spot, Verdict
from migrator.port.report_table import print_table
from migrator.port.shims import load_shims
from migrator.port.spec import with_spec_entries, without_router
from migrator.port.spec_entry import operation_views
from migrator.port.targets import PortTarget, port_target, settle_port_go
from migrator.port.typing_rules import typed_report
from migrator.port.verify import verify
from migrator.progress import progress_bar
from migrator.report.output import write_atomic
from migrator.scan.model import AwsSdkUsage, Function
from migrator.stub.naming import unique_folders
from migrator.stub.run import StubRequest, targets_for
from migrator.stub.source import Fleet, load_fleet
from migrator.stub.spec import SpecApi, load_spec_api

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PortRequest:
    """What the command line asked for."""

    path: Path  #: functions folder or scan JSON report
    out: Path  #: one Go module per function under it
    functions: tuple[str, ...] = ()
    verify: bool = False
    cases: Path | None = None  #: --cases: golden cases for --verify (default: the module's golden/cases)
    env_file: Path | None = None  #: --env-file for --verify (default: the module's golden/env)
    runs: int | None = None  #: --runs for golden (Node runs per case)
    check: bool = False
    spec: Path | None = None  #: --spec: the stub's API package, route report and drawn golden cases
    output_format: str = "table"  #: --format: a name of `PORT_FORMATS`
    output: Path | None = None  #: --output: the report goes to this file instead of stdout
    progress: bool = False  #: a progress bar on stderr (terminal only)


@dataclass(frozen=True)
class PortResult:
    report: PortReport
    drift: tuple[str, ...]  #: --check: drifted files
    unread: tuple[str, ...] = ()  #: without --function: what the scan could not read, one line each
    unmatched: tuple[str, ...] = ()  #: --spec: API routes that bind no operation, one line each


def plan(
    request: PortRequest,
    progress: Progress | None = None,
    fleet: Fleet | None = None,
    spec: SpecApi | None = None,
) -> tuple[list[PortTarget], Path, dict[str, Function]]:
    """Every selected function's module, translated (`fleet`: the functions, when already loaded;
    `spec`: --spec, loaded)."""
    fleet = fleet or load_fleet(request.path, None, None)
    functions, root = fleet.functions, fleet.root
    stub = StubRequest(request.path, request.out, request.functions)
    targets, _partial = targets_for(functions, root, stub, spec=spec)
    by_folder = {t.name: t for t in targets}
    shims = load_shims()
    folders = unique_folders(f.name for f in functions)  # names repeat in real fleets; folders do not
    chosen = [i for i, f in enumerate(functions) if not request.functions or f.name in request.functions]
    views = operation_views(spec.path) if spec is not None else ()
    items: list[PortTarget] = []
    for done, index in enumerate(chosen, 1):
        function, folder = functions[index], folders[index]
        item = port_target(function, root, by_folder[folder], shims)
        if _needs_dynamodb(item, function):
            widened = _with_dynamodb(functions, index, root, stub, spec)
            item = port_target(function, root, widened[folder], shims)
        item = without_router(item)
        items.append(with_spec_entries(item, function, spec, views) if spec is not None else item)
        if progress is not None:
            progress(done, len(chosen))
    return items, root, {folders[i]: functions[i] for i in chosen}


def _needs_dynamodb(item: PortTarget, function: Function) -> bool:
    """jsaws (the SDK value conversions) imports aws-sdk-go-v2's dynamodb package in every module
    that calls AWS: its go.mod must pin it even when the function calls no DynamoDB operation."""
    uses_jsaws = any(path.startswith("jsaws/") for path in item.translation.files)
    return uses_jsaws and all(usage.service != "dynamodb" for usage in function.aws_sdk)


def _with_dynamodb(
    functions: tuple[Function, ...], index: int, root: Path, stub: StubRequest, spec: SpecApi | None
) -> dict[str, Target]:
    """The stub targets, by folder, as if `functions[index]` also called DynamoDB (so its go.mod and
    go.sum pin it)."""
    function = functions[index]
    usage = AwsSdkUsage("dynamodb", (), "github.com/aws/aws-sdk-go-v2/service/dynamodb")
    widened = replace(function, aws_sdk=(*function.aws_sdk, usage))
    everyone = tuple(widened if i == index else f for i, f in enumerate(functions))
    targets, _ = targets_for(everyone, root, replace(stub, functions=(function.name,)), spec=spec)
    return {t.name: t for t in targets}


def _report(item: PortTarget, port_go: str, verdict: Verdict | None, file: str | None) -> FunctionReport:
    t = item.translation
    spots = tuple(Spot(u.file, u.line, u.construct, u.why) for u in t.untranslated)
    return FunctionReport(
        t.function,
        file,
        item.target.name,
        t.statements,
        t.statements - t.failed,
        spots,
        port_go,
        t.problem,
        verdict,
        typed_report(t.typed, t.unverified, t.entry, t.operations),
    )


def cases_for(request: PortRequest, module: Path, name: str) -> tuple[Path, Path | None]:
    """The cases and settings golden uses for one function: `--cases DIR/<name>/cases` (with
    `DIR/<name>/env`) when that folder exists, else `--cases DIR`, else the module's golden/ folder."""
    if request.cases is None:
        return module / "golden" / "cases", request.env_file or module / "golden" / "env"
    own = request.cases / name
    if (own / "cases").is_dir():
        return own / "cases", request.env_file or own / "env"
    return request.cases, request.env_file


def run_port(request: PortRequest, progress: Progress | None = None) -> PortResult:
    """Translate (and write, or check) every selected function; verify when asked."""
    spec = load_spec_api(request.spec) if request.spec is not None else None  # a bad spec: nothing written
    fleet = load_fleet(request.path, None, None)
    unread = () if request.functions else fleet.unread()  # the whole fleet asked for: drop nothing silently
    items, root, functions = plan(request, progress, fleet, spec)
    unmatched = _unmatched(items) if spec is not None else ()
    if request.check:
        drifts = check_targets([i.target for i in items])
        checked = [_report(i, "-", None, functions[i.target.name].file) for i in items]
        drift = tuple(f"{d.path} ({d.kind})" for d in drifts)
        return PortResult(PortReport(tuple(checked)), drift, unread, unmatched)
    write_targets([i.target for i in items])
    reports: list[FunctionReport] = []
    for item in items:
        port_go = settle_port_go(item)
        verdict = None
        function = functions.get(item.target.name)
        if request.verify and function is not None and function.file is not None:
            cases, env = cases_for(request, item.target.root, function.name)
            verdict = verify(
                root / function.file, function.export, item.target.root, cases, env, request.runs
            )
        reports.append(_report(item, port_go, verdict, function.file if function else None))
    return PortResult(PortReport(tuple(reports)), (), unread, unmatched)


def _unmatched(items: list[PortTarget]) -> tuple[str, ...]:
    """The `unmatched:` lines of --spec, read back from each module's spec-routes.json."""
    lines: list[str] = []
    for item in items:
        routes = next((f for f in item.target.files if f.path == "spec-routes.json"), None)
        if routes is not None:
            body = json.loads(routes.content)
            lines += [f"unmatched: {body['function']}: {line}" for line in body["unmatched"]]
    return tuple(lines)


def run(request: PortRequest, console: Console, stderr: Console | None = None) -> ExitCode:
    """`migrate port`: port, print the report on `console` (or write --output), list the drift on
    `stderr`; 1 when a function is not fully translated, fails verification or drifted."""
    err = stderr or Console(stderr=True)
    with progress_bar(err, enabled=request.progress, label="porting", min_total=2) as advance:
        result = run_port(request, advance)
    report = result.report
    if request.output_format == "table" and request.output is None:
        print_table(report, console)  # at the terminal's width, not the file's 120 columns
    else:
        text = PORT_FORMATS.get(request.output_format).render(report)
        if request.output is not None:
            write_atomic(request.output, text)
        else:
            click.echo(text, nl=False, file=console.file)
    for line in result.drift:
        err.print(f"drift: {line}", markup=False, highlight=False, soft_wrap=True)
    for line in (*result.unread, *result.unmatched):
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    incomplete = any(not f.complete for f in report.functions)
    if result.drift or incomplete or report.failed_verify or result.unread or result.unmatched:
        return ExitCode.FINDINGS
    return ExitCode.OK
