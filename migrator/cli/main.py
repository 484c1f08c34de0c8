"""The `migrate` command line. Exit codes: 0 clean, 1 findings, 2 could not run.

`migrate scan` starts fast: the golden, codegen and canary commands (boto3, pydantic, the OpenAPI
machinery) are imported only when the command line names them, or asks for the full help.
`app` (the full application, for tests) is built on first access.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from migrator.errors import MigrateError

EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2


class ScanFormat(StrEnum):
    table = "table"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"


def _root() -> None:
    """Move fleets of Node.js AWS Lambda functions to Go, safely."""


def scan_command(
    path: Annotated[Path, typer.Argument(help="Folder holding the functions (configs, handlers).")],
    output_format: Annotated[
        ScanFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ScanFormat.table,
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
    from migrator.progress import progress_bar
    from migrator.report.output import emit
    from migrator.scan.engine import ScanOptions, scan

    stderr = Console(stderr=True)
    with progress_bar(stderr, enabled=progress) as advance:
        report = scan(path, ScanOptions(jobs=jobs, progress=advance))
    emit(report, output_format.value, output, Console())
    if fail_under is not None:
        below = [fn for fn in report.functions if fn.readiness < fail_under]
        if below:
            names = ", ".join(f"{fn.name} ({fn.readiness})" for fn in below[:5])
            more = f" and {len(below) - 5} more" if len(below) > 5 else ""
            stderr.print(f"readiness below {fail_under}: {names}{more}", markup=False, highlight=False)
            raise typer.Exit(EXIT_FINDINGS)


def build_app(full: bool = True) -> typer.Typer:
    """The CLI; without `full`, only `migrate scan` (nothing of golden, codegen or canary is imported)."""
    cli = typer.Typer(
        name="migrate",
        help="Move fleets of Node.js AWS Lambda functions to Go, safely.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    cli.callback()(_root)
    cli.command("scan")(scan_command)
    if full:
        from migrator.cli.canary import canary_app
        from migrator.cli.codegen import codegen_command
        from migrator.cli.golden import golden_app
        from migrator.cli.port import port_command
        from migrator.cli.stub import stub_command

        cli.command("codegen")(codegen_command)
        cli.command("stub")(stub_command)
        cli.command("port")(port_command)
        cli.add_typer(golden_app, name="golden")
        cli.add_typer(canary_app, name="canary")
        cli.command("demo")(__import__("migrator.cli.demo", fromlist=["demo_command"]).demo_command)
    return cli


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return build_app()
    raise AttributeError(name)


def main() -> None:
    """Console-script entry point: our errors become one line on stderr and exit code 2.

    Usage errors exit 2 through click; findings exit 1 through `typer.Exit`.
    """
    full = sys.argv[1:2] != ["scan"]
    ours: tuple[type[Exception], ...] = (MigrateError,)
    if full:
        from codegen.errors import CodegenError
        from golden.errors import GoldenError

        ours = (MigrateError, GoldenError, CodegenError)
    try:
        build_app(full)()
    except ours as exc:
        print(f"migrate: error: {exc}", file=sys.stderr)
        sys.exit(EXIT_CANNOT_RUN)
    except KeyboardInterrupt:
        print("migrate: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`migrate scan . | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_CANNOT_RUN)
