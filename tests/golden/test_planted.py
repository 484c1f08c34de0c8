"""Planted Go variants against a real Node handler: each divergence caught with its category, noise passes.

The Node reference is fixtures/node/planted/quote.js under real node; the variants are one real Go
binary (fixtures/go/planted, built once per module) with `PLANTED_VARIANT` picking the behaviour.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from golden.cases.files import Case
from golden.compare.judge import CompareConfig
from golden.config import GoldenSettings
from golden.outcome import Json
from golden.runners.go import GoRunner
from golden.runners.gobuild import build_go_handler
from golden.runners.node import NodeRunner
from golden.session import GoldenReport, run_golden
from golden.sides.function import FunctionFacts
from tests.golden.conftest import FIXTURES, group_gone

pytestmark = pytest.mark.slow

PLANTED_GO = FIXTURES / "go" / "planted"
REFERENCE = FIXTURES / "node" / "planted"

_REQUEST: dict[str, Json] = {
    "resource": "/quotes",
    "path": "/quotes",
    "httpMethod": "POST",
    "headers": {"Content-Type": "application/json"},
    "requestContext": {"requestId": "8d0f3c8e-quote", "stage": "prod", "httpMethod": "POST"},
    "isBase64Encoded": False,
}
QUOTE = Case(
    "quote.json",
    {
        **_REQUEST,
        "body": json.dumps(
            {
                "currency": "EUR",
                "items": [
                    {"sku": "BOLT-M8-40", "quantity": 100, "priceCents": 35},
                    {"sku": "DRILL-18V", "quantity": 1, "priceCents": 12999},
                ],
            }
        ),
    },
    "quote.json",
    None,
)
NO_BODY = Case("no-body.json", {**_REQUEST, "body": None}, "no-body.json", None)
CASES = (QUOTE, NO_BODY)

Found = dict[str, list[tuple[str, str]]]
"""Case id → the (path, category) of every difference found."""


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The planted variants' binary, built once for this module."""
    return build_go_handler(PLANTED_GO, tmp_path_factory.mktemp("planted"), env={"GOFLAGS": "-mod=readonly"})


@pytest.fixture(scope="module")
def reference() -> Iterator[NodeRunner]:
    """The Node reference, warm across every variant of this module."""
    runner = NodeRunner(REFERENCE, "quote.handler", FunctionFacts(name="quote", timeout_s=5))
    with runner:
        yield runner
    assert all(group_gone(pgid) for pgid in runner.process_groups)


def judge(
    variant: str,
    reference: NodeRunner,
    planted: Path,
    *,
    cases: tuple[Case, ...] = CASES,
    settings: GoldenSettings | None = None,
    runs: int = 1,
    timeout_s: float = 5.0,
) -> GoldenReport:
    function = FunctionFacts(name="quote", timeout_s=timeout_s)
    go = GoRunner(planted, function, task_root=PLANTED_GO, env={"PLANTED_VARIANT": variant})
    with go:
        report = run_golden(cases, reference, go, settings or GoldenSettings(), runs=runs)
    assert all(group_gone(pgid) for pgid in go.process_groups)
    return report


def found(report: GoldenReport) -> Found:
    return {case.id: [(d.path, d.category) for d in case.differences] for case in report.cases}


DIVERGENT: list[tuple[str, Found]] = [
    ("value", {"quote.json": [("/body/totalCents", "value")], "no-body.json": []}),
    ("type", {"quote.json": [("/body/totalCents", "type")], "no-body.json": []}),
    ("missing", {"quote.json": [("/body/currency", "missing")], "no-body.json": []}),
    ("extra", {"quote.json": [("/body/debug", "extra")], "no-body.json": []}),
    ("status", {"quote.json": [("/statusCode", "status")], "no-body.json": []}),
    ("header", {"quote.json": [("/headers/cache-control", "header")], "no-body.json": []}),
    ("error-type", {"quote.json": [], "no-body.json": [("/errorType", "error-type")]}),
    ("crash", {"quote.json": [("", "crash")], "no-body.json": [("", "crash")]}),
]


@pytest.mark.parametrize(("variant", "expected"), DIVERGENT, ids=[v for v, _ in DIVERGENT])
def test_each_planted_divergence_is_caught_with_its_category(
    variant: str, expected: Found, reference: NodeRunner, planted: Path
) -> None:
    report = judge(variant, reference, planted)
    assert found(report) == expected
    assert [case.verdict for case in report.cases] == ["fail" if expected[c.id] else "pass" for c in CASES]


def test_a_different_error_message_is_caught_when_messages_are_compared(
    reference: NodeRunner, planted: Path
) -> None:
    settings = GoldenSettings(compare=CompareConfig(compare_messages=True))
    report = judge("error-message", reference, planted, settings=settings)
    assert found(report) == {"quote.json": [], "no-body.json": [("/errorMessage", "error-message")]}
    difference = report.cases[1].differences[0]
    assert (difference.node, difference.go) == ("request body is required", "body missing")
    by_default = judge("error-message", reference, planted, cases=(NO_BODY,))
    assert found(by_default) == {"no-body.json": []}  # the same error type is enough unless asked


def test_a_timeout_is_caught(reference: NodeRunner, planted: Path) -> None:
    report = judge("timeout", reference, planted, cases=(QUOTE,), runs=0, timeout_s=0.5)
    assert found(report) == {"quote.json": [("", "timeout")]}


def test_a_slow_port_fails_the_latency_verdict_beside_a_passing_correctness_verdict(
    reference: NodeRunner, planted: Path
) -> None:
    report = judge("latency", reference, planted, cases=(QUOTE,), runs=3)
    case = report.cases[0]
    assert (case.verdict, case.differences) == ("pass", ())
    assert case.latency.verdict == "fail" and "Go p95" in case.latency.note
    assert case.latency.go is not None and case.latency.go.p95_ms is not None
    assert case.latency.go.p95_ms >= 40
    assert report.ok and report.summary.latency_failed == 1


NOISY = [
    "faithful",
    "header-case",
    "multi-value-headers",
    "key-order",
    "html-escaping",
    "spacing",
    "unicode-escapes",
    "number-format",
]


@pytest.mark.parametrize("variant", NOISY)
def test_equivalent_but_noisy_variants_pass(variant: str, reference: NodeRunner, planted: Path) -> None:
    report = judge(variant, reference, planted)
    assert found(report) == {"quote.json": [], "no-body.json": []}
    assert report.ok
    noisy = {noise.path for noise in report.cases[0].noise}
    # Fresh on every run, found by the Node runs without configuration (the clock may repeat itself
    # within a millisecond, so /body/createdAt is not always among them).
    assert {"/body/quoteId", "/body/requestId", "/headers/location"} <= noisy
