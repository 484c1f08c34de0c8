"""Benchmark: `migrate stub` on a generated fleet of 2,000 functions, against `migrate scan` of it.

    python bench/stub [--functions 2000] [--jobs N] [--repeat 3]

Uses bench/scan's generated fleet. Prints the scan time, the stub time (plan, render and the atomic
write of every module, from the scan's facts, on as many cores as the scan; Go builds excluded) per
function, and their ratio, both measured in this run on this machine. Target: stub adds at most 1x
scan's time (ratio <= 1).

The work folder is the system's temporary folder: `TMPDIR=/dev/shm` (tmpfs) measures the tool
without the disk, whose cost of creating a file can grow several times for minutes after a run
deletes tens of thousands of files (see docs/stub.md).
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

from migrator.scan.engine import ScanOptions, scan
from migrator.stub.run import StubRequest, write_modules
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
        report = scan(fleet, ScanOptions(jobs=args.jobs))  # warm the file cache
        for n in range(args.repeat):
            start = time.perf_counter()
            report = scan(fleet, ScanOptions(jobs=args.jobs))
            scans.append(time.perf_counter() - start)
            # Outputs stay until the end: on ext4 without a journal, files deleted within the last
            # minutes make every new file slower to create (the allocator skips their inodes).
            request = StubRequest(fleet, work / f"out-{n}", jobs=args.jobs)
            start = time.perf_counter()
            written, _ = write_modules(report.functions, fleet, request)
            stubs.append(time.perf_counter() - start)
        count = len(report.functions)
        scan_s, stub_s = statistics.median(scans), statistics.median(stubs)
        files = sum(len(w.written) for w in written)
        print(f"fleet: {count} functions; stub writes {files} files")
        per = f"{scan_s / count * 1000:.2f} ms/function"
        print(f"migrate scan ({args.jobs} jobs): {scan_s * 1000:.0f} ms  ({per})")
        per = f"{stub_s / count * 1000:.2f} ms/function"
        print(f"migrate stub ({args.jobs} jobs, from the scan's facts): {stub_s * 1000:.0f} ms  ({per})")
        ratios = [b / a for a, b in zip(scans, stubs, strict=True)]  # each stub beside its own scan
        runs = ", ".join(f"{r:.2f}" for r in ratios)
        median = statistics.median(ratios)
        print(f"ratio (stub / scan): {stub_s / scan_s:.2f} of the medians, {median:.2f} median")
        print(f"  of each run's pair: {runs}  (target <= 1)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
