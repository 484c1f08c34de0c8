"""Kernel files kept open and read again: current values every read, nothing once closed or gone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from golden.runtime.cgroup import open_cgroup
from golden.runtime.kept_file import KeptFile, counter, kib_fields, oom_kills, vm_hwm_kib

GROW = "import sys; b = bytearray(64 << 20); b[::4096] = b'x' * len(b[::4096]); sys.stdin.read()"


def test_a_kept_status_file_shows_the_process_now_and_nothing_once_it_is_gone() -> None:
    child = subprocess.Popen([sys.executable, "-c", GROW], stdin=subprocess.PIPE)
    status = KeptFile(f"/proc/{child.pid}/status")
    try:
        first = kib_fields(status.read())
        while kib_fields(status.read()).get("VmHWM", 0) < 64 * 1024:  # the same descriptor, read again
            pass
        assert "VmRSS" in first
        assert child.stdin is not None
        child.stdin.close()
        child.wait()
        assert kib_fields(status.read()) == {}  # reaped: the read fails, never another process's text
    finally:
        status.close()
    status.close()  # twice is fine
    assert status.read() == b""


def test_a_file_that_cannot_be_opened_reads_empty(tmp_path: Path) -> None:
    assert KeptFile(str(tmp_path / "absent")).read() == b""


def test_counter_reads_both_cgroup_formats() -> None:
    v2 = b"low 0\nhigh 0\nmax 3\noom 2\noom_kill 1\noom_group_kill 0\n"
    v1 = b"oom_kill_disable 0\nunder_oom 0\noom_kill 4\n"
    assert (counter(v2, b"oom_kill"), counter(v1, b"oom_kill")) == (1, 4)
    assert counter(b"oom_kill_disable 0\n", b"oom_kill") == 0
    assert counter(b"oom_kill 7", b"oom_kill") == 7
    for text in (v2, v1, b"oom_kill_disable 0\n", b"oom_kill 7", b""):  # the one-regex reader agrees
        assert oom_kills(text) == counter(text, b"oom_kill")


def test_the_peak_reader_agrees_with_kib_fields() -> None:
    with open("/proc/self/status", "rb") as file:
        status = file.read()
    assert vm_hwm_kib(status) == kib_fields(status)["VmHWM"]
    assert vm_hwm_kib(b"Name:\tzombie\nState:\tZ\n") is None


def test_the_oom_counter_of_a_real_cgroup_starts_at_zero() -> None:
    group = open_cgroup(64)
    if group is None:
        return  # no writable cgroup here: the sampler fallback is tested in test_sandbox.py
    try:
        kept = KeptFile(str(group.oom_file))
        assert b"oom_kill" in kept.read() and counter(kept.read(), b"oom_kill") == 0 == group.oom_kills()
        kept.close()
    finally:
        group.remove()
