"""The `migrate stub` command line: options in, a `StubRequest` to `migrator.stub.run.run`, its exit
code out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from migrator.stub.run import StubRequest, run


class Architecture(StrEnum):
    arm64 = "arm64"
    x86_64 = "x86_64"


def stub_command(
    path: Annotated[Path, typer.Argument(help="Functions folder (scanned now) or a scan JSON report.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder: one Go module per function.")],
    function: Annotated[
        list[str] | None, typer.Option("--function", help="Only this function (repeatable).")
    ] = None,
    arch: Annotated[
        Architecture | None, typer.Option("--arch", help="Target architecture (default: the function's).")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when generated files differ from the disk; write nothing.")
    ] = False,
    templates: Annotated[
        Path | None, typer.Option("--templates", help="Folder of templates overriding the built-in ones.")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: every core).")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr (terminal only).")] = True,
    spec: Annotated[
        Path | None,
        typer.Option(
            "--spec", help="OpenAPI spec: the API functions' requests and responses get its Go types."
        ),
    ] = None,
) -> None:
    """Write one buildable Go Lambda module per Node function: typed events, settings, clients, stubs."""
    request = StubRequest(
        path, out, tuple(function or ()), arch.value if arch else None, check, jobs, templates, progress, spec
    )
    raise typer.Exit(run(request, Console()))
