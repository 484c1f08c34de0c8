"""AWS setup files: checked for shape with located errors, then applied to a real moto server."""

from __future__ import annotations

import json
from pathlib import Path

import boto3  # type: ignore[import-untyped]
import pytest

from golden.aws.moto import MotoServer
from golden.aws.reach import caller_region
from golden.aws.setup import SetupCall, apply_setup, load_setup
from golden.errors import GoldenError
from golden.runtime.environment import FAKE_CREDENTIALS

TABLE = {
    "TableName": "things",
    "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
}
ITEM = {"TableName": "things", "Item": {"id": {"S": "a"}, "n": {"N": "7"}}}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "aws-setup.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_calls_load_in_order_with_their_position(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "calls": [
                {"service": "dynamodb", "operation": "CreateTable", "params": TABLE},
                {"service": "sqs", "operation": "ListQueues"},
            ]
        },
    )
    calls = load_setup(path)
    assert [(c.service, c.operation) for c in calls] == [("dynamodb", "CreateTable"), ("sqs", "ListQueues")]
    assert calls[0].params == TABLE and calls[1].params == {}
    assert calls[1].where == f"{path}: call 2"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('{"calls": [', r"aws-setup.json:1:\d+: invalid JSON"),
        ([{"service": "s3"}], "an AWS setup file is"),
        ({"calls": [], "extra": 1}, "an AWS setup file is"),
        ({"calls": [{"service": "s3"}]}, "call 1: expected"),
        ({"calls": [{"service": "s3", "operation": "ListBuckets", "param": {}}]}, "call 1: expected"),
        ({"calls": [{"service": "s3", "operation": "ListBuckets", "params": []}]}, "call 1: service and"),
    ],
)
def test_a_malformed_file_is_a_located_error(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(GoldenError, match=message):
        load_setup(write(tmp_path, data))


@pytest.mark.slow
def test_calls_are_made_on_moto_and_failures_name_the_call() -> None:
    with MotoServer() as moto:
        calls = (
            SetupCall("dynamodb", "CreateTable", TABLE, "setup: call 1"),
            SetupCall("dynamodb", "PutItem", ITEM, "setup: call 2"),
        )
        apply_setup(calls, moto.endpoint_url, "eu-west-1")
        dynamodb = boto3.client(
            "dynamodb",
            endpoint_url=moto.endpoint_url,
            region_name="eu-west-1",
            aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        assert dynamodb.get_item(TableName="things", Key={"id": {"S": "a"}})["Item"] == ITEM["Item"]

        failing = [
            (SetupCall("dynamo", "CreateTable", {}, "f: call 1"), "f: call 1: unknown AWS service 'dynamo'"),
            (SetupCall("dynamodb", "MakeTable", {}, "f: call 2"), "f: call 2: dynamodb has no operation"),
            (
                SetupCall("dynamodb", "PutItem", {"Item": {}}, "f: call 3"),
                r"f: call 3 \(dynamodb PutItem\) failed",
            ),
            (
                SetupCall("dynamodb", "PutItem", {**ITEM, "TableName": "nope"}, "f: call 4"),
                r"f: call 4 \(dynamodb PutItem\) failed: .*ResourceNotFoundException",
            ),
        ]
        for call, message in failing:
            with pytest.raises(GoldenError, match=message):
                apply_setup([call], moto.endpoint_url, "eu-west-1")


def test_an_unknown_aws_profile_is_our_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile-here")
    call = SetupCall("dynamodb", "ListTables", {}, "setup.json: call 1")
    with pytest.raises(GoldenError, match="no-such-profile-here"):
        apply_setup([call], "http://127.0.0.1:9", "us-east-1")
    with pytest.raises(GoldenError, match="no-such-profile-here"):
        caller_region({})
