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

from codegen.spec.yamlpos import Rules, YamlTooDeep, YamlValueError, build, check_expansion, compose, position
from migrator.scan.files import CONFIG_LIMIT, Unreadable, read_text
from migrator.scan.model import ScanProblem


class LocatedDict(dict[str, Any]):
    """A mapping that knows where it and each of its keys stand in the file."""

    line: int | None = None
    key_lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


class _CfnRules(Rules):
    """YAML 1.1 values as PyYAML's SafeLoader makes them, CloudFormation tags, LocatedDicts."""

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value  # what the constructor gives, without its dispatch (most scalars)
        if tag.startswith("!"):
            return _tagged(tag[1:], self.constructor.construct_scalar(node))
        return self.constructor.construct_object(node, deep=True)

    def key(self, node: yaml.Node) -> str:
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            text: str = node.value  # a plain string: most keys
            return text
        key = self.scalar(node) if isinstance(node, yaml.ScalarNode) else []
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise YamlValueError("a mapping key must be a plain value", *position(node))
        return str(key)

    def whole(self, node: yaml.Node) -> tuple[bool, Any]:
        tag = node.tag
        if tag.startswith("!") or tag in (_SEQ, _MAP):
            return False, None
        return True, self.constructor.construct_object(node, deep=True)  # !!set, !!omap, ...

    def sequence(self, node: yaml.SequenceNode, items: list[Any]) -> Any:
        return _tagged(node.tag[1:], items) if node.tag.startswith("!") else items

    def mapping(self, node: yaml.MappingNode, pairs: list[tuple[str, yaml.Node, Any]]) -> Any:
        result = LocatedDict({key: value for key, _, value in pairs})
        result.line = node.start_mark.line + 1
        result.key_lines = {key: key_node.start_mark.line + 1 for key, key_node, _ in pairs}
        return _tagged(node.tag[1:], result) if node.tag.startswith("!") else result


_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG


def _tagged(suffix: str, value: Any) -> Any:
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "Condition":
        return {"Condition": value}
    if suffix == "GetAtt" and isinstance(value, str):
        return {"Fn::GetAtt": value.split(".", 1)}
    return {f"Fn::{suffix}": value}


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
#: Levels of sequences and mappings read: about where PyYAML's own recursion stopped the scan before
#: (248 nested sequences), far above any real template.
MAX_DEPTH = 248


def _load_yaml(text: str, rel: str) -> Any:
    root = compose(text)
    if root is None:
        return None
    if "&" in text:  # without anchors there are no aliases, and the file size bounds the nodes
        try:
            check_expansion(root, NODE_BUDGET)
        except YamlValueError as exc:
            message = f"YAML not read: {exc}; remove the aliases"
            raise ConfigReadError(ScanProblem(rel, exc.line, exc.column, message)) from exc
    try:
        return build(root, _CfnRules(), max_depth=MAX_DEPTH).content
    except YamlTooDeep as exc:
        raise ConfigReadError(ScanProblem(rel, None, None, "YAML nests too deeply")) from exc
    except YamlValueError as exc:
        message = f"invalid YAML: {exc}; fix the file and re-run"
        raise ConfigReadError(ScanProblem(rel, exc.line, exc.column, message)) from exc
