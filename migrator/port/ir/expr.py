"""The IR's expressions: values the JavaScript computes (literals, names, member access, calls,
operators, literals of objects, arrays and functions) and the modules' exports they refer to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from migrator.port.ir.pattern import Pattern
    from migrator.port.ir.stmt import Stmt


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
class Implicit:
    """A global a sloppy-mode script creates by assigning an undeclared name (`migrator/port/implicit.py`)."""

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
class EnvObject:
    """`process.env` destructured: an object of every environment variable."""


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
class Sleep:
    """`new Promise((resolve) => setTimeout(resolve, ms))`: a promise that resolves after `ms`."""

    ms: Expr


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
    param_types: tuple[str, ...] = ()  #: each parameter's TypeScript annotation ("" when none)
    returns: str = ""  #: the TypeScript return type annotation ("" when none)
    line: int = 0  #: where the function starts (1-based; 0 when the translator made it)


@dataclass(frozen=True)
class Method:
    """A method of a class body (on its prototype, or on the class when `static`)."""

    key: str
    func: Func
    static: bool


@dataclass(frozen=True)
class Class:
    """`class X [extends P] { ... }`: its constructor, methods and static fields; a class extending
    an error class makes errors named `error_name` (else the parent's name)."""

    name: str
    parent: Expr | None  #: the extends clause (None: none)
    params: tuple[Pattern, ...]
    super_args: tuple[Expr, ...]  #: `super(...)`'s arguments (a class with a parent)
    body: tuple[Stmt, ...]  #: the constructor's statements (after `super(...)`), fields first
    error_name: str | None  #: a `name` the class sets itself
    methods: tuple[Method, ...] = ()
    statics: tuple[tuple[str, Expr], ...] = ()  #: static fields, set on the class after the methods


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
    | Implicit
    | Temp
    | This
    | EnvRead
    | EnvObject
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
    | Sleep
    | Seq
    | Await
    | Func
    | Class
    | Require
    | Shim
    | Missing
    | Raw
)
