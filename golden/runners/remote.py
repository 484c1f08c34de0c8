"""Remote mode: invoke a deployed function through Lambda's Invoke API and say what happened, as an Outcome.

`RemoteInvoker` is an `Invoker` (golden.session) over any boto3-like Lambda client: a real one, one with
`endpoint_url` pointing at golden's emulator, or a test fake. Each invoke is synchronous
(`RequestResponse`) and asks for the log tail (`LogType=Tail`); the response becomes:

- no `FunctionError`: `Success` with the payload as Lambda returned it;
- `Sandbox.Timedout`, or an error message `Task timed out after N seconds` (older runtimes): `Timeout`;
- `Runtime.ExitError` / `Runtime.OutOfMemory`: `Crash` (exit status read from the message when given);
- `Runtime.ImportModuleError`, `Runtime.HandlerNotFound`, `Runtime.UserCodeSyntaxError`,
  `Runtime.MalformedHandlerName`: `InitError` (golden's local runners report these at init too);
- any other function error: `FunctionError` with the body's `errorType` / `errorMessage`.

Latency (`Timing`): when the log tail holds Lambda's `REPORT` line, `duration_ms` is its `Duration`
(the function's own run time, as the local emulator measures it) and `init_ms` its `Init Duration`
(present on cold starts only, which marks the outcome `cold`). Without a `REPORT` line (the log tail
not returned, or cut), `duration_ms` is the client-side round trip and the outcome counts as warm.

Throttling (`TooManyRequestsException`) and Lambda's own 5xx (`ServiceException`) are retried with
exponential backoff, at most `RetryPolicy.attempts` times; then the invoke raises `RemoteError`, which
a session reports as a harness error for that case (verdict `error`), never as a divergence.
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from golden.errors import GoldenError
from golden.outcome import Crash, FunctionError, InitError, Outcome, Result, Success, Timeout, Timing
from golden.outcome import parse_json as _parse_json
from golden.runtime.posted import read_error

RETRYABLE = frozenset({"TooManyRequestsException", "ServiceException", "EC2ThrottledException"})
"""Invoke API error codes worth another try: throttling and Lambda's own transient failures."""

INIT_ERROR_TYPES = frozenset(
    {
        "Runtime.ImportModuleError",
        "Runtime.HandlerNotFound",
        "Runtime.UserCodeSyntaxError",
        "Runtime.MalformedHandlerName",
    }
)

_TIMED_OUT = re.compile(r"Task timed out after ([0-9.]+) seconds")
_EXIT_STATUS = re.compile(r"exit status (-?\d+)")
_SIGNAL = re.compile(r"signal:? (\w+)")
_REPORT_FIELD = re.compile(r"(?:^|\t)(Init Duration|Duration): ([0-9.]+) ms")


class RemoteError(GoldenError):
    """A deployed function could not be invoked (not found, no permission, throttled past the retries)."""


class LambdaClient(Protocol):
    """What golden needs of boto3's Lambda client."""

    def invoke(self, **kwargs: Any) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff for throttled invokes: `base_s * 2**n`, capped at `max_s`, `attempts` tries in all."""

    attempts: int = 6
    base_s: float = 0.2
    max_s: float = 5.0

    def delay(self, retry: int) -> float:
        return float(min(self.max_s, self.base_s * 2**retry))


@dataclass(frozen=True)
class FunctionRef:
    """`NAME[:QUALIFIER]` as given to `--node-lambda` / `--go-lambda` (NAME may be an ARN)."""

    name: str
    qualifier: str | None = None

    @classmethod
    def parse(cls, text: str) -> FunctionRef:
        """`orders`, `orders:live`, `arn:aws:lambda:eu-west-1:123456789012:function:orders[:7]`."""
        parts = text.split(":")
        if text.startswith("arn:") and len(parts) in (7, 8):
            return cls(":".join(parts[:7]), parts[7] if len(parts) == 8 else None)
        if len(parts) == 2 and all(parts):
            return cls(parts[0], parts[1])
        if len(parts) == 1 and text:
            return cls(text)
        raise RemoteError(
            f"{text!r} is not a function: give NAME, NAME:QUALIFIER (a version or alias) or a function ARN"
        )

    def __str__(self) -> str:
        return self.name if self.qualifier is None else f"{self.name}:{self.qualifier}"


class RemoteInvoker:
    """Invokes one deployed function; safe to share between threads (boto3 clients are)."""

    def __init__(
        self,
        client: LambdaClient,
        function: FunctionRef,
        *,
        retry: RetryPolicy | None = None,
        log_tail: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.client = client
        self.function = function
        self.retry = retry or RetryPolicy()
        self.log_tail = log_tail
        self._sleep = sleep
        self._clock = clock

    def check(self) -> None:
        """A `DryRun` invoke: raises RemoteError when the function is missing or not ours to invoke."""
        self._call({"InvocationType": "DryRun"})

    def invoke(self, event: object) -> Outcome:
        payload = event if isinstance(event, bytes) else json.dumps(event).encode()
        request: dict[str, Any] = {"InvocationType": "RequestResponse", "Payload": payload}
        if self.log_tail:
            request["LogType"] = "Tail"
        started = self._clock()
        response = self._call(request)
        round_trip_ms = (self._clock() - started) * 1000
        body = _read(response.get("Payload"))
        request_id = str(response.get("ResponseMetadata", {}).get("RequestId", ""))
        log = _log_lines(response.get("LogResult"))
        report = _report(log)
        timing = Timing(report.get("Init Duration"), report.get("Duration", round_trip_ms))
        result = read_result(body, response.get("FunctionError"), log)
        return Outcome(request_id, result, timing, cold="Init Duration" in report)

    def _call(self, request: dict[str, Any]) -> Mapping[str, Any]:
        arguments = {"FunctionName": self.function.name, **request}
        if self.function.qualifier is not None:
            arguments["Qualifier"] = self.function.qualifier
        for attempt in range(self.retry.attempts):
            try:
                return self.client.invoke(**arguments)
            except ClientError as error:
                code = str(error.response.get("Error", {}).get("Code", ""))
                if code in RETRYABLE and attempt + 1 < self.retry.attempts:
                    self._sleep(self.retry.delay(attempt))
                    continue
                raise RemoteError(_explain(self.function, code, error)) from error
            except BotoCoreError as error:
                raise RemoteError(f"cannot invoke {self.function}: {error}") from error
        raise AssertionError("unreachable")


def read_result(body: bytes, function_error: object, log: tuple[str, ...] = ()) -> Result:
    """The Result behind one Invoke API response (see the module docstring for the mapping)."""
    if not function_error:
        value, is_json = _parse_json(body)
        return Success(body, value, is_json)
    error = read_error(body, str(function_error), FunctionError)
    timed_out = _TIMED_OUT.search(error.message)
    if error.type == "Sandbox.Timedout" or (timed_out and error.type in ("Unhandled", "Handled")):
        return Timeout(float(timed_out.group(1)) if timed_out else 0.0, "invoke")
    if error.type in ("Runtime.ExitError", "Runtime.OutOfMemory"):
        return Crash(
            _exit_status(error.message), log[-20:], True, out_of_memory=error.type == "Runtime.OutOfMemory"
        )
    if error.type in INIT_ERROR_TYPES:
        return InitError(error.type, error.message, error.trace, error.body)
    return error


def _exit_status(message: str) -> int | None:
    status = _EXIT_STATUS.search(message)
    if status:
        return int(status.group(1))
    signal = _SIGNAL.search(message)
    if signal:
        names = {"killed": 9, "terminated": 15, "aborted": 6, "segmentation": 11}
        word = signal.group(1)
        number = int(word) if word.isdigit() else names.get(word.lower())
        return -number if number is not None else None
    return None


def _read(payload: object) -> bytes:
    if payload is None:
        return b""
    if isinstance(payload, bytes):
        return payload
    read = getattr(payload, "read", None)
    if read is None:
        raise RemoteError(
            f"the Lambda client returned a payload golden cannot read ({type(payload).__name__})"
        )
    data = read()
    return data if isinstance(data, bytes) else str(data).encode()


def _log_lines(log_result: object) -> tuple[str, ...]:
    """The decoded log tail (Lambda sends the last 4 KB, base64-encoded)."""
    if not isinstance(log_result, str) or not log_result:
        return ()
    try:
        text = base64.b64decode(log_result).decode("utf-8", "replace")
    except ValueError:
        return ()
    return tuple(text.splitlines())


def _report(log: tuple[str, ...]) -> dict[str, float]:
    """`Duration` and `Init Duration` (ms) from the `REPORT RequestId: …` line, when the tail has it."""
    for line in reversed(log):
        if line.startswith("REPORT "):
            return {name: float(value) for name, value in _REPORT_FIELD.findall(line)}
    return {}


def _explain(function: FunctionRef, code: str, error: ClientError) -> str:
    message = error.response.get("Error", {}).get("Message", "") or str(error)
    hints = {
        "ResourceNotFoundException": "check the name, the qualifier and --region",
        "AccessDeniedException": "the caller needs lambda:InvokeFunction on it",
        "TooManyRequestsException": "throttled past every retry; lower --concurrency",
        "RequestTooLargeException": "the event is over Lambda's 6 MB synchronous payload limit",
    }
    hint = hints.get(code)
    return f"cannot invoke {function}: {code or 'error'}: {message}" + (f" ({hint})" if hint else "")


def lambda_client(
    *, region: str | None = None, endpoint_url: str | None = None, pool: int = 10, read_timeout_s: float = 960
) -> LambdaClient:
    """boto3's Lambda client for remote mode: botocore's own retries off (RetryPolicy does them), a
    connection pool as large as the concurrency, a read timeout past Lambda's 15-minute maximum."""
    import boto3  # type: ignore[import-untyped]
    from botocore.config import Config  # type: ignore[import-untyped]

    config = Config(
        retries={"total_max_attempts": 1},
        max_pool_connections=max(pool, 1),
        read_timeout=read_timeout_s,
        connect_timeout=10,
    )
    try:
        client: LambdaClient = boto3.client(
            "lambda", region_name=region, endpoint_url=endpoint_url, config=config
        )
    except BotoCoreError as error:
        hint = " (pass --region or set AWS_REGION)" if "region" in str(error).lower() else ""
        raise RemoteError(f"cannot make a Lambda client: {error}{hint}") from error
    return client
