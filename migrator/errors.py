"""Exceptions that may reach the CLI boundary. Each says what went wrong and what to do."""


class MigrateError(Exception):
    """Base of every error the `migrate` CLI turns into one line and exit code 2."""


class ScanError(MigrateError):
    """`migrate scan` could not run at all (as opposed to finding problems in a fleet)."""


class ReportError(MigrateError):
    """A report could not be rendered or written."""
