"""What compiling generated Go costs: CPU seconds and peak memory of one `go build`, from the OS.

`go build` runs the compiler and linker as its own children and waits for them, so `os.wait4` on
the `go` process returns their accounting too: user + system CPU of the whole tree, and the
largest resident set any one of them reached. Used by the GitHub test and `bench/codegen`.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildCost:
    """One `go build ./...` of a generated module."""

    cpu_seconds: float
    """User + system CPU of `go` and every process it waited for (compiler, linker)."""
    peak_rss_bytes: int
    """The largest resident set of any one of those processes."""
    wall_seconds: float
    """Elapsed time."""
    returncode: int
    """`go build`'s exit status."""
    output: str
    """What it printed (errors, when it failed)."""

    def render(self) -> str:
        """`go build: 41.2 s CPU, peak 1.62 GiB (wall 25.3 s)`."""
        gib = self.peak_rss_bytes / 2**30
        return f"go build: {self.cpu_seconds:.1f} s CPU, peak {gib:.2f} GiB (wall {self.wall_seconds:.1f} s)"


def measure_build(module: Path, *, fresh: bool = True, one_core: bool = False) -> BuildCost:
    """Build the module at `module` once, measured. With `fresh`, a file holding a random constant is
    added to each of its packages first (and removed after), so the module's own packages compile
    again whatever the build cache holds, while the standard library and dependencies still come
    from it, as after a change to the spec. With `one_core`, as the budgets are stated:
    `GOMAXPROCS=1 GOFLAGS=-p=1` (one package at a time, no concurrent compiler backend); else
    `GOMAXPROCS`/`-p` are left as the caller's environment sets them."""
    nonces = []
    if fresh:
        token = secrets.token_hex(8)
        for folder in _package_folders(module):
            nonce = folder / "zz_buildcost_nonce.go"
            nonce.write_text(f'package {_package(folder)}\n\nconst buildCostNonce = "{token}"\n')
            nonces.append(nonce)
    try:
        start = time.perf_counter()
        env = {**os.environ, "GOMAXPROCS": "1", "GOFLAGS": "-p=1"} if one_core else None
        process = subprocess.Popen(
            ["go", "build", "./..."], cwd=module, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        assert process.stdout is not None
        output = process.stdout.read()  # until go exits and closes it; then reap with its rusage
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
    finally:
        for nonce in nonces:
            nonce.unlink(missing_ok=True)
    return BuildCost(
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_bytes=usage.ru_maxrss * 1024,  # Linux reports kilobytes
        wall_seconds=wall,
        returncode=process.returncode,
        output=output.decode("utf-8", "replace"),
    )


def _package_folders(module: Path) -> list[Path]:
    """The folders of the module's packages: each holding a .go file (testdata left out)."""
    found = {path.parent for path in module.rglob("*.go") if "testdata" not in path.parts}
    return sorted(found)


def _package(module: Path) -> str:
    for path in sorted(module.glob("*.go")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("package "):
                return line.split()[1]
    raise ValueError(f"no Go package in {module}")
