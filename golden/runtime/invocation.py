"""One invoke in flight: its ids, the event as the Runtime API hands it out, and what the runtime posted."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass

from golden.outcome import Crash, FunctionError, Result, Success, parse_json
from golden.runtime.connection import Reply, prepared
from golden.runtime.http_server import json_reply
from golden.runtime.posted import read_error
from golden.runtime.process import ProcessExit
from golden.sides.function import FunctionFacts

_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
MAX_RESPONSE_BYTES = 6 * 1024 * 1024  # Lambda's synchronous response limit
ACCEPTED = prepared(Reply(202, b'{"status":"OK"}', (("Content-Type", "application/json"),)))


@dataclass
class Invocation:
    """The invoke in flight (mutable: filled in as the runtime moves it along)."""

    request_id: str
    payload: bytes
    timeout_s: float
    trace_id: str
    handed_out_at: float | None = None
    """perf_counter when the event went out."""
    finished_at: float | None = None
    """perf_counter when the runtime's answer had been read."""
    cold: bool = False
    result: Result | None = None
    """What the runtime posted (a response or an error), once it has."""


def new_invocation(payload: bytes, timeout_s: float) -> Invocation:
    """An invocation with a fresh request id (a version-4 UUID) and X-Ray trace header.

    Both come from one read of the OS's randomness (`uuid4()` and two `token_hex` calls were three).
    """
    hex = os.urandom(36).hex()
    # Version 4 in the third group's first digit; the RFC 4122 variant (8, 9, a or b) in the fourth's.
    request_id = f"{hex[:8]}-{hex[8:12]}-4{hex[13:16]}-{_VARIANT[hex[16]]}{hex[17:20]}-{hex[20:32]}"
    trace_id = f"Root=1-{int(time.time()):08x}-{hex[32:56]};Parent={hex[56:72]};Sampled=0"
    return Invocation(request_id, payload, timeout_s, trace_id)


def event_reply(invocation: Invocation, function: FunctionFacts) -> Reply:
    """The answer to `GET /next` that hands the event out, with Lambda's headers.

    Its wire form is written out here in one piece: this reply goes out on every invoke."""
    deadline_ms = int(time.time() * 1000 + invocation.timeout_s * 1000)
    payload, arn = invocation.payload, function.arn
    headers = (
        ("Content-Type", "application/json"),
        ("Lambda-Runtime-Aws-Request-Id", invocation.request_id),
        ("Lambda-Runtime-Deadline-Ms", str(deadline_ms)),
        ("Lambda-Runtime-Invoked-Function-Arn", arn),
        ("Lambda-Runtime-Trace-Id", invocation.trace_id),
    )
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Length: {len(payload)}\r\nContent-Type: application/json\r\n"
        f"Lambda-Runtime-Aws-Request-Id: {invocation.request_id}\r\n"
        f"Lambda-Runtime-Deadline-Ms: {deadline_ms}\r\n"
        f"Lambda-Runtime-Invoked-Function-Arn: {arn}\r\n"
        f"Lambda-Runtime-Trace-Id: {invocation.trace_id}\r\n\r\n"
    )
    return Reply(200, payload, headers, head.encode("latin-1") + payload)


def read_answer(what: str, body: bytes, error_type: str | None) -> tuple[Result, Reply]:
    """The result a runtime posted to `/response` or `/error` (`what`), and the reply it gets."""
    if what == "error":
        return read_error(body, error_type, FunctionError), ACCEPTED
    if len(body) > MAX_RESPONSE_BYTES:
        message = f"Response payload size ({len(body)} bytes) exceeded maximum allowed payload size"
        error = {"errorType": "Function.ResponseSizeTooLarge", "errorMessage": message}
        return read_error(json.dumps(error).encode(), None, FunctionError), json_reply(413, error)
    value, is_json = parse_json(body)
    return Success(body, value, is_json), ACCEPTED


def crash(exit: ProcessExit, *, delivered: bool) -> Crash:
    """The outcome of a runtime that exited before answering."""
    return Crash(exit.returncode, exit.stderr_tail[-20:], delivered, exit.out_of_memory)


def rejected(error_type: str, message: str) -> Reply:
    """A Runtime API request the emulator refuses (400, as Lambda answers it)."""
    return json_reply(400, {"errorType": error_type, "errorMessage": message})
