"""Numbers and operators: jsrt answers as node does for random inputs."""

from __future__ import annotations

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from .harness import UNDEFINED, Case, Pair
from .strategies import mixed, numbers, numeric_strings, strings

BATCH = st.lists(numbers, min_size=20, max_size=120)
# No shrinking: a failing batch already lists every differing case.
RUNS = settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])


@RUNS
@given(BATCH)
def test_number_to_string(pair: Pair, xs: list[float]) -> None:
    pair.check([Case("String", (x,)) for x in xs])


@RUNS
@given(st.lists(numeric_strings, min_size=20, max_size=120))
def test_string_to_number_parse_int_parse_float(pair: Pair, ss: list[str]) -> None:
    cases = []
    for s in ss:
        cases += [Case("Number", (s,)), Case("parseFloat", (s,)), Case("parseInt", (s,))]
        cases += [Case("parseInt", (s, 16)), Case("parseInt", (s, 0)), Case("parseInt", (s, UNDEFINED))]
    pair.check(cases)


@RUNS
@given(st.lists(st.tuples(st.text("0123456789abcdefxyzXYZ", max_size=10), st.integers(0, 40)), min_size=20))
def test_parse_int_radix(pair: Pair, items: list[tuple[str, int]]) -> None:
    pair.check(
        [Case("parseInt", (s, radix)) for s, radix in items]
        + [Case("parseInt", (f"-{s}", r)) for s, r in items]
    )


@RUNS
@given(st.lists(st.tuples(numbers, st.integers(0, 25)), min_size=20, max_size=120))
def test_to_fixed_and_to_precision(pair: Pair, items: list[tuple[float, int]]) -> None:
    cases = [Case("method", (x, "toFixed", d)) for x, d in items]
    cases += [Case("method", (x, "toPrecision", d + 1)) for x, d in items]
    cases += [Case("method", (x, "toFixed")) for x, _ in items]
    pair.check(cases)


@RUNS
@given(st.lists(st.tuples(numbers, st.integers(2, 36)), min_size=10, max_size=60))
def test_radix_strings(pair: Pair, items: list[tuple[float, int]]) -> None:
    pair.check(
        [Case("method", (x, "toString", r)) for x, r in items] + [Case("method", (1.5, "toString", 1))]
    )


OPS = [
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "strictEq",
    "sameValueZero",
    "looseEq",
    "less",
    "lessEq",
    "greater",
    "greaterEq",
]


@RUNS
@given(st.lists(st.tuples(mixed, mixed), min_size=20, max_size=80))
def test_operators_on_mixed_kinds(pair: Pair, items: list[tuple[object, object]]) -> None:
    cases = [Case(op, (a, b)) for a, b in items for op in OPS]
    cases += [Case("truthy", (a,)) for a, _ in items] + [Case("typeof", (a,)) for a, _ in items]
    cases += [Case("template", (a, "-", b)) for a, b in items]
    pair.check(cases)


@RUNS
@given(st.lists(st.tuples(numbers, st.integers(-1000, 1000), st.integers(-40, 40)), min_size=20, max_size=80))
def test_exponent_where_the_result_is_exact(pair: Pair, items: list[tuple[float, int, int]]) -> None:
    # Only exact results are compared: V8's fdlibm pow and Go differ in the last bit otherwise.
    cases = [Case("exp", (x, k)) for x, _, k in items if k in (-1, 0, 1, 2)]
    cases += [Case("exp", (float(i), k % 6)) for _, i, k in items]
    cases += [Case("exp", (2.0, k)) for _, _, k in items] + [Case("exp", (10.0, k % 22)) for _, _, k in items]
    cases += [
        Case("exp", (x, s)) for x, _, _ in items[:5] for s in (float("nan"), float("inf"), -float("inf"))
    ]
    pair.check(cases)


@RUNS
@given(st.lists(numbers, min_size=1, max_size=40))
def test_math_round_max_min(pair: Pair, xs: list[float]) -> None:
    cases = [Case("mathRound", (x,)) for x in xs]
    cases += [
        Case("mathMax", tuple(xs)),
        Case("mathMin", tuple(xs)),
        Case("mathMax", ()),
        Case("mathMin", ()),
    ]
    cases += [Case("mathMax", (x, -x)) for x in xs] + [Case("mathMin", (x, -x)) for x in xs]
    pair.check(cases)


@RUNS
@given(st.lists(st.tuples(strings, strings), min_size=20, max_size=80))
def test_string_comparison_is_by_utf16_units(pair: Pair, items: list[tuple[str, str]]) -> None:
    pair.check([Case(op, (a, b)) for a, b in items for op in ("less", "greaterEq", "strictEq", "add")])


def _near_pairs(x: object) -> list[tuple[object, object]]:
    """Pairs `==` may call equal: the value beside its text, its wrapping in an array, a boolean."""
    text = str(x).lower() if isinstance(x, bool) else str(x)
    return [(x, text), (x, f" {text}\n"), ([x], x), ([x], text), (x, bool(x)), (x, [x, x]), ({}, text)]


LOOSE_EDGES: list[tuple[object, object]] = [
    (None, UNDEFINED), (None, 0), (UNDEFINED, 0), (None, ""), (None, False), (0, ""), (0, "0x0"),
    (1, "1e0"), (True, "1"), (False, "0"), (False, ""), (False, []), ([], ""), ([], 0), ([0], False),
    ([None], ""), ([1, 2], "1,2"), ({}, "[object Object]"), (float("nan"), float("nan")),
    ("NaN", float("nan")), (2**53, "9007199254740993"), (-0.0, "0"), (float("inf"), "Infinity"), ("a", ["a"]),
]  # fmt: skip


@RUNS
@given(
    st.lists(st.one_of(numbers, numeric_strings, st.booleans(), st.integers(-5, 5)), min_size=10, max_size=40)
)
def test_loose_equality_where_kinds_differ(pair: Pair, xs: list[object]) -> None:
    items = [p for x in xs for p in _near_pairs(x)] + LOOSE_EDGES
    pair.check([Case("looseEq", (a, b)) for a, b in items] + [Case("looseEq", (b, a)) for a, b in items])
