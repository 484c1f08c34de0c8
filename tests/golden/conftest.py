"""Fixtures for golden's runner tests: the fixture handlers, one Go build per session, orphan checks."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from golden.runners.go import GoRunner
from golden.runners.gobuild import build_go_handler
from golden.runners.node import NodeRunner
from golden.runners.runner import Runner
from golden.sides.function import FunctionFacts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NODE = FIXTURES / "node"
GO_HANDLER = FIXTURES / "go" / "handler"

MakeNode = Callable[..., NodeRunner]
MakeGo = Callable[..., GoRunner]


def group_gone(pgid: int, wait_s: float = 5.0) -> bool:
    """True once no live process is left in the group (zombies awaiting reaping by init count as gone)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        if not _live_members(pgid):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def process_gone(pid: int, wait_s: float = 5.0) -> bool:
    """True once `pid` has exited (a zombie counts as exited)."""
    deadline = time.monotonic() + wait_s
    while True:
        state = _state(pid)
        if state is None or state == "Z":
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _state(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[0]


def _live_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


@pytest.fixture(scope="session")
def eventshapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the Go program that decodes a template strictly into aws-lambda-go's struct."""
    binary = tmp_path_factory.mktemp("eventshapes") / "eventshapes"
    env = {**os.environ, "GOFLAGS": "-mod=readonly", "CGO_ENABLED": "0"}
    subprocess.run(
        ["go", "build", "-o", str(binary), "."],
        cwd=FIXTURES / "go" / "eventshapes",
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return binary


@pytest.fixture(scope="session")
def go_executable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture Go handler, built once per session (the Go build cache is shared with the user's)."""
    cache = tmp_path_factory.mktemp("go-bootstraps")
    return build_go_handler(GO_HANDLER, cache, env={"GOFLAGS": "-mod=readonly"})


@pytest.fixture
def runners() -> Iterator[list[Runner]]:
    """Every runner a test makes; at teardown all are closed and none may leave a live process."""
    made: list[Runner] = []
    yield made
    for runner in made:
        runner.close()
    leftovers = [pgid for runner in made for pgid in runner.process_groups if not group_gone(pgid)]
    assert not leftovers, f"process groups still alive after close: {leftovers}"


@pytest.fixture
def node(runners: list[Runner]) -> MakeNode:
    """Make an open NodeRunner for `handler` in fixtures/node/<root>."""

    def make(handler: str, root: str = "cjs", **options: object) -> NodeRunner:
        function = options.pop("function", None) or FunctionFacts(name="golden-node", timeout_s=3)
        runner = NodeRunner(NODE / root, handler, function, **options)  # type: ignore[arg-type]
        runners.append(runner)
        runner.open()
        return runner

    return make


@pytest.fixture
def go(runners: list[Runner], go_executable: Path) -> MakeGo:
    """Make an open GoRunner for the fixture Go handler."""

    def make(**options: object) -> GoRunner:
        function = options.pop("function", None) or FunctionFacts(name="golden-go", timeout_s=3)
        runner = GoRunner(go_executable, function, task_root=GO_HANDLER, **options)  # type: ignore[arg-type]
        runners.append(runner)
        runner.open()
        return runner

    return make
