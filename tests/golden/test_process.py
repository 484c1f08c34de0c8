"""Process hygiene: every runtime in its own group, and no live process left after any run."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

import pytest

from golden.errors import RunnerError
from golden.outcome import Success
from golden.runners.go import GoRunner
from golden.runners.node import NodeRunner
from golden.runtime.process import ProcessExit, RuntimeProcess
from golden.sides.function import FunctionFacts
from tests.golden.conftest import GO_HANDLER, NODE, MakeGo, MakeNode, group_gone, process_gone

pytestmark = pytest.mark.slow


def test_no_orphans_after_normal_runs_timeouts_and_crashes(node: MakeNode, go: MakeGo) -> None:
    short = FunctionFacts(name="short", timeout_s=0.3)
    node_runner = node("behaviours.sleep", function=short)
    go_runner = go(function=short)
    node_runner.invoke({"ms": 1})
    node_runner.invoke({"ms": 5000})  # timeout
    go_runner.invoke({"value": 1})
    go_runner.invoke({"action": "sleep", "sleepMs": 5000})  # timeout
    go_runner.invoke({"action": "exit"})  # crash
    go_runner.invoke({"action": "panic"})  # error, then the runtime exits
    go_runner.invoke({"value": 2})
    groups = node_runner.process_groups + go_runner.process_groups
    assert len(groups) == 1 + 4  # node: one (killed by its timeout); go: first, after timeout, exit, panic
    node_runner.close()
    go_runner.close()
    assert all(group_gone(pgid) for pgid in groups)


def test_each_sandboxed_runtime_is_pid_1_of_its_own_namespace(node: MakeNode) -> None:
    runner = node("behaviours.pid")
    outcome = runner.invoke({})
    assert isinstance(outcome.result, Success) and outcome.result.value == 1
    (group,) = runner.process_groups  # the sandbox's init leads the group, outside the namespace
    assert os.getpgid(group) == group != os.getpgid(0)


def test_each_plain_runtime_leads_its_own_process_group(node: MakeNode) -> None:
    runner = node("behaviours.pid", isolation=None)
    outcome = runner.invoke({})
    assert isinstance(outcome.result, Success)
    pid = outcome.result.value
    assert isinstance(pid, int)
    assert os.getpgid(pid) == pid == runner.process_groups[0] != os.getpgid(0)


def test_children_of_the_runtime_die_with_its_group(node: MakeNode) -> None:
    runner = node("behaviours.spawnChild", isolation=None)
    outcome = runner.invoke({})
    assert isinstance(outcome.result, Success) and isinstance(outcome.result.value, int)
    child = outcome.result.value
    assert not process_gone(child, wait_s=0)
    runner.close()
    assert process_gone(child)


def test_keyboard_interrupt_during_an_invoke_leaves_nothing_behind(go_executable: Path) -> None:
    node_runner = NodeRunner(NODE / "cjs", "behaviours.sleep", FunctionFacts(timeout_s=30))
    go_runner = GoRunner(go_executable, FunctionFacts(timeout_s=30), task_root=GO_HANDLER)
    interrupt = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt), node_runner, go_runner:
        assert isinstance(node_runner.invoke({"ms": 1}).result, Success)
        interrupt.start()
        go_runner.invoke({"action": "sleep", "sleepMs": 20000})
    interrupt.join()
    groups = node_runner.process_groups + go_runner.process_groups
    assert len(groups) == 2
    assert all(group_gone(pgid) for pgid in groups)


def test_runtime_process_reports_its_exit(tmp_path: Path) -> None:
    exits: list[ProcessExit] = []
    code = "import sys; print('bye', file=sys.stderr); sys.exit(4)"
    process = RuntimeProcess([sys.executable, "-c", code], env={}, cwd=tmp_path, on_exit=exits.append)
    process.start()
    process.kill()  # waits for the exit (or kills first): either way the callback has run
    assert len(exits) == 1 and exits[0].returncode in (4, -signal.SIGKILL)


def test_runtime_process_that_cannot_start(tmp_path: Path) -> None:
    process = RuntimeProcess([str(tmp_path / "missing")], env={}, cwd=tmp_path, on_exit=lambda _: None)
    with pytest.raises(RunnerError, match="cannot start"):
        process.start()


class _Stopped(Exception):
    """What golden's signal handler raises (Terminated), here raised by a thread's start."""


def test_a_signal_between_helper_thread_starts_still_kills_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGHUP reached golden while `start` was starting its reader threads: `kill` then tried to
    join a thread never started and ended in a traceback (seen in the signal test under CI)."""
    started: list[threading.Thread] = []
    real_start = threading.Thread.start

    def start_two_then_stop(thread: threading.Thread) -> None:
        if len(started) == 2:
            raise _Stopped("stopped by SIGHUP")
        started.append(thread)
        real_start(thread)

    process = RuntimeProcess([sys.executable, "-c", "input()"], env={}, cwd=tmp_path, on_exit=lambda _: None)
    monkeypatch.setattr(threading.Thread, "start", start_two_then_stop)
    with pytest.raises(_Stopped):
        process.start()
    monkeypatch.undo()
    process.kill()
    assert process_gone(process.pid)
    assert not any(thread.is_alive() for thread in started)
