"""The `migrate port` command line: options in, a `PortRequest` to `migrator.port.run.run`, its exit
code out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console

from migrator.port.formats import PORT_FORMATS
from migrator.port.run import PortRequest, run

if TYPE_CHECKING:
    FormatName = str
else:
    # --format's choices are the registry's names (typer reads a Literal as a choice).
    FormatName = Literal[PORT_FORMATS.names()]


def port_command(
    path: Annotated[Path, typer.Argument(help="Functions folder (scanned now) or a scan JSON report.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder: one Go module per function.")],
    function: Annotated[
        list[str] | None, typer.Option("--function", help="Only this function (repeatable).")
    ] = None,
    spec: Annotated[
        Path | None,
        typer.Option(
            "--spec",
            help="OpenAPI spec: its Go package, route report and golden cases drawn from its operations.",
        ),
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
    output_format: Annotated[FormatName, typer.Option("--format", "-f", help="Report format.")] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr (terminal only).")] = True,
) -> None:
    """Translate Node handlers to Go (on top of migrate stub) and report what was translated."""
    request = PortRequest(
        path,
        out,
        tuple(function or ()),
        verify,
        cases,
        env_file,
        runs,
        check,
        spec,
        output_format,
        output,
        progress,
    )
    raise typer.Exit(run(request, Console(soft_wrap=True)))
