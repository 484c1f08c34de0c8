"""The port report as JSON: each function's facts as they are, plus fleet totals.

The contract is schemas/port-report.schema.json.
"""

from __future__ import annotations

import dataclasses
import json

from migrator.port.report import PortReport


def render(report: PortReport) -> str:
    data = {
        "tool": {"name": "migrate", "command": "port"},
        "functions": [dataclasses.asdict(f) | {"complete": f.complete} for f in report.functions],
        "totals": {
            "functions": len(report.functions),
            "complete": report.complete,
            "statements": report.statements,
            "translated": report.translated,
            "typed": report.typed,
            "verified": sum(
                1 for f in report.functions if f.verify is not None and f.verify.verdict == "pass"
            ),
            "failed_verify": report.failed_verify,
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
