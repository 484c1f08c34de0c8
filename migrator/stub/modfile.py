"""go.mod and go.sum of a stub module: the union of its pinned units, as `go mod tidy` wrote them.

Every unit was tidied against one set of versions (`migrator/stub/refresh_pins.py`), so the union is
consistent: `go build` works offline from the module cache with the default `-mod=readonly`.
A module is direct when the stub imports it or it is an npm-mapped package; the rest are indirect.
"""

from __future__ import annotations

from collections.abc import Iterable

from codegen.emit.go.modfile import mod_text
from migrator.stub.tables import Tables


def _direct_modules(units: Iterable[str], tables: Tables) -> set[str]:
    direct: set[str] = set()
    for name in units:
        for package in tables.units[name].packages:
            for path, _version, _indirect in tables.units[name].require:
                if package == path or package.startswith(path + "/"):
                    direct.add(path)
    return direct


def go_mod(module: str, units: Iterable[str], tables: Tables) -> str:
    """The go.mod text: one require block for direct modules, one for indirect ones (tidy's layout)."""
    units = tuple(units)
    versions: dict[str, str] = {}
    for name in units:
        for path, version, _indirect in tables.units[name].require:
            versions[path] = version
    direct = _direct_modules(units, tables)
    return mod_text(module, tables.go, ((p, versions[p], p not in direct) for p in sorted(versions)))


def go_sum(units: Iterable[str], tables: Tables) -> str:
    """The go.sum text: every line of the units, sorted and without repeats."""
    lines = {line for name in units for line in tables.units[name].sum}
    return "".join(f"{line}\n" for line in sorted(lines))
