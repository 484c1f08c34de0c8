"""The golden gate reads reports as golden writes them (golden.report.json) and judges them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from migrator.canary.errors import CanaryError
from migrator.canary.golden_gate import MAX_REPORT_BYTES, golden_verdict, judge


def test_a_passing_report_passes(tmp_path: Path, golden_report: object) -> None:
    path = tmp_path / "r.json"
    path.write_text(golden_report(["pass", "pass", "pass"]))  # type: ignore[operator]
    verdict = golden_verdict(path)
    assert verdict.passed and verdict.detail == f"{path}: 3 cases pass"


def test_a_failing_or_errored_case_fails(tmp_path: Path, golden_report: object) -> None:
    path = tmp_path / "r.json"
    path.write_text(golden_report(["pass", "fail", "error"]))  # type: ignore[operator]
    verdict = golden_verdict(path)
    assert not verdict.passed
    assert verdict.detail == f"{path}: 2 of 3 cases not passing (case-2.json, case-3.json)"


def test_a_latency_failure_fails_unless_golden_made_it_informational(golden_report: object) -> None:
    report = json.loads(golden_report(["pass", "pass"], latency=["pass", "fail"]))  # type: ignore[operator]
    assert judge(report, "r").detail == "r: 1 cases fail the latency gate (case-2.json)"
    assert judge({**report, "latency_mode": "report", "verdict": "pass"}, "r").passed


def test_a_report_whose_own_verdict_fails_does_not_pass(golden_report: object) -> None:
    report = json.loads(golden_report(["pass", "pass"]))  # type: ignore[operator]
    assert judge(report, "r").passed
    assert judge({**report, "verdict": "fail"}, "r").detail == "r: the report's own verdict is 'fail'"


def test_no_cases_or_an_unknown_shape_does_not_pass() -> None:
    assert judge({"cases": [], "summary": {}}, "r").detail == "r: no cases ran, so nothing is proven"
    assert not judge({"verdict": "pass"}, "r").passed
    assert not judge([1, 2], "r").passed


def test_the_summary_is_cross_checked(golden_report: object) -> None:
    report = json.loads(golden_report(["pass"]))  # type: ignore[operator]
    report["summary"]["failed"] = 1
    assert not judge(report, "r").passed


def test_an_unreadable_report_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text("{not json")
    with pytest.raises(CanaryError, match="not JSON"):
        golden_verdict(tmp_path / "r.json")
    with pytest.raises(CanaryError, match="cannot read it"):
        golden_verdict(tmp_path / "missing.json")


def test_a_summary_count_that_is_not_a_number_is_judged_not_a_traceback(golden_report: object) -> None:
    report = json.loads(golden_report(["pass"]))  # type: ignore[operator]
    report["summary"].update(failed=None, errored=None, latency_failed=None)
    assert judge(report, "r").passed
    report["summary"]["errored"] = "2"
    assert judge(report, "r").detail == "r: 1 of 1 cases not passing ((summary counts failures))"


def test_a_fifo_or_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "r.json"
    os.mkfifo(fifo)
    with pytest.raises(CanaryError, match="not a regular file; give golden's JSON report file"):
        golden_verdict(fifo)
    with pytest.raises(CanaryError, match="not a regular file"):
        golden_verdict(tmp_path)


def test_a_huge_report_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)  # sparse: no disk, and reading it would take 64 MiB
    with pytest.raises(CanaryError, match=f"{MAX_REPORT_BYTES + 1} bytes, over the"):
        golden_verdict(path)
