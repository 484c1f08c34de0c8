"""The `migrate` command line. Exit codes (`codegen.exitcode.ExitCode`): 0 clean, 1 findings, 2 could not run.

`migrate scan` starts fast: the golden, codegen and canary commands (boto3, pydantic, the OpenAPI
machinery) are imported only when the command line names them, or asks for the full help; of
codegen, `migrate scan` loads only the shared `exitcode` and `report_formats`; `migrate codegen` loads
scan's and its own (the other commands' imports, boto3 first, cost it ~0.5 s CPU, which
`bench/codegen` counts against openapi-typescript). Each command module
here only parses its options; the package that owns the work runs them (`run(request, console)`).
`app` (the full application, for tests) is built on first access.
"""

from __future__ import annotations

import os
import sys

import typer

from codegen.exitcode import ExitCode
from migrator.cli.scan import scan_command
from migrator.errors import MigrateError


def _root() -> None:
    """Move fleets of Node.js AWS Lambda functions to Go, safely."""


def build_app(full: bool = True, only: str | None = None) -> typer.Typer:
    """The CLI; without `full`, only `migrate scan` (nothing of golden, codegen or canary is imported);
    with `only="codegen"`, `migrate scan` and `migrate codegen`."""
    cli = typer.Typer(
        name="migrate",
        help="Move fleets of Node.js AWS Lambda functions to Go, safely.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    cli.callback()(_root)
    cli.command("scan")(scan_command)
    if full and only == "codegen":
        from migrator.cli.codegen import codegen_command

        cli.command("codegen")(codegen_command)
    elif full:
        from migrator.cli.canary import canary_app
        from migrator.cli.codegen import codegen_command
        from migrator.cli.demo import demo_command
        from migrator.cli.golden import golden_app
        from migrator.cli.port import port_command
        from migrator.cli.stub import stub_command

        cli.command("codegen")(codegen_command)
        cli.command("stub")(stub_command)
        cli.command("port")(port_command)
        cli.add_typer(golden_app, name="golden")
        cli.add_typer(canary_app, name="canary")
        cli.command("demo")(demo_command)
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
        build_app(full, only="codegen" if sys.argv[1:2] == ["codegen"] else None)()
    except ours as exc:
        print(f"migrate: error: {exc}", file=sys.stderr)
        sys.exit(ExitCode.CANNOT_RUN)
    except KeyboardInterrupt:
        print("migrate: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit as exit_:
        # Typer turns Ctrl-C (and golden's SIGTERM/SIGHUP, raised as KeyboardInterrupt) into a silent
        # exit 130 inside the command; say why the run stopped.
        if exit_.code == 130:
            print("migrate: interrupted", file=sys.stderr)
        raise
    except BrokenPipeError:
        # The reader went away (`migrate scan . | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ExitCode.CANNOT_RUN)
