"""Hypothesis strategies for JavaScript values: edge numbers, UTF-16 strings, JSON trees."""

from __future__ import annotations

from hypothesis import strategies as st

from .harness import UNDEFINED

EDGE_NUMBERS = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.1 + 0.2,
    1e21,
    1e-7,
    1e-6,
    1e20,
    123456789012345680000.0,
    9007199254740991.0,
    9007199254740993.0,
    5e-324,
    1.7976931348623157e308,
    2**31,
    -(2**31),
    2**32,
    1.005,
    1.45,
    8.345,
    0.000001234,
    1e100,
    4.35,
    1.255,
    10.235,
    float("inf"),
    float("-inf"),
    float("nan"),
]

numbers = st.one_of(
    st.sampled_from(EDGE_NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**60), 2**60).map(float),
    st.integers(-(10**9), 10**9).map(lambda i: i / 1000),
    st.integers(-(10**6), 10**6).map(lambda i: i / 64),
)

SPECIAL_CHARS = (
    "aAzZ09 \u00df \u1e9e \u03a3\u03c3\u03c2 \u0130\u0131iI \ufb01\ufb00 \u01c5\u01c4\u01c6 \u0149 \u0390"
    " \u2126 \u212b \u212a \u1ffc \u1fb3 \u0345 \u0307 \u00a0\u2028\ufeff\t\n\r\v\f ,.;-_/'\"\\"
    "\U0001f600\U0001d49c\U00010400"
)

# A fixed pool of code points keeps generation fast: ASCII and Latin, the
# case-mapping specials, lone surrogates, astral characters, and every
# 997th code point across the whole range.
POOL = sorted(
    set(SPECIAL_CHARS)
    | {chr(c) for c in range(0x20, 0x250)}
    | {chr(c) for c in range(0x370, 0x400)}
    | {chr(c) for c in (0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00)}
    | {chr(c) for c in range(0, 0x110000, 997)}
)
chars = st.sampled_from(POOL)

strings = st.text(chars, max_size=12)

numeric_strings = st.one_of(
    st.from_regex(
        r"\A[ \t\n]?[+-]?([0-9]{1,25}\.?[0-9]{0,25}|\.[0-9]{1,20})([eE][+-]?[0-9]{1,3})?[ \n\u00a0]?\Z"
    ),
    st.from_regex(r"\A[+-]?0[xXoObB][0-9a-fA-F]{0,20}\Z"),
    st.sampled_from(
        [
            "",
            " ",
            "Infinity",
            "-Infinity",
            "+Infinity",
            "infinity",
            "NaN",
            "1_000",
            "0x",
            "1e",
            ".",
            "-.5",
            "5.",
            "00012",
            "-0",
            "1e1000",
            "1e-400",
        ]
    ),
    numbers.map(repr),
    strings,
)

# "__proto__" is left out: o["__proto__"] = v sets the prototype in JavaScript,
# while jsrt (like JSON.parse) makes it an ordinary own property.
keys = st.one_of(
    strings.filter(lambda k: k != "__proto__"),
    st.integers(0, 2**33).map(str),
    st.sampled_from(["0", "01", "-1", "1.5", "4294967294", "4294967295", "length", "constructor", "", "1e3"]),
)

json_leaf = st.one_of(st.none(), st.booleans(), numbers, strings)


def json_values(leaf: st.SearchStrategy[object] = json_leaf) -> st.SearchStrategy[object]:
    """Nested arrays and objects (ordered dicts) of leaves."""
    return st.recursive(
        leaf,
        lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=5)),
        max_leaves=20,
    )


primitives = st.one_of(st.just(UNDEFINED), st.none(), st.booleans(), numbers, strings, numeric_strings)

mixed = st.one_of(
    primitives,
    st.lists(st.one_of(st.none(), numbers, strings), max_size=3),
    st.dictionaries(keys, st.integers(0, 3), max_size=2),
)
