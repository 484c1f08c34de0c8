"""The demo summary for people: one row per stage, then where the outputs are and the exit code."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from migrator.demo.report import DemoReport

_WIDTH = 120


def render(report: DemoReport) -> str:
    table = Table("stage", "what it did", "time", "verdict", title="migrate demo", title_justify="left")
    for stage in report.stages:
        table.add_row(stage.stage, stage.did, f"{stage.seconds:.1f}s", stage.verdict)
    buffer = io.StringIO()
    console = Console(file=buffer, width=_WIDTH, color_system=None, force_terminal=False)
    console.print(table)
    total = sum(s.seconds for s in report.stages)
    where = f"outputs in {report.out}" if report.kept else "outputs removed (--keep or --out DIR keeps them)"
    console.print(f"{total:.1f}s in all · {where} · exit {int(report.exit_code)}", highlight=False)
    return buffer.getvalue()
