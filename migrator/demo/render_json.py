"""The demo summary as JSON: `DemoReport.to_json()`, indented."""

from __future__ import annotations

import json

from migrator.demo.report import DemoReport


def render(report: DemoReport) -> str:
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
