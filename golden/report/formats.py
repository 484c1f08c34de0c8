"""The formats a golden report is written in: one registry, the CLI's `--format` choices come from it.

Each module's `render(report) -> str` returns text that is always encodable as UTF-8 (lone surrogates
written as their JSON escapes, `golden.report.text.surrogate_safe`); a module is imported only when its
format is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen.report_formats import FormatRegistry, ReportFormat

if TYPE_CHECKING:
    from golden.session import GoldenReport

GOLDEN_FORMATS: FormatRegistry[GoldenReport] = FormatRegistry(
    "golden",
    (
        ReportFormat("table", "golden.report.table", "terminal text: a summary table, then each divergence"),
        ReportFormat("json", "golden.report.json", "the report as JSON (schemas/golden-report.schema.json)"),
        ReportFormat("junit", "golden.report.junit", "JUnit XML: one testcase per case, for CI"),
        ReportFormat("html", "golden.report.html", "one self-contained HTML page"),
    ),
)
