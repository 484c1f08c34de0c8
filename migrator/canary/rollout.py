"""The rollout loop: apply a step, wait, read the gates; promote at the end, roll back on any failure.

Each `update_alias` writes the weights and the state record (state.py) together, with the RevisionId
read just before and a check that the alias still holds what we last wrote (moto never changes
RevisionId, so the record is what catches a concurrent change there).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from migrator.canary.backend import AliasInfo, DeployBackend
from migrator.canary.errors import BackendError, Conflict
from migrator.canary.gates import GateReading, alarm_reading, metric_readings, overall
from migrator.canary.interrupts import StopFlag
from migrator.canary.outcome import Check, FinalStatus, Result
from migrator.canary.request import CanaryRequest
from migrator.canary.state import RolloutRecord


class Watcher(Protocol):
    """What the live view is told (view.py); every method must return quickly."""

    def step(self, index: int, total: int, percent: float) -> None: ...

    def countdown(self, seconds_left: float) -> None: ...

    def check(self, check: Check) -> None: ...

    def note(self, text: str) -> None: ...


@dataclass
class Rollout:
    """One rollout of `record` on the request's alias; `run(first)` starts at step `first`."""

    request: CanaryRequest
    backend: DeployBackend
    record: RolloutRecord
    wait_s: float
    stop: StopFlag
    watcher: Watcher
    alias: AliasInfo
    """The alias as we last read or wrote it."""
    checks: list[Check] = field(default_factory=list)

    def run(self, first: int, *, applied: bool = False) -> Result:
        """Steps from `first` on; `applied` when the alias is already at step `first` (a resume)."""
        step = first if applied else first - 1
        try:
            for index in range(first, len(self.record.percents)):
                if self.stop.is_set:
                    return self._interrupted(step)
                percent = self.record.percents[index]
                self.watcher.step(index, len(self.record.percents), percent)
                if percent >= 100.0:
                    self._write(self.record.to_version, {}, self.record.final_description())
                    self.watcher.note(f"promoted: {self.record.to_version} serves all traffic")
                    return self._result("promoted", "", index)
                if not (applied and index == first):
                    weights = {self.record.to_version: round(percent / 100.0, 6)}
                    self._write(self.record.from_version, weights, self.record.at(index).encode())
                step = index
                verdict = self._gates(index, percent)
                if verdict == "interrupted":
                    return self._interrupted(step)
                if verdict:
                    return self._rollback(verdict, step)
        except Conflict as exc:
            return self._result(
                "stopped", f"{exc}; the alias was changed by someone else, so nothing more was changed", step
            )
        except BackendError as exc:
            return self._rollback(f"error: {exc}", step)
        return self._result("promoted", "", step)

    def rollback(self, reason: str) -> Result:
        """Primary back to the old version, routing cleared (`--rollback`, or a failed rollout)."""
        return self._rollback(reason, self.record.step, requested=True)

    def _gates(self, index: int, percent: float) -> str:
        """Wait, then read the gates until they pass; "" to go on, else why to roll back."""
        for attempt in range(self.request.gates.max_extensions + 1):
            if self._sleep(self.wait_s):
                return "interrupted"
            readings = self._read()
            check = Check(index, percent, tuple(readings))
            self.checks.append(check)
            self.watcher.check(check)
            status = overall(readings)
            if status == "fail":
                failed = "; ".join(f"{r.gate}: {r.detail}" for r in readings if r.status == "fail")
                return f"gate failed at {percent:g}%: {failed}"
            if status == "pass":
                return ""
            if attempt < self.request.gates.max_extensions:
                self.watcher.note(f"not enough data at {percent:g}%; waiting another interval")
        return (
            f"not enough data at {percent:g}% after {self.request.gates.max_extensions + 1} checks; "
            "lower --min-invocations or send traffic"
        )

    def _read(self) -> list[GateReading]:
        readings = []
        alarms = alarm_reading(self.backend, self.request.alarms)
        if alarms is not None:
            readings.append(alarms)
        if self.request.gates.metrics:
            versions = (self.record.from_version, self.record.to_version)
            readings.extend(
                metric_readings(
                    self.backend,
                    self.request.function,
                    self.request.alias,
                    versions,
                    self.request.gates,
                    self.wait_s,
                )
            )
        return readings

    def _sleep(self, seconds: float) -> bool:
        """Wait with a countdown; True when interrupted."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.watcher.countdown(left)
            if self.stop.wait(min(left, 1.0)):
                return True
        return self.stop.is_set

    def _write(self, version: str, weights: dict[str, float], description: str) -> None:
        current = self.backend.get_alias(self.request.function, self.request.alias)
        if (
            current.description != self.alias.description
            or dict(current.weights) != dict(self.alias.weights)
            or current.function_version != self.alias.function_version
        ):
            raise Conflict("update_alias", "the alias no longer holds what this rollout last wrote")
        try:
            self.alias = self.backend.update_alias(
                self.request.function,
                self.request.alias,
                version=version,
                weights=weights,
                description=description,
                revision_id=current.revision_id,
            )
        except BackendError:
            landed = self._landed(version, weights, description)
            if landed is None:
                raise
            self.alias = landed

    def _landed(self, version: str, weights: dict[str, float], description: str) -> AliasInfo | None:
        """The alias if a failed `update_alias` did land anyway (its reply was lost, or botocore's retry
        of it met the RevisionId the first attempt changed); None when it did not or cannot be read."""
        try:
            after = self.backend.get_alias(self.request.function, self.request.alias)
        except BackendError:
            return None
        wrote = (version, weights, description)
        return after if (after.function_version, dict(after.weights), after.description) == wrote else None

    def _interrupted(self, step: int) -> Result:
        name = self.stop.signal_name or "interrupt"
        if step < 0:  # before the first step: the alias was never touched, so there is nothing to undo
            return self._result("rolled-back", f"{name} before the first step; nothing was changed", step)
        if self.request.on_interrupt == "hold":
            record = self.record.at(step, "held", f"{name}; held")
            try:
                self._write(self.record.from_version, dict(self.alias.weights), record.encode())
            except BackendError as exc:
                self.watcher.note(f"could not mark the alias held ({exc}); it stays recorded as shifting")
            return self._result("held", f"{name}: held at step {step + 1}; --resume or --rollback", step)
        return self._rollback(f"{name}", step)

    def _rollback(self, reason: str, step: int, requested: bool = False) -> Result:
        self.watcher.note(f"rolling back: {reason}")
        try:
            self._write(self.record.from_version, {}, self.record.final_description())
        except BackendError as exc:
            return self._result(
                "stopped",
                f"{reason}; the rollback failed too ({exc}); the alias stays "
                "at its recorded step: run again with --resume or --rollback",
                step,
            )
        return self._result("undone" if requested else "rolled-back", reason, step)

    def _result(self, status: FinalStatus, reason: str, step: int) -> Result:
        return Result(
            self.request.function,
            self.request.alias,
            self.record.from_version,
            self.record.to_version,
            status,
            reason,
            step,
            self.record.percents,
            tuple(self.checks),
        )
