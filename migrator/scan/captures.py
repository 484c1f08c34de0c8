"""Run the queries of migrator/scan/queries over one file's syntax tree: their captures by name.

`QueryCursor.captures()` gives one list of nodes per capture name (cheaper than per-match
dictionaries). facts.scm runs on every file; globals.scm and events.scm only where they can matter.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable

import tree_sitter as ts

from migrator.scan.jsparse import GrammarName, QueryName

Captures = dict[str, list[ts.Node]]
_START = operator.attrgetter("start_byte")
#: The left side of a CommonJS export (facts.scm matches it together with `x.name`).
_CJS_EXPORT = re.compile(rb"^(module\.)?exports(\.[A-Za-z_$][A-Za-z0-9_$]*)?$")
Query = Callable[[GrammarName, QueryName], ts.Query]


def captures(root: ts.Node, source: bytes, events: bool, query: Query, grammar: GrammarName) -> Captures:
    """The facts query's captures of `root` (the tree of `source`); when `source` names `awslambda`
    (no identifier can be it otherwise) those of globals.scm, with `events` those of events.scm.

    Each list is in source order: py-tree-sitter sometimes gives nested matches of one pattern
    out of order (`r.Sns.Message`: Message before Sns, in about one run in ten), and readers that
    keep the first of a kind (event evidence) would report differently from run to run.
    """
    caps: Captures = ts.QueryCursor(query(grammar, "facts.scm")).captures(root)
    if events:
        caps.update(ts.QueryCursor(query(grammar, "events.scm")).captures(root))
    for nodes in caps.values():
        nodes.sort(key=_START)
    _move_captures(caps, source)
    if b"awslambda" in source:
        found = ts.QueryCursor(query(grammar, "globals.scm")).captures(root)
        caps["lambda_global"] = _properties(sorted(found.get("lambda_global", ()), key=_START))
    return caps


def _move_captures(caps: Captures, source: bytes) -> None:
    """Move the captures that facts.scm takes on a neighbour to the nodes the readers want.

    A pattern has one capture where it can: py-tree-sitter checks a match's predicates once per
    capture, and `process.env` is checked on many candidates. `import` (of `import(…)`), the
    import and export statements and `x += …`, `x++` are captured alone: their patterns compile
    faster, and the readers filter them here.
    """
    names: list[ts.Node] = []
    strings: list[ts.Node] = []
    patterns: list[ts.Node] = []
    for env in caps.pop("env", ()):  # `process.env` as an object, an indexed object or a value
        parent = env.parent
        if parent is None:
            continue
        kind = parent.type
        out, field = (
            (names, "property")
            if kind == "member_expression"
            else (strings, "index")
            if kind == "subscript_expression"
            else (patterns, "name")
        )
        node = parent.child_by_field_name(field)
        if node is not None:
            out.append(node)
    caps["env_name"], caps["env_string"], caps["env_pattern"] = names, strings, patterns
    # `import(…)`: the call. Each `.parent` walks down from the root, but dynamic imports are rare.
    calls = (node.parent for node in caps.get("dynimport", ()))
    caps["dynimport"] = [call for call in calls if call is not None and call.type == "call_expression"]
    # Statements captured bare: those that load a module name it as a string `source`.
    caps["import"] = [node for node in caps.get("import", ()) if _has_source(node)]
    caps["reexport"] = [node for node in caps.get("esm_export", ()) if _has_source(node)]
    caps["cjs_export"], caps["error_name"] = _member_assignments(caps.pop("member_assign", []), source)
    # `x += …` and `x++` of a plain name join `x = …`, in source order.
    changed = _named(caps.pop("augmented", ()), "left") + _named(caps.pop("updated", ()), "argument")
    if changed:
        caps["assigned"] = sorted([*caps.get("assigned", ()), *changed], key=_START)


def _member_assignments(targets: list[ts.Node], source: bytes) -> tuple[list[ts.Node], list[ts.Node]]:
    """The targets of `module.exports = …` or `exports.x = …`, and those of `x.name = "…"` (the
    query's one pattern matched either: `exports.name = "…"` is both)."""
    exports: list[ts.Node] = []
    renames: list[ts.Node] = []
    for target in targets:
        written = source[target.start_byte : target.end_byte]
        if _CJS_EXPORT.search(written):
            exports.append(target)
        if written.endswith(b".name"):
            assignment = target.parent  # each `.parent` walks down from the root: only here
            value = assignment.child_by_field_name("right") if assignment is not None else None
            if value is not None and value.type == "string":
                renames.append(target)
    return exports, renames


def _has_source(statement: ts.Node) -> bool:
    source = statement.child_by_field_name("source")
    return source is not None and source.type == "string"


def _named(nodes: Iterable[ts.Node], field: str) -> list[ts.Node]:
    """The plain names (identifiers) in `field` of `nodes`."""
    found = (node.child_by_field_name(field) for node in nodes)
    return [name for name in found if name is not None and name.type == "identifier"]


def _properties(objects: Iterable[ts.Node]) -> list[ts.Node]:
    """The properties read from `objects` (`object.property`)."""
    found = (obj.parent.child_by_field_name("property") for obj in objects if obj.parent is not None)
    return [node for node in found if node is not None]
