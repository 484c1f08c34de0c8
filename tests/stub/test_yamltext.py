"""The SAM template's YAML writer: whatever it writes, a YAML reader reads back as the same data."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from migrator.stub.yamltext import dump, scalar

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_SCALARS = st.one_of(
    _TEXT,
    st.sampled_from(["yes", "No", "on", "null", "~", "2010-09-09", "1.5", "a: b", "x:", "-a", "*x"]),
    st.sampled_from(["\ufffe", "a\x85b", "\u2028", "\x7f"]),  # not printable, or a YAML 1.1 line break
    st.integers(-(10**6), 10**6),
    st.booleans(),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_TEXT, _DATA, max_size=4))
def test_what_is_written_reads_back_the_same(data: dict[str, Any]) -> None:
    assert yaml.safe_load(dump(data)) == (data or None)


def test_plain_where_safe_quoted_where_a_reader_would_guess() -> None:
    assert [scalar(v) for v in ("AWS::Serverless::Function", "/{proxy+}", "s3:ObjectCreated:*")] == [
        "AWS::Serverless::Function",
        "/{proxy+}",
        "s3:ObjectCreated:*",
    ]
    assert [scalar(v) for v in ("2010-09-09", "yes", "", ".", "a b")] == [
        '"2010-09-09"',
        '"yes"',
        '""',
        '"."',
        '"a b"',
    ]
    assert dump({"A": [{"B": 1, "C": [True]}], "D": {}}) == "A:\n- B: 1\n  C:\n  - true\nD: {}\n"
