"""Report formats for a golden run, one module each, each `render(report) -> str` (`GOLDEN_FORMATS`).

Every format's text passes through `escape_lone_surrogates` on its way out (each module's `render` is
`surrogate_safe`): handler payloads decoded from JSON may hold lone UTF-16 surrogates (JavaScript's
`s.slice(0, 1)` of an emoji), and file names undecodable bytes (Python's surrogateescape); neither can
be encoded as UTF-8. Each one becomes the six characters of its JSON escape (backslash, `u`, four hex
digits), exactly as JSON escapes it (a raw surrogate can only sit inside a JSON string, so the JSON
report stays valid JSON that decodes to the same value).
"""

from __future__ import annotations

from golden.report.formats import GOLDEN_FORMATS
from golden.session import GoldenReport


def render(report: GoldenReport, format: str) -> str:
    """`report` in one of `GOLDEN_FORMATS`, always encodable as UTF-8 (modules are imported on demand)."""
    if format not in GOLDEN_FORMATS.names():
        raise ValueError(
            f"unknown report format {format!r}; expected one of {', '.join(GOLDEN_FORMATS.names())}"
        )
    return GOLDEN_FORMATS.get(format).render(report)
