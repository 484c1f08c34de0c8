"""Benchmark: translation coverage of `migrate port` over the bundled fleet.

    python bench/port [PATH] [--function NAME ...]

Translates every function of PATH (default `examples/fleet`) without writing modules or running Go,
and prints, per function, the JavaScript statements translated / total, the untranslated constructs
by kind and the bindings given a Go type; then the fleet's totals and the time taken. Coverage is
what `migrate port` reports; golden verdicts are in tests/port/test_verify.py.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from migrator.port.report import coverage
from migrator.port.run import PortRequest, plan


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "path", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "examples" / "fleet"
    )
    parser.add_argument("--function", action="append", default=[])
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        items, _, _ = plan(PortRequest(args.path, Path(out), tuple(args.function)))
    elapsed = time.perf_counter() - started
    kinds: Counter[str] = Counter()
    total = translated = complete = 0
    typed: dict[tuple[str, int, str], str] = {}  #: each module's bindings once (functions share modules)
    unverified: set[tuple[str, int, str]] = set()
    width = max(len(i.translation.function) for i in items)
    for item in items:
        t = item.translation
        done = t.statements - t.failed
        total, translated = total + t.statements, translated + done
        complete += int(t.problem is None and not t.untranslated and done == t.statements)
        kinds.update(
            u.construct.split(" ")[0] if u.construct.startswith("import") else u.construct
            for u in t.untranslated
        )
        typed |= {(b.file, b.line, b.name): b.type for b in t.typed}
        unverified |= {(u.file, u.line, u.name) for u in t.unverified}
        cov = coverage(done, t.statements)
        go = sum(1 for b in t.typed if b.type != "string")
        print(
            f"{t.function:<{width}}  {done:>4}/{t.statements:<4} {cov:>7}  {len(t.untranslated)} untranslated"
            f"  typed {go}, unverified {len(t.unverified)}"
        )
    cov = coverage(translated, total)
    print(f"\n{len(items)} functions, {complete} fully translated; statements {translated}/{total} ({cov})")
    entries = [i.translation.entry for i in items if i.translation.entry]
    own = sum(1 for e in entries if "ts" in e.split("(ctx, ")[1][:3] or ") (ts" in e)
    print(f"typed entry points (portHandleTyped): {len(entries)}, {own} with structs of the code's own types")
    by_type = Counter(typed.values())
    print(
        f"typed bindings (each module once): {by_type['number']} float64, {by_type['boolean']} bool, "
        f"{by_type['string']} strings proven (kept as jsrt.Value); {len(unverified)} annotations unverified"
    )
    print("untranslated by construct: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    per = 1000 * elapsed / max(1, len(items))
    print(f"translated in {elapsed:.1f} s ({per:.0f} ms/function, the scan and stub rendering included)")


if __name__ == "__main__":
    main()
