"""The IR's binding patterns: what a declaration, a parameter or a destructuring assignment binds."""

from __future__ import annotations

from dataclasses import dataclass

from migrator.port.ir.expr import Expr


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
