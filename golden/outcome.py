"""What one invoke produced: a success payload, an error, an init error, a timeout or a crash."""

from __future__ import annotations

import base64
import dataclasses
import json
from dataclasses import dataclass
from typing import Literal, TypeAlias

Json: TypeAlias = "bool | int | float | str | list[Json] | dict[str, Json] | None"


@dataclass(frozen=True)
class Success:
    """The runtime posted a response."""

    payload: bytes
    """The body exactly as the runtime posted it."""
    value: Json
    """`payload` parsed as JSON; None when it is JSON `null` or not JSON at all (see `is_json`)."""
    is_json: bool
    """Whether `payload` parsed as JSON."""
    kind: Literal["success"] = "success"


@dataclass(frozen=True)
class FunctionError:
    """The runtime posted an invocation error (a thrown error, a rejected promise, a Go error or panic)."""

    type: str
    """`errorType` from the body (Node: `error.name` or `Runtime.*`; Go: the error's type name)."""
    message: str
    """`errorMessage` from the body."""
    trace: tuple[str, ...]
    """Node's `trace` (stack lines) or Go's `stackTrace` frames as `label (path:line)`."""
    body: bytes
    """The error body exactly as posted."""
    kind: Literal["error"] = "error"


@dataclass(frozen=True)
class InitError:
    """The runtime posted an init error (handler not found, module failed to import…) before any event."""

    type: str
    message: str
    trace: tuple[str, ...]
    body: bytes
    kind: Literal["init-error"] = "init-error"


@dataclass(frozen=True)
class Timeout:
    """No answer in time; the runtime was killed and the next invoke starts a fresh one."""

    limit_s: float
    """The limit that ran out."""
    phase: Literal["init", "invoke"]
    """`init`: the runtime never asked for the event; `invoke`: it had the event and did not answer."""
    kind: Literal["timeout"] = "timeout"


@dataclass(frozen=True)
class Crash:
    """The runtime process exited while the invoke was pending; the next invoke starts a fresh one."""

    exit_status: int | None
    """The process's return code (negative: killed by that signal), None if it could not be read."""
    stderr_tail: tuple[str, ...]
    """The last lines the process wrote to stderr."""
    delivered: bool
    """Whether the event had been handed to the runtime before it exited."""
    out_of_memory: bool = False
    """Killed by golden because its resident memory passed the function's memory size."""
    kind: Literal["crash"] = "crash"

    @property
    def reason(self) -> str:
        """Lambda's wording for a runtime that exited (`Runtime exited with error: exit status 1`)."""
        if self.out_of_memory:
            return "Runtime exited with error: out of memory (resident memory passed the memory size)"
        if self.exit_status is None:
            return "Runtime exited without providing a reason"
        if self.exit_status < 0:
            return f"Runtime exited with error: signal {-self.exit_status}"
        return f"Runtime exited with error: exit status {self.exit_status}"


Result: TypeAlias = Success | FunctionError | InitError | Timeout | Crash


@dataclass(frozen=True)
class Timing:
    """Durations the emulator measured, in milliseconds."""

    init_ms: float | None
    """Process start → first `GET /next` (or → `/init/error`); set on the invoke that met a fresh runtime."""
    duration_ms: float | None
    """Event handed out → response or error posted; None when the event was never handed out."""


@dataclass(frozen=True)
class Outcome:
    """One invoke, end to end."""

    request_id: str
    """The `Lambda-Runtime-Aws-Request-Id` the event carried."""
    result: Result
    timing: Timing
    cold: bool
    """The invoke met a runtime that had not served an event before (its init is in `timing.init_ms`)."""
    peak_rss_kib: int | None = None
    """Peak resident memory of the runtime process so far (VmHWM), filled in by the runner."""

    @property
    def kind(self) -> str:
        return self.result.kind


_DECODE = json.JSONDecoder().decode
_NOT_PLAIN_UTF8 = (b"\xef", b"\xfe", b"\xff", b"\x00")


def parse_json(payload: bytes) -> tuple[Json, bool]:
    """Parse a body as JSON: (value, True), or (None, False) when it is not JSON.

    As `json.loads(payload)` does: UTF-8, or UTF-16/32 and a UTF-8 BOM told by the first bytes. A body
    that starts like plain UTF-8 (every response a runtime posts) skips that detection."""
    try:
        if payload[:1] not in _NOT_PLAIN_UTF8 and b"\x00" not in payload[1:4]:
            value: Json = _DECODE(payload.decode("utf-8", "surrogatepass"))
        else:
            value = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None, False
    return value, True


def to_jsonable(value: object) -> object:
    """Turn outcomes (and anything nested in them) into plain JSON values; bytes become text or base64."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value
