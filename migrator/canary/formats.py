"""The final record's formats: one registry, whose names are `migrate canary --format`'s choices."""

from __future__ import annotations

from rich.console import Console

from codegen.report_formats import FormatRegistry, ReportFormat
from migrator.canary.outcome import Result

CANARY_FORMATS: FormatRegistry[Result] = FormatRegistry(
    "canary",
    (
        ReportFormat("table", "migrator.canary.result_table", "the outcome, its reason and every gate check"),
        ReportFormat("json", "migrator.canary.result_json", "schemas/canary-result.schema.json"),
    ),
)


def show(result: Result, name: str, console: Console) -> None:
    """Print `result` in format `name` on `console` (stdout); the table keeps a terminal's colours."""
    if name == "table":
        from migrator.canary.result_table import print_table

        print_table(result, console)
    else:
        console.out(CANARY_FORMATS.get(name).render(result), end="", highlight=False)
