"""What a local golden run is wired to, from the CLI's choices: the AWS each side's SDK calls reach
(one shared moto server, one fresh moto state per side for side effects, real AWS, or nothing), and
the cost projection added to the finished report."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence

from golden.aws.effects import MotoEffects
from golden.aws.reach import AwsMode, AwsSetup, aws_setup
from golden.aws.setup import apply_setup, load_setup
from golden.compare.cost import Cost, load_prices, project_cost
from golden.config import GoldenSettings
from golden.session import GoldenReport
from golden.sides.choose import DEFAULT_MEMORY_MB
from golden.sides.function import FunctionFacts


def run_aws(
    stack: contextlib.ExitStack,
    mode: AwsMode,
    compare_effects: bool,
    settings: GoldenSettings,
    region: str,
    warn: Callable[[str], None],
) -> tuple[AwsSetup, AwsSetup, MotoEffects | None]:
    """Node's AWS, Go's AWS, and the side-effect probe when side effects are compared (moto only)."""
    if compare_effects and mode is AwsMode.moto:
        calls = load_setup(settings.aws_setup) if settings.aws_setup is not None else ()
        probe = stack.enter_context(MotoEffects(calls, region))
        return AwsSetup(mode, probe.env("node")), AwsSetup(mode, probe.env("go")), probe
    setup = stack.enter_context(aws_setup(mode, environ=os.environ, warn=warn))
    if settings.aws_setup is not None and setup.mode is AwsMode.moto:
        # Resources the functions expect (tables, queues, seed items), made before any case runs.
        apply_setup(load_setup(settings.aws_setup), setup.env["AWS_ENDPOINT_URL"], region)
    elif settings.aws_setup is not None:
        warn(f"note: aws-setup {settings.aws_setup} is made only on golden's moto server; skipped")
    return setup, setup, None


FULL_SANDBOX = "user+pid+mount"


def sandbox_warnings(invokers: Sequence[object]) -> list[str]:
    """One line per local side whose runtime ran in a weaker sandbox than the full one."""
    lines = []
    for invoker in invokers:
        mode = getattr(invoker, "sandbox_mode", None)
        if mode is not None and mode != FULL_SANDBOX:
            function = getattr(invoker, "function", None)
            name = function.name if isinstance(function, FunctionFacts) else "a local side"
            lines.append(
                f"warning: {name} ran in golden's weaker sandbox ({mode}): this machine refused user "
                "namespaces; see docs/golden-sandbox.md for what that leaves readable"
            )
    return lines


def report_cost(report: GoldenReport, function: FunctionFacts | None, memory_mb: int | None) -> Cost:
    """Both sides' projected cost at the function's memory size (a local side's, else --memory)."""
    memory = function.memory_mb if function is not None else memory_mb or DEFAULT_MEMORY_MB
    node_p50s = [c.latency.node.p50_ms for c in report.cases if c.latency.node and c.latency.node.p50_ms]
    go_p50s = [c.latency.go.p50_ms for c in report.cases if c.latency.go and c.latency.go.p50_ms]
    return project_cost(node_p50s, go_p50s, memory, load_prices())
