"""Put one function together: its config, its handler's file facts and those of its local imports."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from migrator.scan.blockers import DependencySite, Site, Subject, blocker, find_blockers
from migrator.scan.config.model import FunctionConfig
from migrator.scan.events import infer_events
from migrator.scan.filefacts import ErrorClass, FileFacts, FunctionShape
from migrator.scan.files import shown
from migrator.scan.jsparse import TYPESCRIPT_EXTENSIONS
from migrator.scan.model import (
    EVENT_KINDS,
    AwsCall,
    AwsSdkUsage,
    Blocker,
    Dependency,
    EventEvidence,
    Function,
)
from migrator.scan.readiness import readiness
from migrator.scan.resolve import TsConfig, inside
from migrator.scan.sdk import Clients, aws_call_sites, aws_sdk_usage
from migrator.scan.tables import PackageInfo, Tables
from migrator.scan.vocabulary import vocabulary
from migrator.scan.workspace import (
    Workspace,
    find_export,
    imported_clients,
    imported_env,
    reached_files,
    returns_async_import,
)

BUILTIN_ERRORS = frozenset(
    {
        "Error",
        "TypeError",
        "RangeError",
        "SyntaxError",
        "ReferenceError",
        "EvalError",
        "URIError",
        "AggregateError",
    }
)
_ESM_TS_MODULES = ("es", "esnext", "preserve")
#: each event kind's place in the vocabulary order, the order a function lists its events in
_KIND_ORDER = {kind: index for index, kind in enumerate(EVENT_KINDS)}


def handler_style(shape: FunctionShape | None) -> Literal["async", "callback", "sync"] | None:
    if shape is None:
        return None
    if shape.is_async or shape.returns_promise:
        return "async"
    if len(shape.params) >= 3:
        return "callback"
    return "sync"


def module_system(
    path: Path, tsconfig: TsConfig | None, package_type: str | None
) -> Literal["commonjs", "esm"]:
    suffix = path.suffix
    if suffix in (".mjs", ".mts"):
        return "esm"
    if suffix in (".cjs", ".cts"):
        return "commonjs"
    if suffix in TYPESCRIPT_EXTENSIONS and tsconfig is not None and tsconfig.module:
        if tsconfig.module == "commonjs":
            return "commonjs"
        if tsconfig.module.startswith(_ESM_TS_MODULES):
            return "esm"
    return "esm" if package_type == "module" else "commonjs"


def package_name(specifier: str) -> str:
    parts = specifier.split("/")
    return "/".join(parts[:2]) if specifier.startswith("@") and len(parts) > 1 else parts[0]


def dependencies(ws: Workspace, files: Sequence[FileFacts], handler: Path) -> list[DependencySite]:
    """Where the function first imports each package (or Node built-in), by name."""
    versions = ws.declared_versions(handler)
    sites: dict[str, DependencySite] = {}
    for facts in files:
        for ref in facts.imports:
            spec = ref.specifier
            if not spec or ref.type_only or spec.startswith((".", "/")) or spec.endswith(".node"):
                continue
            name, builtin = imported_package(ws, spec)
            if name in sites:
                continue
            # A built-in by its module (`fs` and `fs/promises` share a name, not a note), a
            # package by name and declared version.
            key = (name, versions.get(name)) if builtin is None else (spec.removeprefix("node:"), None)
            dep = ws.dependency_cache.get(key)
            if dep is None:
                if builtin is not None:
                    dep = Dependency(name, None, builtin.go, builtin.kind, builtin.note)
                else:
                    dep = _npm_dependency(ws.tables, name, key[1])
                ws.dependency_cache[key] = dep
            sites[name] = DependencySite(dep, facts.path, ref.line)
    return [sites[name] for name in sorted(sites)]  # by `dependency.npm`, which is the name


def imported_package(ws: Workspace, specifier: str) -> tuple[str, PackageInfo | None]:
    """The package a bare specifier names, and its Go counterpart when it is a Node built-in.

    Once per specifier: handlers of a fleet import the same few packages.
    """
    found = ws.package_cache.get(specifier)
    if found is None:
        builtin = ws.tables.builtin(specifier)
        if builtin is not None:
            found = (specifier.removeprefix("node:").split("/", 1)[0], builtin)
        else:
            found = (package_name(specifier), None)
        ws.package_cache[specifier] = found
    return found


def _npm_dependency(tables: Tables, name: str, version: str | None) -> Dependency:
    info = tables.packages.get(name)
    if info is not None:
        return Dependency(name, version, info.go, info.kind, info.note)
    service = tables.v3_service(name)
    if service is not None:
        return Dependency(
            name,
            version,
            tables.service_import(service),
            "aws-sdk",
            f"AWS SDK v3 client → aws-sdk-go-v2 {service}",
        )
    return Dependency(
        name,
        version,
        "",
        "unmapped",
        "not in the npm→Go table: find a Go equivalent or port the code it provides",
    )


def error_types(files: Sequence[FileFacts]) -> tuple[str, ...]:
    """Names the function's errors carry at run time (`error.name`, what Node reports)."""
    classes: dict[str, ErrorClass] = {}
    for facts in files:
        for cls in facts.error_classes:
            classes.setdefault(cls.name, cls)

    def effective(name: str, depth: int = 0) -> str | None:
        if name in BUILTIN_ERRORS:
            return name
        cls = classes.get(name)
        if cls is None or depth > 20:
            return None
        parent = effective(cls.parent, depth + 1)
        if parent is None:
            return None  # not an Error subclass we can see
        return cls.error_name or parent

    names: set[str] = set()
    for facts in files:
        renamed: set[str] = set()
        for rename in facts.error_names:
            renamed.add(rename.target)
            if rename.name:
                names.add(rename.name)
        for construct in facts.constructs:
            if construct.assigned_to in renamed:
                continue  # `const e = new Error(); e.name = 'X'` carries X, counted above
            if "." not in construct.ctor:
                found = effective(construct.ctor)
                if found:
                    names.add(found)
    return tuple(sorted(names))


class _Code(NamedTuple):
    """What the function's code says, beside what its config says.

    A NamedTuple rather than a frozen dataclass: one is built per function, and a frozen
    dataclass's `__init__` (an `object.__setattr__` per field) costs four times as much.
    """

    file: str | None = None
    language: Literal["javascript", "typescript"] | None = None
    module_system: Literal["commonjs", "esm"] | None = None
    handler_style: Literal["async", "callback", "sync"] | None = None
    events: tuple[EventEvidence, ...] = ()
    env: tuple[str, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    aws_sdk: tuple[AwsSdkUsage, ...] = ()
    aws_calls: tuple[AwsCall, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    error_types: tuple[str, ...] = ()
    source_files: tuple[str, ...] = ()


def assemble(ws: Workspace, cfg: FunctionConfig, handler: Path | None, export_name: str) -> Function:
    """One Function from its config and the facts of the files it reaches."""
    handler_facts = ws.facts.get(handler) if handler is not None else None
    if handler is None or handler_facts is None:
        unresolved = blocker("unresolved-handler", _unresolved(ws, cfg, handler), cfg.config, cfg.line)
        return _function(cfg, export_name, _Code(events=cfg.events or _direct(), blockers=(unresolved,)))
    found = find_export(ws, handler, export_name.split(".", 1)[0])
    shape = found[0].shape if found is not None else None
    files = reached_files(ws, handler, found)
    style = handler_style(shape)
    if style == "sync" and found is not None and returns_async_import(ws, found):
        style = "async"  # `(e) => process(e)` hands the runtime another module's promise
    blockers = []
    if found is None:
        blockers.append(
            blocker(
                "unresolved-handler",
                f"{handler_facts.path} has no export {export_name!r}: Lambda would fail with "
                "Runtime.HandlerNotFound",
                handler_facts.path,
                None,
            )
        )
    sites = dependencies(ws, files, handler)
    where = Site(handler_facts.path, shape.line if shape is not None else None, cfg.config, cfg.line)
    blockers.extend(find_blockers(Subject(files, sites, style, cfg, where, ws.tables, ws.blocker_cache)))
    event_param = shape.params[0] if shape is not None and shape.params else None
    code = _code(ws, cfg, handler, handler_facts.path, files, sites, style, event_param, tuple(blockers))
    return _function(cfg, export_name, code)


def _unresolved(ws: Workspace, cfg: FunctionConfig, handler: Path | None) -> str:
    """Why the handler of `cfg` names no file that was read, as the unresolved-handler message."""
    wanted = cfg.handler or " or ".join(cfg.candidates) or "?"
    module = Path(os.path.normpath(os.path.join(cfg.base_dir, cfg.handler or ".")))
    if handler is not None and not inside(handler, ws.root):
        why = f"is outside the scanned folder ({shown(handler, ws.root)}); it is not read"
    elif handler is None and not inside(module, ws.root):
        why = "is outside the scanned folder; it is not read"
    elif handler is not None:
        why = f"names {ws.rel(handler)}, which could not be read (see errors)"
    else:
        why = (
            f"does not resolve to a source file under {shown(cfg.base_dir, ws.root)}: "
            "check the path, or build output without its sources"
        )
    return f"handler {wanted!r} {why}"


def _code(
    ws: Workspace,
    cfg: FunctionConfig,
    handler: Path,
    handler_file: str,
    files: Sequence[FileFacts],
    sites: Sequence[DependencySite],
    style: Literal["async", "callback", "sync"] | None,
    event_param: str | None,
    blockers: tuple[Blocker, ...],
) -> _Code:
    """What the code of a resolved handler says."""

    def clients(facts: FileFacts) -> Clients:
        return imported_clients(ws, facts)

    # Call sites first: the same pass over each file fills the cache the services are read from.
    calls = aws_call_sites(
        files, ws.tables, clients, lambda f: imported_env(ws, f), ws.call_cache, ws.sdk_cache
    )
    suffix = handler.suffix
    return _Code(
        file=handler_file,
        language="typescript" if suffix in TYPESCRIPT_EXTENSIONS else "javascript",
        module_system=_module_system(ws, handler, suffix),
        handler_style=style,
        events=cfg.events or infer_events(files, event_param, vocabulary().code) or _direct(),
        env=tuple(sorted(set(cfg.env) | {e.value for f in files for e in f.env if e.value})),
        dependencies=tuple(s.dependency for s in sites),
        aws_sdk=aws_sdk_usage(files, ws.tables, ws.sdk_cache, clients),
        aws_calls=calls,
        blockers=blockers,
        error_types=error_types(files),
        source_files=tuple(f.path for f in files),
    )


def _module_system(ws: Workspace, handler: Path, suffix: str) -> Literal["commonjs", "esm"]:
    """`module_system` of the handler, once per folder and file extension (what it depends on)."""
    key = (os.path.dirname(handler), suffix)
    found = ws.module_systems.get(key)
    if found is None:
        tsconfig = ws.resolver.tsconfig_for(handler.parent)
        found = ws.module_systems[key] = module_system(handler, tsconfig, ws.resolver.package_type(handler))
    return found


def _direct() -> tuple[EventEvidence, ...]:
    return (EventEvidence("direct", "default", None, None, "no trigger configured or inferable"),)


def _function(cfg: FunctionConfig, export: str, code: _Code) -> Function:
    kinds = {e.kind for e in code.events if e.kind in _KIND_ORDER}
    ordered = tuple(sorted(code.blockers, key=lambda b: (b.file or "", b.line or 0, b.rule)))
    return Function(
        name=cfg.name,
        file=code.file,
        export=export,
        language=code.language,
        module_system=code.module_system,
        handler_style=code.handler_style,
        runtime=cfg.runtime,
        memory_mb=cfg.memory_mb,
        timeout_s=cfg.timeout_s,
        architecture=cfg.architecture,
        config=cfg.config,
        events=tuple(sorted(kinds, key=_KIND_ORDER.__getitem__)),
        event_evidence=code.events,
        env=code.env,
        dependencies=code.dependencies,
        aws_sdk=code.aws_sdk,
        blockers=ordered,
        error_types=code.error_types,
        source_files=code.source_files,
        readiness=readiness(ordered, code.dependencies),
        aws_calls=code.aws_calls,
    )
