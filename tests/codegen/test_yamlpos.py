from __future__ import annotations

import pytest
import yaml

from codegen.yamlpos import YamlValueError, read_yaml


def test_json_data_model_and_positions() -> None:
    doc = read_yaml("a:\n  200: {ok: yes}\n  when: 2024-01-01\n  flag: true\nlist:\n  - 1\n  - null\n")
    assert doc.content == {"a": {"200": {"ok": "yes"}, "when": "2024-01-01", "flag": True}, "list": [1, None]}
    assert doc.positions["/a/200"] == (2, 3)
    assert doc.positions["/a/200/ok"] == (2, 9)
    assert doc.positions["/list/1"] == (7, 5)


def test_anchors_merge_keys_and_duplicates() -> None:
    doc = read_yaml("base: &b {x: 1}\nder:\n  <<: *b\n  y: 2\nder2: *b\nk: 1\nk: 2\n")
    assert doc.content["der"] == {"x": 1, "y": 2}
    assert doc.content["der2"] == {"x": 1}
    assert doc.content["k"] == 2
    assert doc.duplicate_keys == ("/k",)


def test_values_json_cannot_hold_are_refused_with_a_position() -> None:
    with pytest.raises(YamlValueError) as info:
        read_yaml("a:\n  b: !!binary aGVsbG8=\n")
    assert (info.value.line, info.value.column) == (2, 6)
    with pytest.raises(yaml.YAMLError):
        read_yaml("a: [1, 2\n")
