"""Diagnostics collected while reading a spec, and the exceptions codegen raises at its boundary.

Problems are values (`Diagnostic`) while codegen collects them, so one run reports every broken
place in a spec; the stage that decides the spec cannot be used raises `SpecError` carrying them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

from codegen.text import printable


class Level(StrEnum):
    """How bad a diagnostic is. Errors stop codegen; warnings stop it only in strict mode."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


class Locator(Protocol):
    """Finds the (line, column) of the node at a JSON pointer (a document's source map)."""

    def position(self, pointer: str) -> tuple[int, int] | None: ...


@dataclass(frozen=True)
class Diagnostic:
    """One located problem or remark about a spec."""

    level: Level
    """error, warning or notice."""
    message: str
    """What is wrong and, where we can tell, what to do about it."""
    pointer: str
    """JSON pointer of the offending node inside its document ("" is the document itself)."""
    file: str
    """The document the pointer is in, as given on the command line or relative to the root spec."""
    line: int | None = None
    """1-based line of the node (of its key, for a mapping member), when the document has lines."""
    column: int | None = None
    """1-based column of the node, with `line`."""
    locator: Locator | None = field(default=None, compare=False, repr=False)
    """Where `line` and `column` are looked up when first needed (`located`), if they were not
    given: the thousands of notices of a large 3.0 spec's upgrade are mostly never printed, and
    locating them indexed every key of the document (0.4 s on GitHub's)."""

    def located(self) -> Diagnostic:
        """This diagnostic with its line and column filled in from its locator, when it has one."""
        if self.locator is None:
            return self
        position = self.locator.position(self.pointer)
        line, column = position if position is not None else (None, None)
        return replace(self, line=line, column=column, locator=None)

    def location(self) -> str:
        """`file:line:column` (as much as is known), then `#pointer`."""
        if self.locator is not None:
            return self.located().location()
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where} #{self.pointer}" if self.pointer else where

    def render(self) -> str:
        """One line, sqlc style: `spec.yaml:12:5 #/components/schemas/Pet: warning: ...`."""
        return printable(f"{self.location()}: {self.level.value}: {self.message}")


def count(diagnostics: Iterable[Diagnostic], level: Level) -> int:
    """How many of the diagnostics are of the given level."""
    return sum(1 for d in diagnostics if d.level is level)


class CodegenError(Exception):
    """Base of every exception codegen lets out; the CLI prints it on one line and exits 2."""


class SpecError(CodegenError):
    """The spec cannot be used: carries every diagnostic collected, errors first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        order = {Level.ERROR: 0, Level.WARNING: 1, Level.NOTICE: 2}
        self.diagnostics: tuple[Diagnostic, ...] = tuple(
            sorted(diagnostics, key=lambda d: order[d.level])  # stable: keeps document order
        )
        errors = count(self.diagnostics, Level.ERROR)
        warnings = count(self.diagnostics, Level.WARNING)
        first = self.diagnostics[0].render() if self.diagnostics else "no diagnostics"
        more = len(self.diagnostics) - 1
        summary = f"{errors} error(s), {warnings} warning(s) in the spec; first: {first}"
        super().__init__(summary + (f" (and {more} more)" if more > 0 else ""))
