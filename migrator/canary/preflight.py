"""Checks before any change, collected as values: every reason to refuse is listed, then the run exits 2.

Lambda itself refuses routing between versions with different execution roles or dead-letter
configs and routing from or to `$LATEST`; moto accepts all of it, so the tool checks it here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from migrator.canary.backend import AliasInfo, DeployBackend
from migrator.canary.errors import NotFound
from migrator.canary.golden_gate import golden_verdict
from migrator.canary.state import MAX_DESCRIPTION, RolloutRecord, decode


@dataclass(frozen=True)
class Refusal:
    """One reason the rollout cannot start: `rule` is a stable name, `message` says what to do."""

    rule: str
    message: str


@dataclass(frozen=True)
class AliasTarget:
    """What the checks found: the alias as read, the version it serves now, and its record if any."""

    alias: AliasInfo
    from_version: str
    record: RolloutRecord | None


def weight_problems(percents: Sequence[float]) -> list[Refusal]:
    """Every step but the last must be strictly between 0 and 100 %, the last exactly 100 (promotion)."""
    problems = []
    for index, percent in enumerate(percents[:-1], start=1):
        weight = round(percent / 100.0, 6)  # what update_alias is sent (rollout.py)
        if not 0.0 < weight < 1.0:
            problems.append(
                Refusal(
                    "weight",
                    f"step {index}: weight {weight:g} ({percent:.10g}%) must be above 0 and "
                    "below 1; only the last step is 100% (the promotion)",
                )
            )
    if not percents or percents[-1] != 100.0:
        problems.append(Refusal("weight", "the last step must be 100% (the promotion)"))
    return problems


def record_problems(record: RolloutRecord) -> list[Refusal]:
    """The rollout's record must fit the alias description Lambda allows (256 characters) at every step.

    moto takes any length; Lambda refuses the first `update_alias` with a ValidationException.
    """
    worst = record.at(max(len(record.percents) - 1, 0), "held", "SIGTERM; held")
    length = len(worst.encode())
    if length <= MAX_DESCRIPTION:
        return []
    return [
        Refusal(
            "steps",
            f"{len(record.percents)} steps make a {length}-character record, over the "
            f"{MAX_DESCRIPTION} an alias description holds; give fewer steps or rounder percentages",
        )
    ]


def read_alias(backend: DeployBackend, function: str, alias: str) -> tuple[AliasTarget | None, list[Refusal]]:
    """The alias and the version it serves, or the refusal saying which of function/alias is missing."""
    try:
        info = backend.get_alias(function, alias)
    except NotFound as exc:
        return None, [
            Refusal(
                "alias", f"function {function} or its alias {alias} not found ({exc}); create the alias first"
            )
        ]
    record = decode(info.description)
    from_version = record.from_version if record is not None and record.active else info.function_version
    return AliasTarget(info, from_version, record), []


def version_problems(
    backend: DeployBackend, function: str, from_version: str, to_version: str
) -> list[Refusal]:
    """The target is a published version other than the current one, with the same role and DLQ."""
    if to_version == "$LATEST" or not to_version.isdigit():
        return [
            Refusal(
                "version",
                f"--to-version {to_version}: give a published version number, never "
                "$LATEST (publish one with `aws lambda publish-version`)",
            )
        ]
    if to_version == from_version:
        return [Refusal("version", f"the alias already serves version {to_version}; nothing to shift")]
    try:
        target = backend.get_version(function, to_version)
    except NotFound:
        return [Refusal("version", f"version {to_version} of {function} does not exist; publish it first")]
    try:
        current = backend.get_version(function, from_version)
    except NotFound:
        return [Refusal("version", f"the alias's version {from_version} of {function} does not exist")]
    problems = []
    if target.role != current.role:
        problems.append(
            Refusal(
                "role",
                f"version {to_version} runs as {target.role} but version "
                f"{from_version} as {current.role}; Lambda routes only between "
                "versions with the same execution role",
            )
        )
    if target.dead_letter_target != current.dead_letter_target:
        problems.append(
            Refusal(
                "dead-letter",
                f"version {to_version} has dead-letter target "
                f"{target.dead_letter_target or 'none'} but version "
                f"{from_version} {current.dead_letter_target or 'none'}; "
                "Lambda needs the same dead-letter config",
            )
        )
    return problems


def shift_problems(target: AliasTarget, to_version: str, resuming: bool) -> list[Refusal]:
    """A new rollout must not start over one in progress; `--resume` needs one to continue."""
    active = target.record is not None and target.record.active
    extra = [v for v in target.alias.weights if v != to_version]
    if resuming:
        if not active:
            return [
                Refusal("resume", "no rollout recorded on the alias to resume; start one with --to-version")
            ]
        return []
    if active:
        assert target.record is not None
        return [
            Refusal(
                "in-progress",
                f"a rollout to version {target.record.to_version} is in progress "
                f"(step {target.record.step + 1}); use --resume or --rollback",
            )
        ]
    if target.alias.weights:
        shown = ", ".join(f"{v}={w:g}" for v, w in target.alias.weights.items())
        other = "another version" if extra else "this version"
        return [
            Refusal(
                "mid-shift",
                f"the alias already routes to {other} ({shown}); finish or clear that shift first",
            )
        ]
    return []


def alarm_problems(backend: DeployBackend, alarms: Sequence[str]) -> list[Refusal]:
    """Every named alarm exists (describe_alarms ignores unknown names, so count them)."""
    if not alarms:
        return []
    known = backend.alarm_states(alarms)
    return [
        Refusal("alarm", f"alarm {name!r} does not exist; create it or drop --alarm {name}")
        for name in alarms
        if name not in known
    ]


def golden_problems(report: Path | None) -> list[Refusal]:
    """A given golden report must pass (correctness and latency)."""
    if report is None:
        return []
    verdict = golden_verdict(report)
    return [] if verdict.passed else [Refusal("golden", f"golden report fails: {verdict.detail}")]
