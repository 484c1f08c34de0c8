"""The latency verdict, reported beside correctness: Go's warm p95 against Node's, with a tolerance.

Go fails when its p95 > Node's p95 * (1 + tolerance) + slack. Percentiles are nearest-rank over the warm
invokes (those with a measured duration that did not meet a fresh runtime), so they are always observed
durations, never interpolations.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from golden.compare.difference import Difference
from golden.outcome import Outcome


@dataclass(frozen=True)
class LatencyBudget:
    """How much slower Go may be before the latency verdict fails."""

    tolerance: float = 0.1
    """Relative: 0.1 lets Go's p95 be 10% above Node's."""
    slack_ms: float = 1.0
    """Absolute, in milliseconds, on top of the relative allowance (absorbs timer noise on tiny handlers)."""


@dataclass(frozen=True)
class Latency:
    """One side's timings over one case's runs, in milliseconds."""

    init_ms: float | None
    """The first measured init duration (cold start), if any invoke met a fresh runtime."""
    p50_ms: float | None
    """Median warm invoke duration; None without warm invokes."""
    p95_ms: float | None
    warm_runs: int
    """How many warm invokes the percentiles are over."""


def percentile(durations: Sequence[float], fraction: float) -> float | None:
    """Nearest-rank percentile (`fraction` in (0, 1]) of `durations`; None when there are none."""
    if not durations:
        return None
    ordered = sorted(durations)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure(outcomes: Sequence[Outcome]) -> Latency:
    """One side's latency over the outcomes of its runs of one case."""
    inits = [o.timing.init_ms for o in outcomes if o.timing.init_ms is not None]
    warm = [o.timing.duration_ms for o in outcomes if not o.cold and o.timing.duration_ms is not None]
    return Latency(inits[0] if inits else None, percentile(warm, 0.5), percentile(warm, 0.95), len(warm))


def judge_latency(node: Latency, go: Latency, budget: LatencyBudget) -> Difference | None:
    """A `latency` difference at "" when Go's p95 is over budget; None when within it or not measurable."""
    if node.p95_ms is None or go.p95_ms is None:
        return None
    allowed = node.p95_ms * (1 + budget.tolerance) + budget.slack_ms
    if go.p95_ms <= allowed:
        return None
    rule = f"Node p95 * {1 + budget.tolerance:g} + {budget.slack_ms:g} ms"
    note = f"Go p95 {go.p95_ms:.3f} ms > allowed {allowed:.3f} ms ({rule})"
    return Difference("", "latency", {"p95_ms": node.p95_ms}, {"p95_ms": go.p95_ms}, note=note)
