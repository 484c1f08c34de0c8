"""The translation IR: what the translator understood of the JavaScript, before any Go is printed.

Lowering (`lower_expr`, `lower_stmt`) turns tree-sitter nodes into these frozen dataclasses; the
printer (`printer`) turns them into Go text over `jsrt`'s dynamic Value API. Nothing here knows Go
syntax, and the printer never looks at tree-sitter nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# ---- expressions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lit:
    """`undefined`, `null`, `true`, `false`, a number (`value` is the float) or a string."""

    kind: Literal["undefined", "null", "bool", "num", "str"]
    value: str | float | bool = ""


@dataclass(frozen=True)
class Name:
    """A reference to a JavaScript binding of the translated code."""

    name: str


@dataclass(frozen=True)
class Global:
    """A global the runtime provides (`JSON`, `Math`, `Object`, `console`, `Error`, ...)."""

    name: str


@dataclass(frozen=True)
class Temp:
    """A temporary the translator introduced (an optional chain's checked value)."""

    index: int


@dataclass(frozen=True)
class This:
    """`this` inside a function."""


@dataclass(frozen=True)
class EnvRead:
    """`process.env.X`: a string, or undefined when the variable is unset."""

    name: str


@dataclass(frozen=True)
class Member:
    """`obj.prop` (prop a str) or `obj[prop]` (prop an expression)."""

    obj: Expr
    prop: str | Expr


@dataclass(frozen=True)
class Call:
    """`callee(args)`; a `Member` callee is a method call with that receiver as `this`."""

    callee: Expr
    args: tuple[Expr, ...]


@dataclass(frozen=True)
class New:
    """`new callee(args)`."""

    callee: Expr
    args: tuple[Expr, ...]


@dataclass(frozen=True)
class OptChain:
    """`base?.rest`: undefined when base is null or undefined, else `rest` with `Temp(temp)` = base."""

    base: Expr
    temp: int
    rest: Expr


@dataclass(frozen=True)
class Spread:
    """`...value` in an array literal, an object literal or the arguments of a call."""

    value: Expr


@dataclass(frozen=True)
class Hole:
    """An elision in an array literal (`[1, , 2]`)."""


@dataclass(frozen=True)
class Unary:
    """`-x`, `+x`, `!x`, `~x`, `typeof x`, `void x`, `delete obj.prop`."""

    op: str
    operand: Expr


@dataclass(frozen=True)
class Binary:
    """Arithmetic, comparison, `===`/`!==`, `== null`, `in`, `instanceof` (never `&&`, `||`, `??`)."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Logical:
    """`&&`, `||`, `??`: the right side runs only when needed; the value is one of the operands."""

    op: Literal["&&", "||", "??"]
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Cond:
    """`test ? then : other`."""

    test: Expr
    then: Expr
    other: Expr


@dataclass(frozen=True)
class Assign:
    """`target op value` for `=`, `+=`, `??=`, ...; `target` is a `Name`, `Member` or a pattern (`=` only)."""

    target: Expr | Pattern
    op: str
    value: Expr


@dataclass(frozen=True)
class Update:
    """`x++`, `--x`, ...: `prefix` says which value the expression has."""

    target: Expr
    op: Literal["++", "--"]
    prefix: bool


@dataclass(frozen=True)
class Prop:
    """One `key: value` of an object literal (shorthand and methods included)."""

    key: str | Expr  #: a str key, or a computed key expression
    value: Expr


@dataclass(frozen=True)
class ObjectLit:
    items: tuple[Prop | Spread, ...]


@dataclass(frozen=True)
class ArrayLit:
    items: tuple[Expr, ...]  #: expressions, `Spread`s and `Hole`s


@dataclass(frozen=True)
class Template:
    """A template string: literal strings and expressions, in order."""

    parts: tuple[Expr, ...]


@dataclass(frozen=True)
class Regex:
    pattern: str
    flags: str


@dataclass(frozen=True)
class Seq:
    """`a, b`: the value of the last."""

    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Await:
    value: Expr


@dataclass(frozen=True)
class Func:
    """A function, arrow or method: parameters as patterns, a body of statements."""

    name: str
    params: tuple[Pattern, ...]
    rest: Pattern | None  #: `...rest` parameter
    body: tuple[Stmt, ...]
    is_async: bool
    is_arrow: bool


@dataclass(frozen=True)
class ErrorClass:
    """`class X extends <Error class> { ... }`: a constructor whose instances are errors named `name`."""

    name: str
    parent: Expr
    params: tuple[Pattern, ...]
    super_args: tuple[Expr, ...]
    body: tuple[Stmt, ...]  #: the constructor's statements after `super(...)`, fields first
    error_name: str | None  #: a `name` the class sets itself (else the parent's)


@dataclass(frozen=True)
class Require:
    """The exports of another translated module (`require('./x')`, `import ... from './x'`)."""

    module: int


@dataclass(frozen=True)
class Shim:
    """The exports of an npm module, from its shim (`shims.toml`)."""

    specifier: str


@dataclass(frozen=True)
class Raw:
    """A Go expression the printer itself produced (only the printer creates these)."""

    go: str


@dataclass(frozen=True)
class Missing:
    """A value the translator could not produce: it throws NotImplemented when evaluated."""

    what: str


Expr = (
    Lit
    | Name
    | Global
    | Temp
    | This
    | EnvRead
    | Member
    | Call
    | New
    | OptChain
    | Spread
    | Hole
    | Unary
    | Binary
    | Logical
    | Cond
    | Assign
    | Update
    | ObjectLit
    | ArrayLit
    | Template
    | Regex
    | Seq
    | Await
    | Func
    | ErrorClass
    | Require
    | Shim
    | Missing
    | Raw
)

# ---- binding patterns --------------------------------------------------------------------------


@dataclass(frozen=True)
class BindName:
    name: str


@dataclass(frozen=True)
class WithDefault:
    """`pattern = default`: the default applies when the value is undefined."""

    pattern: Pattern
    default: Expr


@dataclass(frozen=True)
class ObjectPattern:
    props: tuple[tuple[str | Expr, Pattern], ...]
    rest: Pattern | None


@dataclass(frozen=True)
class ArrayPattern:
    items: tuple[Pattern | None, ...]  #: None: an elision
    rest: Pattern | None


@dataclass(frozen=True)
class TargetPattern:
    """An assignment target that is not a binding (`[a.b, c[0]] = ...`)."""

    target: Expr


Pattern = BindName | WithDefault | ObjectPattern | ArrayPattern | TargetPattern

# ---- statements --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decl:
    """`const`/`let`/`var` pattern = init (init None: undefined)."""

    kind: str
    pattern: Pattern
    init: Expr | None


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
