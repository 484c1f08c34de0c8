"""From the request and the alias as read: the record to roll out and every reason to refuse it.

A start plans a new record; a resume takes the alias's own record and checks the alias still routes
as it says; both then meet the same checks (versions, weights, record size, alarms, golden report).
"""

from __future__ import annotations

from migrator.canary import preflight
from migrator.canary.backend import DeployBackend
from migrator.canary.errors import CanaryError
from migrator.canary.outcome import Result
from migrator.canary.plan import Plan
from migrator.canary.request import CanaryRequest
from migrator.canary.state import RolloutRecord


def resumed(
    request: CanaryRequest, target: preflight.AliasTarget, refusals: list[preflight.Refusal]
) -> tuple[RolloutRecord | None, list[preflight.Refusal]]:
    """The alias's record to continue (None when there is none), and the refusals so far."""
    record = target.record
    refusals = refusals + preflight.shift_problems(target, request.to_version or "", resuming=True)
    if refusals or record is None:
        return None, refusals
    weights = dict(target.alias.weights)
    return record, refusals + _resume_problems(request, target.alias.function_version, weights, record)


def planned(
    request: CanaryRequest, target: preflight.AliasTarget, plan: Plan, refusals: list[preflight.Refusal]
) -> tuple[RolloutRecord, list[preflight.Refusal]]:
    """A new record for `plan` from the version the alias serves, and the refusals so far."""
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
    return record, refusals + preflight.shift_problems(target, request.to_version, resuming=False)


def more_problems(
    request: CanaryRequest,
    backend: DeployBackend,
    record: RolloutRecord,
    planning: bool,
    refusals: list[preflight.Refusal],
) -> list[preflight.Refusal]:
    """`refusals` with the checks every run meets (the plan's own first when `planning`)."""
    if not refusals:  # versions are compared only for an alias in a known state
        refusals = refusals + preflight.version_problems(
            backend, request.function, record.from_version, record.to_version
        )
    if planning:
        refusals = preflight.weight_problems(record.percents) + preflight.record_problems(record) + refusals
    refusals = refusals + preflight.alarm_problems(backend, request.alarms)
    return refusals + preflight.golden_problems(request.golden_report)


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


def refused(
    request: CanaryRequest,
    from_version: str | None,
    to_version: str | None,
    refusals: list[preflight.Refusal],
) -> Result:
    """The result of a run the pre-flight checks stopped: nothing was changed."""
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


def dry_run(request: CanaryRequest, record: RolloutRecord, wait_s: float) -> Result:
    """What a `--dry-run` start or resume would do, as its result."""
    steps = ", ".join(f"{p:g}%" for p in record.percents)
    gates = [f"alarms {', '.join(request.alarms)}"] if request.alarms else []
    if request.gates.metrics:
        gates.append(f"error rate at most +{request.gates.max_error_rate:.2%}")
        if request.gates.max_p99_ratio is not None:
            gates.append(f"p99 at most x{request.gates.max_p99_ratio:g}")
        gates.append(f"at least {request.gates.min_invocations} invocations per version")
    checked = "; ".join(gates) or "no gates"
    text = (
        f"dry run: would shift version {record.from_version} → {record.to_version} in steps {steps}, "
        f"{wait_s:g}s apart, checking after each: {checked}; nothing was changed"
    )
    return Result(
        request.function,
        request.alias,
        record.from_version,
        record.to_version,
        "dry-run",
        text,
        record.step,
        record.percents,
    )
