"""Names a module takes from a shim that the shim does not provide (`exports` in shims.toml): in Node
they are functions or values of the real package, in the translation `undefined`, so each one the
code uses is reported at the import's line. Checked after lowering, on the IR: named and default
imports used as values (a TypeScript type imported without `type` is never read, so it is not
reported), `const { a } = require('x')`, `const a = require('x').a`, and `ns.a` where `ns` is bound
once to the module (`import * as ns`, `const ns = require('x')`, a default import of a shim whose
default is the module)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from migrator.port import ir
from migrator.port.ir.walk import walk
from migrator.port.lower_stmt import pattern_names

ExportsOf = Callable[[str], frozenset[str] | None]
"""A shim's exported names by specifier (None: no shim, nothing to check)."""

_WHY = "the shim does not provide this export (docs/port-libraries.md): it is undefined in the translation"


def missing_exports(body: tuple[ir.Stmt, ...], file: str, exports_of: ExportsOf) -> list[ir.Untranslated]:
    """One spot per (line, missing name) the module uses."""
    nodes = list(walk(body))
    binds = Counter(n.name for n in nodes if isinstance(n, ir.BindName))
    used = Counter(n.name for n in nodes if isinstance(n, ir.Name))
    assigned = {n.target.name for n in nodes if isinstance(n, ir.Assign) and isinstance(n.target, ir.Name)}
    spots: dict[tuple[int, str], ir.Untranslated] = {}
    namespaces: dict[str, tuple[str, int]] = {}

    def check(spec: str, name: str, line: int) -> None:
        exports = exports_of(spec)
        if exports is not None and name not in exports:
            construct = f"import {name} from {spec}"
            spots.setdefault((line, construct), ir.Untranslated(file, line, construct, _WHY))

    for decl in (n for n in nodes if isinstance(n, ir.Decl)):
        init, pattern, line = decl.init, decl.pattern, max(decl.line, 1)
        if isinstance(init, ir.Member) and isinstance(init.obj, ir.Shim) and isinstance(init.prop, str):
            local = pattern_names(pattern)
            if any(used[name] for name in local):
                check(init.obj.specifier, init.prop, line)
            if init.prop == "default" and len(local) == 1 and _single(local[0], binds, assigned):
                exports = exports_of(init.obj.specifier) or frozenset()
                namespaces[local[0]] = (init.obj.specifier, line) if "default" in exports else ("", 0)
        elif isinstance(init, ir.Shim) and isinstance(pattern, ir.ObjectPattern):
            for key, sub in pattern.props:
                if isinstance(key, str) and any(used[name] for name in pattern_names(sub)):
                    check(init.specifier, key, line)
        elif (
            isinstance(init, ir.Shim)
            and isinstance(pattern, ir.BindName)
            and _single(pattern.name, binds, assigned)
        ):
            namespaces[pattern.name] = (init.specifier, line)
    for member in (n for n in nodes if isinstance(n, ir.Member)):
        if isinstance(member.obj, ir.Name) and isinstance(member.prop, str) and member.obj.name in namespaces:
            spec, line = namespaces[member.obj.name]
            if spec:
                check(spec, member.prop, line)
    return list(spots.values())


def _single(name: str, binds: Counter[str], assigned: set[str]) -> bool:
    """Whether `name` is bound once in the module and never assigned (so every read is the module)."""
    return binds[name] == 1 and name not in assigned
