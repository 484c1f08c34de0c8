"""The formats a scan report can be written in: the one list `migrate scan --format` offers.

Each module's `render(report) -> str` is imported only when its format is asked for (SARIF pulls in
the rule tables; a table on a terminal needs none of them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen.report_formats import FormatRegistry, ReportFormat

if TYPE_CHECKING:
    from migrator.scan.model import ScanReport

SCAN_FORMATS: FormatRegistry[ScanReport] = FormatRegistry(
    "scan",
    (
        ReportFormat("table", "migrator.report.table", "one row per function, then the fleet summary"),
        ReportFormat("json", "migrator.report.jsonfmt", "the documented contract (scan-report.schema.json)"),
        ReportFormat("sarif", "migrator.report.sarif", "SARIF 2.1.0 for code-scanning services"),
        ReportFormat("markdown", "migrator.report.markdown", "a summary for a pull request or a plan"),
    ),
)
