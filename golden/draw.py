"""Reproducible draws from a hypothesis strategy: the same seed gives the same values, in any process.

`strategy.example()` is random on every call, so it cannot make cases that a colleague regenerates.
Here a `@seed`-ed `@given` runs the generate phase only, with no example database and no deadline,
and the test body just records each drawn value.

One more source of variation has to go: hypothesis' default provider now and then draws a constant
found in the source of whatever "local" (not installed) modules happen to be imported, so the same
seed gave different events under `migrate golden events`, `migrate golden --from-spec` and pytest.
Draws therefore go through `StableProvider`, registered as the backend `golden-stable` (hypothesis'
documented `AVAILABLE_PROVIDERS` extension point): hypothesis' own provider with no local constants.
The values then depend only on the seed, the strategy and the hypothesis version.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import TypeVar

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture.providers import AVAILABLE_PROVIDERS, HypothesisProvider
from hypothesis.internal.constants_ast import Constants

from golden.errors import GoldenError

T = TypeVar("T")
MAX_ROUNDS = 20
BACKEND = "golden-stable"


class StableProvider(HypothesisProvider):
    """Hypothesis' provider without the constants of locally imported modules (see the module docstring)."""

    @cached_property
    def _local_constants(self) -> Constants:
        return Constants()


AVAILABLE_PROVIDERS.setdefault(BACKEND, StableProvider)


def draw_examples(strategy: st.SearchStrategy[T], count: int, seed_value: int) -> list[T]:
    """`count` values from `strategy`, the same for the same `seed_value`."""
    if count < 1:
        raise ValueError(f"count must be 1 or more, not {count}")
    drawn: list[T] = []
    for round_number in range(MAX_ROUNDS):
        before = len(drawn)
        _one_round(strategy, count - len(drawn), _round_seed(seed_value, round_number), drawn)
        if len(drawn) >= count:
            return drawn[:count]
        if len(drawn) == before:
            break
    if drawn:  # a small input space: hypothesis ran out of distinct values, so repeat them in order
        return [drawn[i % len(drawn)] for i in range(count)]
    raise GoldenError("no value satisfies the schema; check its constraints (required vs. readOnly, bounds)")


def _one_round(strategy: st.SearchStrategy[T], wanted: int, round_seed: int, into: list[T]) -> None:
    @settings(
        max_examples=wanted,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=False,
        print_blob=False,
        report_multiple_bugs=False,
        backend=BACKEND,
    )
    @seed(round_seed)
    @given(strategy)
    def record(value: T) -> None:
        into.append(value)

    record()


def _round_seed(seed_value: int, round_number: int) -> int:
    if round_number == 0:
        return seed_value
    digest = hashlib.sha256(f"{seed_value}:{round_number}".encode()).digest()
    return int.from_bytes(digest[:8], "big")
