"""The canary's exception types: one base the CLI turns into one line and exit 2, one per backend failure."""

from __future__ import annotations

from migrator.errors import MigrateError


class CanaryError(MigrateError):
    """`migrate canary` could not run (bad arguments, an unreadable report, a refused plan)."""


class BackendError(CanaryError):
    """A deploy backend call failed; `operation` names the call, for the message and the record."""

    def __init__(self, operation: str, message: str) -> None:
        super().__init__(f"{operation}: {message}")
        self.operation = operation


class NotFound(BackendError):
    """The function, version, alias or alarm does not exist."""


class Conflict(BackendError):
    """Someone else changed the alias since we read it (RevisionId or our record no longer match)."""


class Unavailable(BackendError):
    """The endpoint could not be reached, or kept throttling after the standard retries."""
