"""Narrow an Outcome to the result a test expects, failing with the whole outcome otherwise."""

from __future__ import annotations

from golden.outcome import FunctionError, InitError, Outcome, Success


def success(outcome: Outcome) -> Success:
    assert isinstance(outcome.result, Success), outcome
    return outcome.result


def error(outcome: Outcome) -> FunctionError:
    assert isinstance(outcome.result, FunctionError), outcome
    return outcome.result


def init_error(outcome: Outcome) -> InitError:
    assert isinstance(outcome.result, InitError), outcome
    return outcome.result
