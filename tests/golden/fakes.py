"""Fake invokers for session and report tests: scripted outcomes, no processes."""

from __future__ import annotations

import json
from collections.abc import Callable

from golden.outcome import FunctionError, Json, Outcome, Result, Success, Timing


def ok(value: Json) -> Result:
    return Success(json.dumps(value).encode(), value, True)


def failed(kind: str, message: str) -> Result:
    return FunctionError(kind, message, (), json.dumps({"errorType": kind, "errorMessage": message}).encode())


class FakeInvoker:
    """Answers each invoke with `answer(event, call)`; the first call is cold, later ones warm."""

    def __init__(self, answer: Callable[[object, int], Result], duration_ms: float = 1.0) -> None:
        self.answer = answer
        self.duration_ms = duration_ms
        self.events: list[object] = []

    def invoke(self, event: object) -> Outcome:
        call = len(self.events)
        self.events.append(event)
        result = self.answer(event, call)  # may raise, like a runner that cannot start
        cold = call == 0
        timing = Timing(5.0 if cold else None, self.duration_ms)
        return Outcome(f"req-{call}", result, timing, cold)
