"""The `migrate port` command line: options in, `migrator.port.run` does the work, a report out."""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from migrator.port.report import print_table, to_json, to_markdown
from migrator.port.run import PortRequest, run_port
from migrator.progress import progress_bar
from migrator.report.output import write_atomic


class PortFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def port_command(
    path: Annotated[Path, typer.Argument(help="Functions folder (scanned now) or a scan JSON report.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder: one Go module per function.")],
    function: Annotated[
        list[str] | None, typer.Option("--function", help="Only this function (repeatable).")
    ] = None,
    spec: Annotated[
        Path | None, typer.Option("--spec", help="OpenAPI spec (accepted; not used by the translation yet).")
    ] = None,
    verify: Annotated[
        bool,
        typer.Option("--verify", help="Run migrate golden on each function's cases; record the verdict."),
    ] = False,
    cases: Annotated[
        Path | None,
        typer.Option(
            "--cases",
            help="Cases for --verify: DIR/<function>/cases (+ env), or DIR (default: the module's golden/).",
        ),
    ] = None,
    env_file: Annotated[
        Path | None,
        typer.Option("--env-file", help="Settings for --verify (default: the module's golden/env)."),
    ] = None,
    runs: Annotated[
        int | None, typer.Option("--runs", min=1, help="Node runs per case for --verify (golden's default).")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when generated files differ from the disk; write nothing.")
    ] = False,
    output_format: Annotated[
        PortFormat, typer.Option("--format", "-f", help="Report format.")
    ] = PortFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr (terminal only).")] = True,
) -> None:
    """Translate Node handlers to Go (on top of migrate stub) and report what was translated."""
    stderr = Console(stderr=True)
    if spec is not None and not spec.is_file():
        stderr.print(f"migrate: error: --spec {spec}: no such file", markup=False, highlight=False)
        raise typer.Exit(2)
    request = PortRequest(path, out, tuple(function or ()), verify, cases, env_file, runs, check, spec)
    with progress_bar(stderr, enabled=progress, label="porting", min_total=2) as advance:
        result = run_port(request, advance)
    report = result.report
    if output_format == PortFormat.table and output is None:
        print_table(report, Console(soft_wrap=True))
    else:
        text = to_json(report) if output_format == PortFormat.json else to_markdown(report)
        if output_format == PortFormat.table:
            console = Console(record=True, width=120, file=io.StringIO())
            print_table(report, console)
            text = console.export_text()
        if output is not None:
            write_atomic(output, text)
        else:
            typer.echo(text, nl=False)
    for line in result.drift:
        stderr.print(f"drift: {line}", markup=False, highlight=False, soft_wrap=True)
    incomplete = any(not f.complete for f in report.functions)
    if result.drift or incomplete or report.failed_verify:
        raise typer.Exit(1)
