"""The Invoke API on the emulator, driven by boto3 with `endpoint_url` and fake credentials."""

from __future__ import annotations

import base64
import json
from typing import Any

import boto3  # type: ignore[import-untyped]
import pytest
from botocore.config import Config  # type: ignore[import-untyped]

from golden.runners.runner import Runner
from golden.sides.function import FunctionFacts
from tests.golden.conftest import MakeGo, MakeNode

pytestmark = pytest.mark.slow


def lambda_client(runner: Runner) -> Any:
    return boto3.client(
        "lambda",
        endpoint_url=runner.emulator.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def test_success(node: MakeNode) -> None:
    runner = node("behaviours.echo", function=FunctionFacts(name="orders"))
    response = lambda_client(runner).invoke(FunctionName="orders", Payload=json.dumps({"id": 3}))
    assert response["StatusCode"] == 200
    assert response["ExecutedVersion"] == "$LATEST"
    assert "FunctionError" not in response
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert json.loads(response["Payload"].read()) == {"id": 3}


def test_function_error_is_unhandled_with_the_runtime_error_body(node: MakeNode) -> None:
    runner = node("behaviours.throwNamed", function=FunctionFacts(name="orders"))
    arn = "arn:aws:lambda:us-east-1:123456789012:function:orders"
    response = lambda_client(runner).invoke(FunctionName=arn, Payload=b"{}")
    assert response["StatusCode"] == 200
    assert response["FunctionError"] == "Unhandled"
    body = json.loads(response["Payload"].read())
    assert (body["errorType"], body["errorMessage"]) == ("ValidationError", "bad email")


def test_go_error_and_timeout(go: MakeGo) -> None:
    runner = go(function=FunctionFacts(name="orders", timeout_s=0.3))
    client = lambda_client(runner)
    body = json.loads(
        client.invoke(FunctionName="orders", Payload=b'{"action": "validation"}')["Payload"].read()
    )
    assert body["errorType"] == "ValidationError"
    timed_out = client.invoke(FunctionName="orders:$LATEST", Payload=b'{"action": "sleep", "sleepMs": 3000}')
    assert timed_out["FunctionError"] == "Unhandled"
    assert json.loads(timed_out["Payload"].read())["errorType"] == "Sandbox.Timedout"
    again = client.invoke(FunctionName="orders", Payload=b'{"value": "warm again"}')
    assert json.loads(again["Payload"].read()) == "warm again"


def test_unknown_function_and_bad_payload(node: MakeNode) -> None:
    client = lambda_client(node("behaviours.echo", function=FunctionFacts(name="orders")))
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.invoke(FunctionName="payments", Payload=b"{}")
    with pytest.raises(client.exceptions.InvalidRequestContentException):
        client.invoke(FunctionName="orders", Payload=b"{not json")


def test_dry_run(node: MakeNode) -> None:
    client = lambda_client(node("behaviours.echo", function=FunctionFacts(name="orders")))
    assert client.invoke(FunctionName="orders", InvocationType="DryRun")["StatusCode"] == 204


def test_log_tail_carries_lambdas_report_line(node: MakeNode) -> None:
    client = lambda_client(node("behaviours.echo", function=FunctionFacts(name="orders", memory_mb=256)))
    cold = client.invoke(FunctionName="orders", Payload=b"{}", LogType="Tail")
    lines = base64.b64decode(cold["LogResult"]).decode().splitlines()
    request_id = cold["ResponseMetadata"]["RequestId"]
    assert lines[0] == f"START RequestId: {request_id} Version: $LATEST"
    assert lines[1] == f"END RequestId: {request_id}"
    fields = dict(field.split(": ", 1) for field in lines[2].removeprefix("REPORT ").split("\t"))
    assert fields["RequestId"] == request_id and fields["Memory Size"] == "256 MB"
    assert float(fields["Duration"].removesuffix(" ms")) > 0 and "Init Duration" in fields
    warm = client.invoke(FunctionName="orders", Payload=b"{}", LogType="Tail")
    assert "Init Duration" not in base64.b64decode(warm["LogResult"]).decode()
    assert "LogResult" not in client.invoke(FunctionName="orders", Payload=b"{}")
