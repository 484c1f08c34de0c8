"""One golden run: every case through both sides, judged for correctness, with latency reported beside it.

Per case, the Node side runs `settings.node_runs` times (the runs that find noise), then the Go side runs
once; then each side runs `runs` more warm invokes for latency. Node's first outcome is compared with Go's
first under `settings.compare` with that case's noise ignored; clock readings the Node runs could not
tell apart are noise too (`golden.compare.clock`), in outputs and side effects. Latency percentiles are over
every warm invoke of a side that completed (a response or a function error; the extra Node noise runs
count too): a crash or a timeout measures nothing about speed. A harness failure in a case (a runner
error, a runtime that cannot start) is verdict `error` and the run goes on with the next case.

JSON schema of a report (`dataclasses.asdict(report)`, as `golden.report.json` writes it)::

    {
      "version": 1,
      "cases": [{
        "id": str,                              # Case.id: the event file's relative path, or FILE.jsonl:LINE
        "verdict": "pass" | "fail" | "error",   # correctness only; latency never changes it
        "differences": [{                       # empty unless verdict is "fail"
          "path": str,                          # JSON pointer; "" is the whole outcome
          "category": "value" | "type" | "missing" | "extra" | "status" | "header" | "error-type"
                      | "error-message" | "crash" | "timeout"
                      | "side-effect-missing" | "side-effect-extra" | "side-effect-value",  # /effects/...
          "node": JSON, "go": JSON,             # each side's value at path (null when absent)
          "node_present": bool, "go_present": bool,
          "note": str
        }],
        "noise": [{"path": str, "values": [JSON]}],   # paths the Node runs disagreed on (ignored)
        "unstable": [Difference],              # Node runs whose kind of outcome changed (never ignored)
        "latency": {
          "node": Latency | null, "go": Latency | null,   # null when the side never ran
          "verdict": "pass" | "fail" | "unknown",         # unknown: a side had no warm invoke
          "note": str                                     # why it failed, when it did
        },
        "node": JSON | null, "go": JSON | null,   # summary of each side's first outcome (compare.summary)
        "error": str | null                       # the harness error, when verdict is "error"
      }],
      "summary": {"total": int, "passed": int, "failed": int, "errored": int, "latency_failed": int},
      "latency_mode": "gate" | "report",       # gate: a latency failure fails the run (the default)
      "verdict": "pass" | "fail",              # the run's verdict, what the exit code says: every case
                                               # passes, and with "gate" no case fails the latency budget
      "cost": Cost | null                      # projected cost per million invokes (golden.compare.cost)
    }

where `Latency` is `{"init_ms": float|null, "p50_ms": float|null, "p95_ms": float|null, "warm_runs": int}`,
`Cost` is `{"prices_date": str, "region": str, "memory_mb": int, "node": SideCost, "go": SideCost}` and
`SideCost` is `{"billed_ms": float|null, "per_million": {ARCH: float} | null}` (null: nothing measured).
This contract as a JSON Schema (Draft 2020-12): `golden/report/schemas/golden-report.schema.json`.

Why the two sides never run at the same time: overlapping them (Go's invokes of a case on a second
thread while Node runs its own) was measured for issue 5 and left out. On a shared 2-core machine it
gave about 1.2 times the cases per second (306 against 250 with `--runs 3`), but (1) the two runtimes
and the harness then compete for two cores and the harness's threads for the GIL, which delays the
timestamp that ends an invoke: p95 durations about doubled, unevenly between the sides, which is what
the latency verdict compares; (2) with one shared moto server a handler would see the other side's
writes in an order that changes from run to run. Cases per second come from a cheaper invoke instead.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeAlias

from golden.cases.files import Case
from golden.compare.clock import ClockWindow, split_clock_readings
from golden.compare.cost import Cost
from golden.compare.difference import Difference
from golden.compare.effects_diff import effect_differences
from golden.compare.judge import compare, summary
from golden.compare.latency import Latency, judge_latency, measure
from golden.compare.noise import NoisyPath, find_noise
from golden.config import GoldenSettings
from golden.outcome import FunctionError, Json, Outcome, Success

Verdict: TypeAlias = Literal["pass", "fail", "error"]
LatencyVerdict: TypeAlias = Literal["pass", "fail", "unknown"]
LatencyMode: TypeAlias = Literal["gate", "report"]
"""`gate`: a latency failure fails the run; `report`: latency is informational (`--latency report`)."""
Progress: TypeAlias = Callable[[int, int], None]

DEFAULT_RUNS = 3
"""Extra warm invokes per side and case, for latency."""


class Invoker(Protocol):
    """What a session needs of a runner (NodeRunner, GoRunner, a remote or fake one)."""

    def invoke(self, event: object) -> Outcome: ...


class EffectsProbe(Protocol):
    """Per-side AWS state for comparing side effects (`golden.aws.effects.MotoEffects`)."""

    def fresh(self, side: Literal["node", "go"]) -> None:
        """Put the side's AWS state back to the setup's."""

    def snapshot(self, side: Literal["node", "go"]) -> Json:
        """The side's AWS state as JSON."""


@dataclass(frozen=True)
class CaseLatency:
    """Both sides' latency for one case and the latency verdict, kept apart from correctness."""

    node: Latency | None
    go: Latency | None
    verdict: LatencyVerdict
    note: str = ""
    """`judge_latency`'s explanation when the verdict is `fail`."""


@dataclass(frozen=True)
class CaseResult:
    """The verdict on one case, with everything a report shows about it."""

    id: str
    verdict: Verdict
    differences: tuple[Difference, ...]
    """Node's first outcome vs Go's first, with noise ignored; empty unless `fail`."""
    noise: tuple[NoisyPath, ...]
    unstable: tuple[Difference, ...]
    """Node runs that disagreed with the first on the kind of outcome (reported, never ignored)."""
    latency: CaseLatency
    node: Json
    """Summary of Node's first outcome (`golden.compare.judge.summary`); None when it never ran."""
    go: Json
    """Summary of Go's first outcome; None when it never ran."""
    error: str | None = None
    """What stopped the harness, when the verdict is `error`."""

    @property
    def latency_node(self) -> Latency | None:
        return self.latency.node

    @property
    def latency_go(self) -> Latency | None:
        return self.latency.go

    @property
    def latency_verdict(self) -> LatencyVerdict:
        return self.latency.verdict


@dataclass(frozen=True)
class Summary:
    total: int
    passed: int
    failed: int
    errored: int
    latency_failed: int


@dataclass(frozen=True)
class GoldenReport:
    cases: tuple[CaseResult, ...]
    summary: Summary
    version: int = 1
    """Version of the JSON schema in this module's docstring."""
    latency_mode: LatencyMode = "gate"
    cost: Cost | None = None
    """Projected cost per million invokes of each side (`golden.compare.cost`); None when not computed."""
    verdict: Literal["pass", "fail"] = field(init=False)
    """The run's verdict (the CLI's exit 0 or 1): every case passed and, when latency gates, none
    failed the latency budget."""

    def __post_init__(self) -> None:
        gated = self.latency_mode == "gate" and self.summary.latency_failed > 0
        object.__setattr__(self, "verdict", "pass" if self.ok and not gated else "fail")

    @property
    def ok(self) -> bool:
        """Every case passed correctness (latency is judged separately; `verdict` combines both)."""
        return self.summary.passed == self.summary.total


def run_golden(
    cases: Sequence[Case],
    node_runner: Invoker,
    go_runner: Invoker,
    settings: GoldenSettings | None = None,
    *,
    runs: int = DEFAULT_RUNS,
    progress: Progress | None = None,
    effects: EffectsProbe | None = None,
) -> GoldenReport:
    """Run every case on both sides and judge it; one case's harness failure never stops the run.

    With `effects`, each compared run (Node's noise runs, Go's first) starts from fresh AWS state and
    what it left there is compared too (`golden.compare.effects_diff`)."""
    if runs < 0:
        raise ValueError(f"runs must be 0 or more, not {runs}")
    settings, results = settings or GoldenSettings(), []
    for done, case in enumerate(cases, start=1):
        results.append(run_case(case, node_runner, go_runner, settings, runs=runs, effects=effects))
        if progress is not None:
            progress(done, len(cases))
    return GoldenReport(tuple(results), summarise(results))


def run_case(
    case: Case,
    node_runner: Invoker,
    go_runner: Invoker,
    settings: GoldenSettings,
    *,
    runs: int,
    effects: EffectsProbe | None = None,
) -> CaseResult:
    """One case, end to end; an exception from the harness becomes verdict `error`."""
    node: list[Outcome] = []
    go: list[Outcome] = []
    node_effects: list[Json] = []
    go_effects: list[Json] = []
    started = time.time()
    node_invoke, go_invoke = _invoking(node_runner, case.event), _invoking(go_runner, case.event)
    try:
        for _ in range(max(settings.node_runs, 1)):
            node.append(_observed(node_invoke, effects, "node", node_effects))
        go.append(_observed(go_invoke, effects, "go", go_effects))
        # The compared outcomes are node[0] and go[0]: a clock reading must fall before this moment,
        # however long the warm runs below take (they would widen the window and hide a real skew).
        compared_until = time.time()
        for _ in range(runs):
            node.append(node_invoke())
            go.append(go_invoke())
    except Exception as exc:  # a harness failure for this case only; Ctrl-C (BaseException) still stops
        return _errored(case, node, go, f"{type(exc).__name__}: {exc}")
    noise = find_noise(node[: max(settings.node_runs, 1)], settings.compare)
    compared = compare(node[0], go[0], noise.ignoring(settings.compare))
    window = ClockWindow(started, compared_until)
    differences, clock = split_clock_readings(compared, window)
    effect_noise: list[NoisyPath] = []
    if node_effects and go_effects:  # a timestamp written to AWS (an email's `Date`) is a clock reading too
        found, effect_noise = effect_differences(node_effects, go_effects[0], settings.compare)
        kept, effect_clock = split_clock_readings(found, window)
        differences, effect_noise = (*differences, *kept), [*effect_noise, *effect_clock]
    return CaseResult(
        case.id,
        "fail" if differences else "pass",
        tuple(differences),
        noise.paths + tuple(clock) + tuple(effect_noise),
        noise.unstable,
        _latency(node, go, settings),
        summary(node[0].result),
        summary(go[0].result),
    )


def _invoking(runner: Invoker, event: object) -> Callable[[], Outcome]:
    """One invoke of `runner` with `event`: through `invoke_json` with the event encoded once, for a
    runner that offers it (a local `Runner`), else through `invoke`."""
    invoke_json = getattr(runner, "invoke_json", None)
    if invoke_json is None or isinstance(event, bytes):
        return functools.partial(runner.invoke, event)
    return functools.partial(invoke_json, json.dumps(event).encode())


def _observed(
    invoke: Callable[[], Outcome], effects: EffectsProbe | None, side: Literal["node", "go"], into: list[Json]
) -> Outcome:
    """One compared invoke: from fresh AWS state, with what it left there appended to `into`."""
    if effects is None:
        return invoke()
    effects.fresh(side)
    outcome = invoke()
    into.append(effects.snapshot(side))
    return outcome


def summarise(results: Sequence[CaseResult]) -> Summary:
    """Counts per verdict, and how many cases failed the latency budget."""
    verdicts = [r.verdict for r in results]
    return Summary(
        total=len(results),
        passed=verdicts.count("pass"),
        failed=verdicts.count("fail"),
        errored=verdicts.count("error"),
        latency_failed=sum(1 for r in results if r.latency.verdict == "fail"),
    )


def _latency(node: Sequence[Outcome], go: Sequence[Outcome], settings: GoldenSettings) -> CaseLatency:
    node_latency, go_latency = measure(_completed(node)), measure(_completed(go))
    if node_latency.p95_ms is None or go_latency.p95_ms is None:
        return CaseLatency(node_latency, go_latency, "unknown")
    over = judge_latency(node_latency, go_latency, settings.latency)
    if over is None:
        return CaseLatency(node_latency, go_latency, "pass")
    return CaseLatency(node_latency, go_latency, "fail", over.note)


def _completed(outcomes: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if isinstance(o.result, Success | FunctionError)]


def _errored(case: Case, node: Sequence[Outcome], go: Sequence[Outcome], message: str) -> CaseResult:
    latency = CaseLatency(
        measure(_completed(node)) if node else None, measure(_completed(go)) if go else None, "unknown"
    )
    return CaseResult(
        case.id,
        "error",
        (),
        (),
        (),
        latency,
        summary(node[0].result) if node else None,
        summary(go[0].result) if go else None,
        message,
    )
