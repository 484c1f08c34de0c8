"""One invoke's ids, the event the Runtime API hands out, and how a runtime's answer is read."""

from __future__ import annotations

import re
import time
import uuid

from golden.outcome import FunctionError, Success
from golden.runtime.connection import Reply, encode_reply
from golden.runtime.invocation import MAX_RESPONSE_BYTES, event_reply, new_invocation, read_answer
from golden.sides.function import FunctionFacts


def test_ids_are_uuid4_and_xray_trace_headers() -> None:
    invocations = [new_invocation(b"{}", 3.0) for _ in range(200)]
    ids = {invocation.request_id for invocation in invocations}
    assert len(ids) == 200
    parsed = [uuid.UUID(request_id) for request_id in ids]
    assert all(u.version == 4 and u.variant == uuid.RFC_4122 and str(u) in ids for u in parsed)
    trace = re.compile(r"^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$")
    assert all(trace.match(invocation.trace_id) for invocation in invocations)
    assert len({invocation.trace_id for invocation in invocations}) == 200


def test_the_event_goes_out_with_lambda_headers() -> None:
    invocation = new_invocation(b'{"a": 1}', 3.0)
    reply = event_reply(invocation, FunctionFacts(name="fn"))
    headers = dict(reply.headers)
    assert (reply.status, reply.body) == (200, b'{"a": 1}')
    assert headers["Lambda-Runtime-Aws-Request-Id"] == invocation.request_id
    assert headers["Lambda-Runtime-Trace-Id"] == invocation.trace_id
    assert headers["Lambda-Runtime-Invoked-Function-Arn"].endswith(":function:fn")
    assert 2900 < int(headers["Lambda-Runtime-Deadline-Ms"]) - time.time() * 1000 <= 3000
    # Its wire form, written out by hand for speed, is what the generic encoder makes of it.
    assert reply.wire == encode_reply(Reply(reply.status, reply.body, reply.headers))


def test_answers() -> None:
    result, reply = read_answer("response", b'{"ok": true}', None)
    assert result == Success(b'{"ok": true}', {"ok": True}, True) and reply.status == 202
    result, reply = read_answer("response", b"not json", None)
    assert result == Success(b"not json", None, False) and reply.status == 202
    result, reply = read_answer("error", b'{"errorType": "Bad", "errorMessage": "no"}', "Header")
    assert isinstance(result, FunctionError) and (result.type, result.message) == ("Bad", "no")
    assert reply.status == 202
    result, reply = read_answer("response", b"1" * (MAX_RESPONSE_BYTES + 1), None)
    assert isinstance(result, FunctionError) and result.type == "Function.ResponseSizeTooLarge"
    assert reply.status == 413
