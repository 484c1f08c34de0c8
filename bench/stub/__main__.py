"""Benchmark: `migrate stub` on a generated fleet of 2,000 functions, against `migrate scan` of it.

    python bench/stub [--functions 2000] [--jobs N] [--repeat 3]

Uses bench/scan's generated fleet. Prints the scan time, the stub time (plan, render and the atomic
write of every module, from the scan's facts; Go builds excluded) per function, and their ratio,
both measured in this run on this machine. Target: stub adds at most 1x scan's time (ratio <= 1).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from codegen.write import write_targets
from migrator.scan.engine import ScanOptions, scan
from migrator.stub.run import StubRequest, targets_for
from migrator.stub.tables import load_tables


def _generate(root: Path, functions: int) -> None:
    """bench/scan's fleet generator (loaded by path: bench/ is not a package)."""
    path = Path(__file__).resolve().parents[1] / "scan" / "__main__.py"
    spec = importlib.util.spec_from_file_location("bench_scan", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(root, functions)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--functions", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="migrate-bench-stub-"))
    try:
        fleet = work / "fleet"
        _generate(fleet, args.functions)
        load_tables()  # package data parsed once per process, as in a real run
        scans: list[float] = []
        stubs: list[float] = []
        renders: list[float] = []
        report = scan(fleet, ScanOptions(jobs=args.jobs))  # warm the file cache
        for n in range(args.repeat):
            start = time.perf_counter()
            report = scan(fleet, ScanOptions(jobs=args.jobs))
            scans.append(time.perf_counter() - start)
            out = work / f"out-{n}"
            start = time.perf_counter()
            targets, _ = targets_for(report.functions, fleet, StubRequest(fleet, out))
            rendered = time.perf_counter()
            write_targets(targets)
            stubs.append(time.perf_counter() - start)
            renders.append(rendered - start)
        count = len(report.functions)
        scan_s, stub_s = statistics.median(scans), statistics.median(stubs)
        files = sum(len(t.files) + 1 for t in targets)
        print(f"fleet: {count} functions; stub writes {files} files")
        per = f"{scan_s / count * 1000:.2f} ms/function"
        print(f"migrate scan ({args.jobs} jobs): {scan_s * 1000:.0f} ms  ({per})")
        per = f"{stub_s / count * 1000:.2f} ms/function"
        print(f"migrate stub (1 core, from the scan's facts): {stub_s * 1000:.0f} ms  ({per})")
        render_s = statistics.median(renders)
        write_ms = (stub_s - render_s) * 1000
        print(f"  of which planning and rendering: {render_s * 1000:.0f} ms, writing: {write_ms:.0f} ms")
        ratio, render_ratio = stub_s / scan_s, render_s / scan_s
        print(f"ratio (stub / scan): {ratio:.2f}  (target <= 1); without the writes {render_ratio:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
