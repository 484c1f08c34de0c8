from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.spec.jsonpos import (
    KeyedPositions,
    TopFirst,
    indexed_positions,
    json_positions,
    positions_of,
)
from tests.codegen.conftest import SPECS

TEXT = """{
  "openapi": "3.1.0",
  "paths": {"/a\\"b": {"get": [1, {"x": null}]}},
  "empty": {},
  "list": []
}"""


def test_every_node_has_its_line_and_column() -> None:
    json.loads(TEXT)  # the scan assumes valid JSON
    positions = json_positions(TEXT)
    assert positions[""] == (1, 1)
    assert positions["/openapi"] == (2, 3)
    assert positions['/paths/~1a"b'] == (3, 13)
    assert positions['/paths/~1a"b/get/1/x'] == (3, 35)
    assert positions["/empty"] == (4, 3)
    assert positions["/list"] == (5, 3)
    assert len(positions) == 10


def test_invalid_text_gives_fewer_positions_not_wrong_ones() -> None:
    positions = json_positions('{"a": 1} }')
    assert dict(positions) == {"": (1, 1), "/a": (1, 2)}


def _probes(text: str) -> list[str]:
    """Every pointer the full scan knows, and pointers it does not: absent, out of range, odd."""
    known = list(json_positions(text))
    odd = ["", "x", "/", "//", "/0", "/-1", "/00"]
    return known + odd + [p + tail for p in known for tail in ("/0", "/01", "/zz", "/²", "~", "/~2")]


def _agree(text: str) -> None:
    everything, quick = json_positions(text), positions_of(text, json.loads(text))
    for pointer in _probes(text):
        assert quick.get(pointer) == everything.get(pointer), pointer
    assert dict(quick) == dict(everything)


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        '[1,[2,[3, "x", {"a": [ [], {} ]}]],{"a":[{}]}, "s", -1.5e3, true, null]',
        '  "x"',
        '{"a~b/c": {"\\u00e9": [true, null, "s"]}, "": {"": [""]}, "0": [0, {"0": 1}], "\\"": 2}',
        '{"k": "v, \\"x\\": {", "z": ["{", ",\\"q\\":", {"w": 1}, "\\\\"], "y": "\\\\"}',
        '\n\t{ "a" :\n [ 1 ,\n 2 ] , "b" : { } }',
        '{"a": 1, "b": {"c": 2}, "a": 3}',  # a repeated key: the full scan answers
        '{"~2": 1, "~": {"~1": [2]}}',  # `/~2` is no pointer of these keys: `/~02` is
    ],
)
def test_positions_from_the_parsed_document_are_those_of_the_full_scan(text: str) -> None:
    _agree(text)


@pytest.mark.parametrize(
    "text",
    [TEXT, '{"a": 1, "b": {"c": 2}, "a": 3}', '{"o": "x\\"y", "t": true, "n": 1, "f": -0.5e1, "z": null}'],
)
def test_a_top_level_scalar_is_found_without_indexing_the_document(text: str) -> None:
    everything = json_positions(text)
    for key, value in json.loads(text).items():
        positions = positions_of(text, json.loads(text))
        assert positions.get(f"/{key}") == everything.get(f"/{key}"), key
        assert isinstance(positions, TopFirst)
        # A repeated key whose first value json did not keep needs the index, as do containers.
        repeated = text.count(f'"{key}"') > 1
        assert positions.indexed == (repeated or isinstance(value, dict | list)), key


def test_a_repeated_key_falls_back_to_the_full_scan() -> None:
    text = '{"a": {"x": 1}, "a": {"x": 2}}'
    assert not isinstance(indexed_positions(text, json.loads(text)), KeyedPositions)
    assert isinstance(indexed_positions(TEXT, json.loads(TEXT)), KeyedPositions)


def test_a_spec_file_gets_the_same_positions_either_way() -> None:
    _agree((SPECS / "split" / "schemas" / "pet.json").read_text(encoding="utf-8"))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=30,
)


@given(_JSON, st.sampled_from([None, 0, 2]), st.booleans())
def test_any_document_gets_the_same_positions_either_way(
    value: object, indent: int | None, plain: bool
) -> None:
    _agree(json.dumps(value, indent=indent, ensure_ascii=plain))
