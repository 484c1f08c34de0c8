"""What every function's assembly shares (parsed files, lookups, caches), and what one export reaches.

`reached_files` narrows the handler's own file to its export (migrator.scan.export_scope) and follows
the local modules that export imports; `imported_clients` links SDK clients built in helper
modules; `returns_async_import` tells a plain handler that hands back another module's promise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from migrator.scan.config.packagejson import read_manifest
from migrator.scan.export_scope import scoped
from migrator.scan.filefacts import Export, FileFacts
from migrator.scan.model import AwsCall, Blocker, Dependency
from migrator.scan.resolve import Resolver, nearest, relative
from migrator.scan.sdk import Clients, exported_clients
from migrator.scan.tables import PackageInfo, Tables


@dataclass
class Workspace:
    """What every function's assembly shares: the root, file lookups, tables, parsed files."""

    root: Path
    resolver: Resolver
    tables: Tables
    facts: Mapping[Path, FileFacts]
    local_imports: Mapping[Path, tuple[Path, ...]]
    versions: dict[Path, dict[str, str] | None]  #: declared dependency versions by folder (a cache)
    sdk_cache: dict[str, dict[str, set[str]]]  #: AWS services and operations per file (a cache)
    #: by (package, version), a built-in by (module, None) (a cache)
    dependency_cache: dict[tuple[str, str | None], Dependency]
    call_cache: dict[str, tuple[AwsCall, ...]] = field(default_factory=dict)  #: call sites per file
    #: blockers of each file's imports and own checks (see ruleset.Subject.file_cache)
    blocker_cache: dict[tuple[int, str, str | None], list[Blocker]] = field(default_factory=dict)
    #: `declared_versions` by the handler's folder (a string: cheaper to hash than a fresh Path)
    versions_by_dir: dict[str, dict[str, str]] = field(default_factory=dict)
    #: package name and built-in's Go counterpart by import specifier; see assemble.imported_package
    package_cache: dict[str, tuple[str, PackageInfo | None]] = field(default_factory=dict)
    #: the module system of handlers by (folder, file extension); see assemble.module_system
    module_systems: dict[tuple[str, str], Literal["commonjs", "esm"]] = field(default_factory=dict)

    #: `root` as a string, to join file paths to (`os.path.join` turns a Path into one each time)
    root_text: str = field(init=False)

    def __post_init__(self) -> None:
        self.root_text = str(self.root)

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def closure(self, start: Path, first: tuple[Path, ...] | None = None) -> list[Path]:
        """The handler file and every local module it reaches, in discovery order.

        `first` replaces the start file's own imports (those one export reaches).
        """
        seen = {start}
        order = [start]
        for index, path in enumerate(order):
            deps = first if index == 0 and first is not None else self.local_imports.get(path, ())
            for dep in deps:
                if dep not in seen:
                    seen.add(dep)
                    order.append(dep)
        return order

    def reached(self, handlers: list[Path]) -> set[Path]:
        """The handlers and every local module they reach, as a set: unlike `closure` per handler,
        the helpers they share are walked once."""
        found: set[Path] = set()
        frontier = handlers[:]
        while frontier:
            path = frontier.pop()
            if path not in found:
                found.add(path)
                frontier.extend(self.local_imports.get(path, ()))
        return found

    def declared_versions(self, path: Path) -> dict[str, str]:
        """Dependencies declared by the nearest package.json that declares any (root-bounded)."""
        key = os.path.dirname(path)
        found = self.versions_by_dir.get(key)
        if found is None:
            found = self.versions_by_dir[key] = (
                nearest(
                    path.parent,
                    self.root,
                    self.versions,
                    lambda d: _declared(d / "package.json", self.resolver),
                )
                or {}
            )
        return found


def _declared(manifest_path: Path, resolver: Resolver) -> dict[str, str] | None:
    if not resolver.is_file(manifest_path):
        return None
    manifest = read_manifest(manifest_path, resolver.real_root)
    if manifest is None:
        return None
    versions: dict[str, str] = {}
    for section in ("peerDependencies", "optionalDependencies", "devDependencies", "dependencies"):
        declared = manifest.get(section)
        if isinstance(declared, dict):
            versions.update({str(k): str(v) for k, v in declared.items()})
    return versions or None


def find_export(ws: Workspace, path: Path, name: str, depth: int = 0) -> tuple[Export, Path] | None:
    """The export `name` of the module at `path`, following re-exports to where it is defined."""
    facts = ws.facts.get(path)
    if facts is None or depth > 10:
        return None
    exports = [e for e in facts.exports if e.name == name] or [e for e in facts.exports if e.name == "*"]
    for export in exports:
        if export.source is None:
            return export, path
        if export.source.startswith("."):
            target = ws.resolver.import_file(path, export.source)
            imported = name if export.imported in (None, "*") else export.imported
            if target is not None:
                found = find_export(ws, target, imported, depth + 1)
                if found is not None:
                    return found
        elif export.name == name:
            return export, path  # re-exported from a package: the shape is not ours to read
    return None


def reached_files(ws: Workspace, handler: Path, found: tuple[Export, Path] | None) -> list[FileFacts]:
    """The facts the handler reaches: its own export's share of its file, then its modules."""
    facts = ws.facts[handler]
    if found is None or found[1] != handler or found[0].shape is None or not facts.units:
        return _known(ws, ws.closure(handler))
    own = scoped(facts, found[0].shape.line, found[0].name)
    first = tuple(
        dict.fromkeys(
            target
            for ref in own.imports
            if ref.specifier.startswith(".") and not ref.type_only
            for target in (ws.resolver.import_file(handler, ref.specifier),)
            if target is not None
        )
    )
    return [own, *_known(ws, ws.closure(handler, first)[1:])]


def _known(ws: Workspace, paths: list[Path]) -> list[FileFacts]:
    """The facts of those `paths` that were read."""
    facts = ws.facts
    return [found for path in paths if (found := facts.get(path)) is not None]


def returns_async_import(ws: Workspace, found: tuple[Export, Path]) -> bool:
    shape = found[0].shape
    target = shape.returns_import if shape is not None else None
    if target is None:
        return False
    module = ws.resolver.import_file(found[1], target[0])
    callee = find_export(ws, module, target[1]) if module is not None else None
    inner = callee[0].shape if callee is not None else None
    return inner is not None and (inner.is_async or inner.returns_promise)


def imported_clients(ws: Workspace, facts: FileFacts) -> Clients:
    """SDK clients `facts` imports from local modules (`const db = require('./db')`), by local name."""
    out: Clients = {}
    called = {obj for obj, _, _ in facts.method_calls}
    path = os.path.join(ws.root_text, facts.path)
    for ref in facts.imports:
        if not ref.specifier.startswith(".") or ref.type_only:
            continue
        if not any(local in called for local, _ in ref.bindings):
            continue  # nothing imported from it is called like a client
        target = ws.resolver.import_file(path, ref.specifier)
        target_facts = ws.facts.get(target) if target is not None else None
        if target_facts is None:
            continue
        exported = exported_clients(target_facts, ws.tables)
        for local, name in ref.bindings:
            client = exported.get("*" if name in ("*", "default") else name)
            if client is not None:
                out[local] = client
    return out


def imported_env(ws: Workspace, facts: FileFacts) -> dict[str, str]:
    """Local names `facts` imports from local modules that hold an env var there.

    `const { ORDERS_TABLE } = require('../lib/db')` where db.js has
    `const ORDERS_TABLE = process.env.ORDERS_TABLE` and exports it: ORDERS_TABLE → ORDERS_TABLE.
    """
    out: dict[str, str] = {}
    if not facts.call_inputs:
        return out
    path = os.path.join(ws.root_text, facts.path)
    for ref in facts.imports:
        if not ref.specifier.startswith(".") or ref.type_only or not ref.bindings:
            continue
        target = ws.resolver.import_file(path, ref.specifier)
        target_facts = ws.facts.get(target) if target is not None else None
        if target_facts is None or not target_facts.env_bindings:
            continue
        exported = {e.name for e in target_facts.exports}
        bound = {name: env for name, env in target_facts.env_bindings if name in exported}
        for local, name in ref.bindings:
            if name in bound:
                out[local] = bound[name]
    return out
