"""Validation beside emitting: a forked child's diagnostics come back as they were; crashes are one line."""

from __future__ import annotations

import os
import time

import pytest

from codegen.background import Background
from codegen.errors import CodegenError, Diagnostic, Level

FOUND = [
    Diagnostic(
        Level.WARNING, "unknown schema keyword `nulable`", "/components/schemas/Pet/nulable", "a.yaml", 3, 5
    )
]


@pytest.mark.parametrize("fork", [True, False])
def test_the_result_is_what_the_work_returned(fork: bool) -> None:
    pids: list[int] = []

    def work() -> list[Diagnostic]:
        pids.append(os.getpid())  # in a child, the parent's list never sees this
        return FOUND

    diagnostics, seconds = Background(work, fork=fork).result()
    assert diagnostics == tuple(FOUND) and seconds >= 0
    assert pids == ([] if fork else [os.getpid()])


@pytest.mark.parametrize("fork", [True, False])
def test_a_crash_is_a_codegen_error(fork: bool) -> None:
    def work() -> list[Diagnostic]:
        raise RecursionError("too deep")

    with pytest.raises(CodegenError, match="validation crashed: RecursionError: too deep"):
        Background(work, fork=fork).result()


def test_cancel_stops_a_running_child() -> None:
    def work() -> list[Diagnostic]:
        time.sleep(60)
        return []

    start = time.perf_counter()
    background = Background(work)
    background.cancel()
    assert time.perf_counter() - start < 10
