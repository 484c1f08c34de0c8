"""`run(request, console) -> ExitCode`: pre-flight, then the rollout (or a dry run, resume, rollback).

Exit codes (outcome.py): 0 promoted, undone or a dry run; 1 rolled back or held; 2 refused, stopped
or could not run.
"""

from __future__ import annotations

import math
from dataclasses import replace

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.canary import preflight, prepare
from migrator.canary.backend import DeployBackend
from migrator.canary.boto_backend import Boto3Backend
from migrator.canary.errors import CanaryError
from migrator.canary.formats import show
from migrator.canary.interrupts import StopFlag, catching_signals
from migrator.canary.outcome import Result
from migrator.canary.plan import make_plan
from migrator.canary.request import CanaryRequest
from migrator.canary.rollout import Rollout
from migrator.canary.state import RolloutRecord
from migrator.canary.view import watching


def run(
    request: CanaryRequest,
    console: Console,
    *,
    stderr: Console | None = None,
    backend: DeployBackend | None = None,
    stop: StopFlag | None = None,
) -> ExitCode:
    """Do what `request` asks, print the final record on `console`, and return the exit code."""
    if request.local:
        return _run_local(request, console, stderr)
    stderr = stderr or Console(stderr=True)
    try:
        result = execute(request, stderr, backend, stop or StopFlag())
    except CanaryError as exc:
        stderr.print(f"migrate: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        return ExitCode.CANNOT_RUN
    for refusal in result.refusals:
        stderr.print(f"migrate: refused: {refusal}", markup=False, highlight=False, soft_wrap=True)
    show(result, request.output_format, console)
    return result.exit_code


def _run_local(request: CanaryRequest, console: Console, stderr: Console | None) -> ExitCode:
    """`--local`: the same run against a fresh moto server seeded with the demo (local.py)."""
    from migrator.canary.local import FAKE_CREDENTIALS, REGION, local_moto, seed_demo

    # From the server's start on, a signal only sets the flag, so the server is always stopped
    # (a SIGTERM while it started or during the pre-flight left it running).
    with catching_signals(StopFlag()) as stop, local_moto() as endpoint:
        seed_demo(endpoint, request.function, request.alias)
        local = replace(request, endpoint_url=endpoint, region=REGION, local=False)
        backend = Boto3Backend(REGION, endpoint, credentials=FAKE_CREDENTIALS)
        return run(local, console, stderr=stderr, backend=backend, stop=stop)


def execute(request: CanaryRequest, stderr: Console, backend: DeployBackend | None, stop: StopFlag) -> Result:
    """The run without its printing: how it ended (progress on `stderr`); raises `CanaryError`."""
    interval = request.interval_s
    if interval is not None and (not math.isfinite(interval) or interval < 0):  # --resume too
        raise CanaryError(f"--interval {interval}: give a number of seconds, 0 or more")
    plan = make_plan(request.steps, request.config, interval) if request.mode == "start" else None
    backend = backend or Boto3Backend(request.region, request.endpoint_url)
    target, refusals = preflight.read_alias(backend, request.function, request.alias)
    if target is None:
        return prepare.refused(request, None, None, refusals)
    if request.mode == "rollback":
        return _rollback(request, backend, target, stop, stderr)
    if plan is None:
        record, refusals = prepare.resumed(request, target, refusals)
        if record is None:
            return prepare.refused(request, target.from_version, request.to_version, refusals)
    else:
        record, refusals = prepare.planned(request, target, plan, refusals)
    refusals = prepare.more_problems(request, backend, record, plan is not None, refusals)
    if refusals:
        return prepare.refused(request, record.from_version, record.to_version, refusals)
    wait_s = record.wait_s if request.interval_s is None else request.interval_s
    if request.dry_run:
        return prepare.dry_run(request, record, wait_s)
    with catching_signals(stop), watching(stderr, record.to_version, request.live) as watcher:
        rollout = Rollout(request, backend, record, wait_s, stop, watcher, target.alias)
        if request.mode == "resume":
            watcher.note(f"resuming at step {record.step + 1} ({record.percents[record.step]:g}%)")
            return rollout.run(record.step, applied=True)
        return rollout.run(0)


def _rollback(
    request: CanaryRequest,
    backend: DeployBackend,
    target: preflight.AliasTarget,
    stop: StopFlag,
    stderr: Console,
) -> Result:
    record = target.record
    if record is None or not record.active:
        if not target.alias.weights:
            nothing = "nothing to roll back: no rollout recorded and no weighted routing on the alias"
            return prepare.refused(
                request, target.from_version, None, [preflight.Refusal("rollback", nothing)]
            )
        # Routing set by hand or by another tool: clear it, keep the primary and the description.
        extra = next(iter(target.alias.weights))
        record = RolloutRecord(
            target.alias.function_version, extra, (), -1, "shifting", description=target.alias.description
        )
    if request.dry_run:
        text = (
            f"dry run: would put version {record.from_version} back as the primary and clear the "
            f"routing to {record.to_version}; nothing was changed"
        )
        return Result(
            request.function, request.alias, record.from_version, record.to_version, "dry-run", text, -1, ()
        )
    with watching(stderr, record.to_version, False) as watcher:
        rollout = Rollout(request, backend, record, 0.0, stop, watcher, target.alias)
        return rollout.rollback("requested with --rollback")
