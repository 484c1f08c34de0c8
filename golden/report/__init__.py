"""Report formats for a golden run, one module each, each `render(report) -> str`.

Every format's text passes through `escape_lone_surrogates` on its way out: handler payloads decoded
from JSON may hold lone UTF-16 surrogates (JavaScript's `s.slice(0, 1)` of an emoji), and file names
undecodable bytes (Python's surrogateescape); neither can be encoded as UTF-8. Each one becomes the
six characters of its JSON escape (backslash, `u`, four hex digits), exactly as JSON escapes it (a
raw surrogate can only sit inside a JSON string, so the JSON report stays valid JSON that decodes
to the same value).
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from golden.report.text import escape_lone_surrogates
from golden.session import GoldenReport

Format: TypeAlias = Literal["table", "json", "junit", "html"]
FORMATS: tuple[Format, ...] = ("table", "json", "junit", "html")


def render(report: GoldenReport, format: Format) -> str:
    """`report` in one of `FORMATS`, always encodable as UTF-8 (modules are imported on demand)."""
    return escape_lone_surrogates(_render(report, format))


def _render(report: GoldenReport, format: Format) -> str:
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
