"""Rollouts against a real moto server: promotion, rollback on a failing gate, not enough data."""

from __future__ import annotations

import json

import pytest

from migrator.canary.request import GateSettings
from migrator.canary.state import decode
from tests.canary.conftest import World
from tests.canary.schemas import check_record

pytestmark = pytest.mark.slow


def test_a_clean_rollout_promotes_and_restores_the_description(world: World) -> None:
    fn = world.function()
    world.metrics(fn, "1", 200, errors=2)
    world.metrics(fn, "2", 50, errors=0)
    alarm = world.alarm(f"{fn}-errors")
    ran = world.run(fn, steps="10,25,50", alarms=(alarm,), output_format="json")
    assert ran.code == 0, ran.stderr
    record = json.loads(ran.stdout)
    assert record["status"] == "promoted"
    assert [c["percent"] for c in record["checks"]] == [10, 25, 50]
    assert all(r["status"] == "pass" for c in record["checks"] for r in c["readings"])
    assert {r["gate"] for r in record["checks"][0]["readings"]} == {"alarms", "error-rate"}
    assert world.alias(fn) == {
        "FunctionVersion": "2",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }
    assert "step 1/4: 10% of traffic on version 2" in ran.stderr


def test_each_step_is_written_with_its_record(world: World) -> None:
    """Weights and record move together, one update_alias per step; the end restores the description."""
    fn = world.function()
    world.metrics(fn, "1", 200)
    world.metrics(fn, "2", 200)
    backend = world.backend()
    seen: list[tuple[dict[str, float], str]] = []

    class Recording:
        def __getattr__(self, name: str) -> object:
            return getattr(backend, name)

        def update_alias(self, *args: object, **kwargs: object) -> object:
            reply = backend.update_alias(*args, **kwargs)  # type: ignore[arg-type]
            seen.append((dict(reply.weights), reply.description))
            return reply

    assert world.run(fn, steps="10,50", backend=Recording()).code == 0
    assert [weights for weights, _ in seen] == [{"2": 0.1}, {"2": 0.5}, {}]
    records = [decode(description) for _, description in seen]
    assert [(r.step, r.status, r.from_version, r.to_version) for r in records[:2] if r] == [
        (0, "shifting", "1", "2"),
        (1, "shifting", "1", "2"),
    ]
    assert records[2] is None and seen[2][1] == "the users' alias"
    bodies = [check_record(description) for _, description in seen[:2]]  # the schema holds what we wrote
    assert [(b["step"], b["steps"], b["desc"]) for b in bodies] == [
        (0, [10, 50, 100], "the users' alias"),
        (1, [10, 50, 100], "the users' alias"),
    ]


def test_an_alarm_in_alarm_rolls_back_with_routing_cleared(world: World) -> None:
    fn = world.function()
    alarm = world.alarm(f"{fn}-errors", "ALARM")
    ran = world.run(fn, steps="10,50", alarms=(alarm,), gates=GateSettings(metrics=False))
    assert ran.code == 1
    assert f"gate failed at 10%: alarms: in ALARM: {alarm}" in ran.stdout
    assert world.alias(fn) == {
        "FunctionVersion": "1",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }


def test_a_higher_error_rate_on_the_new_version_rolls_back(world: World) -> None:
    fn = world.function()
    world.metrics(fn, "1", 1000, errors=1)
    world.metrics(fn, "2", 100, errors=9)
    ran = world.run(fn, steps="10", output_format="json")
    assert ran.code == 1
    record = json.loads(ran.stdout)
    assert record["status"] == "rolled-back"
    assert record["checks"][0]["readings"] == [
        {"gate": "error-rate", "status": "fail", "detail": "new 9.00% vs old 0.10% (max +1.00%)"}
    ]
    assert world.alias(fn)["FunctionVersion"] == "1"


def test_too_few_invocations_is_not_enough_data_never_a_pass(world: World) -> None:
    fn = world.function()
    world.metrics(fn, "1", 500)
    world.metrics(fn, "2", 3)
    ran = world.run(
        fn,
        steps="10",
        output_format="json",
        gates=GateSettings(max_p99_ratio=None, min_invocations=10, max_extensions=1),
    )
    assert ran.code == 1
    record = json.loads(ran.stdout)
    assert [r["status"] for c in record["checks"] for r in c["readings"]] == ["no-data", "no-data"]
    assert "not enough data at 10% after 2 checks" in record["reason"]
    assert "not enough data: 3 invocations on the new version, 500 on the old" in ran.stderr
    assert world.alias(fn)["FunctionVersion"] == "1"


def test_moto_gives_no_percentile_so_the_p99_gate_reads_no_data(world: World) -> None:
    fn = world.function()
    world.metrics(fn, "1", 500)
    world.metrics(fn, "2", 500)
    ran = world.run(
        fn, steps="10", output_format="json", gates=GateSettings(min_invocations=10, max_extensions=0)
    )
    record = json.loads(ran.stdout)
    assert ran.code == 1
    readings = {r["gate"]: r for r in record["checks"][0]["readings"]}
    assert readings["error-rate"]["status"] == "pass"
    assert readings["p99"] == {
        "gate": "p99",
        "status": "no-data",
        "detail": "CloudWatch returned no p99 duration for a version",
    }


def test_all_at_once_promotes_without_a_step(world: World) -> None:
    fn = world.function()
    ran = world.run(fn, config="AllAtOnce")
    assert ran.code == 0, ran.stderr
    assert world.alias(fn)["FunctionVersion"] == "2"


def test_dry_run_changes_nothing(world: World) -> None:
    fn = world.function()
    before = world.alias(fn)
    ran = world.run(fn, config="Linear10PercentEvery1Minute", dry_run=True, interval_s=None)
    assert ran.code == 0
    assert "would shift version 1 → 2 in steps 10%, 20%, 30%" in ran.stdout
    assert "60s apart, checking after each: error rate at most +1.00%; at least 10 invocations" in ran.stdout
    assert world.alias(fn) == before
