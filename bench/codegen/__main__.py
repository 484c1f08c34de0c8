"""Benchmark: `migrate codegen --go --ts` on GitHub's REST description, against openapi-typescript.

    python bench/codegen [--runs 5] [--spec PATH]

Both are timed the same way, in this run on this machine: the command from process start to files
on disk (wall time), runs interleaved so load on the machine hits both alike, median of N. Ours is
the whole pipeline (load, 3.0 → 3.1 upgrade, validation, IR) through the Go and the TypeScript
emitters, writes included, as a user runs it; openapi-typescript's is its TypeScript output alone.
Prints both medians and ours / theirs. Target: a ratio below 1. Each tool's CPU seconds (user +
system, children included, from `wait4`) are printed too: they depend much less than wall time on
what else the machine runs. Our stage timings come from one more run with `--verbose` (not counted:
it also locates and lists every notice).
Then the Go we generated is built once (its own packages afresh, dependencies from the cache) and
the OS's accounting of that `go build` is printed: CPU seconds and peak memory, against issue 12's
budget for GitHub (60 s, 2 GiB). `--no-go-build` skips that heavy step.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))  # run as a script: the repository's codegen, not an installed one

from codegen.emit.go.buildcost import measure_build  # noqa: E402

TOOLS = REPO / "tests" / "tools" / "node_modules"
GITHUB = TOOLS / "@octokit" / "openapi" / "generated" / "api.github.com.json"
OPENAPI_TS = TOOLS / ".bin" / "openapi-typescript"


@dataclass(frozen=True)
class Run:
    """One command run to completion."""

    wall: float
    """Wall seconds, start to exit."""
    cpu: float
    """CPU seconds (user + system) of the process and every child it waited for, from the OS's
    accounting (`wait4`): much less sensitive than wall time to other work on the machine."""
    stderr: str
    """What it printed on stderr."""


def timed(args: list[str]) -> Run:
    """Run one command to completion, measured; raises if it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        tail = "\n".join(stderr.splitlines()[-10:])
        raise SystemExit(f"failed ({process.returncode}): {' '.join(args)}\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, stderr)


def ours(spec: Path, work: Path, *, verbose: bool = False) -> Run:
    """`migrate codegen --go --ts` as a user runs it (`verbose`: with --verbose, which also lists
    every notice and prints the stage timings)."""
    out = work / "ours"
    shutil.rmtree(out, ignore_errors=True)
    args = [sys.executable, "-m", "migrator", "codegen", str(spec), "--go", str(out / "go")]
    args += ["--go-module", "example.com/bench", "--ts", str(out / "ts")]
    return timed(args + (["--verbose"] if verbose else []))


def stages(run: Run) -> str:
    """The stage timings line of a --verbose run."""
    return next((line for line in run.stderr.splitlines() if line.startswith("timings:")), "")


def theirs(spec: Path, work: Path) -> Run:
    return timed([str(OPENAPI_TS), str(spec), "--output", str(work / "theirs.ts")])


def report(spec: Path, mine: list[Run], other: list[Run]) -> None:
    """The medians of both tools, wall and CPU, and the ratios."""
    wall = statistics.median(r.wall for r in mine), statistics.median(r.wall for r in other)
    cpu = statistics.median(r.cpu for r in mine), statistics.median(r.cpu for r in other)
    print(f"spec: {spec.relative_to(REPO) if spec.is_relative_to(REPO) else spec}")
    names = (
        "migrate codegen --go --ts (validation and writes included):",
        "openapi-typescript (TypeScript only):",
    )
    for name, seconds, cpu_seconds in zip(names, wall, cpu, strict=True):
        print(f"{name:<62}{seconds:.2f}s median, {cpu_seconds:.2f}s CPU")
    print(f"ratio ours / openapi-typescript: {wall[0] / wall[1]:.2f} (target below 1)")
    print(f"CPU ratio ours / openapi-typescript: {cpu[0] / cpu[1]:.2f} (user + system, children included)")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python bench/codegen", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (median reported)")
    parser.add_argument("--spec", type=Path, default=GITHUB, help="the OpenAPI description")
    parser.add_argument("--no-go-build", action="store_true", help="skip measuring `go build` of our Go")
    options = parser.parse_args()
    if not options.spec.is_file() or not OPENAPI_TS.is_file():
        raise SystemExit("needs the test tools: npm ci --no-audit --no-fund --prefix tests/tools")
    with tempfile.TemporaryDirectory(prefix="bench-codegen-") as folder:
        work = Path(folder)
        mine: list[Run] = []
        other: list[Run] = []
        for index in range(options.runs):
            mine.append(ours(options.spec, work))
            other.append(theirs(options.spec, work))
            print(
                f"run {index + 1}: ours {mine[-1].wall:.2f}s ({mine[-1].cpu:.2f}s CPU), "
                f"openapi-typescript {other[-1].wall:.2f}s ({other[-1].cpu:.2f}s CPU)"
            )
        verbose = ours(options.spec, work, verbose=True)
        print(f"one more run with --verbose (not counted; it lists every notice): {verbose.wall:.2f}s")
        print(f"  {stages(verbose)}")
        # On one core (GOMAXPROCS=1, -p=1), the conditions of the budget and of the GitHub test.
        cost = None if options.no_go_build else measure_build(work / "ours" / "go", one_core=True)
    report(options.spec, mine, other)
    if cost is not None:
        verdict = "" if cost.returncode == 0 else f" FAILED (exit {cost.returncode})"
        print(f"{cost.render()}{verdict} (one core; GitHub's budget: 60 s CPU, 2.00 GiB)")


if __name__ == "__main__":
    main()
