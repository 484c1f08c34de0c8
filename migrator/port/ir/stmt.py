"""The IR's statements, and a translated module: its statements and what was not translated."""

from __future__ import annotations

from dataclasses import dataclass

from migrator.port.ir.expr import Expr, Func
from migrator.port.ir.pattern import Pattern
from migrator.port.ir.tstypes import TypeDecl


@dataclass(frozen=True)
class Decl:
    """`const`/`let`/`var` pattern = init (init None: undefined)."""

    kind: str
    pattern: Pattern
    init: Expr | None
    annotation: str = ""  #: the TypeScript type annotation's text (`number`, `Item[]`), "" when none
    line: int = 0  #: where the declarator is (1-based; 0 when the translator made the declaration)


@dataclass(frozen=True)
class FuncDecl:
    """A function declaration: hoisted to the top of its block."""

    name: str
    func: Func


@dataclass(frozen=True)
class ExprStmt:
    expr: Expr


@dataclass(frozen=True)
class Block:
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class If:
    test: Expr
    then: Stmt
    other: Stmt | None


@dataclass(frozen=True)
class For:
    init: Stmt | None
    test: Expr | None
    update: Expr | None
    body: Stmt


@dataclass(frozen=True)
class ForOf:
    """`for (kind pattern of|in iterable)`; `kind` "" assigns to an existing target."""

    kind: str
    pattern: Pattern
    iterable: Expr
    body: Stmt
    keys: bool  #: for...in (enumerable string keys) rather than for...of
    awaits: bool = False  #: for await...of: each value is awaited (jsrt's iterables are arrays)


@dataclass(frozen=True)
class While:
    test: Expr
    body: Stmt
    do: bool  #: do...while: the body runs once before the first test


@dataclass(frozen=True)
class SwitchCase:
    test: Expr | None  #: None: default
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Switch:
    discriminant: Expr
    cases: tuple[SwitchCase, ...]


@dataclass(frozen=True)
class Break:
    pass


@dataclass(frozen=True)
class Continue:
    pass


@dataclass(frozen=True)
class Return:
    value: Expr | None


@dataclass(frozen=True)
class Throw:
    value: Expr


@dataclass(frozen=True)
class Try:
    body: tuple[Stmt, ...]
    param: Pattern | None
    handler: tuple[Stmt, ...] | None
    finalizer: tuple[Stmt, ...] | None


@dataclass(frozen=True)
class Untranslated:
    """A statement the translator does not translate: it throws NotImplemented when reached."""

    file: str
    line: int
    construct: str
    why: str
    names: tuple[str, ...] = ()  #: names the statement would have declared (still declared, undefined)


Stmt = (
    Decl
    | FuncDecl
    | ExprStmt
    | Block
    | If
    | For
    | ForOf
    | While
    | Switch
    | Break
    | Continue
    | Return
    | Throw
    | Try
    | Untranslated
)


@dataclass(frozen=True)
class Module:
    """One translated JS/TS module: its statements build `exports`."""

    index: int
    file: str  #: relative to the scan root
    body: tuple[Stmt, ...]
    statements: int  #: statements seen (translated + untranslated)
    failed: int  #: statements not translated
    untranslated: tuple[Untranslated, ...]
    types: tuple[TypeDecl, ...] = ()  #: its interfaces and type aliases (for the typed entry point)
