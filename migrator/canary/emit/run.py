"""`run(request, console) -> ExitCode` for `migrate canary emit`: render one format, print or write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.canary.emit.formats import EMIT_FORMATS
from migrator.canary.emit.model import EmitOptions
from migrator.report.output import write_atomic


@dataclass(frozen=True)
class EmitRequest:
    """What `migrate canary emit` is asked to write, and where."""

    options: EmitOptions
    """The rollout: function, alias, steps or config, alarms, hooks."""
    output_format: str
    """A name of `EMIT_FORMATS`."""
    output: Path | None = None
    """Write here (atomically) instead of to the console."""


def run(request: EmitRequest, console: Console) -> ExitCode:
    """Write the rollout; a name or step shape the format cannot take raises `CanaryError`."""
    text = EMIT_FORMATS.get(request.output_format).render(request.options)
    if request.output is None:
        console.out(text, end="", highlight=False)
    else:
        write_atomic(request.output, text)
    return ExitCode.OK
