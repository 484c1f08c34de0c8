"""A connection fault between steps leaves a recorded alias; `--resume` completes it, `--rollback` undoes."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Mapping
from typing import Any

import pytest

from migrator.canary.backend import AliasInfo
from migrator.canary.boto_backend import Boto3Backend
from migrator.canary.errors import CanaryError, Unavailable
from migrator.canary.state import decode
from tests.canary.conftest import CREDENTIALS, REGION, World
from tests.canary.throttle import throttling

pytestmark = pytest.mark.slow


class CutAfter:
    """The real backend until `updates` alias updates have gone through; then every call fails as a
    dropped connection would (the boto3 backend's own `Unavailable`)."""

    def __init__(self, backend: Boto3Backend, updates: int) -> None:
        self._backend = backend
        self._left = updates

    def __getattr__(self, name: str) -> Any:
        if self._left <= 0:
            raise Unavailable(name, "Could not connect to the endpoint URL")
        return getattr(self._backend, name)

    def update_alias(self, function: str, alias: str, **kwargs: Any) -> AliasInfo:
        if self._left <= 0:
            raise Unavailable("update_alias", "Could not connect to the endpoint URL")
        self._left -= 1
        return self._backend.update_alias(function, alias, **kwargs)


def cut_rollout(world: World) -> tuple[str, Mapping[str, Any]]:
    """A rollout 10,50 whose connection drops right after step 1 was written."""
    fn = world.function()
    world.metrics(fn, "1", 100)
    world.metrics(fn, "2", 100)
    ran = world.run(fn, steps="10,50", output_format="json", backend=CutAfter(world.backend(), 1))
    assert ran.code == 2, ran.stdout
    record = json.loads(ran.stdout)
    assert record["status"] == "stopped"
    assert "the rollback failed too" in record["reason"] and "--resume or --rollback" in record["reason"]
    return fn, world.alias(fn)


def test_a_fault_between_steps_leaves_the_step_recorded_and_resume_completes(world: World) -> None:
    fn, alias = cut_rollout(world)
    assert alias["FunctionVersion"] == "1"
    assert alias["RoutingConfig"] == {"AdditionalVersionWeights": {"2": 0.1}}
    state = decode(alias["Description"])
    assert state is not None
    assert (state.step, state.status, state.percents) == (0, "shifting", (10.0, 50.0, 100.0))

    ran = world.run(fn, mode="resume", to_version=None, output_format="json")
    assert ran.code == 0, ran.stderr
    record = json.loads(ran.stdout)
    assert record["status"] == "promoted"
    assert [c["percent"] for c in record["checks"]] == [10, 50]
    assert "resuming at step 1 (10%)" in ran.stderr
    assert world.alias(fn) == {
        "FunctionVersion": "2",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }


def test_rollback_undoes_a_recorded_rollout(world: World) -> None:
    fn, _ = cut_rollout(world)
    ran = world.run(fn, mode="rollback", to_version=None, output_format="json")
    assert ran.code == 0
    assert json.loads(ran.stdout)["status"] == "undone"
    assert world.alias(fn) == {
        "FunctionVersion": "1",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }


def test_a_new_rollout_over_a_recorded_one_is_refused(world: World) -> None:
    fn, before = cut_rollout(world)
    ran = world.run(fn, steps="20", output_format="json")
    assert ran.code == 2
    assert json.loads(ran.stdout)["refusals"] == [
        "in-progress: a rollout to version 2 is in progress (step 1); use --resume or --rollback"
    ]
    assert world.alias(fn) == before


def test_resume_refuses_an_alias_changed_by_hand(world: World) -> None:
    fn, alias = cut_rollout(world)
    world.client("lambda").update_alias(
        FunctionName=fn,
        Name="live",
        Description=alias["Description"],
        RoutingConfig={"AdditionalVersionWeights": {"2": 0.3}},
    )
    ran = world.run(fn, mode="resume", to_version=None, output_format="json")
    assert ran.code == 2
    assert json.loads(ran.stdout)["refusals"] == [
        "resume: the alias's routing no longer matches its record (changed by hand?); use --rollback"
    ]


def test_a_change_by_someone_else_between_steps_stops_without_touching_it(world: World) -> None:
    fn = world.function()
    world.metrics(fn, "1", 100)
    world.metrics(fn, "2", 100)
    backend = world.backend()
    lam = world.client("lambda")

    class Meddled:
        def __getattr__(self, name: str) -> Any:
            return getattr(backend, name)

        def update_alias(self, function: str, alias: str, **kwargs: Any) -> AliasInfo:
            reply = backend.update_alias(function, alias, **kwargs)
            lam.update_alias(FunctionName=fn, Name="live", Description="someone else")
            return reply

    ran = world.run(fn, steps="10,50", output_format="json", backend=Meddled())
    assert ran.code == 2
    assert "changed by someone else" in json.loads(ran.stdout)["reason"]
    assert world.alias(fn)["Description"] == "someone else"


def test_an_unreachable_endpoint_is_unavailable_after_the_retries() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    backend = Boto3Backend(
        REGION, f"http://127.0.0.1:{port}", credentials=CREDENTIALS, retries=1, timeout_s=2
    )
    with pytest.raises(Unavailable, match="get_alias: Could not connect to the endpoint URL"):
        backend.get_alias("fn", "live")


def test_throttling_is_retried_with_the_standard_mode(world: World) -> None:
    fn = world.function()
    with throttling(world.endpoint, first=2) as (url, throttled):
        backend = Boto3Backend(REGION, url, credentials=CREDENTIALS, retries=2)
        assert backend.get_alias(fn, "live").function_version == "1"
        assert throttled == [2]


def test_throttling_past_the_retries_is_unavailable(world: World) -> None:
    fn = world.function()
    with throttling(world.endpoint, first=5) as (url, throttled):
        backend = Boto3Backend(REGION, url, credentials=CREDENTIALS, retries=1)
        with pytest.raises(Unavailable, match="get_alias: still throttled after retries"):
            backend.get_alias(fn, "live")
        assert throttled == [2]  # the first attempt and one retry


def test_rollback_clears_routing_set_by_hand_and_refuses_when_there_is_none(world: World) -> None:
    fn = world.function(versions=3)
    lam = world.client("lambda")
    lam.update_alias(FunctionName=fn, Name="live", RoutingConfig={"AdditionalVersionWeights": {"3": 0.4}})
    ran = world.run(fn, mode="rollback", to_version=None, output_format="json")
    assert ran.code == 0
    assert world.alias(fn) == {
        "FunctionVersion": "1",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }
    again = world.run(fn, mode="rollback", to_version=None, output_format="json")
    assert again.code == 2
    assert json.loads(again.stdout)["refusals"] == [
        "rollback: nothing to roll back: no rollout recorded and no weighted routing on the alias"
    ]


class LostReply:
    """The real backend, but the reply to the `nth` alias update is lost after the update landed (a
    read timeout; on Lambda botocore's retry of it then meets a changed RevisionId)."""

    def __init__(self, backend: Boto3Backend, nth: int) -> None:
        self._backend = backend
        self._left = nth

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)

    def update_alias(self, function: str, alias: str, **kwargs: Any) -> AliasInfo:
        reply = self._backend.update_alias(function, alias, **kwargs)
        self._left -= 1
        if self._left == 0:
            raise Unavailable("update_alias", "Read timeout on endpoint URL")
        return reply


@pytest.mark.parametrize(("nth", "status"), [(1, "promoted"), (2, "rolled-back")])
def test_an_update_that_landed_but_lost_its_reply_is_taken_as_done(
    world: World, nth: int, status: str
) -> None:
    # nth=1: the first step landed, so the rollout goes on; nth=2: the rollback after the failed
    # alarm landed, so the alias is back on version 1 (it was reported "stopped" at 10% before).
    fn = world.function()
    world.metrics(fn, "1", 100)
    world.metrics(fn, "2", 100)
    alarm = world.alarm(f"{fn}-alarm", "ALARM" if nth == 2 else "OK")
    ran = world.run(
        fn, steps="10,50", alarms=(alarm,), output_format="json", backend=LostReply(world.backend(), nth)
    )
    assert json.loads(ran.stdout)["status"] == status, ran.stdout
    assert world.alias(fn) == {
        "FunctionVersion": "2" if status == "promoted" else "1",
        "RoutingConfig": {"AdditionalVersionWeights": {}},
        "Description": "the users' alias",
    }


def test_rollback_with_dry_run_changes_nothing(world: World) -> None:
    fn, before = cut_rollout(world)
    ran = world.run(fn, mode="rollback", to_version=None, dry_run=True, output_format="json")
    assert ran.code == 0, ran.stderr
    record = json.loads(ran.stdout)
    assert (record["status"], record["reason"]) == (
        "dry-run",
        "dry run: would put version 1 back as the primary and clear the routing to 2; nothing was changed",
    )
    assert world.alias(fn) == before


def test_an_endless_interval_is_refused_on_resume_too(world: World) -> None:
    fn, before = cut_rollout(world)
    ran = world.run(fn, mode="resume", to_version=None, interval_s=float("inf"))
    assert (ran.code, ran.stderr) == (
        2,
        "migrate: error: --interval inf: give a number of seconds, 0 or more\n",
    )
    assert world.alias(fn) == before


@pytest.mark.parametrize(
    ("profile", "region", "endpoint", "message"),
    [
        ("no-such-profile", REGION, None, "The config profile (no-such-profile) could not be found"),
        (None, REGION, "not a url", "Invalid endpoint: not a url"),
        (None, "us east 1", None, "Provided region_name 'us east 1' doesn't match a supported format"),
    ],
)
def test_a_broken_aws_configuration_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, profile: str | None, region: str, endpoint: str | None, message: str
) -> None:
    if profile:
        monkeypatch.setenv("AWS_PROFILE", profile)
    with pytest.raises(CanaryError, match=re.escape(f"AWS configuration: {message}")) as raised:
        Boto3Backend(region, endpoint)
    assert str(raised.value).endswith("check AWS_PROFILE, --region and --endpoint-url")
