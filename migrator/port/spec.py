"""`migrate port --spec`: the stub's `--spec` artefacts in the port's module.

The port answers every event through its raw-JSON handler (the translated JavaScript sees the exact
event), so the stub's `routes.go` (codegen's router bound to port.go's typed operation methods) and
its `port.go` give way; what stays is codegen's `api/` package, `spec-routes.json` and the golden
cases drawn from each bound operation (what `--verify` runs), and `port_spec.gen.go`: a typed
`portOpX` entry per bound operation over the raw-JSON path (`spec_entry.py`). The translated body
itself still runs on `jsrt.Value`: it takes no type from the spec.
"""

from __future__ import annotations

from dataclasses import replace

from codegen.emit.go.scaffold_model import OperationView
from codegen.emit.interface import GeneratedFile
from codegen.output.write import Target
from migrator.port.render import gofmt
from migrator.port.spec_entry import render_spec_file, spec_entries
from migrator.port.targets import PortTarget, module_path
from migrator.scan.model import Function
from migrator.stub.spec import SpecApi

#: The stub's files that only the stub's own handler.go can compile with.
_ROUTER_FILES = frozenset({"routes.go"})


def without_router(item: PortTarget) -> PortTarget:
    """`item` without the stub's router binding, when its handler.go was replaced by the port's."""
    if item.translation.problem is not None:  # not translated: the stub's module is written whole
        return item
    files = tuple(f for f in item.target.files if f.path not in _ROUTER_FILES)
    return replace(item, target=replace(item.target, files=files))


def with_spec_entries(
    item: PortTarget, function: Function, spec: SpecApi, views: tuple[OperationView, ...]
) -> PortTarget:
    """`item` with port_spec.gen.go when it is translated and its routes bind operations."""
    if item.translation.problem is not None:
        return item
    entries = spec_entries(function, views)
    if not entries:
        return item
    text = render_spec_file(entries, module_path(item.target.files), spec.label)
    files = (*item.target.files, GeneratedFile("port_spec.gen.go", gofmt(text, "port_spec.gen.go")))
    target = Target(item.target.name, item.target.root, files)
    translation = replace(item.translation, operations=tuple(e.signature() for e in entries))
    return replace(item, target=target, translation=translation)
