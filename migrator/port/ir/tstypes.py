"""TypeScript's object types (interfaces, type aliases) as the translator reads them, for the Go
structs of the typed entry point (`go_structs.py`). Nothing else uses them: the JavaScript's values
stay `jsrt.Value`s."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prim:
    """`string`, `number`, `boolean` (a union of literals of one of them included)."""

    name: str


@dataclass(frozen=True)
class ArrayOf:
    item: TsType


@dataclass(frozen=True)
class MapOf:
    """`Record<string, T>`, `{ [key: string]: T }`."""

    value: TsType


@dataclass(frozen=True)
class Ref:
    """A named type (`Line`, `Order<Meta>`, a type parameter `T`)."""

    name: str
    args: tuple[TsType, ...] = ()


@dataclass(frozen=True)
class Nullable:
    """`T | null` / `T | undefined`."""

    inner: TsType


@dataclass(frozen=True)
class Opaque:
    """Any other type (`unknown`, `any`, other unions, functions ...): kept as raw JSON."""

    text: str


TsType = Prim | ArrayOf | MapOf | Ref | Nullable | Opaque


@dataclass(frozen=True)
class Field:
    name: str  #: the JSON member name
    type: TsType
    optional: bool  #: `name?: T`


@dataclass(frozen=True)
class TypeDecl:
    """`interface X<T> { ... }` or `type X<T> = { ... }` (`fields`), or `type X = <other type>` (`alias`)."""

    file: str
    line: int
    name: str
    params: tuple[str, ...]
    fields: tuple[Field, ...] | None
    alias: TsType | None = None
