"""The sandbox, runner by runner: hidden secrets, contained processes, the memory cap over the tree,
bounded output (real node and Go; the control runs show each check can fail)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from golden.outcome import Crash, Success
from golden.runtime.jail import Isolation, caller_isolation
from golden.sides.function import FunctionFacts
from golden.sides.wiring import sandbox_warnings
from tests.golden.conftest import MakeGo, MakeNode, process_gone

pytestmark = pytest.mark.slow

SECRET = "golden-test-secret-f00dfeed"


def _hunt(node: MakeNode, **options: object) -> Mapping[str, object]:
    outcome = node("index.handler", "hostile", **options).invoke({"action": "hunt"})
    assert isinstance(outcome.result, Success) and isinstance(outcome.result.value, dict)
    return outcome.result.value


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A secret in ~/.aws of a temporary HOME, and a process of ours (as a caller would be) holding the
    secret and that HOME in its environment (/proc/PID/environ shows a process's initial environment,
    so setting this process's variables would not put them there)."""
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(f"[default]\naws_secret_access_key = {SECRET}\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    caller = subprocess.Popen(["sleep", "600"], env={"AWS_SECRET_ACCESS_KEY": SECRET, "HOME": str(home)})
    yield home
    caller.kill()
    caller.wait()


def test_a_credential_hunter_finds_nothing_in_the_sandbox(node: MakeNode, planted: Path) -> None:
    hunted = _hunt(node, isolation=caller_isolation(os.environ))
    assert SECRET not in repr(hunted)
    assert hunted["pids"] == [1]  # only itself: no ancestor to read


def test_without_the_sandbox_the_hunter_finds_the_secret(node: MakeNode, planted: Path) -> None:
    assert SECRET in repr(_hunt(node, isolation=None))  # the control: the hunt itself works


def _live(marker: str) -> list[int]:
    """Live processes whose command line holds `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z" and entry.name != str(os.getpid()):
            found.append(int(entry.name))
    return found


def test_detached_and_setsid_children_die_with_the_runtime(node: MakeNode) -> None:
    runner = node("index.handler", "hostile")
    runner.invoke({"action": "detach", "seconds": 987650})
    assert runner.sandbox_mode == "user+pid+mount" and not sandbox_warnings([runner])
    assert _live("sleep 98765"), "the handler's children should run until the runtime ends"
    runner.close()
    assert all(process_gone(pid) for pid in _live("sleep 98765"))
    assert not _live("sleep 98765")


def test_without_namespaces_the_subreaper_still_kills_detached_children(node: MakeNode) -> None:
    runner = node("index.handler", "hostile", isolation=Isolation(namespaces=False))
    runner.invoke({"action": "detach", "seconds": 987680})
    assert _live("sleep 98768")
    assert runner.sandbox_mode == "none" and "weaker sandbox (none)" in sandbox_warnings([runner])[0]
    runner.close()
    assert all(process_gone(pid) for pid in _live("sleep 98768"))
    assert not _live("sleep 98768")


def test_detached_children_escape_a_plain_runtime(node: MakeNode) -> None:
    runner = node("index.handler", "hostile", isolation=None)
    runner.invoke({"action": "detach", "seconds": 987660})
    runner.close()
    escaped = _live("sleep 98766")
    assert escaped  # the control: without the sandbox a detached child outlives the run
    for pid in escaped:
        os.kill(pid, 9)


def test_a_child_allocating_1_gb_at_128_mb_is_out_of_memory(node: MakeNode, go: MakeGo) -> None:
    small = FunctionFacts(name="small", memory_mb=128, timeout_s=20)
    outcome = node("index.handler", "hostile", function=small).invoke({"action": "alloc", "mib": 1024})
    assert isinstance(outcome.result, Crash) and outcome.result.out_of_memory
    go_outcome = go(function=small).invoke({"action": "alloc", "mib": 1024})
    assert isinstance(go_outcome.result, Crash) and go_outcome.result.out_of_memory


def test_without_a_cgroup_the_sampler_caps_the_whole_tree(node: MakeNode) -> None:
    small = FunctionFacts(name="small", memory_mb=128, timeout_s=20)
    runner = node("index.handler", "hostile", function=small, isolation=Isolation(cgroup=False))
    outcome = runner.invoke({"action": "alloc", "mib": 1024})
    assert isinstance(outcome.result, Crash) and outcome.result.out_of_memory


def test_output_without_newlines_is_kept_short(node: MakeNode) -> None:
    runner = node("index.handler", "hostile", function=FunctionFacts(timeout_s=60))
    outcome = runner.invoke({"action": "flood", "mib": 64, "value": 1})
    assert isinstance(outcome.result, Success) and outcome.result.value == 1
    stdout, _ = runner.output_tail()
    assert sum(len(line) for line in stdout) < 64 * 1024
    assert any("more bytes" in line for line in stdout)
