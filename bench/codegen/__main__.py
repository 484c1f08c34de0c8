"""Benchmark: `migrate codegen --go --ts` on GitHub's REST description, against openapi-typescript.

    python bench/codegen [--runs 5] [--spec PATH]

Both are timed the same way, in this run on this machine: the command from process start to files
on disk (wall time), runs interleaved so load on the machine hits both alike, median of N. Ours is
the whole pipeline (load, 3.0 → 3.1 upgrade, validation, IR) through the Go and the TypeScript
emitters, writes included; openapi-typescript's is its TypeScript output alone. Prints both medians
and ours / theirs. Target: a ratio below 1. Our stage timings (from `--verbose`) are printed too.
Then the Go we generated is built once (its own packages afresh, dependencies from the cache) and
the OS's accounting of that `go build` is printed: CPU seconds and peak memory, against issue 12's
budget for GitHub (60 s, 2 GiB). `--no-go-build` skips that heavy step.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))  # run as a script: the repository's codegen, not an installed one

from codegen.emit.go.buildcost import measure_build  # noqa: E402

TOOLS = REPO / "tests" / "tools" / "node_modules"
GITHUB = TOOLS / "@octokit" / "openapi" / "generated" / "api.github.com.json"
OPENAPI_TS = TOOLS / ".bin" / "openapi-typescript"


def timed(args: list[str]) -> tuple[float, str]:
    """Wall seconds of one command run to completion, and its stderr; raises if it fails."""
    start = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = "\n".join(done.stderr.splitlines()[-10:])
        raise SystemExit(f"failed ({done.returncode}): {' '.join(args)}\n{tail}")
    return seconds, done.stderr


def ours(spec: Path, work: Path) -> tuple[float, str]:
    out = work / "ours"
    shutil.rmtree(out, ignore_errors=True)
    seconds, stderr = timed(
        [
            sys.executable,
            "-m",
            "migrator",
            "codegen",
            str(spec),
            "--go",
            str(out / "go"),
            "--go-module",
            "example.com/bench",
            "--ts",
            str(out / "ts"),
            "--verbose",
        ]
    )
    stages = next((line for line in stderr.splitlines() if line.startswith("timings:")), "")
    return seconds, stages


def theirs(spec: Path, work: Path) -> float:
    seconds, _ = timed([str(OPENAPI_TS), str(spec), "--output", str(work / "theirs.ts")])
    return seconds


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
        mine: list[float] = []
        other: list[float] = []
        for run in range(options.runs):
            seconds, stages = ours(options.spec, work)
            mine.append(seconds)
            other.append(theirs(options.spec, work))
            print(f"run {run + 1}: ours {mine[-1]:.2f}s, openapi-typescript {other[-1]:.2f}s  ({stages})")
        cost = None if options.no_go_build else measure_build(work / "ours" / "go")
    ours_median, theirs_median = statistics.median(mine), statistics.median(other)
    print(f"spec: {options.spec.relative_to(REPO) if options.spec.is_relative_to(REPO) else options.spec}")
    print(f"migrate codegen --go --ts (validation and writes included): {ours_median:.2f}s median")
    print(f"openapi-typescript (TypeScript only):                         {theirs_median:.2f}s median")
    print(f"ratio ours / openapi-typescript: {ours_median / theirs_median:.2f} (target below 1)")
    if cost is not None:
        verdict = "" if cost.returncode == 0 else f" FAILED (exit {cost.returncode})"
        print(f"{cost.render()}{verdict} (GitHub's budget: 60 s CPU, 2.00 GiB)")


if __name__ == "__main__":
    main()
