"""The Go side: a real aws-lambda-go executable, built from source and run unmodified."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import pytest

from golden.errors import BuildError, RunnerError
from golden.outcome import Crash, Timeout
from golden.runners.gobuild import build_go_handler
from golden.sides.function import FunctionFacts
from tests.golden.conftest import FIXTURES, GO_HANDLER, MakeGo
from tests.golden.expect import error, success

pytestmark = pytest.mark.slow


def test_success_and_warm_reuse(go: MakeGo) -> None:
    runner = go()
    first = runner.invoke({"value": {"id": 7}})
    assert success(first).value == {"id": 7} and first.cold
    assert first.timing.init_ms is not None and first.timing.init_ms < 2000
    second = runner.invoke({"value": [1, "two"]})
    assert success(second).payload == b'[1,"two"]'
    assert not second.cold and second.timing.init_ms is None
    assert len(runner.process_groups) == 1


def test_errors_new_is_error_string(go: MakeGo) -> None:
    failure = error(go().invoke({"action": "errorString"}))
    assert (failure.type, failure.message) == ("errorString", "plain failure")


def test_custom_pointer_error_type_name(go: MakeGo) -> None:
    failure = error(go().invoke({"action": "validation"}))
    assert (failure.type, failure.message) == ("ValidationError", "invalid field email")


def test_panic_is_reported_as_an_error_then_the_runtime_restarts(go: MakeGo) -> None:
    runner = go()
    panic = runner.invoke({"action": "panic"})
    # aws-lambda-go recovers the panic, posts it as an error typed by the panic value ("string"),
    # with the stack as frames, then exits; the next invoke meets a fresh runtime.
    failure = error(panic)
    assert (failure.type, failure.message) == ("string", "boom")
    assert any("main.go" in frame for frame in failure.trace)
    after = runner.invoke({"value": 1})
    assert success(after).value == 1 and after.cold
    assert len(runner.process_groups) == 2


def test_timeout_kills_and_restarts(go: MakeGo) -> None:
    runner = go(function=FunctionFacts(name="slow", timeout_s=0.3))
    outcome = runner.invoke({"action": "sleep", "sleepMs": 5000})
    assert outcome.result == Timeout(0.3, "invoke")
    assert outcome.timing.duration_ms is not None and outcome.timing.duration_ms >= 300
    after = runner.invoke({"value": "again"})
    assert success(after).value == "again" and after.cold


def test_exit_is_a_crash_with_stderr(go: MakeGo) -> None:
    outcome = go().invoke({"action": "exit"})
    assert isinstance(outcome.result, Crash)
    assert (outcome.result.exit_status, outcome.result.delivered) == (3, True)
    assert "exiting with 3" in outcome.result.stderr_tail


def test_memory_cap_kills_a_runtime_over_its_memory_size(go: MakeGo) -> None:
    runner = go(function=FunctionFacts(name="hungry", memory_mb=128, timeout_s=10))
    outcome = runner.invoke({"action": "alloc", "mib": 400})
    assert isinstance(outcome.result, Crash) and outcome.result.out_of_memory
    # It grew to its cap before it died: a memory cgroup kills at memory.max, which counts kernel memory
    # beside the RSS, so the RSS peak sits just under 128 MiB (the sampling fallback sees it over).
    assert outcome.peak_rss_kib is not None and outcome.peak_rss_kib > 96 * 1024
    assert success(runner.invoke({"action": "alloc", "mib": 8})).value == 8


def test_context_and_environment(go: MakeGo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEYMUSTNOTLEAK")
    function = FunctionFacts(name="orders", memory_mb=512, timeout_s=2, region="ap-south-1")
    outcome = go(function=function, env={"GOLDEN_EXTRA": "yes"}).invoke({"action": "context"})
    value = success(outcome).value
    assert isinstance(value, dict)
    assert value["requestId"] == outcome.request_id
    assert value["functionArn"] == "arn:aws:lambda:ap-south-1:123456789012:function:orders"
    assert isinstance(value["remainingMs"], int) and 1500 < value["remainingMs"] <= 2000
    assert (value["name"], value["memory"], value["region"]) == ("orders", 512, "ap-south-1")
    assert isinstance(value["traceId"], str) and value["traceId"].startswith("Root=1-")
    assert (value["accessKey"], value["extra"]) == ("AKIAGOLDENFAKEKEY000", "yes")


def test_warm_invoke_latency_is_small(go: MakeGo) -> None:
    """Keep-alive without the Nagle stall: a trivial warm invoke is far under 5 ms (loose bound)."""
    runner = go()
    runner.invoke({"value": 0})
    durations = [runner.invoke({"value": i}).timing.duration_ms or 0.0 for i in range(30)]
    assert statistics.median(durations) < 5


def test_build_is_cached_by_source(go_executable: Path, tmp_path: Path) -> None:
    module = tmp_path / "module"
    shutil.copytree(GO_HANDLER, module)
    cache = go_executable.parent.parent
    assert build_go_handler(module, cache, env={"GOFLAGS": "-mod=readonly"}) == go_executable
    (module / "extra.go").write_text("package main\n\nconst answer = 42\n")
    rebuilt = build_go_handler(module, cache, env={"GOFLAGS": "-mod=readonly"})
    assert rebuilt != go_executable and rebuilt.name == "bootstrap" and rebuilt.is_file()


def test_compile_error_is_a_build_error_with_the_compiler_output(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as raised:
        build_go_handler(FIXTURES / "go" / "broken", tmp_path)
    assert "undefined: undefinedFunction" in str(raised.value)
    assert "main.go:5" in str(raised.value)


def test_a_folder_without_go_mod_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RunnerError, match=r"has no go\.mod"):
        build_go_handler(tmp_path, tmp_path / "cache")
