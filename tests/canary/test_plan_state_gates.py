"""Plans from --steps and --config, the record in the alias description, and the gate arithmetic."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from rich.console import Console

from migrator.canary.backend import AliasInfo, VersionInfo, VersionMetrics
from migrator.canary.errors import CanaryError
from migrator.canary.gates import GateReading, error_rate, overall, p99
from migrator.canary.interrupts import StopFlag
from migrator.canary.plan import deployment_configs, make_plan
from migrator.canary.request import CanaryRequest, GateSettings
from migrator.canary.run import run
from migrator.canary.state import MAX_DESCRIPTION, RolloutRecord, decode
from tests.canary.fakes import FakeBackend


def test_codedeploy_configs_become_steps() -> None:
    assert len(deployment_configs()) == 9
    canary = make_plan(None, "Canary10Percent30Minutes", None)
    assert (canary.percents, canary.wait_s) == ((10.0, 100.0), 1800.0)
    linear = make_plan(None, "Linear10PercentEvery2Minutes", 0)
    assert linear.percents == tuple(float(p) for p in range(10, 101, 10))
    assert linear.wait_s == 0
    assert make_plan(None, "AllAtOnce", None).percents == (100.0,)
    assert make_plan(None, None, None).config == "Canary10Percent5Minutes"


def test_steps_are_percentages_and_end_in_the_promotion() -> None:
    assert make_plan("10,25,50", None, 30).percents == (10.0, 25.0, 50.0, 100.0)
    assert make_plan("10, 100", None, None).wait_s == 300.0
    assert make_plan("5", None, None).weights == (0.05, 1.0)


@pytest.mark.parametrize(
    ("steps", "config", "interval", "message"),
    [
        ("10,ten", None, None, "'ten' is not a number"),
        ("10,nan", None, None, "not a finite percentage"),
        ("10", "AllAtOnce", None, "not both"),
        (None, "Canary99Percent", None, "unknown --config 'Canary99Percent'"),
        ("10", None, -1.0, "--interval -1.0: give a number of seconds"),
    ],
)
def test_bad_plans_are_errors(
    steps: str | None, config: str | None, interval: float | None, message: str
) -> None:
    with pytest.raises(CanaryError, match=message):
        make_plan(steps, config, interval)


def test_the_record_round_trips_and_fits_in_a_description() -> None:
    record = RolloutRecord("3", "4", (10.0, 25.5, 100.0), 1, "held", 60.0, "SIGTERM; held", "orders alias")
    assert decode(record.encode()) == record
    long = RolloutRecord(
        "3", "4", tuple(float(p) for p in range(1, 101)), 7, "shifting", 0.0, description="é\\" * 200
    )
    text = long.encode()
    assert len(text) <= MAX_DESCRIPTION or "desc" not in text
    short = RolloutRecord("3", "4", (10.0, 100.0), 0, "shifting", description="x" * 300)
    assert len(short.encode()) <= MAX_DESCRIPTION
    assert decode(short.encode()) is not None and decode(short.encode()).description.startswith("xxx")  # type: ignore[union-attr]


def test_descriptions_that_are_not_records_decode_to_none() -> None:
    assert decode("the users' alias") is None
    assert decode(None) is None
    assert decode('migrate-canary:{"from":"1"}') is None
    assert decode('migrate-canary:{"from":"1","to":"2","steps":[10],"step":0,"status":"odd"}') is None


def metrics(invocations: float, errors: float = 0.0, p99_ms: float | None = None) -> VersionMetrics:
    return VersionMetrics(invocations, errors, p99_ms)


def test_error_rate_compares_the_new_version_with_the_old() -> None:
    settings = GateSettings(max_error_rate=0.01, min_invocations=100)
    assert error_rate(metrics(1000, 10), metrics(100, 2), settings).status == "pass"
    failed = error_rate(metrics(1000, 10), metrics(100, 3), settings)
    assert failed == GateReading("error-rate", "fail", "new 3.00% vs old 1.00% (max +1.00%)")
    assert error_rate(metrics(1000), metrics(99), settings).status == "no-data"
    assert error_rate(metrics(0), metrics(0), GateSettings(min_invocations=1)).status == "no-data"


def test_p99_ratio_and_missing_percentiles() -> None:
    assert p99(metrics(200, p99_ms=100), metrics(200, p99_ms=119), 1.2, 100).status == "pass"
    assert p99(metrics(200, p99_ms=100), metrics(200, p99_ms=130), 1.2, 100) == GateReading(
        "p99", "fail", "new 130.0 ms vs old 100.0 ms (x1.30, max x1.2)"
    )
    assert p99(metrics(200, p99_ms=100), metrics(200), 1.2, 100).status == "no-data"
    assert p99(metrics(200, p99_ms=100), metrics(10, p99_ms=1), 1.2, 100).status == "no-data"


def test_overall_never_counts_missing_data_as_a_pass() -> None:
    ok, gap, bad = GateReading("g", "pass", ""), GateReading("g", "no-data", ""), GateReading("g", "fail", "")
    assert overall([ok, gap]) == "no-data"
    assert overall([gap, bad, ok]) == "fail"
    assert overall([ok]) == "pass"


def test_a_p99_regression_rolls_back_where_cloudwatch_has_percentiles() -> None:
    """moto computes no percentiles; the in-memory backend does, so the p99 gate is shown failing here."""
    role = "arn:aws:iam::1:role/r"
    backend = FakeBackend(
        {"1": VersionInfo("1", role, None), "2": VersionInfo("2", role, None)},
        AliasInfo("1", {}, "mine", "rev"),
        metrics={"1": metrics(500, 0, 50.0), "2": metrics(500, 0, 90.0)},
    )
    out = io.StringIO()
    request = CanaryRequest("fn", "live", "2", steps="10,50", interval_s=0, output_format="json", live=False)
    code = run(request, Console(file=out), stderr=Console(file=io.StringIO()), backend=backend)
    assert code == 1
    record = json.loads(out.getvalue())
    assert record["reason"] == "gate failed at 10%: p99: new 90.0 ms vs old 50.0 ms (x1.80, max x1.2)"
    assert backend.alias == AliasInfo("1", {}, "mine", "rev")


class CountingBackend(FakeBackend):
    """The in-memory backend, counting alias updates."""

    updates: int = 0

    def update_alias(self, function: str, alias: str, **fields: Any) -> AliasInfo:
        self.updates += 1
        return super().update_alias(function, alias, **fields)


@pytest.mark.parametrize("on_interrupt", ["rollback", "hold"])
def test_an_interrupt_before_the_first_step_writes_nothing(on_interrupt: Any) -> None:
    role = "arn:aws:iam::1:role/r"
    versions = {"1": VersionInfo("1", role, None), "2": VersionInfo("2", role, None)}
    backend = CountingBackend(versions, AliasInfo("1", {}, "mine", "rev"))
    stop = StopFlag()
    stop.set("SIGTERM")
    out = io.StringIO()
    request = CanaryRequest(
        "fn", "live", "2", steps="10", interval_s=0, on_interrupt=on_interrupt, output_format="json"
    )
    code = run(request, Console(file=out), stderr=Console(file=io.StringIO()), backend=backend, stop=stop)
    assert code == 1
    assert json.loads(out.getvalue())["reason"] == "SIGTERM before the first step; nothing was changed"
    assert backend.updates == 0
