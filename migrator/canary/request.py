"""What one `migrate canary` run is asked to do: the parsed command line, as one frozen value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

Mode: TypeAlias = Literal["start", "resume", "rollback"]
OnInterrupt: TypeAlias = Literal["rollback", "hold"]


@dataclass(frozen=True)
class GateSettings:
    """Thresholds of the metric gates (new version against the old, by `ExecutedVersion`)."""

    max_error_rate: float = 0.01
    """How much the new version's error rate may exceed the old one's (0.01: one percentage point)."""
    max_p99_ratio: float | None = 1.2
    """New p99 duration at most this times the old one's; None turns the latency gate off."""
    min_invocations: int = 100
    """Below this many invocations on either version a metric gate is "not enough data"."""
    metrics: bool = True
    """False: alarms (and the golden report) are the only gates."""
    max_extensions: int = 3
    """How many more intervals a step waits for enough data before it rolls back."""
    window_s: float = 60.0
    """The shortest metric window; a step's window is max(this, the interval)."""


@dataclass(frozen=True)
class CanaryRequest:
    """One run: which alias, to which version, how, and what gates it."""

    function: str
    alias: str
    to_version: str | None
    """None with --resume or --rollback (the alias's record says)."""
    steps: str | None = None
    config: str | None = None
    interval_s: float | None = None
    alarms: tuple[str, ...] = ()
    gates: GateSettings = field(default_factory=GateSettings)
    golden_report: Path | None = None
    region: str | None = None
    endpoint_url: str | None = None
    dry_run: bool = False
    mode: Mode = "start"
    on_interrupt: OnInterrupt = "rollback"
    output_format: str = "table"
    """A name of `migrator.canary.formats.CANARY_FORMATS`: how the final record is printed."""
    live: bool = True
    """Draw the live progress view when stderr is a terminal."""
    local: bool = False
    """Start a local moto server with a demo FUNCTION and ALIAS, and roll out there."""
