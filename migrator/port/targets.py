"""The modules `migrate port` writes: the stub's module of each function (`migrator.stub.run`) with
`handler.go` replaced and the translation's files added; `port.go` delegates when it is still the
stub's (or ours), and is left alone when the user edited it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen.emit.go.modfile import declared_module
from codegen.emit.interface import GeneratedFile
from codegen.output.atomic import write_atomic
from codegen.output.write import Target
from migrator.port.render import gofmt, template
from migrator.port.shims import ShimTable
from migrator.port.translate import Translation, translate
from migrator.scan.model import Function


@dataclass(frozen=True)
class PortTarget:
    """One function's module to write, its translation, and the port.go texts we may replace."""

    target: Target
    translation: Translation
    stub_port_go: str  #: what the stub writes as port.go (a port.go still equal to it is replaced)
    port_go: str  #: our delegating port.go


def module_path(files: tuple[GeneratedFile, ...]) -> str:
    gomod = next(f for f in files if f.path == "go.mod")
    declared = declared_module(gomod.content)
    assert declared is not None, "the stub's go.mod declares a module"
    return declared


def port_target(function: Function, root: Path, target: Target, shims: ShimTable) -> PortTarget:
    """The stub target of `function` turned into its port."""
    path = module_path(target.files)
    try:
        translation = translate(function, root, path, shims)
    except Exception as exc:  # a translator bug costs this function its translation, not the fleet its run
        why = f"the translator failed on {function.file} ({type(exc).__name__}: {exc}); please report it"
        translation = Translation(function.name, 0, 0, (), {}, f"{why}; the module is the stub's")
    stub_port = next((f.content for f in target.files if f.path == "port.go"), "")
    delegating = template("port.go.tmpl", handler=f"{function.file} (export {function.export})")
    if translation.problem is not None:
        return PortTarget(target, translation, stub_port, delegating)
    has_clients = any(f.path == "clients.go" for f in target.files)
    handler = template(
        "handler.go.tmpl",
        clients_field="\tclients  clients\n" if has_clients else "",
        clients_init="\tc, err := newClients(ctx)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n"
        if has_clients
        else "",
        clients_value=" clients: c," if has_clients else "",
    )
    translation.files["handler.go"] = gofmt(handler, "handler.go")
    replaced = set(translation.files) | {"port.go", "checkpoint.go"}
    files = [f for f in target.files if f.path not in replaced]
    files += [GeneratedFile(p, text) for p, text in sorted(translation.files.items())]
    files.append(GeneratedFile("port.go", delegating, owner="user"))
    return PortTarget(Target(target.name, target.root, tuple(files)), translation, stub_port, delegating)


def settle_port_go(item: PortTarget) -> str:
    """After writing: make port.go delegate when it is still the stub's; say what it is."""
    if item.translation.problem is not None:
        return "stub"
    path = item.target.root / "port.go"
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        return "missing"
    if current == item.port_go:
        return "delegates"
    if current == item.stub_port_go:
        write_atomic(path, item.port_go)
        return "delegates"
    return "edited"
