"""YAML → JSON values plus the position of every node, through PyYAML's composer.

JSON's data model, not YAML 1.1's: `yes`/`on`/`no`/`off` and dates stay strings (as in YAML 1.2),
mapping keys become strings (`200:` → `"200"`), and values JSON cannot hold are refused.
Aliases are expanded under a node budget (one per character of text plus 100,000): a 700-byte
"billion laughs" document is refused at the alias that overflows it, in milliseconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from codegen.spec.pointers import join

_Composer: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_TAG = "tag:yaml.org,2002:"
_SLACK = 100_000
"""Nodes allowed beyond one per character of text: aliases may repeat parts, within reason."""


class YamlValueError(ValueError):
    """A node that has no JSON value; carries its 1-based position."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class YamlDocument:
    """The result of reading one YAML text."""

    content: Any
    """The JSON value."""
    positions: dict[str, tuple[int, int]]
    """Pointer → 1-based (line, column); a mapping member is at its key."""
    duplicate_keys: tuple[str, ...] = ()
    """Pointers of keys given twice in one mapping (the last value wins, as in PyYAML)."""


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _key_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    raise TypeError(type(value).__name__)


class _Builder:
    """Builds values from composed nodes; one per document."""

    def __init__(self, budget: int) -> None:
        self.constructor = yaml.SafeLoader("")
        self.positions: dict[str, tuple[int, int]] = {}
        self.duplicate_keys: list[str] = []
        self.active: set[int] = set()
        self.budget = budget
        self.sizes: dict[int, int] = {}

    def spend(self, node: yaml.Node, count: int = 1) -> None:
        """Count `count` nodes against the budget; raises (located) when it is exhausted."""
        self.budget -= count
        if self.budget < 0:
            line, column = _position(node)
            raise YamlValueError(
                "the document expands to too many nodes through its aliases (an alias bomb?): "
                "refused; write the repeated parts out or use `$ref`",
                line,
                column,
            )

    def merged_size(self, node: yaml.Node) -> int:
        """Pairs a mapping holds once its `<<` merges are flattened (PyYAML copies them)."""
        if not isinstance(node, yaml.MappingNode):
            return 0
        if id(node) not in self.sizes:
            self.sizes[id(node)] = 0  # a merge cycle counts nothing; PyYAML refuses it
            size = 0
            for key, value in node.value:
                if key.tag != _TAG + "merge":
                    size += 1
                elif isinstance(value, yaml.SequenceNode):
                    size += sum(self.merged_size(item) for item in value.value)
                else:
                    size += self.merged_size(value)
            self.sizes[id(node)] = size
        return self.sizes[id(node)]

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _TAG + "bool":
            return _BOOLS.get(node.value, node.value)
        if tag in (_TAG + "timestamp", _TAG + "str"):
            return node.value
        value = self.constructor.construct_object(node, deep=True)
        if value is None or isinstance(value, str | bool | int | float):
            return value
        line, column = _position(node)
        raise YamlValueError(f"value tagged {tag} has no JSON equivalent", line, column)

    def build(self, node: yaml.Node, pointer: str) -> Any:
        self.spend(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.active:
            line, column = _position(node)
            raise YamlValueError("an alias refers to a node that contains it", line, column)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                items = []
                for index, child in enumerate(node.value):
                    at = join(pointer, index)
                    self.positions[at] = _position(child)
                    items.append(self.build(child, at))
                return items
            assert isinstance(node, yaml.MappingNode)
            if any(key.tag == _TAG + "merge" for key, _ in node.value):
                self.spend(node, self.merged_size(node))  # before PyYAML materialises the copies
                self.constructor.flatten_mapping(node)
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line, column = _position(key_node)
                    raise YamlValueError("a mapping key must be a plain value", line, column)
                try:
                    key = _key_text(self.scalar(key_node))
                except TypeError as exc:
                    line, column = _position(key_node)
                    raise YamlValueError(f"a mapping key cannot be a {exc}", line, column) from exc
                at = join(pointer, key)
                if key in mapping:
                    self.duplicate_keys.append(at)
                self.positions[at] = _position(key_node)
                mapping[key] = self.build(value_node, at)
            return mapping
        finally:
            self.active.discard(id(node))


def read_yaml(text: str) -> YamlDocument:
    """Parse one YAML document. Raises yaml.YAMLError or YamlValueError (both located)."""
    root = yaml.compose(text, Loader=_Composer)
    builder = _Builder(len(text) + _SLACK)
    if root is None:
        return YamlDocument(None, {})
    builder.positions[""] = _position(root)
    content = builder.build(root, "")
    return YamlDocument(content, builder.positions, tuple(builder.duplicate_keys))
