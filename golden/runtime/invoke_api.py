"""Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`) mapped onto a local invoke.

Synchronous (`RequestResponse`) and `DryRun` invocations only. A function error answers 200 with
`X-Amz-Function-Error: Unhandled` and the error body the runtime posted, as Lambda does; timeouts and
runtime exits get the bodies Lambda writes for them (`Sandbox.Timedout`, `Runtime.ExitError`). With
`X-Amz-Log-Type: Tail` the answer carries `X-Amz-Log-Result`: Lambda's `START`/`END`/`REPORT` lines
(base64), with the emulator's durations, so remote mode reads latency the way it does from Lambda.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping

from golden.outcome import Crash, FunctionError, InitError, Outcome, Success, Timeout
from golden.runtime.http_server import Reply, json_reply
from golden.sides.function import FunctionFacts

Invoke = Callable[[bytes], Outcome]


def handle_invoke(
    function: FunctionFacts,
    invoke: Invoke,
    target: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    """Answer one Invoke API request for `function`, running it through `invoke`."""
    problem = _check_target(function, target, query.get("Qualifier"))
    if problem is not None:
        return _api_error(404, "ResourceNotFoundException", problem)
    invocation_type = headers.get("x-amz-invocation-type", "RequestResponse")
    if invocation_type == "DryRun":
        return Reply(204)
    if invocation_type != "RequestResponse":
        return _api_error(
            400,
            "InvalidParameterValueException",
            f"InvocationType {invocation_type} is not served here: golden's emulator runs synchronous "
            "invokes only (RequestResponse or DryRun)",
        )
    payload = body if body.strip() else b"{}"  # no payload: the handler gets an empty object
    try:
        json.loads(payload)
    except ValueError as error:
        return _api_error(
            400, "InvalidRequestContentException", f"Could not parse request body into json: {error}"
        )
    tail = headers.get("x-amz-log-type", "None") == "Tail"
    return outcome_reply(function, invoke(payload), log_tail=tail)


def outcome_reply(function: FunctionFacts, outcome: Outcome, *, log_tail: bool = False) -> Reply:
    """The response Lambda would give a synchronous caller for this outcome."""
    common: tuple[tuple[str, str], ...] = (
        ("X-Amz-Executed-Version", function.version),
        ("x-amzn-RequestId", outcome.request_id),
    )
    if log_tail:
        common = (*common, ("X-Amz-Log-Result", log_result(function, outcome)))
    unhandled = (("X-Amz-Function-Error", "Unhandled"), *common)
    result = outcome.result
    if isinstance(result, Success):
        return Reply(200, result.payload, (("Content-Type", "application/json"), *common))
    if isinstance(result, FunctionError | InitError):
        return Reply(200, result.body, (("Content-Type", "application/json"), *unhandled))
    if isinstance(result, Timeout):
        message = f"RequestId: {outcome.request_id} Error: Task timed out after {result.limit_s:.2f} seconds"
        return json_reply(200, {"errorType": "Sandbox.Timedout", "errorMessage": message}, unhandled)
    assert isinstance(result, Crash)
    error_type = "Runtime.OutOfMemory" if result.out_of_memory else "Runtime.ExitError"
    message = f"RequestId: {outcome.request_id} Error: {result.reason}"
    return json_reply(200, {"errorType": error_type, "errorMessage": message}, unhandled)


def log_result(function: FunctionFacts, outcome: Outcome) -> str:
    """`START`, `END` and `REPORT` lines as Lambda writes them for this invoke, base64-encoded."""
    request, timing = outcome.request_id, outcome.timing
    duration = timing.duration_ms or 0.0
    report = (
        f"REPORT RequestId: {request}\tDuration: {duration:.2f} ms\tBilled Duration: {int(duration) + 1} ms"
        f"\tMemory Size: {function.memory_mb} MB\tMax Memory Used: {(outcome.peak_rss_kib or 0) // 1024} MB"
    )
    if timing.init_ms is not None:
        report += f"\tInit Duration: {timing.init_ms:.2f} ms"
    lines = (f"START RequestId: {request} Version: {function.version}", f"END RequestId: {request}", report)
    return base64.b64encode(("\n".join(lines) + "\n").encode()).decode("ascii")


def _check_target(function: FunctionFacts, target: str, qualifier: str | None) -> str | None:
    """None when `target` (a name, partial ARN or ARN, maybe `:qualifier`) names this function."""
    parts = target.split(":")
    if parts[0] == "arn" and len(parts) >= 7:
        name, rest = parts[6], parts[7:]
    elif len(parts) >= 3 and parts[1] == "function":
        name, rest = parts[2], parts[3:]
    else:
        name, rest = parts[0], parts[1:]
    qualifier = qualifier or (rest[0] if rest else None)
    if name != function.name or qualifier not in (None, "$LATEST", function.version):
        asked = f"{target}, qualifier {qualifier}" if qualifier and qualifier not in rest else target
        serves = f"{function.arn}, version {function.version}"
        return f"Function not found: {asked} (this emulator serves {serves})"
    return None


def _api_error(status: int, error_type: str, message: str) -> Reply:
    return json_reply(status, {"Type": "User", "Message": message}, (("x-amzn-ErrorType", error_type),))
