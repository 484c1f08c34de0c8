"""The JSON Schemas a function hands to `transpileSchema` (@middy/validator/transpile), checked against
what the Go shim implements: each construct outside the subset is an untranslated spot at its
file:line, so a schema the shim would not validate as ajv does is reported, never silently passed.

The subset is package data (`[validator_subset]` in shims.toml); a schema the file does not spell as an
object literal (built at run time, imported from JSON) cannot be checked and is reported as such.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import tree_sitter as ts

from migrator.port import ir
from migrator.scan.files import SOURCE_LIMIT, Unreadable, read_bytes
from migrator.scan.jsparse import Grammars, grammar_for

TRANSPILE = "@middy/validator/transpile"
_CALLEE = "transpileSchema"
_WHY = "outside the @middy/validator shim's JSON Schema subset (docs/port-libraries.md)"
#: JavaScript regex constructs Go's RE2 has no equivalent for (lookaround, backreferences)
_NOT_RE2 = re.compile(r"\(\?<?[=!]|\\[1-9]|\\k<")
#: expressions that wrap an object literal without changing it
_WRAPPERS = frozenset(
    {"as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression"}
)


@dataclass(frozen=True)
class Subset:
    """What the shim implements (from shims.toml)."""

    keywords: frozenset[str]
    formats: frozenset[str]
    ajv_options: frozenset[str]
    ajv_keywords: frozenset[str]  #: known to ajv, not implemented: reported


def load_subset() -> Subset:
    text = files("migrator").joinpath("port", "data", "shims.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["validator_subset"]
    return Subset(*(frozenset(table[k]) for k in ("keywords", "formats", "ajv_options", "ajv_keywords")))


class _Checker:
    """Collects the spots of one file."""

    def __init__(self, file: str, root: ts.Node, subset: Subset) -> None:
        self.file = file
        self.root = root
        self.subset = subset
        self.spots: list[ir.Untranslated] = []

    def spot(self, node: ts.Node, construct: str, why: str = _WHY) -> None:
        self.spots.append(ir.Untranslated(self.file, node.start_point[0] + 1, construct, why))

    def call(self, node: ts.Node) -> None:
        args = [
            a for a in (node.child_by_field_name("arguments") or node).named_children if a.type != "comment"
        ]
        if not args:
            return
        schema = self.literal(args[0])
        if schema is None:
            self.spot(
                args[0],
                f"{_CALLEE}({_text(args[0])})",
                "the schema is not an object literal in this "
                "file, so it cannot be checked against the validator subset",
            )
        else:
            self.schema(schema, "#")
        if len(args) > 1:
            self.options(args[1])

    def literal(self, node: ts.Node, seen: frozenset[str] = frozenset()) -> ts.Node | None:
        """The object literal a schema is: inline (through `as`/`satisfies`/parentheses), or the
        value of a declaration of this file that the identifier names."""
        while node.type in _WRAPPERS and node.named_children:
            node = node.named_children[0]
        if node.type == "object":
            return node
        if node.type not in ("identifier", "shorthand_property_identifier") or _text(node) in seen:
            return None
        name = _text(node)
        for decl in _walk(self.root, "variable_declarator"):
            target, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            if target is not None and _text(target) == name and value is not None:
                return self.literal(value, seen | {name})
        return None

    def options(self, node: ts.Node) -> None:
        if node.type != "object":
            self.spot(node, f"{_CALLEE} options {_text(node)}", "not an object literal")
            return
        for key, _value, pair in _pairs(self, node):
            if key not in self.subset.ajv_options:
                self.spot(pair, f"ajv option {key}")

    def schema(self, node: ts.Node, path: str) -> None:
        for key, value, pair in _pairs(self, node):
            if key in self.subset.ajv_keywords:
                self.spot(pair, f"schema keyword {key} at {path}")
            elif key in self.subset.keywords:
                self.keyword(key, value, f"{path}/{key}")

    def keyword(self, key: str, value: ts.Node, path: str) -> None:
        if key == "properties":
            self.sub_object(value, path)
        elif key == "items" or (key == "additionalProperties" and value.type not in ("true", "false")):
            self.sub_schema(value, path)  # boolean schemas only as additionalProperties
        elif key == "format" and _string(value) not in self.subset.formats:
            self.spot(value, f"schema format {_text(value)} at {path}")
        elif key == "pattern" and (_string(value) is None or _NOT_RE2.search(_string(value) or "")):
            self.spot(
                value,
                f"schema pattern {_text(value)} at {path}",
                "lookaround, backreference or "
                "a pattern that is not a string literal: Go's RE2 cannot match it as JavaScript does",
            )

    def sub_schema(self, node: ts.Node, path: str) -> None:
        found = self.literal(node)
        if found is not None:
            self.schema(found, path)
        else:
            self.spot(node, f"schema {_text(node)} at {path}", "not an object literal: cannot be checked")

    def sub_object(self, node: ts.Node, path: str) -> None:
        found = self.literal(node)
        if found is None:
            self.spot(node, f"schema {_text(node)} at {path}", "not an object literal: cannot be checked")
            return
        for key, value, _pair in _pairs(self, found):
            self.sub_schema(value, f"{path}/{key}")


def _pairs(checker: _Checker, node: ts.Node) -> Iterable[tuple[str, ts.Node, ts.Node]]:
    """The key, value and node of each `key: value` of an object literal; anything else is a spot."""
    for child in node.named_children:
        if child.type == "comment":
            continue
        if child.type == "shorthand_property_identifier":  # `{ pathParameters }`
            yield _text(child), child, child
            continue
        key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
        if child.type != "pair" or key is None or value is None or key.type == "computed_property_name":
            checker.spot(child, f"schema {_text(child)}", "not a plain `key: value`: cannot be checked")
            continue
        yield _string(key) or _text(key), value, child


def _text(node: ts.Node) -> str:
    text = (node.text or b"").decode("utf-8", "replace")
    return text if len(text) <= 40 else text[:37] + "..."


def _string(node: ts.Node) -> str | None:
    """The value of a string literal without escapes (or a bare property name), else None."""
    if node.type == "property_identifier":
        return _text(node)
    if node.type == "string" and all(c.type == "string_fragment" for c in node.named_children):
        return "".join(_text(c) for c in node.named_children)
    return None


def _walk(root: ts.Node, kind: str) -> Iterable[ts.Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == kind:
            yield node
        stack.extend(reversed(node.children))


def _local_names(root: ts.Node) -> set[str]:
    """The names `transpileSchema` is bound to in this file (itself, or an alias of an import or a
    destructuring `{ transpileSchema: t }`)."""
    names = {_CALLEE}
    for kind, key_field, value_field in (
        ("import_specifier", "name", "alias"),
        ("pair_pattern", "key", "value"),
    ):
        for node in _walk(root, kind):
            key, value = node.child_by_field_name(key_field), node.child_by_field_name(value_field)
            if key is not None and value is not None and _text(key) == _CALLEE:
                names.add(_text(value))
    return names


def _calls(root: ts.Node) -> Iterable[ts.Node]:
    names = _local_names(root)
    for node in _walk(root, "call_expression"):
        callee = node.child_by_field_name("function")
        if callee is None:
            continue
        if callee.type == "member_expression":
            prop = callee.child_by_field_name("property")
            if prop is not None and _text(prop) == _CALLEE:
                yield node
        elif _text(callee) in names:
            yield node


def schema_spots(
    root: Path, module_files: Iterable[str], subset: Subset | None = None
) -> list[ir.Untranslated]:
    """The spots of every `transpileSchema(...)` call in these files (relative to `root`)."""
    subset = subset or load_subset()
    grammars = Grammars()
    spots: list[ir.Untranslated] = []
    for file in module_files:
        path = (root / file).resolve()
        try:
            source = read_bytes(path, root.resolve(), SOURCE_LIMIT)
        except Unreadable:
            continue  # the module graph already reports it
        if _CALLEE.encode() not in source:
            continue
        tree = grammars.parse(source, grammar_for(path.suffix))
        checker = _Checker(file, tree.root_node, subset)
        for call in _calls(tree.root_node):
            checker.call(call)
        spots += checker.spots
    return spots
