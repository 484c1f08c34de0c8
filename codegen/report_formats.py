"""One interface for every report format of every command, and a registry per report kind.

A format is a name and the module that renders it: the module's `render(report) -> str` is imported
only when that format is asked for (SARIF's rule tables or the HTML template cost nothing to a run
that prints a table). A command's `--format` choices are its registry's `names()`, so a format added
to the registry is offered by the CLI, and a test can check every registered module renders.

It lives in `codegen`, the package the other two may import (`migrator` → `golden` → `codegen`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Generic, TypeVar, cast

R = TypeVar("R")


@dataclass(frozen=True)
class ReportFormat(Generic[R]):
    """One output format of one report kind: `module.render(report)` gives its text."""

    name: str
    module: str
    description: str

    def renderer(self) -> Callable[[R], str]:
        return cast("Callable[[R], str]", import_module(self.module).render)

    def render(self, report: R) -> str:
        return self.renderer()(report)


@dataclass(frozen=True)
class FormatRegistry(Generic[R]):
    """The formats one kind of report (scan, golden, stub, port, canary) can be written in."""

    kind: str
    formats: tuple[ReportFormat[R], ...]

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.formats)

    def get(self, name: str) -> ReportFormat[R]:
        for candidate in self.formats:
            if candidate.name == name:
                return candidate
        raise ValueError(f"unknown {self.kind} format {name!r}; use one of {', '.join(self.names())}")
