"""Benchmark: golden's harness overhead per warm invoke, and cases per second.

    python bench/golden [--invokes 2000] [--cases 500]

1. The same trivial Node handler is called in-process by a Node loop (the baseline) and through the
   harness (Python → Runtime API emulator → Node bootstrap → back); overhead = harness p50 - baseline
   p50. Target: at most 1 ms at p50.
2. A golden run over generated cases (Node twice for noise, Go once, no extra latency runs) on the
   test fixtures' Node original and Go port. Target: at least 300 cases/s on two cores.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from golden.cases import Case
from golden.config import GoldenSettings
from golden.function import FunctionConfig
from golden.go import GoRunner
from golden.node import NodeRunner
from golden.session import run_golden

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


def harness_p50_ms(task_root: Path, invokes: int) -> float:
    times = []
    with NodeRunner(task_root, "index.handler", FunctionConfig(timeout_s=10)) as runner:
        for i in range(200):
            runner.invoke({"n": i})
        for i in range(invokes):
            start = time.perf_counter()
            runner.invoke({"n": i})
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cases_per_second(count: int) -> float:
    cases = [Case(f"case-{i}", {"action": "echo", "value": {"id": i}}, "bench", None) for i in range(count)]
    function = FunctionConfig(timeout_s=10)
    with (
        NodeRunner(NODE_PORT, "port.handler", function) as node,
        GoRunner.from_source(GO_PORT, function) as go,
    ):
        run_golden(cases[:20], node, go, GoldenSettings(), runs=0)  # warm both runtimes
        start = time.perf_counter()
        report = run_golden(cases, node, go, GoldenSettings(), runs=0)
        elapsed = time.perf_counter() - start
    assert report.ok, report.summary
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--invokes", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "index.js").write_text(HANDLER)
        baseline = in_process_p50_ms(root / "index.js", args.invokes)
        harness = harness_p50_ms(root, args.invokes)
    print(f"in-process Node call p50: {baseline * 1000:.1f} µs")
    print(f"through the harness p50:  {harness * 1000:.1f} µs")
    print(f"harness overhead per warm invoke, p50: {harness - baseline:.3f} ms  (target <= 1 ms)")
    rate = cases_per_second(args.cases)
    print(f"golden run: {rate:.0f} cases/s (Node twice + Go once per case; target >= 300)")


if __name__ == "__main__":
    main()
