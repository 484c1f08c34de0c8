"""The port report's formats: one registry, whose names are `migrate port --format`'s choices."""

from __future__ import annotations

from codegen.report_formats import FormatRegistry, ReportFormat
from migrator.port.report import PortReport

PORT_FORMATS: FormatRegistry[PortReport] = FormatRegistry(
    "port",
    (
        ReportFormat(
            "table",
            "migrator.port.report_table",
            "a table per function, then one line per untranslated construct",
        ),
        ReportFormat(
            "json",
            "migrator.port.report_json",
            "the report's facts (schemas/port-report.schema.json)",
        ),
        ReportFormat("markdown", "migrator.port.report_markdown", "the table and the untranslated spots"),
    ),
)
