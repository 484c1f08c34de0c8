"""`migrate port --spec`: the stub's `--spec` artefacts in the port's module.

The port answers every event through its raw-JSON handler (the translated JavaScript sees the exact
event), so the stub's `routes.go` (codegen's router bound to port.go's typed operation methods) and
its `port.go` give way; what stays is codegen's `api/` package, `spec-routes.json` and the golden
cases drawn from each bound operation (what `--verify` runs). The translation itself still runs on
`jsrt.Value`: it takes no type from the spec yet.
"""

from __future__ import annotations

from dataclasses import replace

from migrator.port.targets import PortTarget

#: The stub's files that only the stub's own handler.go can compile with.
_ROUTER_FILES = frozenset({"routes.go"})


def without_router(item: PortTarget) -> PortTarget:
    """`item` without the stub's router binding, when its handler.go was replaced by the port's."""
    if item.translation.problem is not None:  # not translated: the stub's module is written whole
        return item
    files = tuple(f for f in item.target.files if f.path not in _ROUTER_FILES)
    return replace(item, target=replace(item.target, files=files))
