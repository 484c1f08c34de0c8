"""`migrate canary`: thin Typer functions over `migrator.canary.run.run` and `migrator.canary.emit.run.run`.

`migrate canary FUNCTION ...` is short for `migrate canary rollout FUNCTION ...`; `migrate canary emit
FUNCTION` writes the same rollout as infrastructure code (a function named `emit` or `rollout` needs
the long form).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.console import Console
from typer.core import TyperGroup

from migrator.canary.emit import EmitOptions
from migrator.canary.emit.formats import EMIT_FORMATS
from migrator.canary.emit.run import EmitRequest
from migrator.canary.emit.run import run as run_emit
from migrator.canary.formats import CANARY_FORMATS
from migrator.canary.request import CanaryRequest, GateSettings
from migrator.canary.run import run


class _RolloutByDefault(TyperGroup):
    """Route `migrate canary FUNCTION ...` to the `rollout` command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's vendored click Context
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["rollout", *args]
        return super().parse_args(ctx, args)


canary_app = typer.Typer(
    cls=_RolloutByDefault,
    help="Shift an alias's traffic to a new version step by step, behind gates, with rollback.",
    no_args_is_help=True,
)


class Config(StrEnum):
    Canary10Percent5Minutes = "Canary10Percent5Minutes"
    Canary10Percent10Minutes = "Canary10Percent10Minutes"
    Canary10Percent15Minutes = "Canary10Percent15Minutes"
    Canary10Percent30Minutes = "Canary10Percent30Minutes"
    Linear10PercentEvery1Minute = "Linear10PercentEvery1Minute"
    Linear10PercentEvery2Minutes = "Linear10PercentEvery2Minutes"
    Linear10PercentEvery3Minutes = "Linear10PercentEvery3Minutes"
    Linear10PercentEvery10Minutes = "Linear10PercentEvery10Minutes"
    AllAtOnce = "AllAtOnce"


class OnInterrupt(StrEnum):
    rollback = "rollback"
    hold = "hold"


if TYPE_CHECKING:
    FormatName = str
    EmitFormatName = str
else:
    # --format's choices are the registries' names (typer reads a Literal as a choice).
    FormatName = Literal[CANARY_FORMATS.names()]
    EmitFormatName = Literal[EMIT_FORMATS.names()]


FunctionArg = Annotated[str, typer.Argument(help="The Lambda function's name.")]
StepsOption = Annotated[
    str | None, typer.Option("--steps", help="Percent on the new version per step, e.g. 10,25,50,100.")
]
ConfigOption = Annotated[Config | None, typer.Option("--config", help="A CodeDeploy predefined config.")]
IntervalOption = Annotated[
    float | None,
    typer.Option("--interval", min=0, help="Seconds to wait after each step (default: the config's)."),
]
AlarmOption = Annotated[
    list[str] | None, typer.Option("--alarm", help="CloudWatch alarm that rolls back when in ALARM.")
]
ToVersionOption = Annotated[
    str | None, typer.Option("--to-version", help="The published version to shift traffic to.")
]
MaxErrorRateOption = Annotated[
    float, typer.Option(min=0, help="How far the new error rate may exceed the old (0.01 = 1 point).")
]
MaxP99RatioOption = Annotated[
    float, typer.Option(min=0, help="New p99 duration at most this times the old; 0 turns the gate off.")
]
MinInvocationsOption = Annotated[
    int, typer.Option(min=1, help="Fewer invocations on a version is 'not enough data'.")
]
GoldenReportOption = Annotated[
    Path | None, typer.Option("--golden-report", help="`migrate golden --format json` report; must pass.")
]
LocalOption = Annotated[
    bool, typer.Option("--local", help="Start a local moto server with a demo FUNCTION and ALIAS.")
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Check and print the plan; change nothing.")]
ResumeOption = Annotated[bool, typer.Option("--resume", help="Continue the rollout recorded on the alias.")]
RollbackOption = Annotated[bool, typer.Option("--rollback", help="Undo the rollout recorded on the alias.")]
OnInterruptOption = Annotated[
    OnInterrupt, typer.Option("--on-interrupt", help="On Ctrl-C/SIGTERM: roll back, or hold the step.")
]


@canary_app.command("rollout")
def rollout_command(
    function: FunctionArg,
    alias: Annotated[str, typer.Option("--alias", help="The alias clients invoke.")],
    to_version: ToVersionOption = None,
    steps: StepsOption = None,
    config: ConfigOption = None,
    interval: IntervalOption = None,
    alarm: AlarmOption = None,
    max_error_rate: MaxErrorRateOption = 0.01,
    max_p99_ratio: MaxP99RatioOption = 1.2,
    min_invocations: MinInvocationsOption = 100,
    metric_gates: Annotated[bool, typer.Option(help="Check error rate and p99 from CloudWatch.")] = True,
    golden_report: GoldenReportOption = None,
    region: Annotated[str | None, typer.Option("--region", help="AWS region.")] = None,
    endpoint_url: Annotated[str | None, typer.Option("--endpoint-url", help="Send AWS calls here.")] = None,
    local: LocalOption = False,
    dry_run: DryRunOption = False,
    resume: ResumeOption = False,
    rollback: RollbackOption = False,
    on_interrupt: OnInterruptOption = OnInterrupt.rollback,
    output_format: Annotated[FormatName, typer.Option("--format", help="Final record format.")] = "table",
    live: Annotated[bool, typer.Option(help="Live progress view on stderr (on a terminal).")] = True,
) -> None:
    """Shift FUNCTION's ALIAS to --to-version step by step; roll back when a gate fails.

    Exit 0 promoted, 1 rolled back or held, 2 refused or could not run.
    """
    if resume and rollback:
        raise typer.BadParameter("give --resume or --rollback, not both")
    gates = GateSettings(
        max_error_rate=max_error_rate,
        max_p99_ratio=max_p99_ratio or None,
        min_invocations=min_invocations,
        metrics=metric_gates,
    )
    request = CanaryRequest(
        function=function,
        alias=alias,
        to_version=to_version,
        steps=steps,
        config=config.value if config else None,
        interval_s=interval,
        alarms=tuple(alarm or ()),
        gates=gates,
        golden_report=golden_report,
        region=region,
        endpoint_url=endpoint_url,
        dry_run=dry_run,
        mode="resume" if resume else "rollback" if rollback else "start",
        on_interrupt=on_interrupt.value,
        output_format=output_format,
        live=live,
        local=local,
    )
    raise typer.Exit(run(request, Console()))


@canary_app.command("emit")
def emit_command(
    function: FunctionArg,
    output_format: Annotated[EmitFormatName, typer.Option("--format", help="What to write.")],
    alias: Annotated[str, typer.Option("--alias", help="The alias clients invoke.")] = "live",
    steps: StepsOption = None,
    config: ConfigOption = None,
    interval: IntervalOption = None,
    alarm: AlarmOption = None,
    pre_traffic_hook: Annotated[
        str | None, typer.Option(help="Function run before traffic shifts (CodeDeploy hook).")
    ] = None,
    post_traffic_hook: Annotated[
        str | None, typer.Option(help="Function run after traffic shifts (CodeDeploy hook).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE, not stdout.")] = None,
) -> None:
    """Write the same rollout as SAM, CloudFormation (CodeDeploy) or Terraform."""
    options = EmitOptions(
        function=function,
        alias=alias,
        steps=steps,
        config=config.value if config else None,
        interval_s=interval,
        alarms=tuple(alarm or ()),
        pre_traffic_hook=pre_traffic_hook,
        post_traffic_hook=post_traffic_hook,
    )
    raise typer.Exit(run_emit(EmitRequest(options, output_format, output), Console()))
