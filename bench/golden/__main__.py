"""Benchmark: golden's harness overhead per warm invoke, and cases per second.

    python bench/golden [--invokes 2000] [--cases 500] [--repeat 3]

1. The same trivial Node handler is called in-process by a Node loop (the baseline) and through the
   harness (Python → Runtime API emulator → Node bootstrap → back); overhead = harness p50 - baseline
   p50. Target: at most 1 ms at p50.
2. `run_golden` over generated cases on the test fixtures' Node original and Go port (a trivial echo).
   Target: at least 300 cases/s on two cores. Two settings are measured, and the work per case is
   printed with each:
   - the defaults of `migrate golden`: Node twice (noise), Go once, then `--runs 3` warm invokes per
     side for latency, so 9 invokes per case;
   - `--runs 0`: the correctness invokes only (Node twice, Go once), which is what the target was
     first measured with.
   What differs from a real `migrate golden` run: no moto server (the handler makes no SDK calls), no
   progress bar, and no reading of case files or writing of the report (once per run, not per case).
3. The same with golden's real defaults under `--aws moto` (`--effects compare`): a moto server per
   side and the side effects of every compared run. The handler makes no AWS request, so after the
   first run golden neither resets nor snapshots a state (docs/golden-verdict.md); the harness CPU
   includes that bookkeeping (the moto servers' own CPU is not counted).

Both are measured with golden's sandbox on (the default: user, PID and mount namespaces and a memory
cgroup per runtime, see docs/golden-sandbox.md) and off (plain child processes), and printed for each.

Each figure is the median of `--repeat` runs, with the range. The CPU each process spent per case
(harness, node, Go) is printed too: on a shared machine it moves much less than wall-clock figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from golden.aws.effects import MotoEffects
from golden.cases.files import Case
from golden.config import GoldenSettings
from golden.runners.go import GoRunner
from golden.runners.node import NodeRunner
from golden.runners.runner import Runner
from golden.runtime.jail import SANDBOXED, Isolation
from golden.session import DEFAULT_RUNS, run_golden
from golden.sides.function import FunctionFacts

REPO = Path(__file__).resolve().parent.parent.parent
NODE_PORT = REPO / "tests" / "golden" / "fixtures" / "node" / "session"
GO_PORT = REPO / "tests" / "golden" / "fixtures" / "go" / "handler"

HANDLER = "exports.handler = async (event) => ({ ok: true, n: event.n });\n"
IN_PROCESS = """
const { handler } = require(process.argv[1]);
const n = Number(process.argv[2]);
(async () => {
  for (let i = 0; i < 200; i++) await handler({ n: i }, {});
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await handler({ n: i }, {});
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ p50: times[Math.floor(n / 2)] }));
})();
"""


def in_process_p50_ms(handler_file: Path, invokes: int) -> float:
    proc = subprocess.run(
        ["node", "-e", IN_PROCESS, str(handler_file), str(invokes)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(proc.stdout)["p50"])


def harness_p50_ms(task_root: Path, invokes: int, isolation: Isolation | None) -> float:
    times = []
    function = FunctionFacts(timeout_s=10)
    with NodeRunner(task_root, "index.handler", function, isolation=isolation) as runner:
        for i in range(200):
            runner.invoke({"n": i})
        for i in range(invokes):
            start = time.perf_counter()
            runner.invoke({"n": i})
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cpu_seconds(runner: Runner) -> float:
    """CPU time (user + system) of the runner's current runtime process."""
    pid = runner.runtime_pid
    assert pid is not None, "the runtime has not started"
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def golden_runs(
    count: int, runs: int, repeat: int, isolation: Isolation | None, moto: bool = False
) -> tuple[list[float], list[tuple[float, float, float]]]:
    """Cases per second of each repeat, and (harness, node, go) CPU milliseconds per case; with `moto`,
    side effects compared on a moto server per side (golden's defaults)."""
    cases = [Case(f"case-{i}", {"action": "echo", "value": {"id": i}}, "bench", None) for i in range(count)]
    function = FunctionFacts(timeout_s=10)
    rates: list[float] = []
    cpu: list[tuple[float, float, float]] = []
    with contextlib.ExitStack() as stack:
        effects = stack.enter_context(MotoEffects((), "us-east-1")) if moto else None
        node_env, go_env = (effects.env("node"), effects.env("go")) if effects is not None else ({}, {})
        node = stack.enter_context(
            NodeRunner(NODE_PORT, "port.handler", function, isolation=isolation, env=node_env)
        )
        go = stack.enter_context(GoRunner.from_source(GO_PORT, function, isolation=isolation, env=go_env))
        run_golden(cases[:20], node, go, GoldenSettings(), runs=runs, effects=effects)  # warm both runtimes
        for _ in range(repeat):
            before = (time.process_time(), cpu_seconds(node), cpu_seconds(go))
            start = time.perf_counter()
            report = run_golden(cases, node, go, GoldenSettings(), runs=runs, effects=effects)
            elapsed = time.perf_counter() - start
            after = (time.process_time(), cpu_seconds(node), cpu_seconds(go))
            assert report.ok, report.summary
            rates.append(count / elapsed)
            spent = [(b - a) * 1000 / count for a, b in zip(before, after, strict=True)]
            cpu.append((spent[0], spent[1], spent[2]))
    return rates, cpu


def spread(values: list[float], show: Callable[[float], str]) -> str:
    return f"{show(statistics.median(values))} (range {show(min(values))} to {show(max(values))})"


def micro(ms: float) -> str:
    return f"{ms * 1000:.1f} µs"


def milli(ms: float) -> str:
    return f"{ms:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--invokes", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for isolation, label in ((SANDBOXED, "isolation on"), (None, "isolation off")):
        print(f"-- {label}")
        measure(args.invokes, args.cases, args.repeat, isolation)


def measure(invokes: int, count: int, repeat: int, isolation: Isolation | None) -> None:
    overheads, baselines, harnesses = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "index.js").write_text(HANDLER)
        for _ in range(repeat):
            baselines.append(in_process_p50_ms(root / "index.js", invokes))
            harnesses.append(harness_p50_ms(root, invokes, isolation))
            overheads.append(harnesses[-1] - baselines[-1])
    print(f"in-process Node call p50: {spread(baselines, micro)}")
    print(f"through the harness p50:  {spread(harnesses, micro)}")
    print(f"harness overhead per warm invoke, p50: {spread(overheads, milli)}  (target <= 1 ms)")
    rows = (
        (DEFAULT_RUNS, False, "migrate golden's defaults"),
        (0, False, "--runs 0"),
        (DEFAULT_RUNS, True, "the defaults under --aws moto, side effects compared"),
    )
    for runs, moto, what in rows:
        rates, cpu = golden_runs(count, runs, repeat, isolation, moto)
        per_case = 2 + 1 + 2 * runs
        print(
            f"golden run, {what}: {spread(rates, lambda rate: f'{rate:.0f}')} cases/s "
            f"({per_case} invokes per case: Node 2 + Go 1 + {runs} warm per side; target >= 300)"
        )
        harness, node, go = (statistics.median(side) for side in zip(*cpu, strict=True))
        print(f"  CPU per case (median): harness {harness:.2f} ms, node {node:.2f} ms, Go {go:.2f} ms")


if __name__ == "__main__":
    main()
