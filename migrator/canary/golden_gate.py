"""The golden gate: a `migrate golden --format json` report must pass before any traffic moves.

Read defensively, through `golden_verdict` only, because golden's report grows (a latency gate,
side-effect categories). The fields relied on:

- `cases[].verdict`: "pass" | "fail" | "error" (correctness; side-effect differences make it "fail");
- `cases[].latency.verdict`: "pass" | "fail" | "unknown" (only "fail" fails);
- `summary.total/passed/failed/errored/latency_failed`, used when present and cross-checked;
- the top-level `latency_mode` ("gate" | "report"): "report" (golden's `--latency report`) makes
  latency informational, as it was in that run;
- the top-level `verdict` ("pass" | "fail"): a report whose own verdict is "fail" never passes.

Anything else is ignored. A report with no cases, or of an unknown shape, does not pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen.spec.regular import ReadRefused, read_regular
from migrator.canary.errors import CanaryError

MAX_REPORT_BYTES = 64 * 1024 * 1024
"""A golden report larger than this is refused, not read into memory."""


@dataclass(frozen=True)
class GoldenVerdict:
    """Whether the report lets the rollout start, and a one-line account of it."""

    passed: bool
    detail: str


def golden_verdict(path: Path) -> GoldenVerdict:
    """Read `path` (golden's JSON report) and judge correctness and latency."""
    try:
        report = json.loads(_read_regular(path))
    except OSError as exc:
        raise CanaryError(f"--golden-report {path}: cannot read it ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise CanaryError(f"--golden-report {path}: not JSON ({exc}); write it with --format json") from None
    return judge(report, str(path))


def _read_regular(path: Path) -> str:
    """The file's text, refusing (without blocking) a FIFO, device or directory, and a huge file."""
    try:
        data = read_regular(path, MAX_REPORT_BYTES)
    except ReadRefused as refused:
        if refused.error is not None:
            raise refused.error from None
        if refused.cause == "special":
            raise CanaryError(
                f"--golden-report {path}: not a regular file; give golden's JSON report file"
            ) from None
        raise CanaryError(
            f"--golden-report {path}: {refused.size} bytes, over the {MAX_REPORT_BYTES} a report may have"
        ) from None
    return data.decode("utf-8")


def judge(report: Any, where: str) -> GoldenVerdict:
    """The verdict of a parsed report (`where` names it in messages)."""
    cases = report.get("cases") if isinstance(report, dict) else None
    if not isinstance(cases, list):
        return GoldenVerdict(False, f"{where}: not a golden report (no `cases` list)")
    if not cases:
        return GoldenVerdict(False, f"{where}: no cases ran, so nothing is proven")
    verdicts = [case.get("verdict") if isinstance(case, dict) else None for case in cases]
    failed = [_case_id(c) for c, v in zip(cases, verdicts, strict=True) if v != "pass"]
    latency_counts = report.get("latency_mode") != "report"
    slow = [_case_id(c) for c in cases if latency_counts and _latency(c) == "fail"]
    summary = report.get("summary") if isinstance(report.get("summary"), dict) else {}
    if not failed and _count(summary, "failed") + _count(summary, "errored") > 0:
        failed = ["(summary counts failures)"]
    if latency_counts and not slow and _count(summary, "latency_failed") > 0:
        slow = ["(summary counts latency failures)"]
    problems = []
    if failed:
        problems.append(f"{len(failed)} of {len(cases)} cases not passing ({_few(failed)})")
    if slow:
        problems.append(f"{len(slow)} cases fail the latency gate ({_few(slow)})")
    if not problems and report.get("verdict", "pass") != "pass":
        problems.append(f"the report's own verdict is {report.get('verdict')!r}")
    if problems:
        return GoldenVerdict(False, f"{where}: " + "; ".join(problems))
    return GoldenVerdict(True, f"{where}: {len(cases)} cases pass")


def _count(summary: dict[str, Any], key: str) -> float:
    """A summary count; a count that is not a number (hostile or foreign report) counts as one."""
    value = summary.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0 if value is None or value is False else 1.0
    return float(value)


def _latency(case: Any) -> object:
    latency = case.get("latency") if isinstance(case, dict) else None
    return latency.get("verdict") if isinstance(latency, dict) else None


def _case_id(case: Any) -> str:
    return str(case.get("id", "?")) if isinstance(case, dict) else "?"


def _few(ids: list[str]) -> str:
    return ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
