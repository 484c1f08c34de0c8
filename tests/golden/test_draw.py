"""Seeded draws: reproducible, distinct while the input space allows, and errors that say what to fix."""

from __future__ import annotations

import json

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
