"""The Runtime API emulator's protocol, driven by a fake runtime written with http.client."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import statistics
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from golden.errors import EmulatorError
from golden.outcome import Crash, FunctionError, InitError, Outcome, Success, Timeout
from golden.runtime.emulator import MAX_RESPONSE_BYTES, Emulator
from golden.runtime.process import ProcessExit
from golden.sides.function import FunctionFacts

NEXT = "/2018-06-01/runtime/invocation/next"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(FunctionFacts(name="fake", timeout_s=2, init_timeout_s=2)) as emulator:
        emulator.begin_runtime()
        yield emulator


class FakeRuntime:
    """A runtime on one keep-alive connection, as the real clients use."""

    def __init__(self, emulator: Emulator) -> None:
        host, port = emulator.address.split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=10)

    def next(self) -> tuple[dict[str, str], bytes]:
        self.connection.request("GET", NEXT)
        response = self.connection.getresponse()
        return dict(response.getheaders()), response.read()

    def post(self, path: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        self.connection.request("POST", f"/2018-06-01/runtime/{path}", body, headers or {})
        response = self.connection.getresponse()
        return response.status, response.read()


def run_runtime(emulator: Emulator, script: Callable[[FakeRuntime], object]) -> threading.Thread:
    thread = threading.Thread(target=script, args=(FakeRuntime(emulator),), daemon=True)
    thread.start()
    return thread


def test_next_hands_out_the_event_with_lambda_headers(emulator: Emulator) -> None:
    seen: dict[str, object] = {}

    def runtime(fake: FakeRuntime) -> None:
        headers, body = fake.next()
        seen.update(headers=headers, body=body, now_ms=time.time() * 1000)
        request_id = headers["Lambda-Runtime-Aws-Request-Id"]
        seen["status"] = fake.post(f"invocation/{request_id}/response", b'{"ok":true}')

    thread = run_runtime(emulator, runtime)
    outcome = emulator.invoke(b'{"order": 1}')
    thread.join()
    headers = seen["headers"]
    assert isinstance(headers, dict) and isinstance(seen["now_ms"], float)
    assert seen["body"] == b'{"order": 1}'
    assert headers["Lambda-Runtime-Aws-Request-Id"] == outcome.request_id
    assert (
        headers["Lambda-Runtime-Invoked-Function-Arn"]
        == "arn:aws:lambda:us-east-1:123456789012:function:fake"
    )
    assert headers["Lambda-Runtime-Trace-Id"].startswith("Root=1-")
    assert 1500 < int(headers["Lambda-Runtime-Deadline-Ms"]) - seen["now_ms"] <= 2000
    assert seen["status"] == (202, b'{"status":"OK"}')
    assert outcome.result == Success(b'{"ok":true}', {"ok": True}, True)
    assert outcome.cold and outcome.timing.init_ms is not None and outcome.timing.duration_ms is not None


def test_error_post(emulator: Emulator) -> None:
    def runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        body = json.dumps({"errorMessage": "nope", "errorType": "Conflict", "stackTrace": ["at a", "at b"]})
        fake.post(
            f"invocation/{request_id}/error", body.encode(), {"Lambda-Runtime-Function-Error-Type": "X"}
        )

    run_runtime(emulator, runtime)
    result = emulator.invoke(b"{}").result
    assert isinstance(result, FunctionError)
    assert (result.type, result.message, result.trace) == ("Conflict", "nope", ("at a", "at b"))


def test_error_type_falls_back_to_the_header(emulator: Emulator) -> None:
    def runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        fake.post(
            f"invocation/{request_id}/error", b"not json", {"Lambda-Runtime-Function-Error-Type": "Fatal"}
        )

    run_runtime(emulator, runtime)
    result = emulator.invoke(b"{}").result
    assert isinstance(result, FunctionError) and (result.type, result.body) == ("Fatal", b"not json")


def test_init_error(emulator: Emulator) -> None:
    run_runtime(emulator, lambda fake: fake.post("init/error", b'{"errorType":"Boot","errorMessage":"no"}'))
    outcome = emulator.invoke(b"{}")
    assert isinstance(outcome.result, InitError) and outcome.result.type == "Boot"
    assert outcome.timing.init_ms is not None and outcome.timing.duration_ms is None


def test_chunked_post_with_trailers(emulator: Emulator) -> None:
    """aws-lambda-go posts with Transfer-Encoding: chunked and declared trailers."""

    def runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        host, port = emulator.address.split(":")
        with socket.create_connection((host, int(port))) as sock:
            head = (
                f"POST /2018-06-01/runtime/invocation/{request_id}/response HTTP/1.1\r\nHost: x\r\n"
                "Transfer-Encoding: chunked\r\nTrailer: Lambda-Runtime-Function-Error-Type\r\n\r\n"
            )
            sock.sendall(
                head.encode() + b'4\r\n{"a"\r\n3\r\n:1}\r\n0\r\nLambda-Runtime-Function-Error-Type: \r\n\r\n'
            )
            assert sock.recv(1024).startswith(b"HTTP/1.1 202")

    run_runtime(emulator, runtime)
    assert emulator.invoke(b"{}").result == Success(b'{"a":1}', {"a": 1}, True)


def test_wrong_request_id_and_second_answer_are_refused(emulator: Emulator) -> None:
    statuses: list[int] = []

    def runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        statuses.append(fake.post("invocation/not-the-id/response", b"1")[0])
        statuses.append(fake.post(f"invocation/{request_id}/response", b"2")[0])
        # A late second answer is read (and refused) when the next invoke starts.
        statuses.append(fake.post(f"invocation/{request_id}/response", b"3")[0])
        second_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        fake.post(f"invocation/{second_id}/response", b"4")

    thread = run_runtime(emulator, runtime)
    assert emulator.invoke(b"{}").result == Success(b"2", 2, True)
    assert emulator.invoke(b"{}").result == Success(b"4", 4, True)
    thread.join()
    assert statuses == [400, 202, 400]


def test_a_runtime_may_use_a_new_connection_for_each_request(emulator: Emulator) -> None:
    """The invoke drives the connection its event went out on, but answers may come on any other."""

    def runtime(_: FakeRuntime) -> None:
        for _attempt in range(3):
            request_id = FakeRuntime(emulator).next()[0]["Lambda-Runtime-Aws-Request-Id"]
            FakeRuntime(emulator).post(f"invocation/{request_id}/response", b'"ok"')

    thread = run_runtime(emulator, runtime)
    assert [emulator.invoke(b"{}").result for _ in range(3)] == [Success(b'"ok"', "ok", True)] * 3
    thread.join()


def test_the_invoke_api_on_the_runtime_connection_is_refused_not_deadlocked(emulator: Emulator) -> None:
    statuses: list[int] = []

    def runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        fake.connection.request("POST", "/2015-03-31/functions/fake/invocations", b"{}")
        response = fake.connection.getresponse()
        response.read()
        statuses.append(response.status)
        fake.post(f"invocation/{request_id}/response", b"1")

    thread = run_runtime(emulator, runtime)
    assert emulator.invoke(b"{}").result == Success(b"1", 1, True)
    thread.join()
    assert statuses == [400]


def test_response_over_the_limit(emulator: Emulator) -> None:
    statuses: list[int] = []

    def runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        statuses.append(fake.post(f"invocation/{request_id}/response", b"0" * (MAX_RESPONSE_BYTES + 1))[0])

    thread = run_runtime(emulator, runtime)
    result = emulator.invoke(b"{}").result
    thread.join()
    assert statuses == [413]
    assert isinstance(result, FunctionError) and result.type == "Function.ResponseSizeTooLarge"


def test_no_runtime_is_an_init_timeout() -> None:
    with Emulator(FunctionFacts(init_timeout_s=0.2)) as emulator:
        emulator.begin_runtime()
        assert emulator.invoke(b"{}").result == Timeout(0.2, "init")


def test_no_answer_is_an_invoke_timeout(emulator: Emulator) -> None:
    run_runtime(emulator, lambda fake: fake.next() and None)
    outcome = emulator.invoke(b"{}", timeout_s=0.2)
    assert outcome.result == Timeout(0.2, "invoke")
    assert outcome.timing.duration_ms is not None and outcome.timing.duration_ms >= 200


def test_runtime_exit_during_an_invoke_is_a_crash(emulator: Emulator) -> None:
    generation = emulator.begin_runtime()
    handed_out = threading.Event()

    def runtime(fake: FakeRuntime) -> None:
        fake.next()
        handed_out.set()

    run_runtime(emulator, runtime)
    exit = ProcessExit(returncode=2, stderr_tail=("fatal: oops",), out_of_memory=False)

    def exit_once_handed_out() -> None:
        handed_out.wait()
        emulator.runtime_exited(generation, exit)

    threading.Thread(target=exit_once_handed_out).start()
    result = emulator.invoke(b"{}").result
    assert result == Crash(2, ("fatal: oops",), delivered=True)
    assert result.reason == "Runtime exited with error: exit status 2"


def test_a_replaced_runtime_never_takes_the_next_event(emulator: Emulator) -> None:
    old = FakeRuntime(emulator)
    failures: list[BaseException] = []

    def old_runtime() -> None:
        try:
            old.next()
        except (http.client.HTTPException, OSError) as error:
            failures.append(error)

    waiting = threading.Thread(target=old_runtime)
    waiting.start()
    time.sleep(0.1)  # the old runtime is now blocked in GET /next
    emulator.begin_runtime()
    waiting.join(timeout=5)
    assert failures, "the old runtime's connection should have been dropped"

    def new_runtime(fake: FakeRuntime) -> None:
        request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
        fake.post(f"invocation/{request_id}/response", b'"new"')

    run_runtime(emulator, new_runtime)
    assert emulator.invoke(b"{}").result == Success(b'"new"', "new", True)


def test_keep_alive_round_trips_are_fast(emulator: Emulator) -> None:
    def runtime(fake: FakeRuntime) -> None:
        with contextlib.suppress(http.client.HTTPException, OSError):  # until the emulator closes
            while True:
                request_id = fake.next()[0]["Lambda-Runtime-Aws-Request-Id"]
                fake.post(f"invocation/{request_id}/response", b"{}")

    run_runtime(emulator, runtime)
    outcomes: list[Outcome] = [emulator.invoke(b"{}") for _ in range(30)]
    assert not any(outcome.cold for outcome in outcomes[1:])
    assert statistics.median(outcome.timing.duration_ms or 0.0 for outcome in outcomes) < 5


def test_invoke_after_close_is_an_error() -> None:
    emulator = Emulator(FunctionFacts())
    emulator.close()
    emulator.close()
    with pytest.raises(EmulatorError, match="closed"):
        emulator.invoke(b"{}")
