"""Semantic JSON differences: what a consumer could tell apart, nothing else, in a stable order."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from golden.compare.difference import Difference
from golden.compare.jsondiff import FloatTolerance, JsonOptions, diff_json
from golden.outcome import Json

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=20,
)


def test_difference_ignores_key_order_and_int_float_spelling() -> None:
    node = json.loads('{"a": 1, "b": {"x": [1, 2.5], "y": null}}')
    go = json.loads('{"b": {"y": null, "x": [1.0, 2.5]}, "a": 1.0}')
    assert diff_json(node, go) == []


def test_difference_null_is_not_absent() -> None:
    assert diff_json({"a": None}, {}) == [Difference("/a", "missing", None, None, go_present=False)]
    assert diff_json({}, {"a": None}) == [Difference("/a", "extra", None, None, node_present=False)]
    assert diff_json({"a": None}, {"a": 0}) == [Difference("/a", "type", None, 0)]


def test_difference_bool_is_not_a_number() -> None:
    assert diff_json(True, 1) == [Difference("", "type", True, 1)]
    assert diff_json([0], [False])[0].category == "type"


def test_difference_values_and_array_lengths() -> None:
    assert diff_json({"n": 1, "s": "a"}, {"n": 2, "s": "b"}) == [
        Difference("/n", "value", 1, 2),
        Difference("/s", "value", "a", "b"),
    ]
    assert diff_json([1, 2, 3], [1]) == [
        Difference("/1", "missing", 2, None, go_present=False),
        Difference("/2", "missing", 3, None, go_present=False),
    ]
    assert diff_json([1], [1, 4]) == [Difference("/1", "extra", None, 4, node_present=False)]


def test_difference_order_is_depth_first_with_sorted_keys() -> None:
    found = diff_json({"b": 1, "a": {"z": 1, "c": 1}, "a/b": 1}, {"b": 2, "a": {"z": 2, "c": 2}, "a/b": 2})
    assert [d.path for d in found] == ["/a/c", "/a/z", "/a~1b", "/b"]


def test_difference_float_tolerance() -> None:
    assert diff_json(0.1 + 0.2, 0.3) == [Difference("", "value", 0.1 + 0.2, 0.3)]
    assert diff_json(0.1 + 0.2, 0.3, JsonOptions(tolerance=FloatTolerance(absolute=1e-9))) == []
    relative = JsonOptions(tolerance=FloatTolerance(relative=0.01))
    assert diff_json(1000, 1005, relative) == []
    assert diff_json(1000, 1020, relative)[0].category == "value"


def test_difference_big_integers_are_flagged() -> None:
    big = 2**53 + 1
    # Identical integers: byte-identical output, no consumer can tell them apart.
    assert diff_json(big, big) == []
    # Same double, different integers: Python and Go readers see two numbers, JavaScript one.
    rounded = diff_json(1234567890123456800, 1234567890123456768)
    assert [(d.category, "equal only after rounding" in d.note) for d in rounded] == [("value", True)]
    # An integer that equals a float exactly is still flagged beyond 2**53, even with a tolerance.
    loose = JsonOptions(tolerance=FloatTolerance(relative=0.5))
    assert diff_json(2**60, float(2**60), loose)[0].note.startswith("integer beyond")
    assert diff_json(big, big + 10)[0].note == "integer beyond ±2**53: JavaScript cannot represent it exactly"
    # Inside the safe range nothing is flagged.
    assert diff_json(2**53, float(2**53)) == []


def test_difference_ignore_paths_drop_subtrees() -> None:
    node: Json = {"meta": {"at": 1, "id": "a"}, "items": [{"id": 1, "ts": 5}, {"id": 2, "ts": 6}], "x": 1}
    go: Json = {"meta": {"at": 2}, "items": [{"id": 1, "ts": 7}, {"id": 2, "ts": 8}], "x": 1, "extra": True}
    options = JsonOptions(ignore_paths=("/meta", "/items/*/ts", "/**/extra"))
    assert diff_json(node, go, options) == []
    assert [d.path for d in diff_json(node, go)] == [
        "/extra",
        "/items/0/ts",
        "/items/1/ts",
        "/meta/at",
        "/meta/id",
    ]


def test_difference_ignore_order_arrays_compare_as_multisets() -> None:
    options = JsonOptions(ignore_order_paths=("/**/tags",))
    assert (
        diff_json({"a": {"tags": [1, 2, 2, {"k": 1}]}}, {"a": {"tags": [{"k": 1.0}, 2, 1, 2]}}, options) == []
    )
    assert diff_json({"tags": [1, 2, 2]}, {"tags": [2, 1, 3]}, options) == [
        Difference("/tags/2", "missing", 2, None, go_present=False),
        Difference("/tags/2", "extra", None, 3, node_present=False),
    ]
    # Other arrays stay ordered.
    assert diff_json({"list": [1, 2]}, {"list": [2, 1]}, options) != []
    # Elements pair up when they differ only under ignored paths.
    both = JsonOptions(ignore_paths=("/rows/*/ts",), ignore_order_paths=("/rows",))
    assert (
        diff_json({"rows": [{"id": 1, "ts": 1}, {"id": 2, "ts": 2}]}, {"rows": [{"id": 2}, {"id": 1}]}, both)
        == []
    )


@given(json_values)
def test_difference_reflexive(value: Json) -> None:
    assert diff_json(value, value) == []
    assert diff_json(value, json.loads(json.dumps(value))) == []


@given(json_values, json_values)
def test_difference_symmetric(node: Json, go: Json) -> None:
    assert diff_json(go, node) == [d.mirrored() for d in diff_json(node, go)]


@given(json_values, json_values)
def test_difference_symmetric_with_unordered_arrays(node: Json, go: Json) -> None:
    options = JsonOptions(ignore_order_paths=("/**",))
    forward = sorted(diff_json(node, go, options), key=repr)
    assert sorted((d.mirrored() for d in diff_json(go, node, options)), key=repr) == forward


@given(json_values, json_values)
def test_difference_none_only_for_equal_values(node: Json, go: Json) -> None:
    """Soundness: an empty list means the values are equal (numbers numerically, as Python compares them)."""
    if not diff_json(node, go):
        assert node == go
