"""The demo's facts: one `StageResult` per stage and the `DemoReport` the summary renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from codegen.errors import CodegenError
from codegen.exitcode import ExitCode
from golden.errors import GoldenError
from migrator.errors import MigrateError

#: What a stage may raise when it cannot run: our own errors, one line each.
STAGE_ERRORS = (MigrateError, GoldenError, CodegenError)


@dataclass(frozen=True)
class StageResult:
    """How one stage went."""

    stage: str  #: scan | stub | golden | canary
    did: str  #: one line: what it did and found
    seconds: float  #: wall time
    verdict: str  #: ok | findings | could not run | skipped, or the stage's own word (pass, promoted)
    exit_code: ExitCode  #: what this stage adds to the demo's exit code
    facts: dict[str, Any] = field(default_factory=dict)
    """The stage's real results, for `--format json` and the tests (counts, verdicts, final state)."""


@dataclass(frozen=True)
class DemoReport:
    """The whole run."""

    stages: tuple[StageResult, ...]
    out: str  #: the output folder
    kept: bool  #: whether it is still there after the run

    @property
    def exit_code(self) -> ExitCode:
        return max((s.exit_code for s in self.stages), default=ExitCode.OK)

    def to_json(self) -> dict[str, Any]:
        return {
            "exit_code": int(self.exit_code),
            "out": self.out,
            "kept": self.kept,
            "stages": [
                {
                    "stage": s.stage,
                    "did": s.did,
                    "seconds": round(s.seconds, 2),
                    "verdict": s.verdict,
                    "exit_code": int(s.exit_code),
                    "facts": s.facts,
                }
                for s in self.stages
            ],
        }


def cannot_run(stage: str, error: BaseException) -> StageResult:
    """A stage stopped by one of our errors: its message, one line."""
    message = " ".join(str(error).split())
    return StageResult(stage, message, 0.0, "could not run", ExitCode.CANNOT_RUN)


def skipped(stage: str, reason: str) -> StageResult:
    return StageResult(stage, reason, 0.0, "skipped", ExitCode.CANNOT_RUN)
