from __future__ import annotations

import time

import pytest
import yaml

from codegen.spec.yamlpos import (
    Rules,
    YamlTooDeep,
    YamlValueError,
    build,
    check_expansion,
    compose,
    read_yaml,
)


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


def _laughs(levels: int) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_quickly_at_a_position() -> None:
    start = time.perf_counter()
    with pytest.raises(YamlValueError, match="too many nodes") as info:
        read_yaml(_laughs(9))  # 9^9 strings if expanded
    assert time.perf_counter() - start < 30 and info.value.line >= 1
    assert read_yaml(_laughs(3)).content["c"][0][0] == ["lol"] * 9  # modest reuse still works


def test_a_merge_key_bomb_is_refused_before_pyyaml_copies_the_pairs() -> None:
    lines = ["a: &a {a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8, a9: 9}"]
    for level in range(1, 8):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} {{<<: [" + ",".join([f"*{prev}"] * 9) + "]}")
    with pytest.raises(YamlValueError, match="too many nodes"):
        read_yaml("\n".join(lines) + "\n")


class _Upper(Rules):
    """Another data model: strings upper-cased, mappings as sorted pair lists."""

    def scalar(self, node: yaml.ScalarNode) -> object:
        value = super().scalar(node)
        return value.upper() if isinstance(value, str) else value

    def mapping(self, node: yaml.MappingNode, pairs: list[tuple[str, yaml.Node, object]]) -> object:
        return sorted((key, value) for key, _, value in pairs)


def test_other_rules_plug_into_the_same_walk() -> None:
    root = compose("b: [x, 1]\na: &m {k: v}\nc: *m\n")
    assert root is not None
    doc = build(root, _Upper())
    assert doc.content == [("A", [("K", "V")]), ("B", ["X", 1]), ("C", [("K", "V")])]
    assert doc.positions == {} and doc.duplicate_keys == ()  # tracked only when asked


def test_expansion_is_checked_before_building_with_a_located_reason() -> None:
    root = compose(_laughs(7))
    assert root is not None
    with pytest.raises(
        YamlValueError, match=r"aliases expand it past 1000 nodes \(an alias bomb\?\)"
    ) as info:
        check_expansion(root, 1000)
    assert info.value.line > 1
    cycle = compose("a: &x\n  b: *x\n")
    assert cycle is not None
    with pytest.raises(YamlValueError, match="an alias refers to a node that contains it") as info:
        check_expansion(cycle, 1000)
    assert (info.value.line, info.value.column) == (1, 4)  # the mapping the alias re-enters
    check_expansion(compose(_laughs(3)) or cycle, 1000)  # 9^3 strings: within the limit


def test_depth_is_bounded_when_asked() -> None:
    root = compose("a: " + "[" * 30 + "]" * 30 + "\n")
    assert root is not None
    assert build(root, Rules(), max_depth=31).content is not None
    with pytest.raises(YamlTooDeep, match="nested deeper than 30 levels"):
        build(root, Rules(), max_depth=30)
