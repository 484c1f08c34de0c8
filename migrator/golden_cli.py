"""`migrate golden`: run the old Node handler and the new Go handler on the same cases and judge them.

Exit codes: 0 every case passes, 1 a divergence (or a harness error in some case, or an unreadable
case file), 2 nothing could run (bad arguments, no cases, a Go build failure).
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from golden.awssetup import apply_setup, load_setup
from golden.cases import load_cases
from golden.config import find_settings
from golden.envfile import read_env_file
from golden.events import SOURCES, template_text
from golden.function import FunctionConfig
from golden.go import GoRunner
from golden.moto import MotoServer
from golden.node import NodeRunner
from golden.report import render
from golden.session import run_golden
from golden.target import node_target
from migrator.progress import progress_bar
from migrator.report.output import write_atomic

EXIT_FINDINGS = 1

golden_app = typer.Typer(
    help="Run the old Node handler and the new Go handler on the same events and judge equivalence.",
    invoke_without_command=True,
)


class AwsMode(StrEnum):
    moto = "moto"
    none = "none"


class GoldenFormat(StrEnum):
    table = "table"
    json = "json"
    junit = "junit"
    html = "html"


@golden_app.callback()
def golden_command(
    ctx: typer.Context,
    node: Annotated[
        str | None, typer.Option("--node", help="Node handler: PATH[:EXPORT] (file or function folder).")
    ] = None,
    go: Annotated[
        Path | None, typer.Option("--go", help="Go handler module folder (built from source).")
    ] = None,
    cases: Annotated[
        Path | None, typer.Option("--cases", help="Folder of event JSON files, or a .jsonl file.")
    ] = None,
    env_file: Annotated[
        Path | None, typer.Option("--env-file", help="KEY=VALUE variables for both sides.")
    ] = None,
    runs: Annotated[
        int, typer.Option("--runs", min=0, help="Warm invokes per side and case, for latency.")
    ] = 3,
    latency_tolerance: Annotated[
        float | None,
        typer.Option("--latency-tolerance", min=0, help="Go p95 may exceed Node p95 by this share."),
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Per-invoke timeout, seconds.")] = 30.0,
    memory: Annotated[int, typer.Option("--memory", min=128, help="Memory size, MB.")] = 1024,
    output_format: Annotated[
        GoldenFormat, typer.Option("--format", "-f", help="Report format.")
    ] = GoldenFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    aws: Annotated[
        AwsMode,
        typer.Option(
            "--aws", help="moto: SDK calls go to a local moto server; none: no AWS endpoint is set."
        ),
    ] = AwsMode.moto,
) -> None:
    """Judge the Go port against the Node original on every case (subcommands: events)."""
    if ctx.invoked_subcommand is not None:
        return
    if node is None or go is None or cases is None:
        raise typer.BadParameter("--node, --go and --cases are all needed (or use a subcommand: events)")
    target = node_target(node)
    loaded = load_cases(cases)
    settings = find_settings(cases)
    if latency_tolerance is not None:
        settings = dataclasses.replace(
            settings, latency=dataclasses.replace(settings.latency, tolerance=latency_tolerance)
        )
    env = read_env_file(env_file) if env_file is not None else {}
    function = FunctionConfig(
        name=Path(target.handler).name.split(".")[0], memory_mb=memory, timeout_s=timeout
    )
    stderr = Console(stderr=True)
    for problem in loaded.problems:
        where = ":".join(str(p) for p in (problem.file, problem.line, problem.column) if p)
        stderr.print(f"case not read: {where}: {problem.message}", markup=False, highlight=False)
    with contextlib.ExitStack() as stack:
        if aws is AwsMode.moto:
            moto = stack.enter_context(MotoServer())
            if settings.aws_setup is not None:
                apply_setup(load_setup(settings.aws_setup), moto.endpoint_url, function.region)
            env = {**moto.env(), **env}  # the env file may point elsewhere
        node_runner = stack.enter_context(NodeRunner(target.task_root, target.handler, function, env=env))
        go_runner = stack.enter_context(GoRunner.from_source(go, function, env=env))
        advance = stack.enter_context(progress_bar(stderr, label="running cases", min_total=10))
        report = run_golden(loaded.cases, node_runner, go_runner, settings, runs=runs, progress=advance)
    text = render(report, output_format.value)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text)
    if not report.ok or loaded.problems:
        raise typer.Exit(EXIT_FINDINGS)


@golden_app.command("events")
def golden_events_command(
    source: Annotated[str, typer.Option("--source", "-s", help=f"One of: {', '.join(SOURCES)}.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the event to FILE instead of stdout.")
    ] = None,
) -> None:
    """Write a realistic event for SOURCE, to edit into a golden case."""
    text = template_text(source)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
