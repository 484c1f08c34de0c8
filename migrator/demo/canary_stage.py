"""The demo's canary stage: a rollout on a local moto server, gated by a port's golden report.

As `migrate canary FUNCTION --local` sets it up (`migrator.canary.local`): a moto server on
127.0.0.1, FUNCTION with version 1 (Node) and 2 (Go), ALIAS on 1, an alarm and a minute of Lambda
metrics per version. The rollout itself is `migrator.canary.run.run` with the golden gate on (the
port's report must pass), the alarm and error-rate gates, and its live view. The alias is read back
afterwards: the stage reports the version and weights it really serves, not only the record.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.canary.boto_backend import Boto3Backend
from migrator.canary.interrupts import StopFlag, catching_signals
from migrator.canary.local import FAKE_CREDENTIALS, REGION, local_moto, seed_demo
from migrator.canary.request import CanaryRequest, GateSettings
from migrator.canary.run import run
from migrator.demo.plan import CanaryPlan, DemoError
from migrator.demo.report import StageResult
from migrator.report.output import write_atomic


def canary_stage(plan: CanaryPlan, out: Path, progress: bool, stderr: Console) -> StageResult:
    """Roll FUNCTION's ALIAS from version 1 to `plan.to_version`; out/canary.json holds the record."""
    golden_report = out / "golden" / f"{plan.function}.json"
    with catching_signals(StopFlag()) as stop, local_moto() as endpoint:
        seed_demo(endpoint, plan.function, plan.alias)
        backend = Boto3Backend(REGION, endpoint, credentials=FAKE_CREDENTIALS)
        request = _request(plan, golden_report, endpoint, progress)
        printed = io.StringIO()
        code = run(request, Console(file=printed), stderr=stderr, backend=backend, stop=stop)
        alias = backend.get_alias(plan.function, plan.alias)
    if not printed.getvalue():  # an error stopped it before any record; its message is on stderr
        raise DemoError(f"canary {plan.function}:{plan.alias}: the rollout could not run")
    write_atomic(out / "canary.json", printed.getvalue())
    record: dict[str, Any] = json.loads(printed.getvalue())
    facts = {
        "status": record["status"],
        "steps": [f"{p:g}%" for p in record["percents"]],
        "alias_version": alias.function_version,
        "alias_weights": dict(alias.weights),
        "record": "canary.json",
    }
    served = f"{plan.alias} → version {alias.function_version}"
    if alias.weights:
        served += " + " + ", ".join(f"{w:.0%} on {v}" for v, w in alias.weights.items())
    did = f"{plan.function}:{served} after steps {', '.join(facts['steps'])}"
    did += f" ({record['reason']}) → canary.json" if record["reason"] else " → canary.json"
    verdict = str(record["status"])
    return StageResult("canary", did, 0.0, verdict, ExitCode(code), facts)


def _request(plan: CanaryPlan, golden_report: Path, endpoint: str, progress: bool) -> CanaryRequest:
    return CanaryRequest(
        function=plan.function,
        alias=plan.alias,
        to_version=plan.to_version,
        steps=plan.steps,
        interval_s=plan.interval_s,
        alarms=(f"{plan.function}-errors",),
        gates=GateSettings(max_p99_ratio=None),  # moto computes no percentiles
        golden_report=golden_report,
        region=REGION,
        endpoint_url=endpoint,
        output_format="json",
        live=progress,
    )
