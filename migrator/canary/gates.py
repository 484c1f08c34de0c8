"""The gates checked after each step: alarms, then error rate and p99 duration by `ExecutedVersion`.

A gate reads "pass", "fail" or "no-data". Too few invocations on either version, or no percentile
from CloudWatch, is "no-data": reported, and never counted as a pass (the step waits longer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, TypeAlias

from migrator.canary.backend import DeployBackend, VersionMetrics
from migrator.canary.request import GateSettings

GateStatus: TypeAlias = Literal["pass", "fail", "no-data"]


@dataclass(frozen=True)
class GateReading:
    """One gate's reading at one check."""

    gate: str
    """"alarms", "error-rate" or "p99"."""
    status: GateStatus
    detail: str


def overall(readings: Sequence[GateReading]) -> GateStatus:
    """Any failure fails; else any missing data means no pass yet; else pass."""
    statuses = {r.status for r in readings}
    if "fail" in statuses:
        return "fail"
    return "no-data" if "no-data" in statuses else "pass"


def alarm_reading(backend: DeployBackend, alarms: Sequence[str]) -> GateReading | None:
    """Fails when any alarm is in ALARM, or has disappeared since the pre-flight check."""
    if not alarms:
        return None
    states = backend.alarm_states(alarms)
    firing = [name for name in alarms if states.get(name) == "ALARM"]
    gone = [name for name in alarms if name not in states]
    if firing:
        return GateReading("alarms", "fail", "in ALARM: " + ", ".join(firing))
    if gone:
        return GateReading("alarms", "fail", "deleted during the rollout: " + ", ".join(gone))
    return GateReading("alarms", "pass", f"{len(alarms)} not in ALARM")


def metric_readings(
    backend: DeployBackend,
    function: str,
    alias: str,
    versions: tuple[str, str],
    settings: GateSettings,
    window_s: float,
    now: datetime | None = None,
) -> list[GateReading]:
    """Error rate and p99 of the new version (`versions[1]`) against the old over the last `window_s`."""
    # EndTime is exclusive and whole seconds: round up so data stamped this second counts.
    end = (now or datetime.now(UTC)).replace(microsecond=0) + timedelta(seconds=1)
    start = end - timedelta(seconds=max(window_s, settings.window_s))
    old = backend.version_metrics(function, alias, versions[0], start, end)
    new = backend.version_metrics(function, alias, versions[1], start, end)
    readings = [error_rate(old, new, settings)]
    if settings.max_p99_ratio is not None:
        readings.append(p99(old, new, settings.max_p99_ratio, settings.min_invocations))
    return readings


def error_rate(old: VersionMetrics, new: VersionMetrics, settings: GateSettings) -> GateReading:
    short = _short(old, new, settings.min_invocations)
    if short:
        return GateReading("error-rate", "no-data", short)
    old_rate, new_rate = old.errors / old.invocations, new.errors / new.invocations
    detail = f"new {new_rate:.2%} vs old {old_rate:.2%} (max +{settings.max_error_rate:.2%})"
    status: GateStatus = "fail" if new_rate - old_rate > settings.max_error_rate else "pass"
    return GateReading("error-rate", status, detail)


def p99(old: VersionMetrics, new: VersionMetrics, max_ratio: float, min_invocations: int) -> GateReading:
    short = _short(old, new, min_invocations)
    if short:
        return GateReading("p99", "no-data", short)
    if old.p99_ms is None or new.p99_ms is None:
        return GateReading("p99", "no-data", "CloudWatch returned no p99 duration for a version")
    ratio = new.p99_ms / old.p99_ms if old.p99_ms > 0 else float("inf") if new.p99_ms > 0 else 1.0
    detail = f"new {new.p99_ms:.1f} ms vs old {old.p99_ms:.1f} ms (x{ratio:.2f}, max x{max_ratio:g})"
    return GateReading("p99", "fail" if ratio > max_ratio else "pass", detail)


def _short(old: VersionMetrics, new: VersionMetrics, minimum: int) -> str:
    """The "not enough data" message, or "" when both versions had enough invocations."""
    if old.invocations >= minimum and new.invocations >= minimum and old.invocations > 0 < new.invocations:
        return ""
    return (
        f"not enough data: {new.invocations:g} invocations on the new version, {old.invocations:g} "
        f"on the old (need {minimum} each)"
    )
