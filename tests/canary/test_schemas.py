"""The JSON schemas themselves: valid Draft 2020-12, closed, and strict where the code is.

Real output is validated where the tests produce it: every alias record the moto-backed tests read
(`World.alias`) and every `--format json` record they print (`World.run`), plus explicit checks in
test_rollout.py, test_cli.py and test_formats.py.
"""

from __future__ import annotations

import json

import pytest
from jsonschema import ValidationError

from migrator.canary.gates import GateReading
from migrator.canary.outcome import Check, Result
from migrator.canary.state import PREFIX, RolloutRecord
from tests.canary.schemas import check_record, check_result, validator

HELD = RolloutRecord("1", "2", (10.0, 50.0, 100.0), 1, "held", 60.0, "SIGTERM; held", "the users' alias")


def test_an_encoded_record_matches_and_the_schema_is_closed() -> None:
    body = check_record(HELD.encode())
    assert body == {
        "from": "1",
        "to": "2",
        "steps": [10, 50, 100],
        "step": 1,
        "status": "held",
        "wait": 60,
        "reason": "SIGTERM; held",
        "desc": "the users' alias",
    }
    for broken in (
        {**body, "extra": 1},
        {k: v for k, v in body.items() if k != "wait"},
        {**body, "step": -2},
    ):
        with pytest.raises(ValidationError):
            check_record(PREFIX + json.dumps(broken))


def test_a_result_matches_and_its_exit_code_follows_its_status() -> None:
    check = Check(0, 10.0, (GateReading("alarms", "fail", "in ALARM: x"),))
    result = Result("fn", "live", "1", "2", "rolled-back", "gate failed", 0, (10.0, 100.0), (check,))
    body = check_result(json.dumps(result.to_json()))
    assert body["exit_code"] == 1
    for broken in (
        {**body, "exit_code": 0},
        {**body, "extra": 1},
        {k: v for k, v in body.items() if k != "checks"},
    ):
        with pytest.raises(ValidationError):
            validator("canary-result").validate(broken)
