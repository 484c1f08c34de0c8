"""`migrate canary` as a process: SIGTERM rolls back, `--on-interrupt hold` holds, `--local` demo, emit."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from migrator.canary.state import decode
from tests.canary.conftest import CREDENTIALS, REGION, World
from tests.canary.schemas import check_record
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def migrate(*args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        "AWS_DEFAULT_REGION": REGION,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "migrator", "canary", *args],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_routing(
    world: World, fn: str, weights: dict[str, float], process: subprocess.Popen[str]
) -> None:
    deadline = time.monotonic() + 30
    while world.alias(fn)["RoutingConfig"] != {"AdditionalVersionWeights": weights}:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the first step was never written"
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_rollout_rolls_back(world: World, sig: signal.Signals) -> None:
    fn = world.function()
    process = migrate(
        fn,
        "--alias",
        "live",
        "--to-version",
        "2",
        "--steps",
        "10,50",
        "--interval",
        "60",
        "--no-metric-gates",
        "--endpoint-url",
        world.endpoint,
        "--format",
        "json",
    )
    wait_for_routing(world, fn, {"2": 0.1}, process)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1, stderr
    record = json.loads(stdout)
    assert (record["status"], record["reason"]) == ("rolled-back", sig.name)
    assert world.alias(fn) == {
        "FunctionVersion": "1",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }


def test_hold_on_interrupt_keeps_the_step_and_resume_finishes(world: World) -> None:
    fn = world.function()
    process = migrate(
        fn,
        "--alias",
        "live",
        "--to-version",
        "2",
        "--steps",
        "10,50",
        "--interval",
        "60",
        "--no-metric-gates",
        "--endpoint-url",
        world.endpoint,
        "--on-interrupt",
        "hold",
    )
    wait_for_routing(world, fn, {"2": 0.1}, process)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1, stderr
    assert "SIGTERM: held at step 1; --resume or --rollback" in stdout
    alias = world.alias(fn)
    assert alias["RoutingConfig"] == {"AdditionalVersionWeights": {"2": 0.1}}
    state = decode(alias["Description"])
    assert state is not None and (state.status, state.step, state.wait_s) == ("held", 0, 60.0)
    assert check_record(alias["Description"])["reason"] == "SIGTERM; held"

    resumed = migrate(
        fn,
        "--alias",
        "live",
        "--resume",
        "--interval",
        "0",
        "--no-metric-gates",
        "--endpoint-url",
        world.endpoint,
    )
    stdout, stderr = resumed.communicate(timeout=60)
    assert resumed.returncode == 0, stderr
    assert world.alias(fn)["FunctionVersion"] == "2"


def test_refusals_are_one_line_each_on_stderr(world: World) -> None:
    fn = world.function()
    process = migrate(fn, "--alias", "live", "--to-version", "$LATEST", "--endpoint-url", world.endpoint)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert stderr.splitlines() == [
        "migrate: refused: version: --to-version $LATEST: give a published version number, never $LATEST "
        "(publish one with `aws lambda publish-version`)"
    ]


def test_local_demo_promotes(tmp_path: Path) -> None:
    process = migrate(
        "orders",
        "--alias",
        "live",
        "--to-version",
        "2",
        "--local",
        "--steps",
        "10,50",
        "--interval",
        "0",
        "--max-p99-ratio",
        "0",
        "--alarm",
        "orders-errors",
        "--format",
        "json",
    )
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    record = json.loads(stdout)
    assert record["status"] == "promoted"
    assert record["checks"][0]["readings"][1] == {
        "gate": "error-rate",
        "status": "pass",
        "detail": "new 0.00% vs old 0.20% (max +1.00%)",
    }


def test_bad_arguments_exit_2() -> None:
    process = migrate(
        "fn",
        "--alias",
        "live",
        "--to-version",
        "2",
        "--steps",
        "10,x",
        "--endpoint-url",
        "http://127.0.0.1:9",
    )
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert (
        stderr.strip()
        == "migrate: error: --steps '10,x': 'x' is not a number; give percentages like 10,25,50,100"
    )


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(child) for child in task.read_text().split()]
    return found


def test_sigterm_while_local_starts_stops_its_server_and_changes_nothing() -> None:
    process = migrate("orders", "--alias", "live", "--to-version", "2", "--local", "--format", "json")
    deadline = time.monotonic() + 60
    while not (server := children(process.pid)):  # the moto server is starting, the rollout is not
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the moto server never started"
        time.sleep(0.01)
    try:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 1, stderr
        record = json.loads(stdout)
        assert (record["status"], record["reason"]) == (
            "rolled-back",
            "SIGTERM before the first step; nothing was changed",
        )
        time.sleep(0.2)
        assert not Path(f"/proc/{server[0]}").exists(), "the moto server outlived migrate"
    finally:
        for pid in server:  # a server left behind by a failure above
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
