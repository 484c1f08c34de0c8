"""`migrate scan PATH`: parse the command line into a `ScanRequest`; `migrator.scan.command` runs it.

Light on purpose: `migrate scan` imports this module at start-up, and the scan machinery only when
the command runs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.console import Console

from codegen.report_formats import FormatRegistry
from migrator.report.formats import SCAN_FORMATS


def format_choices(registry: FormatRegistry[Any]) -> type[StrEnum]:
    """The registry's names as the enum Typer offers as `--format` choices, in the registry's order."""
    members = [(name, name) for name in registry.names()]
    return cast("type[StrEnum]", StrEnum(f"{registry.kind.title()}Format", members))  # the functional API


if TYPE_CHECKING:
    ScanFormat = StrEnum
else:
    ScanFormat = format_choices(SCAN_FORMATS)
TABLE = ScanFormat("table")


def scan_command(
    path: Annotated[Path, typer.Argument(help="Folder holding the functions (configs, handlers).")],
    output_format: Annotated[ScanFormat, typer.Option("--format", "-f", help="Report format.")] = TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")
    ] = None,
    fail_under: Annotated[
        int | None,
        typer.Option("--fail-under", min=0, max=100, help="Exit 1 when a function's readiness is below N."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")
    ] = None,
    progress: Annotated[
        bool, typer.Option(help="Show a progress bar on stderr (only when it is a terminal).")
    ] = True,
) -> None:
    """Statically scan every Node.js Lambda handler under PATH. Never runs user code."""
    from migrator.scan.command import ScanRequest, run

    request = ScanRequest(path, output_format.value, output, fail_under, jobs, progress)
    raise typer.Exit(run(request, Console()))
