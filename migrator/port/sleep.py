"""`new Promise((resolve) => setTimeout(resolve, ms))`, the sleep idiom, recognised by its shape.

jsrt has no event loop, so `setTimeout` in general is reported as untranslated. Inside this idiom its
only effect is a promise that resolves to undefined after the delay, which the translation reproduces
exactly (`jsrt.Sleep`). Not matched when the module declares its own `Promise` or `setTimeout`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import tree_sitter as ts

_FUNCTIONS = ("arrow_function", "function_expression", "function")


@dataclass(frozen=True)
class SleepIdiom:
    delay: ts.Node | None
    """The delay argument; None when there is none (Node waits 1 ms)."""


def sleep_idiom(node: ts.Node, text: Callable[[ts.Node], str], declared: frozenset[str]) -> SleepIdiom | None:
    """The idiom at the `new_expression` `node`, or None when it is anything else."""
    ctor, args = node.child_by_field_name("constructor"), node.child_by_field_name("arguments")
    if ctor is None or args is None or ctor.type != "identifier" or text(ctor) != "Promise":
        return None
    if "Promise" in declared or "setTimeout" in declared:
        return None
    items = _named(args)
    if len(items) != 1 or items[0].type not in _FUNCTIONS:
        return None
    resolve = _first_parameter(items[0], text)
    call = _only_expression(items[0])
    if resolve is None or call is None or call.type != "call_expression":
        return None
    callee, call_args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    if callee is None or call_args is None or callee.type != "identifier" or text(callee) != "setTimeout":
        return None
    passed = _named(call_args)
    if not 1 <= len(passed) <= 2 or not _resolves(passed[0], resolve, text):
        return None
    return SleepIdiom(passed[1] if len(passed) == 2 else None)


def _named(node: ts.Node) -> list[ts.Node]:
    return [c for c in node.named_children if c.type != "comment"]


def _first_parameter(function: ts.Node, text: Callable[[ts.Node], str]) -> str | None:
    single = function.child_by_field_name("parameter")  # `resolve => …`
    if single is not None:
        return text(single) if single.type == "identifier" else None
    params = function.child_by_field_name("parameters")
    first = _named(params)[0] if params is not None and _named(params) else None
    if first is not None and first.type == "required_parameter":  # TypeScript
        first = first.child_by_field_name("pattern")
    return text(first) if first is not None and first.type == "identifier" else None


def _only_expression(function: ts.Node) -> ts.Node | None:
    """The body's one expression: an arrow's expression body, or a block of one expression statement."""
    body = function.child_by_field_name("body")
    if body is None or body.type != "statement_block":
        return body
    statements = _named(body)
    if len(statements) != 1 or statements[0].type != "expression_statement":
        return None
    inner = _named(statements[0])
    return inner[0] if len(inner) == 1 else None


def _resolves(callback: ts.Node, resolve: str, text: Callable[[ts.Node], str]) -> bool:
    """`resolve` itself, or a function of no parameters whose one expression is `resolve()`."""
    if callback.type == "identifier":
        return text(callback) == resolve
    if callback.type not in _FUNCTIONS or _first_parameter(callback, text) is not None:
        return False
    params = callback.child_by_field_name("parameters")
    if params is not None and _named(params):
        return False
    call = _only_expression(callback)
    if call is None or call.type != "call_expression":
        return False
    callee, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    return callee is not None and text(callee) == resolve and args is not None and not _named(args)
