"""Functions → the write targets of their modules (plan, then render), in one process.

Shared by `run.targets_for` (everything in memory, for --check and callers such as `port`) and the
worker processes of `fleet` (which stage their modules on disk as they go).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from codegen.output.paths import check_relative, inside
from codegen.output.write import Target
from migrator.scan.model import Function
from migrator.stub.apibind import bind_spec
from migrator.stub.cognito import cognito_type
from migrator.stub.plan import PlanOptions, may_report_failures, plan_module
from migrator.stub.render import RenderCache, environment, render_module
from migrator.stub.source import FailureReader, StubInputError
from migrator.stub.spec import SpecApi
from migrator.stub.spec_cases import CaseDrawer
from migrator.stub.tables import load_tables

Progress = Callable[[int, int], None]


def select(functions: Sequence[Function], names: Sequence[str]) -> list[int]:
    """Indices of the functions named (all when none is), or our error naming the unknown ones."""
    if not names:
        return list(range(len(functions)))
    known = {f.name for f in functions}
    unknown = [n for n in names if n not in known]
    if unknown:
        have = ", ".join(sorted(known)[:10]) + (", ..." if len(known) > 10 else "")
        raise StubInputError(f"no function named {', '.join(unknown)}; the scan has: {have}")
    return [i for i, f in enumerate(functions) if f.name in names]


def module_root(out: Path, folder: str) -> Path:
    """`out/folder`, refused when a link there leads out of `out` (a name is one safe segment)."""
    check_relative(folder)
    root = out / folder
    if root.is_symlink():  # only a link can take a single plain segment elsewhere
        inside(out, folder)
    return root


def make_targets(
    items: Sequence[tuple[Function, str]],
    root: Path,
    out: Path,
    architecture: str | None,
    templates: Path | None,
    progress: Progress | None = None,
    *,
    spec: SpecApi | None = None,
) -> tuple[list[Target], list[str]]:
    """The target of each (function, folder), its source files under `root`; one line per partial
    module and, with `spec`, per API route that binds no operation of it."""
    tables = load_tables()
    env = environment(templates)
    cache: RenderCache | None = {} if templates is None else None  # overrides may read other facts
    targets: list[Target] = []
    partial: list[str] = []
    failures = FailureReader(root)
    drawer = CaseDrawer(spec.path) if spec is not None else None
    for done, (function, folder) in enumerate(items, 1):
        reports = may_report_failures(function, tables) and failures.reports(function)
        options = PlanOptions(architecture, reports, cognito_type(root, function))
        plan = plan_module(function, folder, tables, options)
        unmatched: list[str] = []
        if spec is not None and drawer is not None:
            plan, unmatched = bind_spec(plan, spec)
            plan = drawer.with_cases(plan)
        files = render_module(plan, tables, env, cache, spec.files if spec is not None else ())
        targets.append(Target(folder, module_root(out, folder), files))
        partial += [f"partial: {function.name}: {reason}" for reason in plan.partial_reasons]
        partial += unmatched
        if progress is not None:
            progress(done, len(items))
    return targets, partial
