"""The JSON report: exactly the schema documented in `golden.session`."""

from __future__ import annotations

import dataclasses
import json

from golden.report.text import surrogate_safe
from golden.session import GoldenReport


@surrogate_safe
def render(report: GoldenReport) -> str:
    """`dataclasses.asdict(report)` as indented JSON, ending in a newline."""
    return json.dumps(dataclasses.asdict(report), indent=2, ensure_ascii=False) + "\n"
