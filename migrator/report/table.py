"""The default terminal view: one row per function, then the fleet summary and problems.

On a terminal it prints in colour (`show`); into a file it renders as plain text (`render`).
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from migrator.scan.model import ScanReport
from migrator.scan.summary import skipped_line, summarize

#: Line width of the table written to a file (a terminal uses its own width).
TEXT_WIDTH = 120
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _readiness(score: int) -> Text:
    style = "green" if score >= 80 else "yellow" if score >= 50 else "red"
    return Text(str(score), style=style)


def build(report: ScanReport) -> Group:
    table = Table(title=f"migrate scan · {report.root}", title_justify="left", expand=False)
    table.add_column("function · file", overflow="fold", ratio=3)
    table.add_column("lang", no_wrap=True)
    table.add_column("style", no_wrap=True)
    table.add_column("events", ratio=2)
    table.add_column("ready", justify="right", no_wrap=True)
    table.add_column("blockers", ratio=2)
    for fn in report.functions:
        blockers = Text()
        for rule in sorted({b.rule for b in fn.blockers}):
            worst = next(b.severity for b in fn.blockers if b.rule == rule)
            if blockers:
                blockers.append(", ")
            blockers.append(rule, style=_SEVERITY_STYLE[worst])
        table.add_row(
            Text.assemble((fn.name, "bold"), "\n", (fn.file or "unresolved", "dim")),
            {"javascript": "js", "typescript": "ts"}.get(fn.language or "", "?"),
            fn.handler_style or "?",
            ", ".join(fn.events),
            _readiness(fn.readiness),
            blockers or Text("-", style="dim"),
        )
    summary = summarize(report)
    lines = [
        Text.assemble(
            (f"{summary.functions} functions", "bold"),
            f" · mean readiness {summary.mean_readiness}",
            f" · {summary.blockers} blockers",
            f" · {len(report.errors)} unreadable files or configs",
        )
    ]
    if report.skipped:
        lines.append(Text(f"skipped (not Node.js Lambda): {skipped_line(report)}"))
    if summary.by_rule:
        lines.append(Text("blockers: " + ", ".join(f"{rule} {n}" for rule, n in summary.by_rule)))
    if summary.by_event:
        lines.append(Text("events: " + ", ".join(f"{kind} {n}" for kind, n in summary.by_event)))
    for problem in report.errors:
        where = ":".join(str(p) for p in (problem.file, problem.line, problem.column) if p)
        lines.append(Text.assemble(("error ", "bold red"), (where, "bold"), f": {problem.message}"))
    return Group(table, *lines)


def show(report: ScanReport, console: Console) -> None:
    """Print the table on `console`, in its colours and width."""
    console.print(build(report))


def render(report: ScanReport, width: int = TEXT_WIDTH) -> str:
    """The table as text without colour, `width` columns wide."""
    buffer = io.StringIO()
    show(report, Console(file=buffer, width=width, color_system=None, force_terminal=False))
    return buffer.getvalue()
