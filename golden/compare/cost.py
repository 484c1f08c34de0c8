"""Projected Lambda cost per million invokes of each side, from measured durations and the memory size.

Per side: the mean of the cases' warm p50 durations, rounded up to Lambda's billing granularity, times
the memory size in GB and the GB-second price of each architecture, plus the request price. Prices
come from `golden/data/lambda_prices.toml` (dated); the report carries the date beside the numbers.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from golden.errors import GoldenError

PRICES_FILE = "lambda_prices.toml"


@dataclass(frozen=True)
class Prices:
    """Lambda's on-demand prices as of `date`."""

    date: str
    region: str
    request_per_million: float
    """USD per million requests."""
    gb_second: tuple[tuple[str, float], ...]
    """(architecture, USD per GB-second) pairs: x86_64 and arm64."""
    granularity_ms: float


@dataclass(frozen=True)
class SideCost:
    """One side's projection."""

    billed_ms: float | None
    """Mean warm p50 duration rounded up to the billing granularity; None when nothing was measured."""
    per_million: dict[str, float] | None
    """USD per million invokes by architecture (`x86_64`, `arm64`); None when nothing was measured."""


@dataclass(frozen=True)
class Cost:
    """Both sides' projected cost per million invokes at one memory size."""

    prices_date: str
    region: str
    memory_mb: int
    node: SideCost
    go: SideCost


def load_prices() -> Prices:
    """The packaged price table; GoldenError when it is unreadable (a broken install)."""
    try:
        text = resources.files("golden").joinpath("data", PRICES_FILE).read_text(encoding="utf-8")
        data: dict[str, Any] = tomllib.loads(text)
        return Prices(
            str(data["date"]),
            str(data["region"]),
            float(data["request_per_million"]),
            tuple((str(k), float(v)) for k, v in data["gb_second"].items()),
            float(data["billing_granularity_ms"]),
        )
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise GoldenError(f"golden/data/{PRICES_FILE}: unreadable price table ({exc}); reinstall") from exc


def side_cost(p50s: Sequence[float], memory_mb: int, prices: Prices) -> SideCost:
    """The projection for one side from its cases' warm p50 durations (ms)."""
    if not p50s:
        return SideCost(None, None)
    mean = sum(p50s) / len(p50s)
    billed = max(1, math.ceil(mean / prices.granularity_ms)) * prices.granularity_ms
    gb_seconds = billed / 1000 * memory_mb / 1024
    per_million = {
        arch: round(1_000_000 * gb_seconds * price + prices.request_per_million, 4)
        for arch, price in prices.gb_second
    }
    return SideCost(billed, per_million)


def project_cost(
    node_p50s: Sequence[float], go_p50s: Sequence[float], memory_mb: int, prices: Prices
) -> Cost:
    """Both sides at `memory_mb` (Lambda bills the configured memory, not the memory used)."""
    return Cost(
        prices.date,
        prices.region,
        memory_mb,
        side_cost(node_p50s, memory_mb, prices),
        side_cost(go_p50s, memory_mb, prices),
    )
