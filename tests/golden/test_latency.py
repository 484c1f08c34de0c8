"""The latency verdict: Go's warm p95 against Node's, beside the correctness verdict."""

from __future__ import annotations

from golden.compare.difference import Difference
from golden.compare.latency import Latency, LatencyBudget, judge_latency, measure, percentile
from golden.outcome import Outcome, Success, Timing


def runs(init_ms: float, *durations: float) -> list[Outcome]:
    cold = Outcome("r0", Success(b"1", 1, True), Timing(init_ms, 50.0), cold=True)
    warm = [
        Outcome(f"r{i}", Success(b"1", 1, True), Timing(None, d), cold=False) for i, d in enumerate(durations)
    ]
    return [cold, *warm]


def test_latency_difference_percentiles_are_nearest_rank() -> None:
    assert percentile([], 0.5) is None
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([float(n) for n in range(1, 101)], 0.95) == 95.0


def test_latency_difference_measure_skips_the_cold_invoke() -> None:
    assert measure(runs(120.0, 1.0, 2.0, 3.0, 4.0)) == Latency(120.0, 2.0, 4.0, 4)
    assert measure([]) == Latency(None, None, None, 0)


def test_latency_difference_judged_with_tolerance_and_slack() -> None:
    node = Latency(100.0, 1.0, 10.0, 20)
    budget = LatencyBudget(tolerance=0.1, slack_ms=1.0)
    assert judge_latency(node, Latency(5.0, 1.0, 12.0, 20), budget) is None
    slow = judge_latency(node, Latency(5.0, 1.0, 12.5, 20), budget)
    assert slow == Difference(
        "",
        "latency",
        {"p95_ms": 10.0},
        {"p95_ms": 12.5},
        note="Go p95 12.500 ms > allowed 12.000 ms (Node p95 * 1.1 + 1 ms)",
    )
    assert judge_latency(node, Latency(5.0, None, None, 0), budget) is None
