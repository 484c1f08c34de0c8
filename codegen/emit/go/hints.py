"""`x-go-type` (with `x-go-type-import`) made safe: honoured only when the result can compile.

A qualified type (`uuid.UUID`) needs its package: from `x-go-type-import`, or a standard-library
package we know by its name (`time`, `json`, ...). A bare identifier must be predeclared or one of
the generated types. Anything else is ignored (the derived type is used and a comment says why):
generation must never produce Go that does not build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from codegen.ir import GoHints

STD_PACKAGES = MappingProxyType(
    {
        "time": "time",
        "json": "encoding/json",
        "big": "math/big",
        "netip": "net/netip",
        "url": "net/url",
        "net": "net",
        "http": "net/http",
    }
)
"""Standard-library packages by the name code uses for them."""

_PREDECLARED = frozenset(
    {
        "any", "bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
        "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "map", "struct", "interface",
    }
)  # fmt: skip
_SHAPE = re.compile(r"^[A-Za-z0-9_.\[\]*{} ]+$")
_TOKEN = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?")
_NILABLE = re.compile(r"^(\[\]|map\[|any$|interface\{\}$|json\.RawMessage$|\*)")


@dataclass(frozen=True)
class GoTypeHint:
    """An `x-go-type` that will compile."""

    expr: str
    """The Go type expression."""
    imports: frozenset[str]
    """Import specs it needs: `"path"` or `name "path"`."""

    @property
    def nilable(self) -> bool:
        """Whether the type has a nil of its own (slice, map, pointer, interface)."""
        return bool(_NILABLE.match(self.expr))


def rejection(hints: GoHints, generated: frozenset[str]) -> str | None:
    """Why `hints.type` cannot be used as it stands, or None if it can (or there is none)."""
    expr = (hints.type or "").strip()
    if not expr:
        return None
    if not _SHAPE.match(expr) or expr.count("[") != expr.count("]") or expr.count("{") != expr.count("}"):
        return f"x-go-type {expr!r} is not a Go type expression"
    imported = hints.import_name or (hints.import_path.rsplit("/", 1)[-1] if hints.import_path else None)
    for package, member in _TOKEN.findall(expr):
        if member:
            if package != imported and not STD_PACKAGES.get(package):
                return f"x-go-type {expr!r}: no x-go-type-import says which package {package!r} is"
        elif package not in _PREDECLARED and package not in generated:
            return f"x-go-type {expr!r}: {package!r} is neither predeclared nor a generated type"
    return None


def go_type_hint(hints: GoHints, generated: frozenset[str]) -> GoTypeHint | None:
    """The usable `x-go-type` of a schema or property, or None (absent or rejected)."""
    if not hints.type or rejection(hints, generated) is not None:
        return None
    expr = hints.type.strip()
    imports = set()
    imported = hints.import_name or (hints.import_path.rsplit("/", 1)[-1] if hints.import_path else None)
    for package, member in _TOKEN.findall(expr):
        if not member:
            continue
        if package == imported and hints.import_path:
            last = hints.import_path.rsplit("/", 1)[-1]
            quoted = f'"{hints.import_path}"'
            imports.add(quoted if package == last else f"{package} {quoted}")
        else:
            imports.add(f'"{STD_PACKAGES[package]}"')
    return GoTypeHint(expr, frozenset(imports))
