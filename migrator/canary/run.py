"""`run(request, console) -> exit code`: pre-flight, then the rollout (or a dry run, resume, rollback)."""

from __future__ import annotations

import math

from rich.console import Console

from migrator.canary import preflight
from migrator.canary.backend import DeployBackend
from migrator.canary.boto_backend import Boto3Backend
from migrator.canary.errors import CanaryError
from migrator.canary.interrupts import StopFlag, catching_signals
from migrator.canary.outcome import Result
from migrator.canary.plan import make_plan
from migrator.canary.request import CanaryRequest
from migrator.canary.rollout import Rollout
from migrator.canary.state import RolloutRecord
from migrator.canary.view import render_json, render_table, watching


def run(
    request: CanaryRequest,
    console: Console,
    *,
    stderr: Console | None = None,
    backend: DeployBackend | None = None,
    stop: StopFlag | None = None,
) -> int:
    """Do what `request` asks, print the final record on `console`, and return the exit code."""
    stderr = stderr or Console(stderr=True)
    try:
        result = _run(request, stderr, backend, stop or StopFlag())
    except CanaryError as exc:
        stderr.print(f"migrate: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        return 2
    for refusal in result.refusals:
        stderr.print(f"migrate: refused: {refusal}", markup=False, highlight=False, soft_wrap=True)
    if request.output_format == "json":
        console.out(render_json(result), end="", highlight=False)
    else:
        render_table(result, console)
    return result.exit_code


def _run(request: CanaryRequest, stderr: Console, backend: DeployBackend | None, stop: StopFlag) -> Result:
    interval = request.interval_s
    if interval is not None and (not math.isfinite(interval) or interval < 0):  # --resume too
        raise CanaryError(f"--interval {interval}: give a number of seconds, 0 or more")
    plan = make_plan(request.steps, request.config, interval) if request.mode == "start" else None
    backend = backend or Boto3Backend(request.region, request.endpoint_url)
    target, refusals = preflight.read_alias(backend, request.function, request.alias)
    if target is None:
        return _refused(request, None, None, refusals)
    record = target.record
    if request.mode == "rollback":
        return _rollback(request, backend, target, stop, stderr)
    if request.mode == "resume":
        refusals += preflight.shift_problems(target, request.to_version or "", resuming=True)
        if refusals or record is None:
            return _refused(request, target.from_version, request.to_version, refusals)
        refusals += _resume_problems(
            request, target.alias.function_version, dict(target.alias.weights), record
        )
    else:
        assert plan is not None
        if request.to_version is None:
            raise CanaryError("give --to-version N (or --resume / --rollback for a recorded rollout)")
        record = RolloutRecord(
            target.from_version,
            request.to_version,
            plan.percents,
            -1,
            "shifting",
            plan.wait_s,
            description=target.alias.description,
        )
        refusals += preflight.shift_problems(target, request.to_version, resuming=False)
    if not refusals:  # versions are compared only for an alias in a known state
        refusals += preflight.version_problems(
            backend, request.function, record.from_version, record.to_version
        )
    if plan is not None:
        refusals = preflight.weight_problems(plan.percents) + preflight.record_problems(record) + refusals
    refusals += preflight.alarm_problems(backend, request.alarms)
    refusals += preflight.golden_problems(request.golden_report)
    if refusals:
        return _refused(request, record.from_version, record.to_version, refusals)
    wait_s = record.wait_s if request.interval_s is None else request.interval_s
    if request.dry_run:
        plan_text = _plan_text(record, request, wait_s)
        return Result(
            request.function,
            request.alias,
            record.from_version,
            record.to_version,
            "dry-run",
            plan_text,
            record.step,
            record.percents,
        )
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
            return _refused(
                request,
                target.from_version,
                None,
                [
                    preflight.Refusal(
                        "rollback",
                        "nothing to roll back: no rollout recorded and no weighted routing on the alias",
                    )
                ],
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


def _resume_problems(
    request: CanaryRequest, primary: str, weights: dict[str, float], record: RolloutRecord
) -> list[preflight.Refusal]:
    problems = []
    if request.to_version is not None and request.to_version != record.to_version:
        problems.append(
            preflight.Refusal(
                "resume",
                f"the recorded rollout goes to version {record.to_version}, not {request.to_version}",
            )
        )
    expected = {record.to_version: round(record.percents[record.step] / 100.0, 6)} if record.step >= 0 else {}
    if primary != record.from_version or weights != expected or not 0 <= record.step < len(record.percents):
        problems.append(
            preflight.Refusal(
                "resume",
                "the alias's routing no longer matches its record (changed by hand?); use --rollback",
            )
        )
    return problems


def _refused(
    request: CanaryRequest,
    from_version: str | None,
    to_version: str | None,
    refusals: list[preflight.Refusal],
) -> Result:
    return Result(
        request.function,
        request.alias,
        from_version,
        to_version,
        "refused",
        f"{len(refusals)} pre-flight checks failed; nothing was changed",
        -1,
        (),
        refusals=tuple(f"{r.rule}: {r.message}" for r in refusals),
    )


def _plan_text(record: RolloutRecord, request: CanaryRequest, wait_s: float) -> str:
    steps = ", ".join(f"{p:g}%" for p in record.percents)
    gates = [f"alarms {', '.join(request.alarms)}"] if request.alarms else []
    if request.gates.metrics:
        gates.append(f"error rate at most +{request.gates.max_error_rate:.2%}")
        if request.gates.max_p99_ratio is not None:
            gates.append(f"p99 at most x{request.gates.max_p99_ratio:g}")
        gates.append(f"at least {request.gates.min_invocations} invocations per version")
    checked = "; ".join(gates) or "no gates"
    return (
        f"dry run: would shift version {record.from_version} → {record.to_version} in steps {steps}, "
        f"{wait_s:g}s apart, checking after each: {checked}; nothing was changed"
    )
