"""Refusals against a real moto server: exit 2, every reason listed, and the alias unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrator.canary.backend import AliasInfo, VersionInfo
from migrator.canary.preflight import version_problems, weight_problems
from tests.canary.conftest import World
from tests.canary.fakes import FakeBackend

pytestmark = pytest.mark.slow


def refused(world: World, fn: str, **fields: object) -> list[str]:
    before = world.alias(fn)
    ran = world.run(fn, output_format="json", **fields)
    assert ran.code == 2, ran.stdout + ran.stderr
    assert world.alias(fn) == before
    record = json.loads(ran.stdout)
    assert record["status"] == "refused"
    return list(record["refusals"])


def test_latest_is_refused(world: World) -> None:
    fn = world.function()
    [reason] = refused(world, fn, to_version="$LATEST", steps="10")
    assert reason.startswith("version: --to-version $LATEST: give a published version number, never $LATEST")


def test_a_missing_version_is_refused(world: World) -> None:
    fn = world.function()
    assert refused(world, fn, to_version="7", steps="10") == [
        f"version: version 7 of {fn} does not exist; publish it first"
    ]


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ("10,150", "weight: step 2: weight 1.5 (150%) must be above 0 and below 1"),
        ("10,100,50", "weight: step 2: weight 1 (100%) must be above 0 and below 1"),
        ("0,50", "weight: step 1: weight 0 (0%) must be above 0 and below 1"),
        ("-5", "weight: step 1: weight -0.05 (-5%) must be above 0 and below 1"),
    ],
)
def test_a_weight_outside_zero_to_one_is_refused(world: World, steps: str, expected: str) -> None:
    fn = world.function()
    [reason] = refused(world, fn, steps=steps)
    assert reason.startswith(expected)


def test_a_role_mismatch_is_refused(world: World) -> None:
    fn = world.function(second_role=True)
    [reason] = refused(world, fn, steps="10")
    assert reason.startswith(
        f"role: version 2 runs as arn:aws:iam::123456789012:role/{fn}-other-role but version 1"
    )
    assert "same execution role" in reason


def test_a_dead_letter_mismatch_is_refused() -> None:
    """moto keeps no DeadLetterConfig, so this rule is shown on the in-memory backend."""
    role = "arn:aws:iam::1:role/r"
    backend = FakeBackend(
        {"1": VersionInfo("1", role, None), "2": VersionInfo("2", role, "arn:aws:sqs:us-east-1:1:dlq")},
        AliasInfo("1", {}, "", "rev"),
    )
    [problem] = version_problems(backend, "fn", "1", "2")
    assert problem.rule == "dead-letter"
    assert problem.message.startswith(
        "version 2 has dead-letter target arn:aws:sqs:us-east-1:1:dlq but version 1 none"
    )
    assert version_problems(backend, "fn", "2", "2")[0].message.startswith("the alias already serves")


def test_a_missing_alarm_is_refused_and_every_reason_is_listed(world: World) -> None:
    fn = world.function(second_role=True)
    present = world.alarm(f"{fn}-present")
    reasons = refused(world, fn, steps="10,150", alarms=(present, f"{fn}-absent"))
    assert [r.split(":")[0] for r in reasons] == ["weight", "role", "alarm"]
    assert reasons[2] == f"alarm: alarm '{fn}-absent' does not exist; create it or drop --alarm {fn}-absent"


def test_a_missing_function_or_alias_is_refused(world: World) -> None:
    fn = world.function()
    ran = world.run(fn, alias="nope", steps="10", output_format="json")
    assert ran.code == 2
    assert json.loads(ran.stdout)["refusals"][0].startswith(
        f"alias: function {fn} or its alias nope not found"
    )


def test_an_alias_mid_shift_to_another_version_is_refused(world: World) -> None:
    fn = world.function(versions=3)
    world.client("lambda").update_alias(
        FunctionName=fn,
        Name="live",
        FunctionVersion="1",
        RoutingConfig={"AdditionalVersionWeights": {"3": 0.2}},
    )
    [reason] = refused(world, fn, steps="10")
    assert reason == (
        "mid-shift: the alias already routes to another version (3=0.2); finish or clear that shift first"
    )


def test_resume_without_a_recorded_rollout_is_refused(world: World) -> None:
    fn = world.function()
    [reason] = refused(world, fn, mode="resume", to_version=None)
    assert reason.startswith("resume: no rollout recorded on the alias to resume")


def test_a_failing_golden_report_refuses_before_any_change(
    world: World, tmp_path: Path, golden_report: object
) -> None:
    fn = world.function()
    report = tmp_path / "golden.json"
    report.write_text(golden_report(["pass", "fail"]))  # type: ignore[operator]
    [reason] = refused(world, fn, steps="10", golden_report=report)
    assert reason == f"golden: golden report fails: {report}: 1 of 2 cases not passing (case-2.json)"


def test_a_passing_golden_report_lets_the_rollout_run(
    world: World, tmp_path: Path, golden_report: object
) -> None:
    fn = world.function()
    world.metrics(fn, "1", 100)
    world.metrics(fn, "2", 100)
    report = tmp_path / "golden.json"
    report.write_text(golden_report(["pass", "pass"]))  # type: ignore[operator]
    assert world.run(fn, steps="10", golden_report=report).code == 0


def test_weights_are_checked_on_their_own() -> None:
    assert weight_problems((10.0, 50.0, 100.0)) == []
    assert [p.rule for p in weight_problems((10.0, 99.5))] == ["weight"]


def test_steps_whose_record_cannot_fit_the_alias_description_are_refused(world: World) -> None:
    # Lambda's alias description holds 256 characters (moto takes more): a 1%-linear plan's record
    # does not fit, so the first update_alias would fail on Lambda; refuse it before any change.
    fn = world.function()
    [reason] = refused(world, fn, steps=",".join(str(p) for p in range(1, 100)))
    assert reason.startswith("steps: 100 steps make a ")
    assert reason.endswith("over the 256 an alias description holds; give fewer steps or rounder percentages")
    [reason] = refused(world, fn, steps="10,150")  # a plan that fits is not refused for its length
    assert reason.startswith("weight: step 2:")


def test_a_weight_that_rounds_to_zero_or_one_is_refused() -> None:
    # The alias gets round(percent / 100, 6): 0.00001% would be sent as weight 0, 99.99999% as 1.
    problems = weight_problems((0.00001, 99.99999, 100.0))
    assert [p.message.split(" must ")[0] for p in problems] == [
        "step 1: weight 0 (1e-05%)",
        "step 2: weight 1 (99.99999%)",
    ]
