"""The final record for people (`--format table`): what happened, why, and each gate check."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from migrator.canary.gates import GateReading
from migrator.canary.outcome import Result

READING_STYLES = {"pass": "green", "fail": "bold red", "no-data": "yellow"}
"""How a gate reading's status is coloured, here and in the live view."""


def render(result: Result) -> str:
    """The table as plain text, 120 columns wide."""
    console = Console(record=True, width=120, file=io.StringIO())
    print_table(result, console)
    return console.export_text()


def print_table(result: Result, console: Console) -> None:
    """The table on `console`, coloured when it is a terminal."""
    head = f"{result.function}:{result.alias} {result.from_version or '?'} → {result.to_version or '?'}: "
    console.print(Text(head) + Text(result.status, style=_status_style(result.status)), highlight=False)
    if result.reason:  # refusals themselves go to stderr, one line each (run.py)
        console.print(result.reason, markup=False, highlight=False, soft_wrap=True)
    if result.checks:
        table = Table("step", "weight", "gate", "reading", "detail")
        for check in result.checks:
            for reading in check.readings or (GateReading("-", "pass", "no gates configured"),):
                table.add_row(
                    str(check.step + 1),
                    f"{check.percent:g}%",
                    reading.gate,
                    Text(reading.status, style=READING_STYLES[reading.status]),
                    reading.detail,
                )
        console.print(table)


def _status_style(status: str) -> str:
    return "green" if status in ("promoted", "undone", "dry-run") else "bold red"
