"""The final record of a run, printed as the table summary or as `--format json`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from codegen.exitcode import ExitCode
from migrator.canary.gates import GateReading

FinalStatus: TypeAlias = Literal["promoted", "undone", "rolled-back", "held", "stopped", "dry-run", "refused"]
EXIT_CODES: dict[str, ExitCode] = {
    "promoted": ExitCode.OK,
    "undone": ExitCode.OK,
    "dry-run": ExitCode.OK,
    "rolled-back": ExitCode.FINDINGS,
    "held": ExitCode.FINDINGS,
    "stopped": ExitCode.CANNOT_RUN,
    "refused": ExitCode.CANNOT_RUN,
}


@dataclass(frozen=True)
class Check:
    """The gates read once, after `step` (0-based) at `percent` % on the new version."""

    step: int
    percent: float
    readings: tuple[GateReading, ...]


@dataclass(frozen=True)
class Result:
    """How the run ended.

    `status`: promoted (exit 0), undone (0: `--rollback` put the old version back), dry-run (0,
    nothing changed), rolled-back (1: a gate failed, an error
    or an interrupt, and the alias serves the old version again), held (1: interrupted with
    `--on-interrupt hold`, the step recorded on the alias), stopped (2: an error left the alias at its
    recorded step; `--resume` or `--rollback`), refused (2: pre-flight, nothing changed).
    """

    function: str
    alias: str
    from_version: str | None
    to_version: str | None
    status: FinalStatus
    reason: str
    step: int
    """The last step applied (0-based), -1 if none."""
    percents: tuple[float, ...]
    checks: tuple[Check, ...] = ()
    refusals: tuple[str, ...] = ()
    version: int = 1
    """Version of this JSON shape."""

    @property
    def exit_code(self) -> ExitCode:
        return EXIT_CODES[self.status]

    def to_json(self) -> dict[str, Any]:
        body = dataclasses.asdict(self)
        body["exit_code"] = int(self.exit_code)
        return body
