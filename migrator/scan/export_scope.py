"""Narrow a file's facts to what one exported handler reaches.

In a file that exports several functions, the handler's facts are those of its own function,
the top-level functions and variables it uses (transitively), and the module-level code that
runs at init. What only sibling exports reach (their SDK calls, clients, event fields, env
reads, imports) is left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol, TypeVar

from migrator.scan.filefacts import FileFacts, ImportRef, Unit


class _HasLine(Protocol):
    @property
    def line(self) -> int: ...


_L = TypeVar("_L", bound=_HasLine)


def scoped(facts: FileFacts, line: int, export: str) -> FileFacts:
    """`facts` narrowed to the export whose function starts on `line` (unchanged without units)."""
    units = facts.units
    start = [u for u in units if u.start <= line <= u.end and not u.init]
    if not start:
        return facts
    # Init no function refers to runs for every export; the rest goes with the functions using it.
    function_refs = frozenset().union(*(u.refs for u in units if not u.init))
    start += [u for u in units if u.init and not function_refs.intersection(u.names)]
    reached = _reach(units, start)
    others = [u for u in units if u not in reached]
    if not others:
        return facts
    kept_lines = {n for u in reached for n in range(u.start, u.end + 1)}
    dropped = {n for u in others for n in range(u.start, u.end + 1)} - kept_lines
    used = frozenset().union(*(u.refs for u in reached))
    only_others = frozenset().union(*(u.refs for u in others)) - used

    def keep(at: int) -> bool:
        return at not in dropped

    return dataclasses.replace(
        facts,
        imports=tuple(r for r in facts.imports if keep(r.line) and not _sibling_only(r, only_others)),
        env=_at(facts.env, keep),
        props=_at(facts.props, keep),
        destructured=_at(facts.destructured, keep),
        literals=_at(facts.literals, keep),
        return_keys=_at(facts.return_keys, keep),
        error_names=_at(facts.error_names, keep),
        constructs=_at(facts.constructs, keep),
        method_calls=tuple(m for m in facts.method_calls if keep(m[2])),
        evals=_at(facts.evals, keep),
        global_state=_at(facts.global_state, keep),
        lambda_globals=_at(facts.lambda_globals, keep),
        call_inputs=_at(facts.call_inputs, keep),
        scope=export,
    )


def _reach(units: tuple[Unit, ...], start: list[Unit]) -> list[Unit]:
    by_name = {name: u for u in units for name in u.names}
    reached = list(dict.fromkeys(start))
    for unit in reached:
        for ref in unit.refs:
            target = by_name.get(ref)
            if target is not None and target not in reached:
                reached.append(target)
    return reached


def _sibling_only(ref: ImportRef, only_others: frozenset[str]) -> bool:
    """An import whose every binding is used only by functions this export never reaches."""
    return bool(ref.bindings) and all(local in only_others for local, _ in ref.bindings)


def _at(items: tuple[_L, ...], keep: Callable[[int], bool]) -> tuple[_L, ...]:
    return tuple(i for i in items if keep(i.line))
