"""A local Lambda Runtime API: hands one event at a time to a runtime and turns its answer into an Outcome.

One emulator serves one function. Each runtime process it serves is a *generation*: `begin_runtime()`
opens a new one (closing the connections of the last), `runtime_exited()` reports that the current one
died. Connections are tied to the generation in which they were accepted, so a killed runtime's
half-finished `GET /next` can never take an event meant for its successor.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType

from golden.errors import EmulatorError
from golden.function import FunctionConfig
from golden.http_server import Reply, RuntimeApiServer, json_reply
from golden.invoke_api import handle_invoke
from golden.outcome import (
    Crash,
    FunctionError,
    InitError,
    Outcome,
    Result,
    Success,
    Timeout,
    Timing,
    parse_json,
)
from golden.posted import read_error
from golden.process import ProcessExit

MAX_RESPONSE_BYTES = 6 * 1024 * 1024  # Lambda's synchronous response limit


@dataclass
class _Pending:
    """The invoke in flight (mutable: filled in as the runtime moves it along)."""

    request_id: str
    payload: bytes
    timeout_s: float
    trace_id: str
    handed_out_at: float | None = None
    finished_at: float | None = None
    cold: bool = False
    result: Result | None = None


class Emulator:
    """The Runtime API on 127.0.0.1 (random port) in a background thread, plus the Invoke API."""

    def __init__(self, function: FunctionConfig) -> None:
        self.function = function
        self._cond = threading.Condition()
        self._invoke_lock = threading.Lock()
        self._generation = 0
        self._connections: dict[socket.socket, int] = {}
        self._runtime_connections: set[socket.socket] = set()
        self._started_at: float | None = None
        self._ready_at: float | None = None
        self._init_error: InitError | None = None
        self._init_error_at: float | None = None
        self._exit: ProcessExit | None = None
        self._served = 0
        self._pending: _Pending | None = None
        self._closed = False
        self._invoke_api: Callable[[bytes], Outcome] = self.invoke
        self._server = RuntimeApiServer(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def address(self) -> str:
        """host:port, the value of `AWS_LAMBDA_RUNTIME_API` (and the Invoke API's `endpoint_url` host)."""
        return self._server.address

    @property
    def endpoint_url(self) -> str:
        """`http://host:port`, for boto3's `endpoint_url`."""
        return f"http://{self.address}"

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def serve_invoke_api(self, invoke: Callable[[bytes], Outcome]) -> None:
        """Route Invoke API requests through `invoke` (a runner's, which restarts crashed runtimes)."""
        self._invoke_api = invoke

    # -- the runtime's lifecycle, told by whoever runs the process --------------------------------

    def begin_runtime(self) -> int:
        """A new runtime process is about to start: forget the last one. Returns its generation."""
        with self._cond:
            self._generation += 1
            stale = [sock for sock in self._runtime_connections if self._connections[sock] < self._generation]
            self._started_at = time.perf_counter()
            self._ready_at = self._init_error_at = None
            self._init_error = None
            self._exit = None
            self._served = 0
            self._cond.notify_all()
            generation = self._generation
        for sock in stale:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        return generation

    def runtime_exited(self, generation: int, exit: ProcessExit) -> None:
        """The process of `generation` ended; a pending invoke becomes a crash."""
        with self._cond:
            if generation == self._generation:
                self._exit = exit
                self._cond.notify_all()

    # -- invoking ---------------------------------------------------------------------------------

    def invoke(self, payload: bytes, *, timeout_s: float | None = None) -> Outcome:
        """Queue one event (JSON bytes), wait for the runtime's answer, and say what happened."""
        limit = self.function.timeout_s if timeout_s is None else timeout_s
        with self._invoke_lock, self._cond:
            if self._closed:
                raise EmulatorError("the emulator is closed; create a new one to invoke again")
            pending = _Pending(str(uuid.uuid4()), payload, limit, _trace_id())
            self._pending = pending
            self._cond.notify_all()
            try:
                result = self._await(pending)
            finally:
                self._pending = None
            return Outcome(pending.request_id, result, self._timing(pending, result), pending.cold)

    def _await(self, pending: _Pending) -> Result:
        now = time.perf_counter()
        start = self._started_at if self._ready_at is None and self._started_at is not None else now
        handout_limit = start + self.function.init_timeout_s
        while pending.handed_out_at is None:
            if self._init_error is not None:
                pending.cold = True
                return self._init_error
            if self._exit is not None:
                pending.cold = self._served == 0
                return _crash(self._exit, delivered=False)
            if self._closed:
                raise EmulatorError("the emulator was closed while an invoke was waiting")
            remaining = handout_limit - time.perf_counter()
            if remaining <= 0:
                pending.cold = self._served == 0
                return Timeout(self.function.init_timeout_s, "init")
            self._cond.wait(remaining)
        invoke_limit = pending.handed_out_at + pending.timeout_s
        while pending.result is None:
            if self._exit is not None:
                return _crash(self._exit, delivered=True)
            if self._closed:
                raise EmulatorError("the emulator was closed while an invoke was running")
            remaining = invoke_limit - time.perf_counter()
            if remaining <= 0:
                return Timeout(pending.timeout_s, "invoke")
            self._cond.wait(remaining)
        return pending.result

    def _timing(self, pending: _Pending, result: Result) -> Timing:
        init_ms = None
        if self._started_at is not None and pending.cold:
            ready = self._init_error_at if isinstance(result, InitError) else self._ready_at
            if ready is not None:
                init_ms = (ready - self._started_at) * 1000
        duration_ms = None
        if pending.handed_out_at is not None:
            end = pending.finished_at if pending.finished_at is not None else time.perf_counter()
            duration_ms = (end - pending.handed_out_at) * 1000
        return Timing(init_ms, duration_ms)

    # -- the Runtime API (called on the server's threads) -----------------------------------------

    def connection_opened(self, sock: socket.socket) -> None:
        with self._cond:
            self._connections[sock] = self._generation

    def connection_closed(self, sock: socket.socket) -> None:
        with self._cond:
            self._connections.pop(sock, None)
            self._runtime_connections.discard(sock)

    def next_event(self, sock: socket.socket) -> Reply | None:
        with self._cond:
            if not self._from_current_runtime(sock):
                return None
            if self._ready_at is None:
                self._ready_at = time.perf_counter()
            while (pending := self._pending) is None or pending.handed_out_at is not None:
                self._cond.wait()
                if not self._from_current_runtime(sock):
                    return None
            pending.handed_out_at = time.perf_counter()
            pending.cold = self._served == 0
            self._served += 1
            deadline_ms = int(time.time() * 1000 + pending.timeout_s * 1000)
            self._cond.notify_all()
        headers = (
            ("Content-Type", "application/json"),
            ("Lambda-Runtime-Aws-Request-Id", pending.request_id),
            ("Lambda-Runtime-Deadline-Ms", str(deadline_ms)),
            ("Lambda-Runtime-Invoked-Function-Arn", self.function.arn),
            ("Lambda-Runtime-Trace-Id", pending.trace_id),
        )
        return Reply(200, pending.payload, headers)

    def post_result(
        self, sock: socket.socket, request_id: str, what: str, body: bytes, error_type: str | None
    ) -> Reply:
        with self._cond:
            pending = self._pending
            if not self._from_current_runtime(sock) or pending is None or pending.request_id != request_id:
                return _invalid("InvalidRequestID", f"no invocation {request_id} is waiting for an answer")
            if pending.handed_out_at is None or pending.result is not None:
                return _invalid("InvalidStateTransition", f"invocation {request_id} was already answered")
            reply = Reply(202, b'{"status":"OK"}', (("Content-Type", "application/json"),))
            if what == "error":
                pending.result = read_error(body, error_type, FunctionError)
            elif len(body) > MAX_RESPONSE_BYTES:
                message = f"Response payload size ({len(body)} bytes) exceeded maximum allowed payload size"
                error = {"errorType": "Function.ResponseSizeTooLarge", "errorMessage": message}
                pending.result = read_error(json.dumps(error).encode(), None, FunctionError)
                reply = json_reply(413, error)
            else:
                value, is_json = parse_json(body)
                pending.result = Success(body, value, is_json)
            pending.finished_at = time.perf_counter()
            self._cond.notify_all()
        return reply

    def post_init_error(self, sock: socket.socket, body: bytes, error_type: str | None) -> Reply:
        with self._cond:
            if not self._from_current_runtime(sock):
                return _invalid("InvalidStateTransition", "this runtime has been replaced")
            self._init_error = read_error(body, error_type, InitError)
            self._init_error_at = time.perf_counter()
            self._cond.notify_all()
        return Reply(202, b'{"status":"OK"}', (("Content-Type", "application/json"),))

    def invoke_api(
        self, target: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        return handle_invoke(self.function, self._invoke_api, target, query, headers, body)

    def _from_current_runtime(self, sock: socket.socket) -> bool:
        """Whether a Runtime API request on `sock` is the current runtime's; marks `sock` as a runtime's."""
        self._runtime_connections.add(sock)
        return not self._closed and self._connections.get(sock) == self._generation

    # -- shutting down ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop serving: wake every waiter, drop every connection, free the port. Safe to call twice."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
            connections = list(self._connections)
        self._server.shutdown()
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        self._thread.join()


def _trace_id() -> str:
    return f"Root=1-{int(time.time()):08x}-{secrets.token_hex(12)};Parent={secrets.token_hex(8)};Sampled=0"


def _crash(exit: ProcessExit, *, delivered: bool) -> Crash:
    return Crash(exit.returncode, exit.stderr_tail[-20:], delivered, exit.out_of_memory)


def _invalid(error_type: str, message: str) -> Reply:
    return json_reply(400, {"errorType": error_type, "errorMessage": message})
