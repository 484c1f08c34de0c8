"""The middle of a `migrate golden` run: both sides started where the request says (local runtimes,
deployed functions, the AWS their SDK calls reach), every case run through them, the report finished
with its latency mode and cost. Everything started is stopped when the run ends or is signalled."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from codegen.interrupts import terminate_cleanly
from golden.aws.reach import AwsMode, caller_region
from golden.runners.parallel import run_golden_parallel
from golden.runners.remote import LambdaClient, lambda_client
from golden.sides.choose import LocalOptions, go_side, node_side
from golden.sides.wiring import report_cost, run_aws, sandbox_warnings

if TYPE_CHECKING:
    from rich.console import Console

    from golden.cases.files import Case
    from golden.command import GoldenRequest, ProgressBar
    from golden.config import GoldenSettings
    from golden.session import EffectsProbe, GoldenReport


class LazyClient:
    """boto3's Lambda client, made on first use only (a run with two local sides never needs one)."""

    def __init__(self, region: str | None, endpoint_url: str | None, pool: int) -> None:
        self._region = region or ("us-east-1" if endpoint_url else None)  # an emulator does not care which
        self._endpoint_url = endpoint_url
        self._pool = pool
        self._client: LambdaClient | None = None

    def __call__(self) -> LambdaClient:
        if self._client is None:
            self._client = lambda_client(
                region=self._region, endpoint_url=self._endpoint_url, pool=self._pool
            )
        return self._client


def run_sides(
    request: GoldenRequest,
    cases: Sequence[Case],
    settings: GoldenSettings,
    env: dict[str, str],
    stderr: Console,
    progress_bar: ProgressBar,
) -> GoldenReport:
    """Every case through both sides, judged; the report with the request's latency mode and the cost."""
    remote_region = request.aws is AwsMode.real or request.remote
    region = request.region or (caller_region(os.environ) if remote_region else None)
    options = LocalOptions(request.timeout, request.memory, region or "us-east-1", env, request.scan_root)
    client = LazyClient(region, request.endpoint_url, request.concurrency or 8)
    warn = functools.partial(stderr.print, style="bold red", markup=False, highlight=False, soft_wrap=True)
    with contextlib.ExitStack() as stack:
        stack.enter_context(terminate_cleanly())  # SIGTERM/SIGHUP unwind this block, killing everything
        compare_effects = request.effects == "compare" and request.node is not None and request.go is not None
        aws = request.aws if request.local else AwsMode.none
        node_aws, go_aws, probe = run_aws(stack, aws, compare_effects, settings, options.region, warn)
        node = node_side(
            stack,
            node=request.node,
            node_lambda=request.node_lambda,
            options=options,
            aws=node_aws,
            client=client,
        )
        go = go_side(
            stack,
            go=request.go,
            go_lambda=request.go_lambda,
            options=options,
            aws=go_aws,
            client=client,
            like=node.function,
        )
        advance = stack.enter_context(progress_bar(stderr, label="running cases", min_total=10))
        report = run_golden_parallel(
            cases,
            node.invoker,
            go.invoker,
            settings,
            runs=request.runs,
            concurrency=_concurrency(request, probe),
            progress=advance,
            effects=probe,
        )
    for line in sandbox_warnings([node.invoker, go.invoker]):
        warn(line)
    cost = report_cost(report, node.function or go.function, options.memory_mb)
    return dataclasses.replace(report, latency_mode=request.latency, cost=cost)


def _concurrency(request: GoldenRequest, probe: EffectsProbe | None) -> int:
    """Cases in flight: one when side effects are compared (one moto state per side), else the
    request's, by default 8 when both sides are deployed and 1 when a side runs here."""
    if probe is not None:
        return 1
    return request.concurrency or (8 if request.node_lambda and request.go_lambda else 1)
