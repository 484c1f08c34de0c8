"""A local Lambda Runtime API: hands one event at a time to a runtime and turns its answer into an Outcome.

One emulator serves one function, one runtime process (a generation) at a time; sandbox.py keeps what
it knows of that runtime and answers the Runtime API, http_server.py serves the connections.

How an invoke travels. A runtime's first `GET /next` parks its connection (http_server.py). `invoke()`
takes the parked connection and *drives* it on the caller's own thread: it writes the event and reads
the runtime's answer. It then leaves the connection *unread* for the next invoke, which finds the
runtime's next `GET /next` already in the socket's buffer (anything the runtime sent before it, such
as a second answer, is answered first). So a warm invoke costs the caller one wake-up, two socket
writes and two reads, and no hand-off between threads; the server threads serve everything else
(other connections, the Invoke API). Measured on a loaded 2-core machine, this and connection.py
cut the harness's Python CPU per warm invoke from ~550 µs to ~150 µs and its voluntary context
switches from 6 to 1-2: the old path handed each invoke from the caller to a server thread and back
through a condition variable (two thread wake-ups), and woke the server thread twice more for the
runtime's requests.
A second round (docs/benchmarks.md, Golden) took the invoke from ~3,400 to ~2,400 Python bytecodes:
the sandbox's lock taken directly, the `GET /next` already in the socket read without a `select` and
given the event at once instead of parked and unparked, replies encoded in one piece.
Whatever does not arrive on the driven connection (an answer posted on another connection, the
runtime's exit, `close()`) reaches the invoke through the condition variable and a wake-up pipe.

What a runtime sends between invokes is answered when the next invoke starts. So when the Node
bootstrap reports an uncaught exception from a timer its handler left behind (and then exits), the
next invoke sees that crash, as it would in Lambda, where the sandbox is frozen once the runtime asks
for the next event and such callbacks resume in the next invoke. (With server threads answering at
once, whether the next invoke crashed or ran on a fresh runtime depended on timing.)
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType

from golden.errors import EmulatorError
from golden.outcome import Crash, Outcome, Result, Timeout
from golden.runtime.connection import BadRequest, Connection
from golden.runtime.http_server import RUNTIME, RuntimeApiServer, bad_request_reply, json_reply, route
from golden.runtime.invocation import MAX_RESPONSE_BYTES, Invocation, crash, event_reply, new_invocation
from golden.runtime.process import ProcessExit
from golden.runtime.sandbox import Sandbox
from golden.sides.function import FunctionFacts

__all__ = ["MAX_RESPONSE_BYTES", "Emulator"]

_NOT_HERE = "a runtime's Runtime API connection serves the Runtime API only; use another connection"


class Emulator:
    """The Runtime API on 127.0.0.1 (random port) in a background thread, plus the Invoke API."""

    def __init__(self, function: FunctionFacts) -> None:
        self.function = function
        self._invoke_lock = threading.Lock()
        self._sandbox = Sandbox(function, self.invoke)
        self._server = RuntimeApiServer(self._sandbox)
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
        self._sandbox.invoke_api_target = invoke

    # -- the runtime's lifecycle, told by whoever runs the process --------------------------------

    def begin_runtime(self) -> int:
        """A new runtime process is about to start: forget the last one. Returns its generation."""
        return self._sandbox.begin_runtime()

    def runtime_exited(self, generation: int, exit: ProcessExit) -> None:
        """The process of `generation` ended; an invoke in flight becomes a crash."""
        self._sandbox.runtime_exited(generation, exit)

    # -- invoking ---------------------------------------------------------------------------------

    def invoke(
        self, payload: bytes, *, timeout_s: float | None = None, peak: Callable[[], int | None] | None = None
    ) -> Outcome:
        """Queue one event (JSON bytes), wait for the runtime's answer, and say what happened.

        `peak` reads the runtime's peak resident memory for the outcome (a runner's process knows it)."""
        limit = self.function.timeout_s if timeout_s is None else timeout_s
        sandbox = self._sandbox
        with self._invoke_lock:
            with sandbox.lock:
                if sandbox.closed:
                    raise EmulatorError("the emulator is closed; create a new one to invoke again")
                invocation = new_invocation(payload, limit)
                sandbox.invocation = invocation
                sandbox.driver = threading.get_ident()
                unread, sandbox.unread = sandbox.unread, None
            try:
                handed = self._await_handout(invocation, unread)
                result = self._drive(invocation, handed) if isinstance(handed, Connection) else handed
            except BaseException:
                with sandbox.lock:
                    sandbox.end_invocation()
                raise
            with sandbox.lock:
                sandbox.end_invocation()
                timing = sandbox.timing(invocation, result)
            return Outcome(
                invocation.request_id, result, timing, invocation.cold, peak() if peak is not None else None
            )

    def _await_handout(self, invocation: Invocation, unread: Connection | None) -> Connection | Result:
        """A parked connection of the current runtime (the event is now handed out), or why none came.

        `unread` is the connection the last invoke left: the runtime's `GET /next` is usually in its
        buffer already, and whatever came before it (a late second answer) is answered first.
        """
        sandbox = self._sandbox
        active = unread
        try:
            with sandbox.lock:
                started = sandbox.started_at if sandbox.ready_at is None else None
                start = started if started is not None else time.perf_counter()
                handout_limit = start + self.function.init_timeout_s
            while True:
                with sandbox.lock:
                    if sandbox.init_error is not None:
                        invocation.cold = True
                        return sandbox.init_error
                    if sandbox.exit is not None:
                        invocation.cold = sandbox.served == 0
                        return crash(sandbox.exit, delivered=False)
                    if sandbox.closed:
                        raise EmulatorError("the emulator was closed while an invoke was waiting")
                    while sandbox.parked:
                        connection = sandbox.parked.popleft()
                        if sandbox.connections.get(connection.sock) != sandbox.generation:
                            connection.hand_back(serve_on=False)
                            continue
                        sandbox.handing_out(invocation)
                        return connection
                    remaining = handout_limit - time.perf_counter()
                    if remaining <= 0:
                        invocation.cold = sandbox.served == 0
                        return Timeout(self.function.init_timeout_s, "init")
                    if active is None:
                        sandbox.wait(remaining)
                        continue
                asking = active
                active = self._serve_next(active, handout_limit, hand_out=invocation)
                if invocation.handed_out_at is not None:  # it asked, and took the event at once
                    return asking
        finally:
            if active is not None:  # the runtime asked on another connection: its thread serves this one
                active.hand_back(serve_on=True)

    def _drive(self, invocation: Invocation, connection: Connection) -> Result:
        """Write the event to `connection` and serve it until the runtime has answered (or not)."""
        assert invocation.handed_out_at is not None
        sandbox = self._sandbox
        active: Connection | None = connection
        invoke_limit = invocation.handed_out_at + invocation.timeout_s
        result: Result | None = None
        try:
            try:
                connection.send(event_reply(invocation, self.function), invoke_limit)
            except OSError:
                connection.hand_back(serve_on=False)
                active = None
            while True:
                with sandbox.lock:
                    if invocation.result is not None:
                        result = invocation.result
                    elif sandbox.exit is not None:
                        result = crash(sandbox.exit, delivered=True)
                    elif sandbox.closed:
                        raise EmulatorError("the emulator was closed while an invoke was running")
                    elif (remaining := invoke_limit - time.perf_counter()) <= 0:
                        result = Timeout(invocation.timeout_s, "invoke")
                    elif active is None:
                        sandbox.wait(remaining)
                        continue
                if result is not None:
                    return result
                assert active is not None
                active = self._serve_next(active, invoke_limit)
        finally:
            if active is not None:
                sandbox.leave_unread(active, alive=result is not None and not isinstance(result, Crash))

    def _serve_next(
        self, connection: Connection, limit: float, *, hand_out: Invocation | None = None
    ) -> Connection | None:
        """Serve the next request on the driven `connection` if one comes before `limit`.

        Returns the connection while this invoke still drives it; None once it is parked again (its
        runtime asked for the next event) or handed back to its server thread to close.

        `hand_out`: the invoke waits for a runtime to ask for its event. The request is then probably
        there already (a warm runtime's `GET /next`, sent while the caller was busy elsewhere), so it is
        read before any `select`; and when it is a `GET /next` it may take the event at once
        (`Sandbox.park_again`), which sets `hand_out.handed_out_at`.
        """
        sandbox = self._sandbox
        if not connection.buffered and not (hand_out is not None and connection.receive_now()):
            fd = connection.sock.fileno()
            watched = (fd, sandbox.wake_r)
            readable = select.select(watched, (), (), max(limit - time.perf_counter(), 0))[0]
            if sandbox.wake_r in readable:
                sandbox.drain_wake_ups()
            if fd not in readable:
                return connection
        try:
            request = connection.read_request(limit)
            if request is not None:
                if request.target.startswith(RUNTIME):
                    reply = route(sandbox, connection.sock, request)
                else:  # the Invoke API on a runtime's own connection would wait for this very invoke
                    reply = json_reply(400, {"errorType": "BadRequest", "errorMessage": _NOT_HERE})
                if reply is None:
                    sandbox.park_again(connection, hand_out)
                    return None
                connection.send(reply, limit)
                if request.keep_alive:
                    return connection
        except BadRequest as error:
            with contextlib.suppress(OSError):
                connection.send(bad_request_reply(error), limit)
        except OSError:  # includes a timeout in the middle of a request: the stream is out of step
            pass
        connection.hand_back(serve_on=False)  # closed by the peer, or out of step: its thread closes it
        return None

    # -- shutting down ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop serving: wake every waiter, drop every connection, free the port. Safe to call twice."""
        connections = self._sandbox.close()
        if connections is None:
            return
        self._server.shutdown()
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        self._thread.join()
        self._sandbox.close_pipe()
