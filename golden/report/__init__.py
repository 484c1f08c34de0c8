"""Report formats for a golden run, one module each, each `render(report) -> str`."""

from __future__ import annotations

from typing import Literal, TypeAlias

from golden.session import GoldenReport

Format: TypeAlias = Literal["table", "json", "junit", "html"]
FORMATS: tuple[Format, ...] = ("table", "json", "junit", "html")


def render(report: GoldenReport, format: Format) -> str:
    """`report` in one of `FORMATS` (modules are imported on demand: rich only for the table)."""
    if format == "table":
        from golden.report import table

        return table.render(report)
    if format == "json":
        from golden.report import json

        return json.render(report)
    if format == "junit":
        from golden.report import junit

        return junit.render(report)
    if format == "html":
        from golden.report import html

        return html.render(report)
    raise ValueError(f"unknown report format {format!r}; expected one of {', '.join(FORMATS)}")
