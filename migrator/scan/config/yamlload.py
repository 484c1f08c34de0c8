"""YAML and JSON loading for deployment configs, with CloudFormation short tags and line numbers.

`!Ref X` becomes `{"Ref": "X"}`, `!GetAtt A.B` becomes `{"Fn::GetAtt": ["A", "B"]}` and every
other `!Tag v` becomes `{"Fn::Tag": v}`, the same shape as the long form in JSON templates.
Mappings load as `LocatedDict`, which remembers the 1-based line of the mapping and of each key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from migrator.scan.files import CONFIG_LIMIT, Unreadable, read_text
from migrator.scan.model import ScanProblem

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedDict(dict[str, Any]):
    """A mapping that knows where it and each of its keys stand in the file."""

    line: int | None = None
    key_lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


class _CfnLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that understands CloudFormation tags and records lines."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        key_text = str(key)
        result[key_text] = loader.construct_object(value_node, deep=True)
        result.key_lines[key_text] = key_node.start_mark.line + 1
    return result


def _construct_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = _construct_mapping(loader, node)
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "Condition":
        return {"Condition": value}
    if suffix == "GetAtt" and isinstance(value, str):
        return {"Fn::GetAtt": value.split(".", 1)}
    return {f"Fn::{suffix}": value}


_CfnLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_CfnLoader.add_multi_constructor("!", _construct_tag)


class ConfigReadError(Exception):
    """A config file could not be read; carries a located ScanProblem."""

    def __init__(self, problem: ScanProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def load_document(path: Path, rel: str, root: Path | None = None) -> Any:
    """Load a YAML or JSON config file under `root` (default: its own folder).

    Raises ConfigReadError with the location on failure, and for a file that is not a regular
    file, is too large, or lies outside `root` (see migrator.scan.files).
    """
    try:
        text = read_text(path, root or path.parent, CONFIG_LIMIT)
    except Unreadable as exc:
        raise ConfigReadError(ScanProblem(rel, None, None, exc.reason)) from exc
    if path.suffix == ".json":
        try:
            return json.loads(text, object_pairs_hook=LocatedDict)
        except json.JSONDecodeError as exc:
            raise ConfigReadError(
                ScanProblem(rel, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")
            ) from exc
    try:
        return _load_yaml(text, rel)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise ConfigReadError(
            ScanProblem(rel, line, column, f"invalid YAML: {message}; fix the file and re-run")
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigReadError(ScanProblem(rel, None, None, f"invalid YAML: {exc}")) from exc
    except RecursionError as exc:
        raise ConfigReadError(ScanProblem(rel, None, None, "YAML nests too deeply")) from exc


#: Nodes a document may expand to once aliases are counted in full: far above any real template,
#: far below what makes walking it slow (a 1 KB "billion laughs" expands to 10^9).
NODE_BUDGET = 200_000


def _load_yaml(text: str, rel: str) -> Any:
    loader = _CfnLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:  # without anchors there are no aliases, and the file size bounds the nodes
            _check_budget(node, rel)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_budget(root: yaml.Node, rel: str) -> None:
    """Refuse a document whose aliases expand past NODE_BUDGET, located at the node that does."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in open_nodes:
            _fail(node, rel, "an alias refers to a node that contains it")
        total = 1
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            open_nodes.add(key)
            children = (
                node.value if isinstance(node, yaml.SequenceNode) else [c for kv in node.value for c in kv]
            )
            for child in children:
                total += size(child)
                if total > NODE_BUDGET:
                    _fail(node, rel, f"aliases expand it past {NODE_BUDGET} nodes (an alias bomb?)")
            open_nodes.discard(key)
        sizes[key] = total
        return total

    size(root)


def _fail(node: yaml.Node, rel: str, why: str) -> None:
    mark = node.start_mark
    raise ConfigReadError(
        ScanProblem(rel, mark.line + 1, mark.column + 1, f"YAML not read: {why}; remove the aliases")
    )
