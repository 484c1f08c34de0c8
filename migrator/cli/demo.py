"""`migrate demo`: options in, `migrator.demo.run.run` does the work."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from migrator.demo.formats import DEMO_FORMATS
from migrator.demo.request import DemoRequest

_NAMES = " | ".join(DEMO_FORMATS.names())


def _known_format(name: str) -> str:
    if name not in DEMO_FORMATS.names():
        raise typer.BadParameter(f"{name!r} is not one of {_NAMES}")
    return name


def demo_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write everything here and keep it (default: a temporary folder)."),
    ] = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="Keep the temporary folder; its path is printed.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: every core).")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show progress bars on stderr (terminal only).")] = True,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", callback=_known_format, help=f"Summary format: {_NAMES}."),
    ] = "table",
    examples: Annotated[
        Path | None,
        typer.Option("--examples", help="The examples folder (fleet/, ports/); default ./examples."),
    ] = None,
) -> None:
    """Run the whole path on the bundled fleet: scan, stub, golden the Go ports, a canary on local moto.

    Exit 0 every stage ok, 1 a stage found something, 2 a stage could not run.
    """
    from golden.runtime.scrub import reexec_if_exposed
    from migrator.demo.run import run

    # Golden's runtimes must find no secret in this process's environment (see golden.runtime.scrub):
    # re-exec with a scrubbed one now, before anything starts, rather than from inside the golden stage.
    reexec_if_exposed(os.environ, sys.orig_argv)
    request = DemoRequest(out, keep, jobs, progress, output_format, examples)
    raise typer.Exit(run(request, Console()))
