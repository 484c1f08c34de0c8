"""A golden session: cases through both sides, verdicts, noise, harness errors and latency beside them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from golden.cases.files import Case, load_cases
from golden.compare.latency import LatencyBudget
from golden.config import GoldenSettings
from golden.errors import RunnerError
from golden.outcome import Json, Outcome, Result
from golden.session import CaseResult, GoldenReport, Invoker, run_golden
from tests.golden.conftest import MakeGo, MakeNode
from tests.golden.fakes import FakeInvoker, failed, ok


class Poisoned:
    """A runner whose runtime cannot start for one event: the harness error a session must survive."""

    def __init__(self, inner: Invoker, poison: object) -> None:
        self.inner = inner
        self.poison = poison

    def invoke(self, event: object) -> Outcome:
        if event == self.poison:
            raise RunnerError("the runtime could not be started")
        return self.inner.invoke(event)


EVENTS: dict[str, object] = {
    "01-echo.json": {"value": {"id": 7, "tags": ["a", "b"], "price": 9.5}},
    "02-validation.json": {"action": "validation", "value": None},
    "03-harness.json": {"action": "unstartable", "value": 1},
    "04-double.json": {"action": "double", "value": {"total": 3}},
    "05-error-type.json": {"action": "errorString", "value": None},
    "06-noisy.json": {"action": "noisy", "value": {"total": 3}},
    "07-noisy-double.json": {"action": "noisyDouble", "value": {"total": 3}},
    "08-crash.json": {"action": "exit", "value": {"total": 3}},
}


@pytest.mark.slow
def test_end_to_end_with_real_node_and_go(node: MakeNode, go: MakeGo, tmp_path: Path) -> None:
    for name, event in EVENTS.items():
        (tmp_path / name).write_text(json.dumps(event))
    cases = load_cases(tmp_path).cases
    progress: list[tuple[int, int]] = []
    report = run_golden(
        cases,
        node("port.handler", root="session"),
        Poisoned(go(), EVENTS["03-harness.json"]),
        GoldenSettings(),
        runs=2,
        progress=lambda done, total: progress.append((done, total)),
    )
    by_id = {case.id: case for case in report.cases}
    assert list(by_id) == list(EVENTS)
    assert progress == [(n, len(EVENTS)) for n in range(1, len(EVENTS) + 1)]

    echo = by_id["01-echo.json"]
    assert (echo.verdict, echo.differences, echo.noise) == ("pass", (), ())
    assert echo.node == echo.go == {"kind": "success", "value": {"id": 7, "tags": ["a", "b"], "price": 9.5}}
    assert by_id["02-validation.json"].verdict == "pass"

    harness = by_id["03-harness.json"]
    assert (
        harness.verdict == "error" and harness.error is not None and "could not be started" in harness.error
    )
    assert harness.latency_verdict == "unknown" and harness.differences == ()

    double = by_id["04-double.json"]
    assert double.verdict == "fail"
    assert [(d.path, d.category, d.node, d.go) for d in double.differences] == [("/total", "value", 6, 3)]
    error_type = by_id["05-error-type.json"]
    assert [(d.path, d.category, d.node, d.go) for d in error_type.differences] == [
        ("/errorType", "error-type", "TypeError", "errorString")
    ]

    noisy = by_id["06-noisy.json"]
    assert noisy.verdict == "pass", noisy.differences
    assert {n.path for n in noisy.noise} == {"/requestId", "/id", "/at"}
    assert all(len(n.values) == 2 for n in noisy.noise)
    noisy_double = by_id["07-noisy-double.json"]  # noise is ignored; the real divergence is not
    assert [(d.path, d.category) for d in noisy_double.differences] == [("/total", "value")]

    crash = by_id["08-crash.json"]
    assert [(d.path, d.category) for d in crash.differences] == [("", "crash")]
    assert crash.latency_go is not None and crash.latency_go.warm_runs == 0
    assert crash.latency_verdict == "unknown"

    # Runtimes stay warm across cases: only the first case meets a cold start on each side.
    for case, cold in ((echo, 1), (double, 0), (noisy, 0)):
        assert case.latency_node is not None and case.latency_node.warm_runs == 2 + 2 - cold
        assert case.latency_go is not None and case.latency_go.warm_runs == 1 + 2 - cold
        assert (case.latency_node.init_ms is not None) == bool(cold)
        assert case.latency_verdict in ("pass", "fail")
    summary = report.summary
    assert (summary.total, summary.passed, summary.failed, summary.errored) == (8, 3, 4, 1)
    assert not report.ok
    json.dumps(dataclasses.asdict(report))


def _case(event: object, case_id: str = "c") -> Case:
    return Case(case_id, event, f"{case_id}.json", None)  # type: ignore[arg-type]


def echo(event: object, call: int) -> Result:
    return ok(event)  # type: ignore[arg-type]


def test_node_runs_and_warm_runs_are_counted_per_side() -> None:
    node, go = FakeInvoker(echo), FakeInvoker(echo)
    report = run_golden([_case(1), _case(2, "d")], node, go, GoldenSettings(node_runs=3), runs=4)
    assert len(node.events) == 2 * (3 + 4) and len(go.events) == 2 * (1 + 4)
    first = report.cases[0]
    assert first.verdict == "pass" and report.ok
    assert first.latency_node is not None and first.latency_node.warm_runs == 6  # the cold first run is out
    assert first.latency_go is not None and first.latency_go.warm_runs == 4


def test_latency_is_unknown_without_warm_invokes_and_never_changes_the_verdict() -> None:
    settings = GoldenSettings(node_runs=1)
    unknown = run_golden([_case(1)], FakeInvoker(echo), FakeInvoker(echo), settings, runs=0)
    assert (unknown.cases[0].verdict, unknown.cases[0].latency_verdict) == ("pass", "unknown")
    slow_go = FakeInvoker(echo, duration_ms=50.0)
    budget = dataclasses.replace(settings, latency=LatencyBudget(tolerance=0.1, slack_ms=1.0))
    slow = run_golden([_case(1)], FakeInvoker(echo), slow_go, budget, runs=2)
    result: CaseResult = slow.cases[0]
    assert (result.verdict, result.latency_verdict) == ("pass", "fail")
    assert "Go p95 50.000 ms" in result.latency.note
    assert slow.summary.latency_failed == 1 and slow.ok


def test_any_exception_in_one_case_is_that_case_s_error_and_the_run_goes_on() -> None:
    def go_answer(event: object, call: int) -> Result:
        if event == "bad":
            raise ValueError("emulator exploded")
        return ok(event)  # type: ignore[arg-type]

    def node_answer(event: object, call: int) -> Result:
        return failed("TypeError", "x") if event == "err" else ok(event)  # type: ignore[arg-type]

    cases = [_case("bad", "a"), _case("err", "b"), _case("fine", "c")]
    report: GoldenReport = run_golden(cases, FakeInvoker(node_answer), FakeInvoker(go_answer), runs=1)
    assert [c.verdict for c in report.cases] == ["error", "fail", "pass"]
    bad = report.cases[0]
    assert bad.error == "ValueError: emulator exploded"
    assert bad.node == {"kind": "success", "value": "bad"} and bad.go is None
    assert [d.category for d in report.cases[1].differences] == ["error-type"]


def test_negative_runs_are_refused() -> None:
    with pytest.raises(ValueError, match="runs must be 0 or more"):
        run_golden([], FakeInvoker(echo), FakeInvoker(echo), runs=-1)


class EncodedInvoker(FakeInvoker):
    """A fake that also takes events already encoded, as a local Runner does (`Runner.invoke_json`)."""

    def invoke_json(self, payload: bytes) -> Outcome:
        return self.invoke(payload)


def test_a_runner_that_takes_json_gets_each_case_encoded_once_and_others_the_event() -> None:
    echo = EncodedInvoker(lambda event, _: ok(json.loads(event) if isinstance(event, bytes) else None))
    plain = FakeInvoker(lambda event, _: ok(event))  # type: ignore[arg-type]
    event: Json = {"b": [1, 2.5, "é"], "a": None}
    report = run_golden([Case("one", event, "one.json", None)], echo, plain, GoldenSettings(), runs=2)
    assert report.ok, report.cases[0].differences
    assert echo.events == [json.dumps(event).encode()] * 4  # node twice, then two warm runs
    assert plain.events == [event] * 3 and all(seen is event for seen in plain.events)
