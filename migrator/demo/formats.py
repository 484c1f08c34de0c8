"""The formats `migrate demo` prints its summary in; `--format`'s choices come from this registry."""

from __future__ import annotations

from codegen.report_formats import FormatRegistry, ReportFormat
from migrator.demo.report import DemoReport

DEMO_FORMATS: FormatRegistry[DemoReport] = FormatRegistry(
    "demo",
    (
        ReportFormat("table", "migrator.demo.render_table", "one row per stage: what it did, time, verdict"),
        ReportFormat("json", "migrator.demo.render_json", "every stage's facts, for scripts and tests"),
    ),
)
