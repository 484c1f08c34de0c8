"""Which bindings of a module get a Go type: a `let`/`const` whose type is known — from its TypeScript
annotation or, in a TypeScript file without one, from its initialiser as TypeScript infers it — and
proven for every value it can hold (its initialiser and every later assignment, `types_expr`).

`number` becomes a Go float64 and `boolean` a Go bool; a proven `string` stays a `jsrt.Value` (JavaScript
strings are UTF-16, jsrt keeps them exactly) but lets its uses be proven (`s.length` is a number). A
binding that cannot be proven keeps `jsrt.Value`; an annotation that cannot be is reported with why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from migrator.port import ir
from migrator.port.ir.walk import walk
from migrator.port.report import Typed, Unproven
from migrator.port.types_expr import BOOLEAN, NUMBER, STRING, Typer, assigned_globals
from migrator.port.typing_params import Candidate, parameters

_PRIMITIVES = frozenset({NUMBER, BOOLEAN, STRING})
GO_TYPES = {NUMBER: "float64", BOOLEAN: "bool"}
_TS_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")
#: Globals whose built-ins the proofs rely on (unless the module assigns through them).
_INTACT = frozenset(
    {"Math", "Number", "String", "Date", "Array", "parseInt", "parseFloat", "Boolean", "isNaN", "isFinite"}
)


@dataclass(frozen=True)
class TypedBinding:
    """A binding the translation gives a type."""

    file: str
    line: int
    name: str
    type: str  #: number | boolean | string
    annotated: bool  #: from a TypeScript annotation (else TypeScript's inference from the initialiser)


Unverified = Unproven  #: a TypeScript annotation not used, with why (a fact of the report)


@dataclass(frozen=True)
class ModuleTyping:
    typed: tuple[TypedBinding, ...]
    unverified: tuple[Unverified, ...]
    intact: frozenset[str] = frozenset()  #: globals the module never assigns through

    def typer(self) -> Typer:
        return Typer(self.proven(), self.intact)

    def go_types(self) -> dict[str, str]:
        """Binding name → Go type, for the bindings printed as Go float64 / bool."""
        return {b.name: GO_TYPES[b.type] for b in self.typed if b.type in GO_TYPES}

    def proven(self) -> dict[str, str]:
        return {b.name: b.type for b in self.typed}


def _declarations(module: ir.Module) -> Counter[str]:
    """How many times each name is declared in the module (any scope): a name declared once is the
    same binding wherever it is read, so the proof needs no scope analysis."""
    names: Counter[str] = Counter()
    for node in walk(module.body):
        if isinstance(node, ir.BindName) or (isinstance(node, ir.Func | ir.Class) and node.name):
            names[node.name] += 1
    return names


def _writes(module: ir.Module) -> dict[str, list[ir.Assign | ir.Update | ir.TargetPattern]]:
    out: dict[str, list[ir.Assign | ir.Update | ir.TargetPattern]] = {}
    for node in walk(module.body):
        target = node.target if isinstance(node, ir.Assign | ir.Update | ir.TargetPattern) else None
        if isinstance(target, ir.Name):
            out.setdefault(target.name, []).append(node)
    return out


def _candidate(decl: ir.Decl, typescript: bool, typer: Typer) -> tuple[Candidate | None, str]:
    """The type a declaration claims, or why it claims none that the translation can use."""
    if not isinstance(decl.pattern, ir.BindName):
        return None, "a destructuring pattern (only single names are typed)"
    name = decl.pattern.name
    if decl.annotation:
        if decl.annotation not in _PRIMITIVES:
            return None, f"`{decl.annotation}` is kept as jsrt.Value (number, boolean and string are typed)"
        claimed = decl.annotation
    elif typescript and decl.init is not None:
        inferred = typer.of(decl.init)
        if inferred is None:
            return None, ""
        claimed = inferred
    else:
        return None, ""
    if decl.kind == "var":
        return None, "`var` is undefined before its declaration runs"
    if decl.init is None:
        return None, "declared without a value: undefined until assigned"
    return Candidate(name, claimed, decl.annotation, decl.line, (decl.init,)), ""


def _why_not(
    c: Candidate, typer: Typer, writes: list[ir.Assign | ir.Update | ir.TargetPattern]
) -> str | None:
    """Why the candidate is not proven under the current assumptions (None: it is)."""
    for init in c.inits:
        if init is None:
            return "a call passes no value there"
        if typer.of(init) != c.type:
            what = "a call passes a value" if c.param else "the initial value is"
            return f"{what} not proven a {c.type}"
    for w in writes:
        if isinstance(w, ir.TargetPattern):
            return "assigned by destructuring"
        if isinstance(w, ir.Update):
            if c.type != NUMBER:
                return f"`{w.op}` on a {c.type}"
        elif typer.assigned(w) != c.type:
            return f"an assignment (`{w.op}`) is not proven a {c.type}"
    return None


def infer_module(module: ir.Module) -> ModuleTyping:
    """Prove the types of a module's `let`/`const` bindings (a fixpoint: a binding stays typed only
    while everything assigned to it is proven under the others' types)."""
    intact = _INTACT - assigned_globals(module.body)
    candidates, unverified = _candidates(module, intact)
    writes = _writes(module)
    changed = True
    while changed:
        changed = False
        typer = Typer({n: c.type for n, c in candidates.items()}, intact)
        for name, c in list(candidates.items()):
            why = _why_not(c, typer, writes.get(name, []))
            if why is not None:
                del candidates[name]
                changed = True
                if c.annotation:
                    unverified.append(Unverified(module.file, c.line, name, c.annotation, why))
    typed = tuple(
        TypedBinding(module.file, c.line, c.name, c.type, bool(c.annotation)) for c in candidates.values()
    )
    ordered = tuple(sorted(unverified, key=lambda u: (u.line, u.name)))
    return ModuleTyping(typed, ordered, intact)


def _candidates(module: ir.Module, intact: frozenset[str]) -> tuple[dict[str, Candidate], list[Unverified]]:
    """The declarations that claim a type (by name), and the annotations that cannot be used at all.
    An initialiser is inferred assuming the other claims hold (the fixpoint then checks them all)."""
    decls = [n for n in walk(module.body) if isinstance(n, ir.Decl)]
    params, refused = parameters(module, _declarations(module))
    claims = {c.name: c.type for c in params}
    while True:
        candidates, unverified = _claims(module, decls, Typer(claims, intact))
        candidates |= {c.name: c for c in params}
        if len(candidates) == len(claims):
            return candidates, refused + unverified
        claims = {n: c.type for n, c in candidates.items()}


def _claims(
    module: ir.Module, decls: list[ir.Decl], typer: Typer
) -> tuple[dict[str, Candidate], list[Unverified]]:
    typescript = module.file.endswith(_TS_SUFFIXES)
    counts = _declarations(module)
    candidates: dict[str, Candidate] = {}
    unverified: list[Unverified] = []
    for decl in decls:
        c, why = _candidate(decl, typescript, typer)
        if c is not None and counts[c.name] > 1:
            c, why = None, "the name is declared more than once in the module"
        if c is not None:
            candidates[c.name] = c
        elif why and decl.annotation:
            name = decl.pattern.name if isinstance(decl.pattern, ir.BindName) else "(pattern)"
            unverified.append(Unverified(module.file, decl.line, name, decl.annotation, why))
    return candidates, unverified


def typed_report(
    typed: tuple[TypedBinding, ...],
    unverified: tuple[Unproven, ...],
    entry: str = "",
    operations: tuple[str, ...] = (),
) -> Typed:
    """The report's counts of one function's typed bindings (over every module it reaches)."""
    kinds = [b.type for b in typed]
    annotated = sum(1 for b in typed if b.annotated)
    counts = (kinds.count(NUMBER), kinds.count(BOOLEAN), kinds.count(STRING))
    return Typed(*counts, annotated, unverified, entry, operations)
