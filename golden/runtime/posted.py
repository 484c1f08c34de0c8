"""What runtimes post as errors, read into outcomes: Node's `trace` lines, Go's `stackTrace` frames."""

from __future__ import annotations

from typing import TypeVar

from golden.outcome import FunctionError, InitError, parse_json

E = TypeVar("E", FunctionError, InitError)


def read_error(body: bytes, header_type: str | None, kind: type[E]) -> E:
    """Read `{errorType, errorMessage, trace|stackTrace}`; the body's type wins over the header's."""
    value, _ = parse_json(body)
    fields = value if isinstance(value, dict) else {}
    error_type = fields.get("errorType")
    message = fields.get("errorMessage")
    return kind(
        type=error_type if isinstance(error_type, str) else header_type or "Unhandled",
        message=message if isinstance(message, str) else "",
        trace=_trace_lines(fields.get("trace", fields.get("stackTrace"))),
        body=body,
    )


def _trace_lines(trace: object) -> tuple[str, ...]:
    """Node's trace is stack lines; aws-lambda-go's stackTrace is `{path, line, label}` frames."""
    if not isinstance(trace, list):
        return ()
    lines = []
    for frame in trace:
        if isinstance(frame, dict):
            lines.append(f"{frame.get('label', '?')} ({frame.get('path', '?')}:{frame.get('line', '?')})")
        else:
            lines.append(str(frame))
    return tuple(lines)
