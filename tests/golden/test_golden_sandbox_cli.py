"""`migrate golden` as a hostile handler meets it: no secret of the caller reaches the report, nothing
outlives the run (also on SIGTERM and SIGHUP), and 500 MB of output keeps the harness small."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, go_caches
from tests.golden.conftest import FIXTURES, process_gone

pytestmark = pytest.mark.slow

HOSTILE = str(FIXTURES / "node" / "hostile" / "index.js")
GO = str(FIXTURES / "go" / "handler")
SECRET = "golden-cli-secret-c0ffee"


def command(cases: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "migrator",
        "golden",
        "--node",
        HOSTILE,
        "--go",
        GO,
        "--cases",
        str(cases),
        *args,
    ]


def write_cases(folder: Path, events: dict[str, object]) -> Path:
    folder.mkdir()
    for name, event in events.items():
        (folder / name).write_text(json.dumps(event))
    return folder


def descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            queue.extend(children)
    return found


def test_the_hunter_finds_no_secret_of_the_caller(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(f"[default]\naws_secret_access_key = {SECRET}\n")
    env = {**os.environ, **go_caches(), "HOME": str(home), "AWS_SECRET_ACCESS_KEY": SECRET}
    cases = write_cases(tmp_path / "cases", {"hunt.json": {"action": "hunt"}})
    proc = subprocess.run(
        command(cases, "--runs", "0", "--format", "json"), cwd=REPO, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stderr  # Go answers null: a divergence, as expected
    node = json.loads(proc.stdout)["cases"][0]["node"]
    assert node["kind"] == "success" and node["value"]["pids"] == [1]
    assert SECRET not in proc.stdout and SECRET not in proc.stderr


def _hunt_without_namespaces(tmp_path: Path, **extra: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """`migrate golden` forced into the fallback (no namespaces: the runtime shares golden's /proc),
    with a secret in golden's environment. Returns the run and what the hunter read, as text."""
    cases = write_cases(tmp_path / "cases", {"hunt.json": {"action": "hunt"}})
    secrets = {"AWS_SECRET_ACCESS_KEY": SECRET, "GITHUB_TOKEN": f"{SECRET}-gh", "DB_URL": f"{SECRET}-db"}
    env = {**os.environ, **go_caches(), "MIGRATE_GOLDEN_NAMESPACES": "off", **secrets, **extra}
    proc = subprocess.run(
        command(cases, "--runs", "0", "--aws", "none", "--format", "json"),
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr  # Go answers null: a divergence, as expected
    node = json.loads(proc.stdout)["cases"][0]["node"]
    assert node["kind"] == "success" and len(node["value"]["pids"]) > 1  # golden's /proc: no namespace
    return proc, json.dumps(node["value"]["found"])


def test_without_namespaces_golden_reexecs_with_no_secret_in_its_environment(tmp_path: Path) -> None:
    proc, found = _hunt_without_namespaces(tmp_path)
    # The hunter read golden's own environment (the re-exec's mark is there), and no secret was in it.
    assert "MIGRATE_GOLDEN_SCRUBBED=1" in found
    assert SECRET not in proc.stdout and SECRET not in proc.stderr
    assert "weaker sandbox (none)" in proc.stderr


def test_without_the_scrub_the_hunter_reads_golden_s_environment(tmp_path: Path) -> None:
    _, found = _hunt_without_namespaces(tmp_path, MIGRATE_GOLDEN_SCRUBBED="1")  # the control
    assert all(secret in found for secret in (SECRET, SECRET + "-gh", SECRET + "-db"))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_a_signal_to_golden_leaves_nothing_running(tmp_path: Path, signum: int) -> None:
    seconds = 987_000 + signum * 10
    cases = write_cases(
        tmp_path / "cases",
        {
            "a.json": {"action": "detach", "seconds": seconds, "value": 1},
            "b.json": {"action": "sleep", "sleepMs": 60_000},  # Go sleeps: golden is mid-run
        },
    )
    golden = subprocess.Popen(
        command(cases, "--runs", "0", "--timeout", "90"),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    tree: list[int] = []
    while time.monotonic() < deadline:
        tree = descendants(golden.pid)
        cmdlines = [_cmdline(pid) for pid in tree]
        started = (f"sleep {seconds}", f"sleep {seconds + 1}", "bootstrap")  # + the setsid child
        if all(any(s in c for c in cmdlines) for s in started):
            break
        time.sleep(0.1)
    else:
        golden.kill()
        pytest.fail("golden never reached the Go side's sleep")
    assert any("moto.server" in _cmdline(pid) for pid in tree)
    assert any(f"sleep {seconds + 1}" in _cmdline(pid) for pid in tree)  # the setsid child
    golden.send_signal(signum)
    _, stderr = golden.communicate(timeout=60)
    assert golden.returncode != 0 and "Traceback" not in stderr, stderr
    if signum != signal.SIGKILL:  # the run says why it stopped, in one line
        assert golden.returncode == 130 and stderr.strip().splitlines()[-1] == "migrate: interrupted", stderr
    # On SIGKILL nothing of golden runs: each init's lifeline pipe closes and the init ends its tree.
    assert all(process_gone(pid) for pid in tree)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_500_mb_of_output_keeps_the_harness_under_200_mb(tmp_path: Path) -> None:
    cases = write_cases(tmp_path / "cases", {"flood.json": {"action": "flood", "mib": 500, "value": 1}})
    golden = subprocess.Popen(
        command(cases, "--runs", "0", "--timeout", "300", "--aws", "none", "--format", "json"),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak_kib = 0
    while golden.poll() is None:
        try:
            status = Path(f"/proc/{golden.pid}/status").read_text()
        except OSError:
            break
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak_kib = max(peak_kib, int(line.split()[1]))
        time.sleep(0.05)
    stdout, stderr = golden.communicate(timeout=300)
    assert golden.returncode == 0, stderr
    assert json.loads(stdout)["summary"]["passed"] == 1
    assert 0 < peak_kib < 200 * 1024, f"harness peak {peak_kib} KiB"
