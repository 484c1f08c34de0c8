"""Every report format rendered from one report: JSON schema, JUnit structure, terminal text, safe HTML."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from golden.cases.files import Case
from golden.config import GoldenSettings
from golden.outcome import Result
from golden.report import html as html_report
from golden.report import json as json_report
from golden.report import junit as junit_report
from golden.report import render
from golden.report import table as table_report
from golden.report.formats import GOLDEN_FORMATS
from golden.session import GoldenReport, run_golden
from tests.golden.fakes import FakeInvoker, failed, ok

SCRIPT = "<script>alert('x')</script>"


def _node(event: object, call: int) -> Result:
    assert isinstance(event, dict)
    name = event["name"]
    if name == "noisy":
        return ok({"at": f"2024-01-01T00:00:0{call}Z", "total": 1})
    if name == "error-type":
        return failed("ValidationError", "bad")
    return ok({"name": name, "html": SCRIPT})


def _go(event: object, call: int) -> Result:
    assert isinstance(event, dict)
    name = event["name"]
    if name == f"harness {SCRIPT}":
        raise OSError(f"cannot start {SCRIPT}\x02")
    if name == "noisy":
        return ok({"at": "2030-01-01T00:00:00Z", "total": 1})
    if name == "error-type":
        return failed("InvalidInput", "bad")
    if name == "value":
        return ok({"name": name, "html": SCRIPT + " & \x01control"})
    return ok({"name": name, "html": SCRIPT})


def build_report() -> GoldenReport:
    """A real report with every verdict, noise, a latency failure and hostile payloads (fake runtimes)."""
    names = ["pass", "value", "noisy", f"harness {SCRIPT}", "error-type"]
    cases = [Case(f"{n}.json", {"name": n}, f"{n}.json", None) for n in names]
    return run_golden(cases, FakeInvoker(_node), FakeInvoker(_go, duration_ms=40.0), GoldenSettings(), runs=2)


@pytest.fixture(scope="module")
def report() -> GoldenReport:
    return build_report()


def test_the_report_under_test_covers_every_verdict(report: GoldenReport) -> None:
    assert [c.verdict for c in report.cases] == ["pass", "fail", "pass", "error", "fail"]
    assert (
        report.summary.latency_failed == 4
    )  # Go answers in 40 ms, Node in 1 ms; the errored case is unknown


def test_json_follows_the_documented_schema(report: GoldenReport) -> None:
    data = json.loads(json_report.render(report))
    assert set(data) == {"version", "cases", "summary", "latency_mode", "verdict", "cost"}
    assert data["version"] == 1
    assert data["summary"] == {"total": 5, "passed": 2, "failed": 2, "errored": 1, "latency_failed": 4}
    case_keys = {"id", "verdict", "differences", "noise", "unstable", "latency", "node", "go", "error"}
    assert all(set(case) == case_keys for case in data["cases"])
    value = data["cases"][1]
    assert value["differences"] == [
        {
            "path": "/html",
            "category": "value",
            "node": SCRIPT,
            "go": SCRIPT + " & \x01control",
            "node_present": True,
            "go_present": True,
            "note": "",
        }
    ]
    assert set(value["latency"]) == {"node", "go", "verdict", "note"}
    assert set(value["latency"]["go"]) == {"init_ms", "p50_ms", "p95_ms", "warm_runs"}
    assert value["latency"]["verdict"] == "fail"
    (noisy,) = data["cases"][2]["noise"]
    assert noisy["path"] == "/at" and len(set(noisy["values"])) == 2
    assert data["cases"][3]["error"] == f"OSError: cannot start {SCRIPT}\x02"


def test_junit_latency_failures_fail_only_when_latency_gates(report: GoldenReport) -> None:
    gated = ET.fromstring(junit_report.render(report).encode())[0]
    assert gated.get("failures") == "4"  # two divergences, and two passing cases over the budget
    (slow,) = [t for t in gated.findall("testcase") if t.get("name") == "pass.json"]
    failure = slow.find("failure")
    assert failure is not None and failure.get("type") == "latency" and "Go p95" in (failure.text or "")
    assert report.verdict == "fail"
    assert dataclasses.replace(report, latency_mode="report").verdict == "fail"  # divergences remain


def test_junit_has_one_testcase_per_case_with_failures_and_errors(report: GoldenReport) -> None:
    report = dataclasses.replace(report, latency_mode="report")
    text = junit_report.render(report)
    root = ET.fromstring(text.encode())
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite"
    assert {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "5",
        "failures": "2",
        "errors": "1",
        "skipped": "0",
    }
    testcases = suite.findall("testcase")
    assert [t.get("name") for t in testcases] == [c.id for c in report.cases]
    allowed = {"skipped", "error", "failure", "system-out", "system-err"}
    assert all({child.tag for child in t} <= allowed and t.get("classname") for t in testcases)
    assert len(suite.findall("testcase/failure")) == 2 and len(suite.findall("testcase/error")) == 1
    value_failure = testcases[1].find("failure")
    assert value_failure is not None and value_failure.get("type") == "value"
    assert "value at /html" in (value_failure.text or "") and "\\u0001control" in (value_failure.text or "")
    error = testcases[3].find("error")
    assert error is not None and (error.get("message") or "").endswith("</script>\ufffd")  # not XML: replaced
    assert testcases[4].find("failure") is not None and testcases[0].find("failure") is None
    out = testcases[0].find("system-out")
    assert out is not None and (out.text or "").startswith("latency fail")


def test_table_shows_the_summary_then_each_divergence_as_a_diff(report: GoldenReport) -> None:
    text = table_report.render(report, width=100)
    assert text == table_report.render(report, width=100)  # deterministic
    assert "\x1b[" not in text and max(len(line) for line in text.splitlines()) <= 100
    assert "5 cases · 2 passed · 2 failed · 1 errors · 4 over the latency budget" in text
    assert text.index("value.json") < text.index("value at /html")  # the table, then the diffs
    assert "- node: \"<script>alert('x')</script>\"" in text
    assert "error-type at /errorType" in text and '+ go:   "InvalidInput"' in text
    assert f"error harness {SCRIPT}.json: OSError: cannot start" in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def test_html_is_self_contained_and_escapes_every_user_value(report: GoldenReport) -> None:
    page = html_report.render(report)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and {"link", "img", "iframe"}.isdisjoint(parser.tags)
    assert not [value for name, value in parser.attrs if name in ("src", "href") and (value or "#")[0] != "#"]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&amp; \x01control" in page or "&amp; \\u0001control" in page
    assert not re.search(r"https?://", page)
    assert "ValidationError" in page and "InvalidInput" in page


def test_every_format_renders_through_the_dispatcher(report: GoldenReport) -> None:
    outputs = {name: render(report, name) for name in GOLDEN_FORMATS.names()}
    assert outputs["json"] == json_report.render(report)
    assert all(outputs.values())
    with pytest.raises(ValueError, match="unknown report format"):
        render(report, "sarif")
