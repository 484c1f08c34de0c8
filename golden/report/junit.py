"""The JUnit XML report: one `<testcase>` per case, `<failure>` for divergences, `<error>` for harness errors.

Shaped after the common JUnit schema (Jenkins' junit-10.xsd): `<testsuites>` → one `<testsuite>` with
`tests`, `failures`, `errors` and `skipped` counts. Latency, judged beside correctness, goes to each
case's `<system-out>`; a case over the latency budget is a `<failure type="latency">` when latency
gates the run (the default), and only reported when it does not (`--latency report`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from golden.report.text import describe, escape_lone_surrogates, ms, surrogate_safe
from golden.session import CaseResult, GoldenReport

SUITE = "migrate golden"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (a payload may carry any of them); lone
    surrogates are kept as their JSON escapes, so a cut emoji still shows what was cut."""
    return _NOT_XML.sub("\ufffd", escape_lone_surrogates(text))


@surrogate_safe
def render(report: GoldenReport) -> str:
    counts = report.summary
    gate = report.latency_mode == "gate"
    slow = sum(1 for c in report.cases if gate and c.verdict == "pass" and c.latency.verdict == "fail")
    attrs = {
        "name": SUITE,
        "tests": str(counts.total),
        "failures": str(counts.failed + slow),
        "errors": str(counts.errored),
    }
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", {**attrs, "skipped": "0"})
    for case in report.cases:
        _testcase(suite, case, gate=gate)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(suite: ET.Element, case: CaseResult, *, gate: bool) -> None:
    element = ET.SubElement(suite, "testcase", {"classname": "golden", "name": _xml(case.id)})
    if case.verdict == "fail":
        count = len(case.differences)
        failure = ET.SubElement(
            element,
            "failure",
            {"type": case.differences[0].category, "message": f"{count} difference(s) between Node and Go"},
        )
        failure.text = _xml("\n\n".join(describe(d) for d in case.differences))
    elif case.verdict == "error":
        error = ET.SubElement(
            element, "error", {"type": "harness", "message": _xml(case.error or "harness error")}
        )
        error.text = _xml(case.error or "")
    elif gate and case.latency.verdict == "fail":
        failure = ET.SubElement(
            element, "failure", {"type": "latency", "message": _xml(case.latency.note or "over budget")}
        )
        failure.text = _xml(case.latency.note)
    out = ET.SubElement(element, "system-out")
    latency = case.latency
    lines = [
        f"latency {latency.verdict}: node p95 {ms(latency.node.p95_ms if latency.node else None)} ms, "
        f"go p95 {ms(latency.go.p95_ms if latency.go else None)} ms"
    ]
    if latency.note:
        lines.append(latency.note)
    lines.extend(f"noise at {noisy.path or '/'}" for noisy in case.noise)
    out.text = _xml("\n".join(lines))
