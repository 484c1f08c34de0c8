"""`migrate codegen SPEC`: parse the command line into a `CodegenRequest`; `codegen.command` runs it.

The codegen machinery is imported only when the command runs, so registering it costs the other
commands nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console


def codegen_command(
    spec: Annotated[Path, typer.Argument(help="The OpenAPI 3.1 (or 3.0) spec, YAML or JSON.")],
    go: Annotated[
        Path | None, typer.Option("--go", help="Write Go types and Lambda scaffolds to DIR.")
    ] = None,
    ts: Annotated[Path | None, typer.Option("--ts", help="Write TypeScript types to DIR.")] = None,
    python: Annotated[
        Path | None, typer.Option("--python", help="Write Python (pydantic v2) models to DIR.")
    ] = None,
    go_module: Annotated[
        str | None,
        typer.Option("--go-module", help="Module path of a go.mod to write (when DIR has none above it)."),
    ] = None,
    go_package: Annotated[str, typer.Option("--go-package", help="Go package name.")] = "api",
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 with diffs if files drifted.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every notice and the stage timings.")
    ] = False,
    allow_ref_outside: Annotated[
        bool,
        typer.Option("--allow-ref-outside", help="Let `$ref`s read files outside the spec's folder."),
    ] = False,
) -> None:
    """Generate Go, TypeScript and Python from one OpenAPI spec (or --check them against it)."""
    from codegen.command import CodegenRequest, run

    folders = {name: path for name, path in (("go", go), ("ts", ts), ("python", python)) if path}
    request = CodegenRequest(spec, folders, go_module, go_package, check, strict, verbose, allow_ref_outside)
    raise typer.Exit(run(request, Console()))
