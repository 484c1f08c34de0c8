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

A provider other than hypothesis' own turns off its de-duplication of drawn inputs, so values are
de-duplicated here (by their canonical JSON) and topped up from further seeded rounds.
"""

from __future__ import annotations

import hashlib
import json
from typing import TypeVar

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisException
from hypothesis.internal.conjecture.choice import ChoiceConstraintsT, ChoiceTypeT, choice_permitted
from hypothesis.internal.conjecture.providers import (
    AVAILABLE_PROVIDERS,
    GLOBAL_CONSTANTS,
    HypothesisProvider,
)
from hypothesis.internal.constants_ast import ConstantT

from golden.errors import GoldenError

T = TypeVar("T")
MAX_ROUNDS = 20
BACKEND = "golden-stable"


class StableProvider(HypothesisProvider):
    """Hypothesis' provider without the constants of locally imported modules (see the module docstring)."""

    def _maybe_draw_constant(
        self, choice_type: ChoiceTypeT, constraints: ChoiceConstraintsT, *, p: float = 0.05
    ) -> ConstantT | None:
        """Hypothesis' own, with its global constants only (never those of local modules, the only
        place its provider reads them). Its version keeps the permitted constants in a cache shared
        by every provider in the process: after a run of its default provider (any `@given` test),
        the local constants that provider found were drawn here too, so pytest and `migrate golden`
        drew different events from one seed. Same random calls as hypothesis' own draws with no
        local constants, so seeded values are unchanged."""
        assert self._random is not None
        if self._random.random() > p:
            return None
        pool = GLOBAL_CONSTANTS.set_for_type(choice_type)
        permitted = tuple(c for c in pool if choice_permitted(c, constraints))
        if not permitted:
            return None
        constants = self._random.choice([permitted])
        return self._random.choice(constants)


def draw_examples(strategy: st.SearchStrategy[T], count: int, seed_value: int) -> list[T]:
    """`count` values from `strategy`, the same for the same `seed_value`."""
    if count < 1:
        raise ValueError(f"count must be 1 or more, not {count}")
    AVAILABLE_PROVIDERS.setdefault(BACKEND, StableProvider)  # hypothesis' registry of backends
    drawn: dict[str, T] = {}  # canonical JSON → value, in the order first drawn
    barren = 0  # rounds in a row that found nothing new
    for round_number in range(MAX_ROUNDS):
        before = len(drawn)
        values: list[T] = []
        # Each round starts from the simplest value again, a repeat: ask for more than is missing.
        wanted = 2 * (count - len(drawn)) + 1
        _one_round(strategy, wanted, _round_seed(seed_value, round_number), values)
        for value in values:
            drawn.setdefault(json.dumps(value, sort_keys=True, default=repr), value)
        if len(drawn) >= count:
            return list(drawn.values())[:count]
        barren = barren + 1 if len(drawn) == before else 0
        if barren == 3:
            break
    if drawn:  # a small input space: hypothesis ran out of distinct values, so repeat them in order
        distinct = list(drawn.values())
        return [distinct[i % len(distinct)] for i in range(count)]
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

    try:
        record()
    except HypothesisException as exc:  # an unsatisfiable or contradictory schema
        raise GoldenError(
            f"cannot draw values from the schema ({type(exc).__name__}: {exc}); check its constraints "
            "(minimum against maximum, minLength against maxLength, required against readOnly)"
        ) from exc


def _round_seed(seed_value: int, round_number: int) -> int:
    if round_number == 0:
        return seed_value
    digest = hashlib.sha256(f"{seed_value}:{round_number}".encode()).digest()
    return int.from_bytes(digest[:8], "big")
