"""One function's translation: its module graph, the shims it imports, and the Go files that hold it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from migrator.port import ir
from migrator.port.lambda_types import render_entry, typed_entry
from migrator.port.modules import build_graph
from migrator.port.render import ShimUse, gofmt, render_port, template
from migrator.port.sdk import render_operations
from migrator.port.shims import ShimError, ShimTable
from migrator.port.typing_rules import TypedBinding, Unverified, infer_module
from migrator.port.validator_schemas import TRANSPILE, schema_spots
from migrator.scan.model import Function

_JSRT = "jsrt"


@dataclass(frozen=True)
class Translation:
    """What translating one function produced."""

    function: str
    statements: int  #: JavaScript statements seen in the modules reached from the handler
    failed: int  #: statements not translated (they throw NotImplementedError when reached)
    untranslated: tuple[ir.Untranslated, ...]
    files: dict[str, str]  #: generated Go files (relative path → text), besides the stub's
    problem: str | None = None  #: why nothing could be translated (no handler file, ...)
    typed: tuple[TypedBinding, ...] = ()  #: bindings given a type (typing_rules)
    unverified: tuple[Unverified, ...] = ()  #: TypeScript annotations not used, with why
    entry: str = ""  #: the typed entry point's signature ("" when the event is no aws-lambda type)
    operations: tuple[str, ...] = ()  #: --spec: each bound operation's typed entry (port_spec.gen.go)


def _specifier(spec: str) -> str:
    return spec.removeprefix("node:")


def _major(function: Function, spec: str) -> int | None:
    """The major version of the npm package `spec` belongs to, from its range in package.json (None:
    not declared, so the shim's oldest supported major)."""
    parts = _specifier(spec).split("/")
    package = "/".join(parts[:2] if parts[0].startswith("@") else parts[:1])
    for dep in function.dependencies:
        if dep.npm == package and dep.version:
            found = re.search(r"\d+", dep.version)
            return int(found.group()) if found else None
    return None


def _data_files(folder: str) -> dict[str, str]:
    from importlib import resources

    base = resources.files("migrator.port").joinpath("data", folder)
    return {
        f"{folder}/{entry.name}": entry.read_text(encoding="utf-8")
        for entry in sorted(base.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".go") and not entry.name.endswith("_test.go")
    }


def _available(shims: ShimTable, spec: str) -> bool:
    """Whether a shim exists for `spec` and its Go sources ship (a table entry without sources,
    while port-libs is still adding them, counts as no shim)."""
    shim = shims.lookup(_specifier(spec))
    if shim is None:
        return False
    try:
        shims.files(shim)
    except ShimError:
        return False
    return True


def _exports(shims: ShimTable, spec: str) -> frozenset[str] | None:
    """The names the shim of `spec` provides (None: no shim)."""
    shim = shims.lookup(_specifier(spec))
    return shim.exports if shim is not None else None


def _rewrite(text: bytes, module_path: str) -> str:
    return text.decode("utf-8").replace('"migrate.local/port/', f'"{module_path}/')


def translate(function: Function, root: Path, module_path: str, shims: ShimTable) -> Translation:
    """Translate the function whose handler is `function.file` under `root` into Go files."""
    if function.file is None:
        return Translation(function.name, 0, 0, (), {}, "the handler file does not resolve")
    handler = root / function.file
    if not handler.is_file():
        inline = next((b.message for b in function.blockers if b.rule == "inline-code"), None)
        return Translation(function.name, 0, 0, (), {}, inline or f"{function.file}: no such file")
    graph = build_graph(
        root, handler, lambda spec: _available(shims, spec), lambda spec: _exports(shims, spec)
    )
    modules = graph.modules
    untranslated = [u for m in modules for u in m.untranslated]
    if TRANSPILE in map(_specifier, graph.shims):
        untranslated += schema_spots(root, [m.file for m in modules])
    if any(b.rule == "long-running" for b in function.blockers):
        why = "the translation runs without the stub's checkpoints (checkpoint.go is left out)"
        untranslated.append(ir.Untranslated(function.file, 1, "long-running job", why))
    used = [(spec, shims.lookup(_specifier(spec))) for spec in graph.shims]
    uses: list[ShimUse] = []
    files: dict[str, str] = {}
    aws = False
    for spec, shim in used:
        assert shim is not None
        uses.append(ShimUse(spec, shim.import_path(module_path), shim.go_call("r", _major(function, spec))))
        files |= {path: _rewrite(data, module_path) for path, data in shims.files(shim).items()}
        aws = aws or bool(shim.services) or shim.go_dir.startswith("shims/aws")
    calls = [(usage.service, op) for usage in function.aws_sdk for op in usage.operations]
    if aws:
        files |= {path: _rewrite(data, module_path) for path, data in shims.runtime_files().items()}
        files["aws_ops.gen.go"] = render_operations(module_path, calls)
    files |= _data_files(_JSRT)
    typings = tuple(infer_module(m) for m in modules)
    files["port.gen.go"] = render_port(module_path, modules, tuple(uses), function.export, aws, typings)
    files["port_rt.gen.go"] = template("port_rt.go.tmpl", module=module_path)
    statements = sum(m.statements for m in modules)
    failed = sum(_failed(m) for m in modules)
    spots = tuple(sorted(untranslated, key=lambda u: (u.file, u.line, u.construct)))
    typed = tuple(b for t in typings for b in t.typed)
    unverified = tuple(u for t in typings for u in t.unverified)
    entry = typed_entry(modules, function.export)
    if entry is not None:
        files["port_events.gen.go"] = gofmt(render_entry(entry), "port_events.gen.go")
    signature = entry.signature() if entry is not None else ""
    return Translation(function.name, statements, failed, spots, files, None, typed, unverified, signature)


def _failed(module: ir.Module) -> int:
    return module.failed
