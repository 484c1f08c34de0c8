"""`--format sarif`: SARIF 2.1.0, one result per blocker, unreadable files as notifications.

Code-scanning services (GitHub, Azure DevOps) read it directly. Locations are relative to the
scanned root (`uriBaseId: SRCROOT`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from migrator import __version__
from migrator.scan.blockers import RULES
from migrator.scan.model import Blocker, Function, ScanReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _location(file: str | None, line: int | None) -> list[dict[str, Any]]:
    if not file:
        return []
    # A URI reference: non-ASCII and undecodable bytes of the name are percent-encoded.
    uri = quote(file.encode("utf-8", "surrogateescape"), safe="/")
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"}}
    if line:
        physical["region"] = {"startLine": line}
    return [{"physicalLocation": physical}]


def _fingerprint(fn: Function, blocker: Blocker) -> str:
    key = "\0".join((fn.name, blocker.rule, blocker.file or "", str(blocker.line or 0)))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _rules() -> list[dict[str, Any]]:
    """Every rule scan knows, in `RULES` order (results point at them by index)."""
    return [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": f"The function {rule.summary}."},
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        }
        for rule in RULES.values()
    ]


def _results(report: ScanReport) -> list[dict[str, Any]]:
    """One result per blocker of every function."""
    rule_ids = list(RULES)
    results = []
    for fn in report.functions:
        for blocker in fn.blockers:
            results.append(
                {
                    "ruleId": blocker.rule,
                    "ruleIndex": rule_ids.index(blocker.rule),
                    "level": _LEVELS[blocker.severity],
                    "message": {"text": f"{fn.name}: {blocker.message}"},
                    "locations": _location(blocker.file, blocker.line),
                    "partialFingerprints": {"migrateBlocker/v1": _fingerprint(fn, blocker)},
                    "properties": {"function": fn.name, "readiness": fn.readiness},
                }
            )
    return results


def _notifications(report: ScanReport) -> list[dict[str, Any]]:
    """Unreadable files as errors, skipped (not Node.js) functions as notes."""
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": _location(problem.file, problem.line),
        }
        for problem in report.errors
    ]
    notifications += [
        {
            "level": "note",
            "message": {"text": f"{skipped.name}: skipped, not a Node.js Lambda function ({skipped.detail})"},
            "locations": _location(skipped.config, skipped.line),
            "properties": {"skipped": skipped.reason},
        }
        for skipped in report.skipped
    ]
    return notifications


def build(report: ScanReport) -> dict[str, Any]:
    """The SARIF log: one run of `migrate`, its rules, results and notifications."""
    driver = {"name": "migrate", "version": __version__, "semanticVersion": __version__, "rules": _rules()}
    root_uri = Path(report.root).resolve().as_uri() + "/"
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"SRCROOT": {"uri": root_uri}},
                "invocations": [
                    {"executionSuccessful": True, "toolExecutionNotifications": _notifications(report)}
                ],
                "results": _results(report),
            }
        ],
    }


def render(report: ScanReport) -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"
