"""The port report as a terminal table, then a line per problem, untranslated construct, failed
verification and edited port.go."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from migrator.port.report import FunctionReport, PortReport, coverage, verdict_text


def render(report: PortReport) -> str:
    """The table as plain text, 120 columns wide (for --output)."""
    console = Console(record=True, width=120, file=io.StringIO())
    print_table(report, console)
    return console.export_text()


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
            verdict_text(f),
            f.port_go,
        )
    console.print(table)
    console.print(
        f"{len(report.functions)} functions · {report.complete} fully translated · "
        f"{report.translated}/{report.statements} statements ({report.percent}) · "
        f"{report.typed} typed bindings",
        markup=False,
        highlight=False,
    )
    for f in report.functions:
        for line in _notes(f):
            console.print(line, markup=False, highlight=False, soft_wrap=True)


def _notes(f: FunctionReport) -> list[str]:
    """The lines under the table about one function."""
    lines = [f"not translated {f.name}: {f.problem}"] if f.problem else []
    lines += [f"untranslated {s.file}:{s.line}: {s.construct}: {s.why}" for s in f.untranslated]
    if f.typed.go or f.typed.string or f.typed.unverified:
        lines.append(f"typed {f.name}: {f.typed.summary()}")
    lines += [f"unverified {u.file}:{u.line}: {u.name}: {u.annotation}: {u.why}" for u in f.typed.unverified]
    if f.typed.entry:
        lines.append(f"typed entry {f.name}: {f.typed.entry} (port_events.gen.go)")
    lines += [f"typed op entry {f.name}: {op} (port_spec.gen.go)" for op in f.typed.operations]
    if f.verify is not None and f.verify.detail:
        lines.append(f"verify {f.name}: {f.verify.detail}")
    if f.port_go == "edited":
        lines.append(
            f"{f.module}/port.go is edited: make handleEvent return a.port.portHandle(ctx, event)"
            " to use the translation"
        )
    return lines
