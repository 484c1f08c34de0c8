"""Go structs for the TypeScript object types the typed entry point takes or answers: one struct per
interface or type alias reached (a generic one per instantiation, `Order<Meta>` → `tsOrderMeta`), json
tags with the TypeScript member names, an optional member (`x?: T`) as a pointer with `omitempty`
(present and absent stay apart), `T | null` as a pointer; what Go cannot hold exactly stays
`json.RawMessage` (`unknown`, other unions, inline object types, imported types)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from migrator.port.gotext import quote
from migrator.port.ir.tstypes import ArrayOf, MapOf, Nullable, Opaque, Prim, Ref, TsType, TypeDecl

_PRIMS = {"string": "string", "number": "float64", "boolean": "bool"}
_WORD = re.compile(r"[A-Za-z0-9]+")
RAW = "json.RawMessage"


def _ident(text: str) -> str:
    words = _WORD.findall(text) or ["X"]
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return "X" + name if name[0].isdigit() else name


@dataclass
class Structs:
    """The structs needed so far, by the TypeScript type they instantiate."""

    decls: dict[str, TypeDecl]  #: the graph's object types by name (the first of a name wins)
    names: dict[Ref, str] = field(default_factory=dict)
    bodies: list[str] = field(default_factory=list)
    building: set[str] = field(default_factory=set)  #: structs being written (a member of one is a pointer)

    def go(self, t: TsType, bound: dict[str, TsType] | None = None) -> str:
        """The Go type of a TypeScript type (type parameters as bound)."""
        bound = bound or {}
        if isinstance(t, Prim):
            return _PRIMS[t.name]
        if isinstance(t, ArrayOf):
            return "[]" + self.go(t.item, bound)
        if isinstance(t, MapOf):
            return "map[string]" + self.go(t.value, bound)
        if isinstance(t, Nullable):
            inner = self.go(t.inner, bound)
            return inner if inner == RAW else "*" + inner
        if isinstance(t, Ref):
            return self._ref(t, bound)
        return RAW

    def _ref(self, t: Ref, bound: dict[str, TsType]) -> str:
        if t.name in bound and not t.args:
            return self.go(bound[t.name], {})
        decl = self.decls.get(t.name)
        if decl is None or len(decl.params) != len(t.args):
            return RAW
        args = tuple(_resolve(a, bound) for a in t.args)
        own = dict(zip(decl.params, args, strict=True))
        if decl.fields is None:
            return self.go(decl.alias, own) if decl.alias is not None and not decl.params else RAW
        key = Ref(t.name, args)
        if key not in self.names:
            name = "ts" + _ident(t.name) + "".join(_ident(self._label(a)) for a in args)
            while name in self.names.values():
                name += "X"
            self.names[key] = name
            self.building.add(name)
            written = t.name + (f"<{', '.join(self._written(a) for a in args)}>" if args else "")
            self.bodies.append(self._struct(name, written, decl, own))
            self.building.discard(name)
        return self.names[key]

    def _label(self, t: TsType) -> str:
        if isinstance(t, Ref):
            return t.name + "".join(self._label(a) for a in t.args)
        if isinstance(t, ArrayOf):
            return self._label(t.item) + "List"
        return type(t).__name__ if not isinstance(t, Prim) else t.name

    def _written(self, t: TsType) -> str:
        """A type argument as TypeScript spells it (for the struct's comment)."""
        if isinstance(t, Ref):
            return t.name + (f"<{', '.join(self._written(a) for a in t.args)}>" if t.args else "")
        if isinstance(t, ArrayOf):
            return self._written(t.item) + "[]"
        return t.name if isinstance(t, Prim) else type(t).__name__

    def _struct(self, name: str, written: str, decl: TypeDecl, bound: dict[str, TsType]) -> str:
        assert decl.fields is not None
        lines = [f"// {name} is the TypeScript type {written} ({decl.file}:{decl.line})."]
        lines.append(f"type {name} struct {{")
        used: set[str] = set()
        for f in decl.fields:
            go_name = _ident(f.name)
            while go_name in used:
                go_name += "X"
            used.add(go_name)
            kind = self.go(f.type, bound)
            cycle = kind in self.building  # a struct holding itself (through others) must point to it
            if (f.optional or cycle) and kind != RAW and not kind.startswith("*"):
                kind = "*" + kind
            tag = f.name + (",omitempty" if f.optional else "")
            lines.append(f"\t{go_name} {kind} `json:{quote(tag)}`")
        return "\n".join([*lines, "}"])


def _resolve(t: TsType, bound: dict[str, TsType]) -> TsType:
    """A type argument with the enclosing type parameters substituted."""
    if isinstance(t, Ref) and not t.args and t.name in bound:
        return bound[t.name]
    if isinstance(t, Ref):
        return Ref(t.name, tuple(_resolve(a, bound) for a in t.args))
    if isinstance(t, ArrayOf):
        return ArrayOf(_resolve(t.item, bound))
    if isinstance(t, MapOf):
        return MapOf(_resolve(t.value, bound))
    if isinstance(t, Nullable):
        return Nullable(_resolve(t.inner, bound))
    return t


__all__ = ["RAW", "Opaque", "Structs"]
