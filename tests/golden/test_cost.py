"""The cost projection: Lambda's billing arithmetic on the packaged, dated price table."""

from __future__ import annotations

import pytest

from golden.compare.cost import Prices, load_prices, project_cost, side_cost

PRICES = Prices("2026-12-03", "us-east-1", 0.20, (("x86_64", 0.0000166667), ("arm64", 0.0000133334)), 1.0)


def test_the_packaged_table_is_dated_and_has_both_architectures() -> None:
    prices = load_prices()
    assert prices.date and prices.region == "us-east-1" and prices.request_per_million == 0.20
    assert dict(prices.gb_second) == {"x86_64": 0.0000166667, "arm64": 0.0000133334}


def test_billed_duration_rounds_the_mean_p50_up_to_the_millisecond() -> None:
    cost = side_cost([1.2, 2.4], 1024, PRICES)  # mean 1.8 ms -> billed 2 ms
    assert cost.billed_ms == 2.0 and cost.per_million is not None
    assert cost.per_million["x86_64"] == pytest.approx(0.2 + 2 / 1000 * 0.0000166667 * 1e6, abs=1e-4)
    assert cost.per_million["arm64"] == pytest.approx(0.2 + 2 / 1000 * 0.0000133334 * 1e6, abs=1e-4)


def test_memory_scales_the_duration_price_and_nothing_measured_is_none() -> None:
    small, large = side_cost([10.0], 128, PRICES), side_cost([10.0], 2048, PRICES)
    assert small.per_million is not None and large.per_million is not None
    assert large.per_million["x86_64"] - 0.2 == pytest.approx(
        16 * (small.per_million["x86_64"] - 0.2), rel=1e-2
    )
    cost = project_cost([], [0.1], 512, PRICES)
    assert cost.node.per_million is None and cost.go.billed_ms == 1.0 and cost.memory_mb == 512
