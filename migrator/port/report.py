"""The port report: per function, statements translated / total, every untranslated construct with
file:line and why, the golden verdict (with --verify); fleet totals. Rendered as a terminal table,
JSON (the dataclasses as they are) or Markdown."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table


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
    def failed_verify(self) -> int:
        return sum(1 for f in self.functions if f.verify is not None and f.verify.verdict != "pass")


def coverage(translated: int, total: int) -> str:
    return f"{100 * translated / total:.1f}%" if total else "-"


def _total(report: PortReport) -> str:
    return coverage(report.translated, report.statements)


def to_json(report: PortReport) -> str:
    data = {
        "tool": {"name": "migrate", "command": "port"},
        "functions": [dataclasses.asdict(f) | {"complete": f.complete} for f in report.functions],
        "totals": {
            "functions": len(report.functions),
            "complete": sum(1 for f in report.functions if f.complete),
            "statements": report.statements,
            "translated": report.translated,
            "verified": sum(
                1 for f in report.functions if f.verify is not None and f.verify.verdict == "pass"
            ),
            "failed_verify": report.failed_verify,
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _verdict_text(f: FunctionReport) -> str:
    if f.verify is None:
        return "-"
    return f"{f.verify.verdict} {f.verify.passed}/{f.verify.cases}"


def to_markdown(report: PortReport) -> str:
    lines = [
        "# migrate port",
        "",
        "| function | handler | translated | coverage | verdict | port.go |",
        "|---|---|---|---|---|---|",
    ]
    for f in report.functions:
        cov = coverage(f.translated, f.statements)
        done = f"{f.translated}/{f.statements}"
        lines.append(f"| {f.name} | `{f.file}` | {done} | {cov} | {_verdict_text(f)} | {f.port_go} |")
    lines += [
        "",
        f"**Total**: {report.translated}/{report.statements} statements ({_total(report)})",
        "",
    ]
    spots = [(f, s) for f in report.functions for s in f.untranslated]
    if spots:
        lines += ["## Untranslated", "", "| function | where | construct | why |", "|---|---|---|---|"]
        lines += [f"| {f.name} | `{s.file}:{s.line}` | {s.construct} | {s.why} |" for f, s in spots]
        lines.append("")
    return "\n".join(lines)


def print_table(report: PortReport, console: Console) -> None:
    table = Table(title="migrate port", title_justify="left")
    for column in ("function · handler", "translated", "coverage", "verdict", "port.go"):
        table.add_column(column, justify="right" if column in ("translated", "coverage") else "left")
    for f in report.functions:
        name = f"{f.name}\n{f.file or '-'}"
        table.add_row(
            name,
            f"{f.translated}/{f.statements}",
            coverage(f.translated, f.statements),
            _verdict_text(f),
            f.port_go,
        )
    console.print(table)
    complete = sum(1 for f in report.functions if f.complete)
    console.print(
        f"{len(report.functions)} functions · {complete} fully translated · "
        f"{report.translated}/{report.statements} statements ({_total(report)})",
        markup=False,
        highlight=False,
    )
    for f in report.functions:
        if f.problem:
            console.print(
                f"not translated {f.name}: {f.problem}", markup=False, highlight=False, soft_wrap=True
            )
        for s in f.untranslated:
            console.print(
                f"untranslated {s.file}:{s.line}: {s.construct}: {s.why}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        if f.verify is not None and f.verify.detail:
            console.print(
                f"verify {f.name}: {f.verify.detail}", markup=False, highlight=False, soft_wrap=True
            )
        if f.port_go == "edited":
            console.print(
                f"{f.module}/port.go is edited: make handleEvent return a.port.portHandle(ctx, event)"
                " to use the translation",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
