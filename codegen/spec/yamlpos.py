"""YAML → values plus the position of every node, through PyYAML's composer: the one YAML reader.

`read_yaml` gives JSON's data model, not YAML 1.1's: `yes`/`on`/`no`/`off` and dates stay strings
(as in YAML 1.2), mapping keys become strings (`200:` → `"200"`), and values JSON cannot hold are
refused. Aliases are expanded under a node budget (one per character of text plus 100,000): a
700-byte "billion laughs" document is refused at the alias that overflows it, in milliseconds.

Other data models (the scan's CloudFormation tags and line-remembering mappings) plug in `Rules`
and call `compose`, `check_expansion` and `build` themselves; the walk over nodes (aliases, their
cycles, merge keys, key checks, positions, duplicate keys) is this module's alone.
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
_MERGE = _TAG + "merge"
_SLACK = 100_000
"""Nodes allowed beyond one per character of text: aliases may repeat parts, within reason."""


class YamlValueError(ValueError):
    """A node that has no value (in the rules' data model); carries its 1-based position."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class YamlTooDeep(YamlValueError):
    """Sequences and mappings nested deeper than `build`'s `max_depth`."""


@dataclass(frozen=True)
class YamlDocument:
    """The result of reading one YAML text."""

    content: Any
    """The value."""
    positions: dict[str, tuple[int, int]]
    """Pointer → 1-based (line, column); a mapping member is at its key. Empty unless tracked."""
    duplicate_keys: tuple[str, ...] = ()
    """Pointers of keys given twice in one mapping (the last value wins, as in PyYAML)."""


def position(node: yaml.Node) -> tuple[int, int]:
    """The 1-based (line, column) where `node` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _fail(node: yaml.Node, message: str, kind: type[YamlValueError] = YamlValueError) -> YamlValueError:
    line, column = position(node)
    return kind(message, line, column)


def _key_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    raise TypeError(type(value).__name__)


class Rules:
    """How nodes become values. These are JSON's (codegen's); subclass for another data model."""

    def __init__(self) -> None:
        self.constructor = yaml.SafeLoader("")

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _TAG + "bool":
            return _BOOLS.get(node.value, node.value)
        if tag in (_TAG + "timestamp", _TAG + "str"):
            return node.value
        value = self.constructor.construct_object(node, deep=True)
        if value is None or isinstance(value, str | bool | int | float):
            return value
        raise _fail(node, f"value tagged {tag} has no JSON equivalent")

    def key(self, node: yaml.Node) -> str:
        """A mapping key's text; raises YamlValueError (at the key) for one that cannot be a key."""
        if not isinstance(node, yaml.ScalarNode):
            raise _fail(node, "a mapping key must be a plain value")
        try:
            return _key_text(self.scalar(node))
        except TypeError as exc:
            raise _fail(node, f"a mapping key cannot be a {exc}") from exc

    def whole(self, node: yaml.Node) -> tuple[bool, Any]:
        """(True, value) for a sequence or mapping these rules make in one piece (by its tag)."""
        return False, None

    def sequence(self, node: yaml.SequenceNode, items: list[Any]) -> Any:
        return items

    def mapping(self, node: yaml.MappingNode, pairs: list[tuple[str, yaml.Node, Any]]) -> Any:
        """The value of a mapping from its (key, key node, value) pairs, in order (merged ones first)."""
        return {key: value for key, _, value in pairs}


class _Builder:
    """Builds values from composed nodes; one per document."""

    def __init__(self, rules: Rules, budget: int | None, track: bool, max_depth: int | None) -> None:
        self.rules = rules
        self.track = track
        self.depth = 0
        self.max_depth = max_depth
        self.positions: dict[str, tuple[int, int]] = {}
        self.duplicate_keys: list[str] = []
        self.active: set[int] = set()
        self.budget = budget
        self.sizes: dict[int, int] = {}

    def spend(self, node: yaml.Node, count: int = 1) -> None:
        """Count `count` nodes against the budget; raises (located) when it is exhausted."""
        if self.budget is None:
            return
        self.budget -= count
        if self.budget < 0:
            raise _fail(
                node,
                "the document expands to too many nodes through its aliases (an alias bomb?): "
                "refused; write the repeated parts out or use `$ref`",
            )

    def merged_size(self, node: yaml.Node) -> int:
        """Pairs a mapping holds once its `<<` merges are flattened (PyYAML copies them)."""
        if not isinstance(node, yaml.MappingNode):
            return 0
        if id(node) not in self.sizes:
            self.sizes[id(node)] = 0  # a merge cycle counts nothing; PyYAML refuses it
            size = 0
            for key, value in node.value:
                if key.tag != _MERGE:
                    size += 1
                elif isinstance(value, yaml.SequenceNode):
                    size += sum(self.merged_size(item) for item in value.value)
                else:
                    size += self.merged_size(value)
            self.sizes[id(node)] = size
        return self.sizes[id(node)]

    def at(self, pointer: str, token: str | int, node: yaml.Node) -> str:
        """The pointer of a child, its position recorded (only called when tracking)."""
        here = join(pointer, token)
        self.positions[here] = position(node)
        return here

    def build(self, node: yaml.Node, pointer: str) -> Any:
        """The value of `node`; one stack frame per level of nesting (deep documents are allowed)."""
        # The budget and tracking are checked here, not in calls that return at once (`spend`,
        # `at`): this walk visits every node of every document.
        if self.budget is not None:
            self.spend(node)
        if isinstance(node, yaml.ScalarNode):
            return self.rules.scalar(node)
        ident = id(node)
        if ident in self.active:
            raise _fail(node, "an alias refers to a node that contains it")
        done, value = self.rules.whole(node)
        if done:
            return value
        self.active.add(ident)
        self.depth += 1
        if self.max_depth is not None and self.depth > self.max_depth:
            raise _fail(node, f"nested deeper than {self.max_depth} levels", YamlTooDeep)
        try:
            if isinstance(node, yaml.SequenceNode):
                items = []
                for index, child in enumerate(node.value):
                    items.append(self.build(child, self.at(pointer, index, child) if self.track else pointer))
                return self.rules.sequence(node, items)
            assert isinstance(node, yaml.MappingNode)
            if any(key.tag == _MERGE for key, _ in node.value):
                self.spend(node, self.merged_size(node))  # before PyYAML materialises the copies
                self.rules.constructor.flatten_mapping(node)
            pairs: list[tuple[str, yaml.Node, Any]] = []
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = self.rules.key(key_node)
                if self.track:
                    if key in seen:
                        self.duplicate_keys.append(join(pointer, key))
                    seen.add(key)
                here = self.at(pointer, key, key_node) if self.track else pointer
                pairs.append((key, key_node, self.build(value_node, here)))
            return self.rules.mapping(node, pairs)
        finally:
            self.depth -= 1
            self.active.discard(ident)


def compose(text: str) -> yaml.Node | None:
    """The node graph of one YAML document (aliases still shared). Raises yaml.YAMLError (located)."""
    return yaml.compose(text, Loader=_Composer)


def build(
    root: yaml.Node,
    rules: Rules,
    *,
    budget: int | None = None,
    track: bool = False,
    max_depth: int | None = None,
) -> YamlDocument:
    """The value of `root` by `rules`; raises YamlValueError (located) or what `rules` raise.

    `budget`: nodes the expansion may visit, aliases counted in full (None: no limit; see
    `check_expansion` for checking before building). `track`: record positions and duplicate keys.
    `max_depth`: levels of sequences and mappings allowed (YamlTooDeep beyond; None: as deep as
    the stack goes, then RecursionError)."""
    builder = _Builder(rules, budget, track, max_depth)
    if track:
        builder.positions[""] = position(root)
    content = builder.build(root, "")
    return YamlDocument(content, builder.positions, tuple(builder.duplicate_keys))


def check_expansion(root: yaml.Node, limit: int) -> None:
    """Refuse, before building, a graph whose aliases expand past `limit` nodes or contain a cycle.

    Raises YamlValueError at the node whose expansion passes the limit (or at the cycle), saying
    `aliases expand it past {limit} nodes (an alias bomb?)` or `an alias refers to a node that
    contains it`."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in open_nodes:
            raise _fail(node, "an alias refers to a node that contains it")
        total = 1
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            open_nodes.add(key)
            children = (
                node.value if isinstance(node, yaml.SequenceNode) else [c for kv in node.value for c in kv]
            )
            for child in children:
                total += size(child)
                if total > limit:
                    raise _fail(node, f"aliases expand it past {limit} nodes (an alias bomb?)")
            open_nodes.discard(key)
        sizes[key] = total
        return total

    size(root)


def read_yaml(text: str) -> YamlDocument:
    """Parse one YAML document by JSON's rules. Raises yaml.YAMLError or YamlValueError (both located)."""
    root = compose(text)
    if root is None:
        return YamlDocument(None, {})
    return build(root, Rules(), budget=len(text) + _SLACK, track=True)
