"""Remote mode: Invoke API responses to outcomes, throttling retries, and runs against the emulator's
Invoke API with boto3 (real node and go behind it)."""

from __future__ import annotations

import base64
import io
import json
import threading
import time
from collections.abc import Mapping
from typing import Any, cast

import pytest
from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from golden.cases.files import Case
from golden.config import GoldenSettings
from golden.outcome import Crash, FunctionError, InitError, Json, Outcome, Success, Timeout
from golden.runners.parallel import run_golden_parallel
from golden.runners.remote import (
    FunctionRef,
    RemoteError,
    RemoteInvoker,
    RetryPolicy,
    lambda_client,
    read_result,
)
from golden.runners.runner import Runner
from golden.session import run_golden
from golden.sides.function import FunctionFacts
from tests.golden.conftest import MakeGo, MakeNode
from tests.golden.fakes import FakeInvoker, ok

ORDERS = FunctionRef("orders")


def throttled() -> ClientError:
    return ClientError({"Error": {"Code": "TooManyRequestsException", "Message": "Rate exceeded"}}, "Invoke")


def response(body: object, function_error: str | None = None, log: str | None = None) -> dict[str, Any]:
    """An Invoke API response as boto3 returns it."""
    answer: dict[str, Any] = {
        "StatusCode": 200,
        "Payload": io.BytesIO(json.dumps(body).encode()),
        "ExecutedVersion": "$LATEST",
        "ResponseMetadata": {"RequestId": "req-1"},
    }
    if function_error:
        answer["FunctionError"] = function_error
    if log is not None:
        answer["LogResult"] = base64.b64encode(log.encode()).decode()
    return answer


class FakeLambda:
    """A boto3-like Lambda client: `answers` are responses or exceptions, served in order."""

    def __init__(self, *answers: Mapping[str, Any] | Exception) -> None:
        self.answers = list(answers)
        self.calls: list[dict[str, Any]] = []

    def invoke(self, **kwargs: Any) -> Mapping[str, Any]:
        self.calls.append(kwargs)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def invoker(client: FakeLambda, sleeps: list[float], attempts: int = 4) -> RemoteInvoker:
    policy = RetryPolicy(attempts=attempts, base_s=0.1, max_s=0.3)
    return RemoteInvoker(client, FunctionRef("orders", "live"), retry=policy, sleep=sleeps.append)


def test_throttling_is_retried_with_backoff_then_succeeds() -> None:
    sleeps: list[float] = []
    client = FakeLambda(throttled(), throttled(), throttled(), response({"ok": True}))
    outcome = invoker(client, sleeps).invoke({"id": 1})
    assert isinstance(outcome.result, Success) and outcome.result.value == {"ok": True}
    assert sleeps == [0.1, 0.2, 0.3]  # doubling, capped
    assert len(client.calls) == 4
    first = client.calls[0]
    assert (first["FunctionName"], first["Qualifier"], first["InvocationType"]) == (
        "orders",
        "live",
        "RequestResponse",
    )
    assert json.loads(first["Payload"]) == {"id": 1} and first["LogType"] == "Tail"


def test_throttled_past_the_retries_is_a_harness_error_never_a_divergence() -> None:
    sleeps: list[float] = []
    remote = invoker(FakeLambda(throttled()), sleeps, attempts=3)
    with pytest.raises(RemoteError, match=r"TooManyRequestsException.*--concurrency"):
        remote.invoke({})
    assert len(sleeps) == 2
    cases = [Case("a.json", {"n": 1}, "a.json", None), Case("b.json", {"n": 2}, "b.json", None)]
    report = run_golden(cases, FakeInvoker(lambda event, call: ok(cast("Json", event))), remote, runs=0)
    assert [c.verdict for c in report.cases] == ["error", "error"]
    assert report.summary.failed == 0 and report.summary.errored == 2
    assert all("TooManyRequestsException" in (c.error or "") for c in report.cases)


def test_other_client_errors_are_not_retried() -> None:
    sleeps: list[float] = []
    missing = ClientError({"Error": {"Code": "ResourceNotFoundException", "Message": "nope"}}, "Invoke")
    remote = invoker(FakeLambda(missing), sleeps)
    with pytest.raises(RemoteError, match=r"ResourceNotFoundException.*--region"):
        remote.check()
    assert sleeps == []


TIMED_OUT = "RequestId: x Error: Task timed out after 3.00 seconds"
LEGACY_TIMED_OUT = "2026-12-01T10:00:00.000Z x Task timed out after 6.01 seconds"
EXITED = "RequestId: x Error: Runtime exited with error: exit status 3"
KILLED = "Error: Runtime exited with error: signal: killed"


@pytest.mark.parametrize(
    ("body", "kind", "expected"),
    [
        ({"errorType": "Sandbox.Timedout", "errorMessage": TIMED_OUT}, Timeout, 3.0),
        ({"errorMessage": LEGACY_TIMED_OUT}, Timeout, 6.01),
        ({"errorType": "Runtime.ExitError", "errorMessage": EXITED}, Crash, 3),
        ({"errorType": "Runtime.ExitError", "errorMessage": KILLED}, Crash, -9),
        ({"errorType": "Runtime.OutOfMemory", "errorMessage": KILLED}, Crash, -9),
        (
            {"errorType": "Runtime.ImportModuleError", "errorMessage": "Cannot find module 'x'"},
            InitError,
            "Runtime.ImportModuleError",
        ),
        (
            {"errorType": "ValidationError", "errorMessage": "bad email", "trace": ["at x"]},
            FunctionError,
            "ValidationError",
        ),
    ],
)
def test_function_errors_map_to_outcomes(body: dict[str, str], kind: type, expected: object) -> None:
    result = read_result(json.dumps(body).encode(), "Unhandled")
    assert isinstance(result, kind)
    if isinstance(result, Timeout):
        assert result.limit_s == expected and result.phase == "invoke"
    elif isinstance(result, Crash):
        assert result.exit_status == expected and result.delivered
        assert result.out_of_memory == (body["errorType"] == "Runtime.OutOfMemory")
    elif isinstance(result, FunctionError | InitError):
        assert (result.type, result.message) == (expected, body["errorMessage"])


def test_latency_comes_from_the_report_line_when_the_tail_has_one() -> None:
    report = "REPORT RequestId: r\tDuration: 12.50 ms\tBilled Duration: 13 ms\tInit Duration: 180.25 ms\n"
    cold = RemoteInvoker(FakeLambda(response(1, log=f"START RequestId: r\n{report}")), ORDERS).invoke({})
    assert (cold.timing.duration_ms, cold.timing.init_ms, cold.cold) == (12.5, 180.25, True)
    ticks = iter([10.0, 10.25])
    warm = RemoteInvoker(FakeLambda(response(1)), ORDERS, clock=lambda: next(ticks)).invoke({})
    assert (warm.timing.duration_ms, warm.timing.init_ms, warm.cold) == (250.0, None, False)


def test_function_refs() -> None:
    assert FunctionRef.parse("orders") == FunctionRef("orders")
    assert FunctionRef.parse("orders:live") == FunctionRef("orders", "live")
    arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders"
    assert FunctionRef.parse(arn) == FunctionRef(arn)
    assert FunctionRef.parse(f"{arn}:7") == FunctionRef(arn, "7")
    with pytest.raises(RemoteError, match="NAME:QUALIFIER"):
        FunctionRef.parse("a:b:c")


class Overlap:
    """An invoker that records how many invokes are in flight at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = 0
        self.peak = 0

    def invoke(self, event: object) -> Outcome:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        time.sleep(0.02)
        with self.lock:
            self.active -= 1
        return FakeInvoker(lambda e, call: ok(cast("Json", e))).invoke(event)


def test_parallel_cases_are_bounded_and_keep_their_order() -> None:
    cases = [Case(f"{n:02d}", {"n": n}, "x", None) for n in range(12)]
    node, go = Overlap(), Overlap()
    done: list[int] = []
    report = run_golden_parallel(
        cases, node, go, GoldenSettings(), runs=0, concurrency=3, progress=lambda d, t: done.append(d)
    )
    assert [c.id for c in report.cases] == [c.id for c in cases]
    assert report.summary.passed == 12
    assert node.peak == 3 and go.peak <= 3
    assert sorted(done) == list(range(1, 13))


# -- against golden's emulator, real runtimes behind it ------------------------------------------------


def remote(runner: Runner, name: str) -> RemoteInvoker:
    client = lambda_client(region="us-east-1", endpoint_url=runner.emulator.endpoint_url)
    return RemoteInvoker(client, FunctionRef(name))


@pytest.fixture(autouse=True)
def fake_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """boto3 signs requests to the emulator; these keys reach nothing else."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.mark.slow
def test_outcomes_through_the_invoke_api(go: MakeGo) -> None:
    runner = go(function=FunctionFacts(name="orders-go", timeout_s=0.5))
    invoke = remote(runner, "orders-go")
    invoke.check()
    first = invoke.invoke({"value": {"id": 3}})
    assert isinstance(first.result, Success) and first.result.value == {"id": 3}
    assert first.cold and first.timing.init_ms is not None  # from the REPORT line's Init Duration
    error = invoke.invoke({"action": "validation"}).result
    assert isinstance(error, FunctionError) and error.type == "ValidationError"
    timed_out = invoke.invoke({"action": "sleep", "sleepMs": 3000}).result
    assert isinstance(timed_out, Timeout) and timed_out.limit_s == 0.5
    crashed = invoke.invoke({"action": "exit"}).result
    assert isinstance(crashed, Crash) and crashed.exit_status == 3
    again = invoke.invoke({"value": "warm again"})
    assert isinstance(again.result, Success) and again.result.value == "warm again"
    with pytest.raises(RemoteError, match="ResourceNotFoundException"):
        RemoteInvoker(invoke.client, FunctionRef("payments")).check()


@pytest.mark.slow
def test_remote_against_remote_gives_the_local_report(node: MakeNode, go: MakeGo) -> None:
    node_runner = node("port.handler", root="session", function=FunctionFacts(name="orders-node"))
    go_runner = go(function=FunctionFacts(name="orders-go"))
    events: dict[str, Json] = {
        "echo": {"value": {"id": 7, "tags": ["a"]}},
        "validation": {"action": "validation", "value": None},
        "double": {"action": "double", "value": {"total": 3}},
        "noisy": {"action": "noisy", "value": {"n": 1}},
        "crash": {"action": "exit", "value": 1},
    }
    cases = [Case(name, event, name, None) for name, event in events.items()]
    report = run_golden_parallel(
        cases,
        remote(node_runner, "orders-node"),
        remote(go_runner, "orders-go"),
        GoldenSettings(),
        runs=1,
        concurrency=4,
    )
    by_id = {c.id: c for c in report.cases}
    assert {k: c.verdict for k, c in by_id.items()} == {
        "echo": "pass",
        "validation": "pass",
        "double": "fail",
        "noisy": "pass",
        "crash": "fail",
    }
    assert [(d.path, d.category) for d in by_id["double"].differences] == [("/total", "value")]
    assert [d.category for d in by_id["crash"].differences] == ["crash"]
    assert {n.path for n in by_id["noisy"].noise} == {"/requestId", "/id", "/at"}
    go_latency = [c.latency.go for c in report.cases if c.latency.go is not None]
    assert all(lat.p50_ms is not None for lat in go_latency if lat.warm_runs)
    assert any(lat.init_ms is not None for lat in go_latency)  # the REPORT line's Init Duration
