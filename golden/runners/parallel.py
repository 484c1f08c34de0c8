"""Cases in parallel, for remote mode: a bounded thread pool over `golden.session.run_case`.

Each case still runs its own invokes in order (Node runs for noise, Go, warm runs), so what one case
sees is exactly what a sequential session would see; only different cases overlap. The report keeps
the cases' order. Invokers must be thread-safe: boto3 clients are, and golden's local runners
serialise their invokes with a lock (so a local side in a mixed run simply does not overlap).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from golden.cases.files import Case
from golden.config import GoldenSettings
from golden.session import (
    DEFAULT_RUNS,
    CaseResult,
    EffectsProbe,
    GoldenReport,
    Invoker,
    Progress,
    run_case,
    run_golden,
    summarise,
)


def run_golden_parallel(
    cases: Sequence[Case],
    node_runner: Invoker,
    go_runner: Invoker,
    settings: GoldenSettings | None = None,
    *,
    runs: int = DEFAULT_RUNS,
    concurrency: int = 1,
    progress: Progress | None = None,
    effects: EffectsProbe | None = None,
) -> GoldenReport:
    """`run_golden` with up to `concurrency` cases in flight at once (1 is `run_golden` itself)."""
    if concurrency < 1:
        raise ValueError(f"concurrency must be 1 or more, not {concurrency}")
    if runs < 0:
        raise ValueError(f"runs must be 0 or more, not {runs}")
    if concurrency == 1:
        return run_golden(
            cases, node_runner, go_runner, settings, runs=runs, progress=progress, effects=effects
        )
    if effects is not None:
        raise ValueError("side effects are compared one case at a time (concurrency 1)")
    chosen = settings or GoldenSettings()
    lock = threading.Lock()
    done = 0

    def one(case: Case) -> CaseResult:
        nonlocal done
        result = run_case(case, node_runner, go_runner, chosen, runs=runs)
        with lock:
            done += 1
            if progress is not None:
                progress(done, len(cases))
        return result

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="golden-case") as pool:
        results = list(pool.map(one, cases))
    return GoldenReport(tuple(results), summarise(results))
