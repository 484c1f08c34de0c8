"""`migrate golden`: run the old Node handler and the new Go handler on the same cases and judge them.

Exit codes: 0 every case passes (and, unless `--latency report`, none is over the latency budget),
1 a divergence, a latency failure, a harness error in some case or an unreadable case file, 2 nothing
could run (bad arguments, no cases, a Go build failure); 130 when stopped by SIGINT, SIGTERM or
SIGHUP, after killing everything it started. The work is `golden.command.run`; this module parses.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer
from rich.console import Console

from golden.aws.reach import AwsMode
from golden.cases.apigw_events import EventVersion as ApiEventVersion
from golden.cases.events import SOURCES, template_text
from golden.command import FromSpec, GoldenRequest, Host, RequestError, run
from golden.report.formats import GOLDEN_FORMATS
from migrator.progress import progress_bar
from migrator.report.output import write_atomic

golden_app = typer.Typer(
    help="Run the old Node handler and the new Go handler on the same events and judge equivalence.",
    invoke_without_command=True,
)

if TYPE_CHECKING:
    GoldenFormat: TypeAlias = StrEnum
else:  # the --format choices are the registry's formats
    GoldenFormat = StrEnum("GoldenFormat", {name: name for name in GOLDEN_FORMATS.names()})

DEFAULT_FORMAT = GoldenFormat("table")


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

# Options of `migrate golden` itself, in the order --help lists them.
NodeOption = Annotated[
    str | None,
    typer.Option(
        "--node", help="Node handler: PATH[:EXPORT] (file or function folder), or SCAN.json#FUNCTION."
    ),
]
GoOption = Annotated[Path | None, typer.Option("--go", help="Go handler module folder (built from source).")]
NodeLambdaOption = Annotated[
    str | None, typer.Option("--node-lambda", help="Deployed Node function: NAME[:QUALIFIER] or ARN.")
]
GoLambdaOption = Annotated[
    str | None, typer.Option("--go-lambda", help="Deployed Go function: NAME[:QUALIFIER] or ARN.")
]
CasesOption = Annotated[
    Path | None, typer.Option("--cases", help="Folder of event JSON files, or a .jsonl file.")
]
FromSpecOption = Annotated[
    Path | None, typer.Option("--from-spec", help="OpenAPI spec to generate API Gateway events from.")
]
EnvFileOption = Annotated[Path | None, typer.Option("--env-file", help="KEY=VALUE variables for both sides.")]
RunsOption = Annotated[
    int, typer.Option("--runs", min=0, help="Warm invokes per side and case, for latency.")
]
LatencyOption = Annotated[
    LatencyGate,
    typer.Option(
        "--latency",
        help="gate: a case over the latency budget fails the run (exit 1); report: informational.",
    ),
]
EffectsOption = Annotated[
    EffectsMode,
    typer.Option(
        "--effects",
        help="compare: with --aws moto and both sides local, each side gets its own fresh moto "
        "state and what it wrote (DynamoDB, S3, SQS) is compared; off: outputs only.",
    ),
]
ToleranceOption = Annotated[
    float | None,
    typer.Option("--latency-tolerance", min=0, help="Go p95 may exceed Node p95 by this share."),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", min=0.1, help="Per-invoke timeout, seconds (default: the scan's, else 30)."),
]
MemoryOption = Annotated[
    int | None, typer.Option("--memory", min=128, help="Memory size, MB (default: the scan's, else 1024).")
]
ScanRootOption = Annotated[
    Path | None, typer.Option("--scan-root", help="With --node SCAN.json#FUNCTION: the scanned folder.")
]
RegionOption = Annotated[
    str | None, typer.Option("--region", help="AWS region (deployed functions; AWS_REGION locally).")
]
ConcurrencyOption = Annotated[
    int | None,
    typer.Option(
        "--concurrency",
        min=1,
        help="Cases in flight at once (default 8 when both sides are deployed, else 1).",
    ),
]
EndpointOption = Annotated[
    str | None, typer.Option("--endpoint-url", help="Invoke API endpoint for deployed functions.")
]
FormatOption = Annotated[GoldenFormat, typer.Option("--format", "-f", help="Report format.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")]
AwsOption = Annotated[
    AwsMode,
    typer.Option(
        "--aws",
        help="moto: SDK calls go to a local moto server; real: your credentials, real AWS; "
        "none: no endpoint.",
    ),
]

HOST = Host(write_file=write_atomic, progress_bar=progress_bar)


@golden_app.callback()
def golden_command(
    ctx: typer.Context,
    node: NodeOption = None,
    go: GoOption = None,
    node_lambda: NodeLambdaOption = None,
    go_lambda: GoLambdaOption = None,
    cases: CasesOption = None,
    from_spec: FromSpecOption = None,
    operation: OperationOption = None,
    count: CountOption = 20,
    seed: SeedOption = 0,
    event_version: EventVersionOption = EventVersion.rest,
    env_file: EnvFileOption = None,
    runs: RunsOption = 3,
    latency: LatencyOption = LatencyGate.gate,
    effects: EffectsOption = EffectsMode.compare,
    latency_tolerance: ToleranceOption = None,
    timeout: TimeoutOption = None,
    memory: MemoryOption = None,
    scan_root: ScanRootOption = None,
    region: RegionOption = None,
    concurrency: ConcurrencyOption = None,
    endpoint_url: EndpointOption = None,
    output_format: FormatOption = DEFAULT_FORMAT,
    output: OutputOption = None,
    aws: AwsOption = AwsMode.moto,
) -> None:
    """Judge the Go port against the Node original on every case (subcommands: events)."""
    if ctx.invoked_subcommand is not None:
        return
    spec = (
        None if from_spec is None else FromSpec(from_spec, operation, count, seed, _VERSIONS[event_version])
    )
    try:
        request = GoldenRequest(
            node=node,
            go=go,
            node_lambda=node_lambda,
            go_lambda=go_lambda,
            cases=cases,
            from_spec=spec,
            env_file=env_file,
            runs=runs,
            latency="gate" if latency is LatencyGate.gate else "report",
            effects="compare" if effects is EffectsMode.compare else "off",
            latency_tolerance=latency_tolerance,
            timeout=timeout,
            memory=memory,
            scan_root=scan_root,
            region=region,
            concurrency=concurrency,
            endpoint_url=endpoint_url,
            output_format=output_format.value,
            output=output,
            aws=aws,
        )
    except RequestError as exc:
        raise typer.BadParameter(str(exc)) from None
    raise typer.Exit(run(request, Console(), HOST))


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
        spec = FromSpec(from_spec, operation, count, seed, _VERSIONS[event_version])
        try:
            events = spec.events()
        except RequestError as exc:
            raise typer.BadParameter(str(exc)) from None
        if output is None:  # JSONL on stdout: one case per line, as --cases FILE.jsonl reads it
            sys.stdout.write("".join(json.dumps(e.event, ensure_ascii=False) + "\n" for e in events))
        else:
            from golden.cases.fromspec import write_cases

            assert operation is not None  # spec.events() checked it
            for path in write_cases(events, operation, output):
                sys.stderr.write(f"wrote {path}\n")
        return
    assert source is not None
    text = template_text(source)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
