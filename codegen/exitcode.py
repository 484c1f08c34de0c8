"""The exit codes every `migrate` command returns: one enum, shared by all three packages.

It lives in `codegen`, the package the other two may import (`migrator` → `golden` → `codegen`).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """0 the command did its job and found nothing, 1 it ran and reports findings, 2 it could not run."""

    OK = 0
    FINDINGS = 1
    CANNOT_RUN = 2
