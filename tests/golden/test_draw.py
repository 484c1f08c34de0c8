"""Seeded draws: reproducible, distinct while the input space allows, and errors that say what to fix."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest
from hypothesis import strategies as st

from golden.cases.draw import draw_examples
from golden.errors import GoldenError


def test_values_are_distinct_and_reproducible() -> None:
    # Another backend than hypothesis' own skips its de-duplication: half the values were repeats.
    strategy = st.fixed_dictionaries({"a": st.text(max_size=3)})
    first = draw_examples(strategy, 20, 5)
    assert len({json.dumps(v, sort_keys=True) for v in first}) == 20
    assert draw_examples(strategy, 20, 5) == first
    assert draw_examples(strategy, 20, 6) != first


def test_a_small_input_space_repeats_its_values_in_order() -> None:
    values = draw_examples(st.booleans(), 5, 0)
    assert sorted(set(values)) == [False, True]
    assert values == [values[0], values[1]] * 2 + [values[0]]


def test_an_unsatisfiable_strategy_is_our_error() -> None:
    with pytest.raises(GoldenError, match="check its constraints"):
        draw_examples(st.integers().filter(lambda x: False), 3, 1)
    with pytest.raises(GoldenError, match="check its constraints"):
        draw_examples(st.text(min_size=5, max_size=2), 3, 1)


class _Poisoned(dict[object, object]):
    """Hypothesis' process-wide cache of permitted constants, as an earlier `@given` test with its
    default provider could leave it: every pool holds a local constant of that test's modules."""

    POOLS: ClassVar[dict[str, tuple[object, ...]]] = {
        "string": ("POISON",),
        "integer": (987654321,),
        "float": (1234.5,),
        "bytes": (b"POISON",),
    }

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: object) -> tuple[tuple[object, ...], tuple[object, ...]]:
        assert isinstance(key, tuple)
        return (), self.POOLS.get(key[0], ())


def test_draws_ignore_constants_other_providers_left_in_hypothesis_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same seed draws the same values whatever ran before in the process (pytest, a library
    user): in CI the events of `--from-spec` differed from `migrate golden events` after other tests."""
    from hypothesis.internal.conjecture import providers

    strategy = st.fixed_dictionaries({"a": st.text(), "b": st.integers(), "c": st.floats(allow_nan=False)})
    clean = draw_examples(strategy, 200, 11)
    monkeypatch.setattr(providers, "CONSTANTS_CACHE", _Poisoned())
    poisoned = draw_examples(strategy, 200, 11)
    assert "POISON" not in json.dumps(poisoned) and "987654321" not in json.dumps(poisoned)
    assert poisoned == clean
