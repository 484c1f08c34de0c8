"""Scan one project (a config file or a bare package folder) end to end, in one process.

A `ProjectScanner` owns the parsers, compiled queries, file lookups and parsed files of the
process it lives in; projects scanned one after another share them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from migrator.scan.assemble import assemble
from migrator.scan.collect import analyze_file
from migrator.scan.config.cdkapp import read_cdk_app
from migrator.scan.config.cloudformation import read_template
from migrator.scan.config.model import ConfigResult, FunctionConfig
from migrator.scan.config.packagejson import read_bare_package
from migrator.scan.config.scope import config_skip, handler_skip
from migrator.scan.config.scope import skipped as skipped_function
from migrator.scan.config.serverless import read_serverless
from migrator.scan.config.terraform import read_terraform
from migrator.scan.filefacts import FileFacts
from migrator.scan.files import SOURCE_LIMIT, Unreadable, is_inside, shown
from migrator.scan.jsparse import Grammars, grammar_for
from migrator.scan.model import AwsCall, Blocker, Dependency, Function, ScanProblem, SkippedFunction
from migrator.scan.prefetch import Prefetch
from migrator.scan.resolve import Resolver, inside, relative, split_handler
from migrator.scan.samefiles import SameFiles, content_key
from migrator.scan.tables import Tables
from migrator.scan.workspace import Workspace, find_export

INTERNAL_ERROR = "internal error while scanning this project"
NUL_IN_PATH = "a path this project names holds a NUL character (\\0): fix it; nothing here was scanned"


@dataclass(frozen=True)
class ProjectResult:
    functions: tuple[Function, ...]
    problems: tuple[ScanProblem, ...]
    claimed: tuple[str, ...]  #: handler files of config-declared functions (absolute)
    bare_dir: str | None  #: the folder, for a bare package.json project
    skipped: tuple[SkippedFunction, ...] = ()  #: declared functions that are no Node.js candidates
    modules: tuple[str, ...] = ()  #: Terraform folders this project read as its local modules (real paths)
    terraform_dir: str | None = None  #: the folder (real path), for a Terraform project


class ProjectScanner:
    def __init__(self, root: Path, tables: Tables) -> None:
        self.root = root
        self.tables = tables
        self.grammars = Grammars()
        self.resolver = Resolver(root)
        self.facts: dict[Path, FileFacts] = {}
        self.seen: set[Path] = set()
        self.local_imports: dict[Path, tuple[Path, ...]] = {}
        self.file_problems: dict[Path, list[ScanProblem]] = {}
        self.versions: dict[Path, dict[str, str] | None] = {}
        self.sdk_usage: dict[str, dict[str, set[str]]] = {}
        self.call_sites: dict[str, tuple[AwsCall, ...]] = {}
        self.real_dirs: dict[Path, str] = {}
        self.dependencies: dict[tuple[str, str | None], Dependency] = {}
        self.file_blockers: dict[tuple[int, str, str | None], list[Blocker]] = {}
        self.same = SameFiles()
        self.prefetch = Prefetch(self.grammars, self.resolver.reader, self.same)
        self.handlers: dict[tuple[Path, str, tuple[str, ...]], Path | None] = {}

    def warm_up(self) -> None:
        """Compile the queries for the common grammars now rather than on the first file."""
        for grammar in ("javascript", "typescript"):
            self.grammars.facts_query(grammar)

    def scan(self, kind: str, path: Path) -> ProjectResult:
        """Scan one project. A bug of ours becomes a located problem, so the fleet scan goes on."""
        try:
            return self._scan(kind, path)
        except Exception as exc:  # reported below, with what to do
            self.prefetch.clear()
            if _interrupted(exc):
                raise KeyboardInterrupt from exc
            where = relative(path, self.root)
            message = (  # a bug of ours, or a NUL in a path (below)
                f"{INTERNAL_ERROR}: {type(exc).__name__}: {exc}. The rest of the fleet was scanned; "
                "please report this with the file"
            )
            if isinstance(exc, ValueError) and str(exc) == "embedded null byte":  # from an os call
                message = NUL_IN_PATH
            return ProjectResult((), (ScanProblem(where, None, None, message),), (), None)

    def _scan(self, kind: str, path: Path) -> ProjectResult:
        rel = "" if path == self.root else relative(path, self.root)  # a CDK or Terraform root
        if kind == "serverless":
            config = read_serverless(path, rel, self.root)
        elif kind == "template":
            config = read_template(path, rel, self.root)
        elif kind == "terraform":
            config = read_terraform(path, rel, self.root)
        elif kind == "cdk":
            config = read_cdk_app(path, rel, self.grammars, self.root)
        else:
            config = read_bare_package(path, relative(path / "package.json", self.root), self.root)
        result = self._functions(config, path if kind == "package" else None)
        self.prefetch.clear()  # what no function asked for
        if kind != "terraform":
            return result
        return replace(result, modules=tuple(config.module_dirs), terraform_dir=os.path.realpath(path))

    def _functions(self, config: ConfigResult, bare_dir: Path | None) -> ProjectResult:
        ws = Workspace(
            self.root,
            self.resolver,
            self.tables,
            self.facts,
            self.local_imports,
            self.versions,
            self.sdk_usage,
            self.dependencies,
            self.call_sites,
            self.file_blockers,
        )
        functions: list[Function] = []
        skipped: list[SkippedFunction] = []
        claimed: list[str] = []
        reached: set[Path] = set()
        handlers: list[Path] = []  #: whose every module is reached (walked once, at the end)
        problems = list(config.problems)
        self._plan(config.functions)
        for cfg in config.functions:
            skip = config_skip(cfg)
            if skip is not None:
                skipped.append(skipped_function(cfg, skip))
                continue
            if cfg.inline_code is not None and (cfg.runtime or "nodejs").startswith("nodejs"):
                inline = self._inline(cfg)
                functions.append(assemble(ws, cfg, inline, split_handler(cfg.handler or "index.handler")[1]))
                reached.add(inline)
            elif cfg.handler is None and cfg.config is not None:
                problems.extend(_no_handler(cfg, problems))
            elif (
                outside := _outside_code(cfg, self._real(cfg.base_dir), self.resolver.real_root)
            ) is not None:
                problems.append(outside)
            elif cfg.handler is not None:
                handler, export = self._handler(cfg.base_dir, cfg.handler, cfg.entry_points)
                skip = handler_skip(cfg) if handler is None else None
                if skip is not None:
                    skipped.append(skipped_function(cfg, skip))
                    continue
                self._load(handler, events=not cfg.events)
                functions.append(assemble(ws, cfg, handler, export))
                if handler is not None:
                    claimed.append(str(handler))
                    handlers.append(handler)
            else:
                fn, tried = self._bare(ws, cfg)
                reached.update(tried)  # a candidate that could not be read is reported
                if fn is not None:
                    functions.append(fn)
                    reached.update(self.resolver.root / f for f in fn.source_files)
        reached.update(ws.reached(handlers))
        for path in sorted(p for p in reached if p in self.file_problems):
            problems.extend(self.file_problems[path])
        return ProjectResult(
            tuple(functions),
            tuple(problems),
            tuple(claimed),
            str(bare_dir) if bare_dir else None,
            tuple(skipped),
        )

    def _plan(self, functions: Sequence[FunctionConfig]) -> None:
        """Tell the prefetch which handler files the functions will likely read (not yet read)."""
        for cfg in functions:
            if cfg.handler is not None and cfg.inline_code is None and config_skip(cfg) is None:
                handler = self._handler(cfg.base_dir, cfg.handler, cfg.entry_points)[0]
                if handler is not None and handler not in self.seen:
                    self.prefetch.plan(handler, grammar_for(handler.suffix), not cfg.events)

    def _handler(
        self, base_dir: Path, handler: str, entry_points: tuple[str, ...]
    ) -> tuple[Path | None, str]:
        """The source file of a config's handler (resolved once per scanner), and its export."""
        module, export = split_handler(handler)
        key = (base_dir, module, entry_points)
        try:
            return self.handlers[key], export
        except KeyError:
            found = self.handlers[key] = self.resolver.handler_file(base_dir, module, entry_points)
            return found, export

    def _real(self, folder: Path) -> str:
        """`folder` with symlinks resolved, once per folder (the functions of a config share one)."""
        real = self.real_dirs.get(folder)
        if real is None:
            real = self.real_dirs[folder] = os.path.realpath(folder)
        return real

    def _bare(self, ws: Workspace, cfg: FunctionConfig) -> tuple[Function | None, list[Path]]:
        """A bare package.json folder is a function when a candidate file exports `handler`.

        Returns the function, if any, and the candidate files tried.
        """
        resolved = (self.resolver.handler_file(cfg.base_dir, name) for name in cfg.candidates)
        candidates = list(dict.fromkeys(c for c in resolved if c is not None))
        for candidate in candidates:
            self._load(candidate, events=not cfg.events)
            if candidate in ws.facts and find_export(ws, candidate, "handler") is not None:
                return assemble(ws, cfg, candidate, "handler"), candidates
        for candidate in candidates:
            facts = ws.facts.get(candidate)
            if facts is not None and facts.syntax_errors:
                return assemble(ws, cfg, candidate, "handler"), candidates  # broken, but meant as one
        return None, candidates

    def _inline(self, cfg: FunctionConfig) -> Path:
        """Parse a template's inline code (ZipFile/InlineCode) as `<template>#<function>.js`."""
        path = self.root / f"{cfg.config}#{cfg.name}.js"
        rel = relative(path, self.root)
        facts = analyze_file(rel, (cfg.inline_code or "").encode(), "javascript", self.grammars)
        self.facts[path] = facts
        self.seen.add(path)
        self.local_imports[path] = ()
        if facts.syntax_errors:
            self.file_problems[path] = [
                ScanProblem(rel, p.line, p.column, f"{p.message} (line of the inline code)")
                for p in facts.syntax_errors
            ]
        return path

    def _load(self, start: Path | None, events: bool) -> None:
        """Parse `start` (a handler) and every local module it reaches, each file once per scanner.

        With `events` (a function whose config declares no trigger), every file reached has its
        event shape read: a file read before without it is read again (see `FileFacts.events_read`).
        """
        if start is None:
            return
        known = self.facts.get(start)
        if known is not None and known.multi_export and not known.units:
            # first read as a module: now its units count
            self._reread(start, handler=True, events=events or known.events_read)
        frontier = [start]
        visited: set[Path] = set()
        while frontier:
            path = frontier.pop()
            if path in visited:
                continue
            visited.add(path)
            if path in self.seen:
                if events:  # its modules are known; they may lack the event shape too
                    known = self.facts.get(path)
                    if known is not None and not known.events_read:
                        self._reread(path, handler=path == start or bool(known.units), events=True)
                    frontier.extend(self.local_imports.get(path, ()))
                continue
            self.seen.add(path)
            facts = self._parse(path, handler=path == start, events=events)
            if facts is not None:
                self.facts[path] = facts
            targets: list[Path] = []
            for ref in facts.imports if facts is not None else ():
                if ref.specifier.startswith(".") and not ref.type_only:
                    target = self.resolver.import_file(path, ref.specifier)
                    if target is not None:  # outside PATH: _parse reports it, reads nothing
                        targets.append(target)
            self.local_imports[path] = tuple(dict.fromkeys(targets))
            frontier.extend(t for t in targets if t not in self.seen or events)

    def _reread(self, path: Path, handler: bool, events: bool) -> None:
        reread = self._parse(path, handler=handler, events=events)
        if reread is not None:
            self.facts[path] = reread

    def _parse(self, path: Path, handler: bool = False, events: bool = True) -> FileFacts | None:
        rel = relative(path, self.root) if inside(path, self.root) else shown(path, self.root)
        parsed = self.prefetch.take(path, events)
        try:
            source = parsed.source if parsed else self.resolver.reader.read_bytes(path, SOURCE_LIMIT)
        except Unreadable as exc:
            self.file_problems[path] = [ScanProblem(rel, None, None, exc.reason)]
            return None
        grammar = grammar_for(path.suffix)
        key = content_key(source, grammar, handler, events)
        facts = self.same.get(key, rel)
        if facts is None:
            facts = analyze_file(rel, source, grammar, self.grammars, handler, events, parsed)
            self.same.add(key, facts)
        if facts.syntax_errors:
            self.file_problems[path] = [
                ScanProblem(rel, p.line, p.column, p.message) for p in facts.syntax_errors
            ]
        return facts


def _outside_code(cfg: FunctionConfig, real: str, real_root: str) -> ScanProblem | None:
    """A config whose code folder (CodeUri, CDK entry or asset, Terraform archive source; `real`
    with links resolved) leaves PATH: said at the config, and nothing there is looked at."""
    if cfg.config is None or is_inside(real, real_root):
        return None
    message = (
        f"function {cfg.name!r}: its code folder {shown(real, real_root)} is outside the scanned folder; "
        "it is not read"
    )
    return ScanProblem(cfg.config, cfg.line, None, message)


def _no_handler(cfg: FunctionConfig, known: list[ScanProblem]) -> list[ScanProblem]:
    """A config function without a readable handler is an error entry, never silently dropped."""
    if any(p.file == cfg.config and p.line == cfg.line and cfg.name in p.message for p in known):
        return []  # the config reader has said why
    message = (
        f"function {cfg.name!r} has no handler the scan can read (missing, or not a literal string "
        "such as !Join or a parameter without a default); it is not scanned"
    )
    return [ScanProblem(cfg.config or "", cfg.line, None, message)]


def _interrupted(exc: BaseException) -> bool:
    """Whether a Ctrl-C caused `exc`: C code that was interrupted (tree-sitter compiling a query's
    regular expressions) raises its own error, chained to the KeyboardInterrupt, which must end the
    scan rather than become a project's internal error."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False
