"""Parameters that claim a type: a parameter annotated `number`, `boolean` or `string`, of a function
of the module that is only ever called directly by name (never exported, passed, stored or called as
a method), so every value it is bound to is an argument the translator sees (`typing_rules` proves
them). Every other annotated parameter is reported: its callers are unknown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from migrator.port import ir
from migrator.port.ir.walk import walk
from migrator.port.report import Unproven

_PRIMITIVES = frozenset({"number", "boolean", "string"})


@dataclass(frozen=True)
class Candidate:
    """A binding that claims a type, with the values it starts with."""

    name: str
    type: str
    annotation: str  #: "" when the type is TypeScript's inference
    line: int
    inits: tuple[ir.Expr | None, ...]  #: the initialiser, or each call's argument (None: none passed)
    param: bool = False


def _named_functions(module: ir.Module) -> dict[int, tuple[str, int]]:
    """Function (by id) → the name it is bound to and how many declarations that binding accounts
    for (a function declaration 1; `const f = () => …` 2: the binding and the function's own name)."""
    out: dict[int, tuple[str, int]] = {}
    for node in walk(module.body):
        if isinstance(node, ir.FuncDecl):
            out[id(node.func)] = (node.name, 1)
        elif (
            isinstance(node, ir.Decl)
            and node.kind == "const"
            and isinstance(node.pattern, ir.BindName)
            and isinstance(node.init, ir.Func)
        ):
            own = 2 if node.init.name == node.pattern.name else 1
            out[id(node.init)] = (node.pattern.name, own)
    return out


def _calls(module: ir.Module) -> tuple[dict[str, list[ir.Call]], Counter[str]]:
    """Direct calls by callee name, and how often each name is read at all."""
    calls: dict[str, list[ir.Call]] = {}
    reads: Counter[str] = Counter()
    for node in walk(module.body):
        if isinstance(node, ir.Call) and isinstance(node.callee, ir.Name):
            calls.setdefault(node.callee.name, []).append(node)
        if isinstance(node, ir.Name):
            reads[node.name] += 1
    return calls, reads


def _argument(call: ir.Call, index: int) -> ir.Expr | str | None:
    """The argument a call binds to parameter `index` (None: none), or why it is not known."""
    head = call.args[: index + 1]
    if any(isinstance(a, ir.Spread) for a in head):
        return "a call spreads its arguments"
    return call.args[index] if index < len(call.args) else None


def parameters(module: ir.Module, counts: Counter[str]) -> tuple[list[Candidate], list[Unproven]]:
    """The annotated parameters whose every binding is seen, and the annotated ones refused (why)."""
    named = _named_functions(module)
    calls, reads = _calls(module)
    out: list[Candidate] = []
    refused: list[Unproven] = []
    for func in (n for n in walk(module.body) if isinstance(n, ir.Func)):
        fname, own = named.get(id(func), ("", 0))
        direct = calls.get(fname, [])
        # every read of the name is the callee of a direct call (calls count as reads too)
        seen = bool(fname) and counts[fname] == own and reads[fname] == len(direct)
        for index, (pattern, annotation) in enumerate(zip(func.params, func.param_types, strict=False)):
            if annotation not in _PRIMITIVES:
                continue
            why = _refusal(pattern, counts, seen)
            args = [_argument(c, index) for c in direct] if why is None else []
            why = why or next((a for a in args if isinstance(a, str)), None)
            bound = pattern.pattern if isinstance(pattern, ir.WithDefault) else pattern
            name = bound.name if isinstance(bound, ir.BindName) else "(pattern)"
            if why is not None:
                refused.append(Unproven(module.file, func.line, name, annotation, why))
                continue
            inits = tuple(a for a in args if not isinstance(a, str))
            out.append(Candidate(name, annotation, annotation, func.line, inits, True))
    return out, refused


def _refusal(pattern: ir.Pattern, counts: Counter[str], seen: bool) -> str | None:
    if not isinstance(pattern, ir.BindName):
        return "a default value or a destructuring pattern (only plain parameters are typed)"
    if counts[pattern.name] > 1:
        return "the name is declared more than once in the module"
    if not seen:
        return "the function is exported, passed, stored or a method: its callers are unknown"
    return None
