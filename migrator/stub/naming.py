"""Names from scan facts made safe: folder names that cannot leave the output folder, Go identifiers.

Collisions are resolved deterministically, in the order the names are given (the scan's order):
the first keeps the name, later ones get `-2`, `-3`, ... (folders compare case-insensitively, so
the modules survive a case-insensitive file system).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from codegen.emit.go.options import GO_KEYWORDS

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WORD = re.compile(r"[A-Za-z0-9]+")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Go keywords and predeclared identifiers a generated name must not take.
GO_RESERVED = GO_KEYWORDS | frozenset(
    [
        "any",
        "bool",
        "byte",
        "comparable",
        "complex64",
        "complex128",
        "error",
        "float32",
        "float64",
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "rune",
        "string",
        "uint",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
        "true",
        "false",
        "iota",
        "nil",
        "append",
        "cap",
        "clear",
        "close",
        "complex",
        "copy",
        "delete",
        "imag",
        "len",
        "make",
        "max",
        "min",
        "new",
        "panic",
        "print",
        "println",
        "real",
        "recover",
    ]
)
_WINDOWS = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def folder_name(name: str) -> str:
    """A single path segment for a function's module: letters, digits, `.`, `_`, `-` only."""
    safe = _UNSAFE.sub("-", name).strip(".-") or "function"
    if safe.split(".")[0].lower() in _WINDOWS:
        safe = f"fn-{safe}"
    return safe[:100]


def unique_folders(names: Iterable[str]) -> list[str]:
    """`folder_name` of each name, collisions (case-insensitive) made unique with `-2`, `-3`, ..."""
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        base = folder_name(name)
        candidate, n = base, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def exported(text: str, fallback: str = "Value") -> str:
    """An exported Go identifier from words: `ORDERS_TABLE` → `OrdersTable`, `2fa` → `X2fa`."""
    words = _WORD.findall(text)
    name = "".join(w[:1].upper() + (w[1:].lower() if w.isupper() else w[1:]) for w in words) or fallback
    return name if not name[0].isdigit() else f"X{name}"


def unique_idents(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Make each identifier unique (`Name`, `Name2`, ...) against earlier ones and `taken`."""
    seen = set(taken)
    result: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name}{n}"
        seen.add(candidate)
        result.append(candidate)
    return result


def is_go_type_name(name: str) -> bool:
    """Whether `name` can be a Go type name as it is (error types must keep their exact name)."""
    return bool(_IDENT.fullmatch(name)) and name not in GO_RESERVED and name != "_"
