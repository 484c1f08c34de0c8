"""`migrate golden`: run the old Node handler and the new Go handler on the same cases and judge them.

Exit codes: 0 every case passes (and, unless `--latency report`, none is over the latency budget),
1 a divergence, a latency failure, a harness error in some case or an unreadable case file, 2 nothing
could run (bad arguments, no cases, a Go build failure); 130 when stopped by SIGINT, SIGTERM or
SIGHUP, after killing everything it started.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from golden.aws.reach import AwsMode, caller_region
from golden.cases.apigw_events import EventVersion as ApiEventVersion
from golden.cases.envfile import read_env_file
from golden.cases.events import SOURCES, template_text
from golden.cases.files import Case, Cases, load_cases
from golden.config import find_settings
from golden.report import render
from golden.runners.parallel import run_golden_parallel
from golden.runners.remote import LambdaClient, lambda_client
from golden.runtime.scrub import reexec_if_exposed
from golden.runtime.signals import terminate_cleanly
from golden.sides.choose import LocalOptions, go_side, node_side
from golden.sides.wiring import report_cost, run_aws, sandbox_warnings
from migrator.progress import progress_bar
from migrator.report.output import write_atomic

if TYPE_CHECKING:
    from golden.cases.fromspec import GeneratedEvent

EXIT_FINDINGS = 1

golden_app = typer.Typer(
    help="Run the old Node handler and the new Go handler on the same events and judge equivalence.",
    invoke_without_command=True,
)


class GoldenFormat(StrEnum):
    table = "table"
    json = "json"
    junit = "junit"
    html = "html"


class LatencyGate(StrEnum):
    gate = "gate"
    report = "report"


class EffectsMode(StrEnum):
    compare = "compare"
    off = "off"


class EventVersion(StrEnum):
    rest = "1"
    http = "2"


# Options both `migrate golden` and `migrate golden events` take for --from-spec.
OperationOption = Annotated[
    str | None, typer.Option("--operation", help="With --from-spec: the operation id.")
]
CountOption = Annotated[int, typer.Option("--count", min=1, help="With --from-spec: how many events.")]
SeedOption = Annotated[int, typer.Option("--seed", help="With --from-spec: same seed, same events.")]
EventVersionOption = Annotated[
    EventVersion,
    typer.Option("--event-version", help="With --from-spec: 1 (REST API) or 2 (HTTP API) events."),
]


@golden_app.callback()
def golden_command(
    ctx: typer.Context,
    node: Annotated[
        str | None,
        typer.Option(
            "--node", help="Node handler: PATH[:EXPORT] (file or function folder), or SCAN.json#FUNCTION."
        ),
    ] = None,
    go: Annotated[
        Path | None, typer.Option("--go", help="Go handler module folder (built from source).")
    ] = None,
    node_lambda: Annotated[
        str | None, typer.Option("--node-lambda", help="Deployed Node function: NAME[:QUALIFIER] or ARN.")
    ] = None,
    go_lambda: Annotated[
        str | None, typer.Option("--go-lambda", help="Deployed Go function: NAME[:QUALIFIER] or ARN.")
    ] = None,
    cases: Annotated[
        Path | None, typer.Option("--cases", help="Folder of event JSON files, or a .jsonl file.")
    ] = None,
    from_spec: Annotated[
        Path | None, typer.Option("--from-spec", help="OpenAPI spec to generate API Gateway events from.")
    ] = None,
    operation: OperationOption = None,
    count: CountOption = 20,
    seed: SeedOption = 0,
    event_version: EventVersionOption = EventVersion.rest,
    env_file: Annotated[
        Path | None, typer.Option("--env-file", help="KEY=VALUE variables for both sides.")
    ] = None,
    runs: Annotated[
        int, typer.Option("--runs", min=0, help="Warm invokes per side and case, for latency.")
    ] = 3,
    latency: Annotated[
        LatencyGate,
        typer.Option(
            "--latency",
            help="gate: a case over the latency budget fails the run (exit 1); report: informational.",
        ),
    ] = LatencyGate.gate,
    effects: Annotated[
        EffectsMode,
        typer.Option(
            "--effects",
            help="compare: with --aws moto and both sides local, each side gets its own fresh moto "
            "state and what it wrote (DynamoDB, S3, SQS) is compared; off: outputs only.",
        ),
    ] = EffectsMode.compare,
    latency_tolerance: Annotated[
        float | None,
        typer.Option("--latency-tolerance", min=0, help="Go p95 may exceed Node p95 by this share."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout", min=0.1, help="Per-invoke timeout, seconds (default: the scan's, else 30)."
        ),
    ] = None,
    memory: Annotated[
        int | None,
        typer.Option("--memory", min=128, help="Memory size, MB (default: the scan's, else 1024)."),
    ] = None,
    scan_root: Annotated[
        Path | None, typer.Option("--scan-root", help="With --node SCAN.json#FUNCTION: the scanned folder.")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="AWS region (deployed functions; AWS_REGION locally).")
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            min=1,
            help="Cases in flight at once (default 8 when both sides are deployed, else 1).",
        ),
    ] = None,
    endpoint_url: Annotated[
        str | None, typer.Option("--endpoint-url", help="Invoke API endpoint for deployed functions.")
    ] = None,
    output_format: Annotated[
        GoldenFormat, typer.Option("--format", "-f", help="Report format.")
    ] = GoldenFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    aws: Annotated[
        AwsMode,
        typer.Option(
            "--aws",
            help="moto: SDK calls go to a local moto server; real: your credentials, real AWS; "
            "none: no endpoint.",
        ),
    ] = AwsMode.moto,
) -> None:
    """Judge the Go port against the Node original on every case (subcommands: events)."""
    if ctx.invoked_subcommand is not None:
        return
    if (node is not None or go is not None) and not (node_lambda or go_lambda) and aws is not AwsMode.real:
        # Runtimes that would share golden's /proc (no namespaces here) must find no secret in its
        # environment: re-exec with a scrubbed one (returns when not needed). Deployed sides and
        # --aws real need the caller's credentials in golden itself.
        reexec_if_exposed(os.environ, sys.orig_argv)
    if (cases is None) == (from_spec is None):
        raise typer.BadParameter("give the cases once: --cases PATH, or --from-spec SPEC --operation ID")
    if (node is None and node_lambda is None) or (go is None and go_lambda is None):
        raise typer.BadParameter(
            "name both sides: --node or --node-lambda, and --go or --go-lambda (or use a subcommand: events)"
        )
    stderr = Console(stderr=True)
    if cases is not None:
        loaded = load_cases(cases)
        settings_from = cases
    else:
        assert from_spec is not None
        loaded = Cases(tuple(_spec_cases(from_spec, operation, count, seed, event_version)), ())
        settings_from = from_spec
    settings = find_settings(settings_from)
    if latency_tolerance is not None:
        settings = dataclasses.replace(
            settings, latency=dataclasses.replace(settings.latency, tolerance=latency_tolerance)
        )
    env = read_env_file(env_file) if env_file is not None else {}
    for problem in loaded.problems:
        where = ":".join(str(p) for p in (problem.file, problem.line, problem.column) if p)
        stderr.print(
            f"case not read: {where}: {problem.message}", markup=False, highlight=False, soft_wrap=True
        )
    remote = node_lambda is not None or go_lambda is not None
    local_aws = node is not None or go is not None
    region = region or (caller_region(os.environ) if aws is AwsMode.real or remote else None)
    options = LocalOptions(timeout, memory, region or "us-east-1", env, scan_root)
    clients: list[LambdaClient] = []

    def client() -> LambdaClient:
        if not clients:
            at = region or ("us-east-1" if endpoint_url else None)  # an emulator does not care which
            clients.append(lambda_client(region=at, endpoint_url=endpoint_url, pool=concurrency or 8))
        return clients[0]

    warn = functools.partial(stderr.print, style="bold red", markup=False, highlight=False, soft_wrap=True)
    with contextlib.ExitStack() as stack:
        stack.enter_context(terminate_cleanly())  # SIGTERM/SIGHUP unwind this block, killing everything
        compare_effects = effects is EffectsMode.compare and node is not None and go is not None
        node_aws, go_aws, probe = run_aws(
            stack, aws if local_aws else AwsMode.none, compare_effects, settings, options.region, warn
        )
        node_side_ = node_side(
            stack, node=node, node_lambda=node_lambda, options=options, aws=node_aws, client=client
        )
        go_side_ = go_side(
            stack,
            go=go,
            go_lambda=go_lambda,
            options=options,
            aws=go_aws,
            client=client,
            like=node_side_.function,
        )
        advance = stack.enter_context(progress_bar(stderr, label="running cases", min_total=10))
        report = run_golden_parallel(
            loaded.cases,
            node_side_.invoker,
            go_side_.invoker,
            settings,
            runs=runs,
            concurrency=1 if probe is not None else concurrency or (8 if node_lambda and go_lambda else 1),
            progress=advance,
            effects=probe,
        )
    for line in sandbox_warnings([node_side_.invoker, go_side_.invoker]):
        warn(line)
    report = dataclasses.replace(
        report,
        latency_mode=latency.value,
        cost=report_cost(report, node_side_.function or go_side_.function, options.memory_mb),
    )
    text = render(report, output_format.value)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text)
    if report.verdict != "pass" or loaded.problems:
        raise typer.Exit(EXIT_FINDINGS)


def _spec_events(
    spec: Path, operation: str | None, count: int, seed: int, version: EventVersion
) -> list[GeneratedEvent]:
    if operation is None:
        raise typer.BadParameter("--from-spec needs --operation ID (an operationId of the spec)")
    # Imported here: hypothesis makes a `.hypothesis/` folder in the working directory on import.
    from golden.cases.fromspec import generate_events

    return generate_events(spec, operation, count=count, seed=seed, version=_VERSIONS[version])


def _spec_cases(
    spec: Path, operation: str | None, count: int, seed: int, version: EventVersion
) -> list[Case]:
    from golden.cases.fromspec import as_cases

    events = _spec_events(spec, operation, count, seed, version)
    assert operation is not None  # _spec_events checked it
    return as_cases(events, operation)


_VERSIONS: dict[EventVersion, ApiEventVersion] = {EventVersion.rest: "1.0", EventVersion.http: "2.0"}


@golden_app.command("events")
def golden_events_command(
    source: Annotated[
        str | None, typer.Option("--source", "-s", help=f"One of: {', '.join(SOURCES)}.")
    ] = None,
    from_spec: Annotated[
        Path | None, typer.Option("--from-spec", help="OpenAPI spec: generate API Gateway events instead.")
    ] = None,
    operation: OperationOption = None,
    count: CountOption = 20,
    seed: SeedOption = 0,
    event_version: EventVersionOption = EventVersion.rest,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="--source: write the event to FILE; --from-spec: write case files to DIR."
        ),
    ] = None,
) -> None:
    """Write a realistic event for SOURCE, or events generated from an OpenAPI operation."""
    if (source is None) == (from_spec is None):
        raise typer.BadParameter("give --source SOURCE or --from-spec SPEC --operation ID")
    if from_spec is not None:
        events = _spec_events(from_spec, operation, count, seed, event_version)
        if output is None:  # JSONL on stdout: one case per line, as --cases FILE.jsonl reads it
            sys.stdout.write("".join(json.dumps(e.event, ensure_ascii=False) + "\n" for e in events))
        else:
            from golden.cases.fromspec import write_cases

            assert operation is not None  # _spec_events checked it
            for path in write_cases(events, operation, output):
                sys.stderr.write(f"wrote {path}\n")
        return
    assert source is not None
    text = template_text(source)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
