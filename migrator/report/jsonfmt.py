"""`--format json`: the documented contract, `schemas/scan-report.schema.json` (docs/scan-config.md)."""

from __future__ import annotations

import json

from migrator.scan.model import ScanReport


def render(report: ScanReport) -> str:
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
