"""Run the queries of migrator/scan/queries over one file's syntax tree: their captures by name.

`QueryCursor.captures()` gives one list of nodes per capture name (cheaper than per-match
dictionaries). facts.scm runs on every file; globals.scm and events.scm only where they can matter.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable

import tree_sitter as ts

from migrator.scan.jsparse import GrammarName, QueryName

Captures = dict[str, list[ts.Node]]
_START = operator.attrgetter("start_byte")
Query = Callable[[GrammarName, QueryName], ts.Query]


def captures(
    root: ts.Node, lambda_globals: bool, events: bool, query: Query, grammar: GrammarName
) -> Captures:
    """The facts query's captures; with `lambda_globals` (the file names `awslambda`: no identifier
    can be it otherwise) those of globals.scm, with `events` those of events.scm.

    Each list is in source order: py-tree-sitter sometimes gives nested matches of one pattern
    out of order (`r.Sns.Message`: Message before Sns, in about one run in ten), and readers that
    keep the first of a kind (event evidence) would report differently from run to run.
    """
    caps: Captures = ts.QueryCursor(query(grammar, "facts.scm")).captures(root)
    if events:
        caps.update(ts.QueryCursor(query(grammar, "events.scm")).captures(root))
    for nodes in caps.values():
        nodes.sort(key=_START)
    _move_captures(caps)
    if lambda_globals:
        found = ts.QueryCursor(query(grammar, "globals.scm")).captures(root)
        caps["lambda_global"] = _properties(sorted(found.get("lambda_global", ()), key=_START))
    return caps


def _move_captures(caps: Captures) -> None:
    """Move the captures that facts.scm takes on a neighbour to the nodes the readers want.

    A pattern has one capture where it can: py-tree-sitter checks a match's predicates once per
    capture, and `process.env` is checked on many candidates. `import` (of `import(…)`) is
    captured alone: the pattern compiles faster.
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


def _properties(objects: Iterable[ts.Node]) -> list[ts.Node]:
    """The properties read from `objects` (`object.property`)."""
    found = (obj.parent.child_by_field_name("property") for obj in objects if obj.parent is not None)
    return [node for node in found if node is not None]
