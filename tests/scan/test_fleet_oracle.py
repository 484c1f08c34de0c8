"""The example fleet against its oracle: examples/fleet/FACTS.md, written by hand from the sources.

Each function's YAML block there says what a correct scan reports; this test holds the scanner
to every field the oracle states.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.model import Function, ScanReport
from tests.conftest import FLEET

_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)


_BLOCKS = [yaml.safe_load(b) for b in _BLOCK.findall((FLEET / "FACTS.md").read_text())]
ORACLE = {b["name"]: b for b in _BLOCKS if isinstance(b, dict) and "name" in b}
SKIPPED = [s for b in _BLOCKS if isinstance(b, dict) for s in b.get("skipped", [])]


@pytest.fixture(scope="module")
def report() -> ScanReport:
    return scan(FLEET, ScanOptions(jobs=1))


@pytest.fixture(scope="module")
def scanned(report: ScanReport) -> dict[str, Function]:
    return {fn.name: fn for fn in report.functions}


def test_every_function_is_found(scanned: dict[str, Function]) -> None:
    assert len(ORACLE) >= 14
    assert sorted(scanned) == sorted(ORACLE)


def test_non_node_functions_are_skipped_not_scored(report: ScanReport) -> None:
    assert SKIPPED
    got = [
        {"name": s.name, "config": s.config, "reason": s.reason, "detail": s.detail} for s in report.skipped
    ]
    assert got == SKIPPED
    assert not {s["name"] for s in SKIPPED} & {fn.name for fn in report.functions}


@pytest.mark.parametrize("name", sorted(ORACLE))
def test_function_facts(name: str, scanned: dict[str, Function]) -> None:
    want = ORACLE[name]
    fn = scanned[name]
    got: dict[str, Any] = {
        "file": fn.file,
        "export": fn.export,
        "language": fn.language,
        "module_system": fn.module_system,
        "handler_style": fn.handler_style,
        "runtime": fn.runtime,
        "memory_mb": fn.memory_mb,
        "timeout_s": fn.timeout_s,
        "architecture": fn.architecture,
    }
    expected = {k: want.get(k) for k in got if k in want}
    assert {k: got[k] for k in expected} == expected
    if "events" in want and want["events"] is not None:
        want_events = sorted({(e["kind"], e["source"]) for e in want["events"]})
        got_events = sorted({(e.kind, e.source) for e in fn.event_evidence if e.kind != "direct"})
        assert got_events == want_events
    if "env" in want:
        assert list(fn.env) == sorted(want["env"]["all"])
    if "packages" in want:
        packages = want["packages"]
        assert sorted(d.npm for d in fn.dependencies) == sorted(
            set(packages.get("npm") or []) | set(packages.get("builtin") or [])
        )
    if "aws" in want:
        assert {s.service: sorted(s.operations) for s in fn.aws_sdk} == {
            service: sorted(ops) for service, ops in (want["aws"] or {}).items()
        }
    if "blockers" in want:
        expected_rules = {b if isinstance(b, str) else b["rule"] for b in want["blockers"] or []}
        got_rules = {b.rule for b in fn.blockers}
        assert got_rules - {"syntax-error"} == expected_rules
    if "errors" in want:
        assert sorted(fn.error_types) == sorted(want["errors"] or [])
    if "parse_error" in want:
        assert any(b.rule == "syntax-error" and b.line == want["parse_error"]["line"] for b in fn.blockers)
        assert fn.events == ("direct",)  # nothing invented from a partial parse
    if "module_closure" in want:
        assert sorted(fn.source_files) == sorted(want["module_closure"])
