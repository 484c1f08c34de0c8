"""Exceptions golden raises at its boundary: one base, one type per thing that can go wrong."""

from __future__ import annotations


class GoldenError(Exception):
    """Base of every error golden raises; the CLI prints its message on one line and exits 2."""


class RunnerError(GoldenError):
    """A runtime could not be prepared or started (missing tool, bad handler path, bad environment)."""


class BuildError(RunnerError):
    """A Go handler module did not compile, or a TypeScript handler did not transpile."""


class EmulatorError(GoldenError):
    """The Runtime API emulator was used wrongly (closed, or invoked with a payload that is not JSON)."""
