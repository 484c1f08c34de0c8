"""What the printer needs to know about control flow and scopes of IR statements: the names a block
declares, where `var` bindings go, and Go's terminating-statement and fallthrough rules."""

from __future__ import annotations

from migrator.port import ir
from migrator.port.lower_stmt import pattern_names


def declared(stmts: tuple[ir.Stmt, ...]) -> list[str]:
    names: list[str] = []
    for stmt in stmts:
        if isinstance(stmt, ir.FuncDecl):
            names.append(stmt.name)
        elif isinstance(stmt, ir.Decl) and stmt.kind != "var":
            names += pattern_names(stmt.pattern)
        elif isinstance(stmt, ir.Untranslated):
            names += stmt.names
    return names


def var_names(stmts: tuple[ir.Stmt, ...]) -> list[str]:
    """The `var` bindings of a function (or module) body: declared once at its top, as JavaScript
    scopes them (nested blocks and loops included, nested functions not)."""
    names: list[str] = []
    for stmt in stmts:
        if isinstance(stmt, ir.Decl | ir.ForOf) and stmt.kind == "var":
            names += pattern_names(stmt.pattern)
        for inner in children(stmt):
            names += var_names(inner)
    return names


def children(stmt: ir.Stmt) -> list[tuple[ir.Stmt, ...]]:
    """The statement lists directly inside a statement (not inside nested functions)."""
    if isinstance(stmt, ir.Block):
        return [stmt.body]
    if isinstance(stmt, ir.If):
        return [(stmt.then,), (stmt.other,) if stmt.other is not None else ()]
    if isinstance(stmt, ir.For):
        return [(stmt.init,) if stmt.init is not None else (), (stmt.body,)]
    if isinstance(stmt, ir.ForOf | ir.While):
        return [(stmt.body,)]
    if isinstance(stmt, ir.Switch):
        return [c.body for c in stmt.cases]
    if isinstance(stmt, ir.Try):
        return [stmt.body, stmt.handler or (), stmt.finalizer or ()]
    return []


def abrupt(stmts: tuple[ir.Stmt, ...]) -> bool:
    """Whether control never falls off the end (for switch fallthrough)."""
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, ir.Break | ir.Continue | ir.Return | ir.Throw | ir.Untranslated):
        return True
    if isinstance(last, ir.Block):
        return abrupt(last.body)
    if isinstance(last, ir.If) and last.other is not None:
        return abrupt((last.then,)) and abrupt((last.other,))
    return False


def terminates(stmts: tuple[ir.Stmt, ...]) -> bool:
    """Go's terminating-statement rule for what these statements print as (outside any try)."""
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, ir.Return):
        return True
    if isinstance(last, ir.Block):
        return terminates(last.body)
    if isinstance(last, ir.If) and last.other is not None:
        return terminates((last.then,)) and terminates((last.other,))
    if isinstance(last, ir.Switch):
        if not any(c.test is None for c in last.cases) or any(breaks_switch(c.body) for c in last.cases):
            return False
        n = len(last.cases)
        return all(terminates(c.body) or (i < n - 1 and not abrupt(c.body)) for i, c in enumerate(last.cases))
    return False


def breaks_switch(stmts: tuple[ir.Stmt, ...]) -> bool:
    """Whether a `break` that targets the enclosing switch occurs (not inside a nested loop/switch)."""
    for stmt in stmts:
        if isinstance(stmt, ir.Break):
            return True
        if isinstance(stmt, ir.Block) and breaks_switch(stmt.body):
            return True
        if isinstance(stmt, ir.Try) and any(
            breaks_switch(b) for b in (stmt.body, stmt.handler or (), stmt.finalizer or ())
        ):
            return True
        if isinstance(stmt, ir.If) and (
            breaks_switch((stmt.then,)) or (stmt.other is not None and breaks_switch((stmt.other,)))
        ):
            return True
    return False
