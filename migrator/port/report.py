"""The port report: per function, statements translated / total, every untranslated construct with
file:line and why, the golden verdict (with --verify); fleet totals. Its formats (a terminal table,
JSON, Markdown) are `migrator.port.formats.PORT_FORMATS`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Spot:
    """One untranslated construct."""

    file: str
    line: int
    construct: str
    why: str


@dataclass(frozen=True)
class Verdict:
    """What `migrate golden` said about the port on the function's cases."""

    verdict: str  #: pass | fail | error
    cases: int  #: cases run
    passed: int
    detail: str  #: the first divergence or the error, one line ("" when it passed)


@dataclass(frozen=True)
class Unproven:
    """A TypeScript annotation the translation does not use: the binding stays a jsrt.Value."""

    file: str
    line: int
    name: str
    annotation: str
    why: str


@dataclass(frozen=True)
class Typed:
    """The bindings the translation gives a type (docs/port.md "Types")."""

    number: int = 0  #: Go float64
    boolean: int = 0  #: Go bool
    string: int = 0  #: proven strings, kept as jsrt.Value (UTF-16)
    annotated: int = 0  #: of all three, how many carry a TypeScript annotation (the rest are inferred)
    unverified: tuple[Unproven, ...] = ()
    entry: str = ""  #: `portHandleTyped(ctx, events.SQSEvent) (events.SQSEventResponse, error)`, or ""
    operations: tuple[
        str, ...
    ] = ()  #: --spec: `portOpGetItem(ctx, api.GetItemInput) (api.GetItemOutput, error)`

    @property
    def go(self) -> int:
        """Bindings printed as Go typed variables."""
        return self.number + self.boolean

    def summary(self) -> str:
        """`12 bindings (9 float64, 3 bool; 2 strings proven, kept as jsrt.Value), 8 annotated; 3
        annotations unverified`."""
        text = f"{self.go} bindings ({self.number} float64, {self.boolean} bool"
        text += f"; {self.string} strings proven, kept as jsrt.Value), {self.annotated} annotated"
        return text + f"; {len(self.unverified)} annotations unverified"


@dataclass(frozen=True)
class FunctionReport:
    name: str
    file: str | None  #: handler file relative to PATH
    module: str  #: the Go module folder, relative to --out
    statements: int  #: JavaScript statements in the modules the handler reaches
    translated: int
    untranslated: tuple[Spot, ...]
    port_go: str  #: delegates | edited (left alone) | stub (nothing translated)
    problem: str | None = None  #: why nothing was translated
    verify: Verdict | None = None
    typed: Typed = Typed()

    @property
    def complete(self) -> bool:
        return self.problem is None and not self.untranslated and self.translated == self.statements


@dataclass(frozen=True)
class PortReport:
    functions: tuple[FunctionReport, ...]

    @property
    def statements(self) -> int:
        return sum(f.statements for f in self.functions)

    @property
    def translated(self) -> int:
        return sum(f.translated for f in self.functions)

    @property
    def complete(self) -> int:
        return sum(1 for f in self.functions if f.complete)

    @property
    def typed(self) -> int:
        return sum(f.typed.go for f in self.functions)

    @property
    def failed_verify(self) -> int:
        return sum(1 for f in self.functions if f.verify is not None and f.verify.verdict != "pass")

    @property
    def percent(self) -> str:
        """The share of the fleet's statements translated, as the table and Markdown print it."""
        return coverage(self.translated, self.statements)


def coverage(translated: int, total: int) -> str:
    return f"{100 * translated / total:.1f}%" if total else "-"


def verdict_text(f: FunctionReport) -> str:
    """The verdict column of the table and the Markdown: `pass 13/13`, or `-` without --verify."""
    if f.verify is None:
        return "-"
    return f"{f.verify.verdict} {f.verify.passed}/{f.verify.cases}"
