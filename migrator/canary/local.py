"""`--local`: a moto server on 127.0.0.1 with a demo function, so a rollout can be tried with no AWS.

The demo: an IAM role, FUNCTION with versions 1 and 2 (a `bootstrap` zip, provided.al2023), ALIAS on
version 1, an alarm `FUNCTION-errors` in OK, and one minute of Lambda metrics by `ExecutedVersion`
for both versions (moto computes no percentiles, so the p99 gate reads "no-data" there). Everything
lives only as long as the run: the server is killed at the end.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import boto3  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from golden.aws.moto import MotoServer
from golden.errors import GoldenError
from migrator.canary.errors import CanaryError

FAKE_CREDENTIALS = {"aws_access_key_id": "AKIACANARYLOCAL00000", "aws_secret_access_key": "local"}
REGION = "us-east-1"
DEMO_INVOCATIONS = 500.0


@contextmanager
def local_moto() -> Iterator[str]:
    """A fresh moto server for the run; yields its endpoint URL."""
    try:
        with MotoServer() as moto:
            yield moto.endpoint_url
    except GoldenError as exc:
        raise CanaryError(f"--local: {exc}") from None


def seed_demo(endpoint_url: str, function: str, alias: str) -> None:
    """Create the demo function, versions, alias, alarm and metrics (see the module docstring)."""
    try:
        _seed(endpoint_url, function, alias)
    except (ClientError, BotoCoreError) as exc:
        detail = " ".join(str(exc).split())[:160]
        raise CanaryError(f"--local: cannot create the demo {function}:{alias} ({detail})") from None


def _seed(endpoint_url: str, function: str, alias: str) -> None:
    iam, lam, cloudwatch = (_client(name, endpoint_url) for name in ("iam", "lambda", "cloudwatch"))
    role = iam.create_role(
        RoleName=f"{function}-role",
        AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
        '"Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    )["Role"]["Arn"]
    lam.create_function(
        FunctionName=function,
        Runtime="provided.al2023",
        Role=role,
        Handler="bootstrap",
        Code={"ZipFile": _bootstrap_zip("node")},
        Architectures=["arm64"],
    )
    lam.publish_version(FunctionName=function, Description="the Node.js original")
    lam.update_function_code(FunctionName=function, ZipFile=_bootstrap_zip("go"))
    lam.publish_version(FunctionName=function, Description="the Go port")
    lam.create_alias(FunctionName=function, Name=alias, FunctionVersion="1", Description="demo alias")
    cloudwatch.put_metric_alarm(
        AlarmName=f"{function}-errors",
        Namespace="AWS/Lambda",
        MetricName="Errors",
        Statistic="Sum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=1.0,
        ComparisonOperator="GreaterThanOrEqualToThreshold",
        Dimensions=[{"Name": "FunctionName", "Value": function}],
    )
    cloudwatch.set_alarm_state(AlarmName=f"{function}-errors", StateValue="OK", StateReason="demo")
    put_version_metrics(cloudwatch, function, alias, "1", DEMO_INVOCATIONS, errors=1.0, duration_ms=42.0)
    put_version_metrics(cloudwatch, function, alias, "2", DEMO_INVOCATIONS, errors=0.0, duration_ms=9.0)


def put_version_metrics(
    cloudwatch: Any,
    function: str,
    alias: str,
    version: str,
    invocations: float,
    *,
    errors: float,
    duration_ms: float,
) -> None:
    """Lambda's metrics for one version behind the alias, as CloudWatch stores them, stamped now."""
    dimensions = [
        {"Name": "FunctionName", "Value": function},
        {"Name": "Resource", "Value": f"{function}:{alias}"},
        {"Name": "ExecutedVersion", "Value": version},
    ]
    now = datetime.now(UTC)
    cloudwatch.put_metric_data(
        Namespace="AWS/Lambda",
        MetricData=[
            {
                "MetricName": "Invocations",
                "Dimensions": dimensions,
                "Value": invocations,
                "Unit": "Count",
                "Timestamp": now,
            },
            {
                "MetricName": "Errors",
                "Dimensions": dimensions,
                "Value": errors,
                "Unit": "Count",
                "Timestamp": now,
            },
            {
                "MetricName": "Duration",
                "Dimensions": dimensions,
                "Value": duration_ms,
                "Unit": "Milliseconds",
                "Timestamp": now,
            },
        ],
    )


def _client(service: str, endpoint_url: str) -> Any:
    return boto3.client(service, endpoint_url=endpoint_url, region_name=REGION, **FAKE_CREDENTIALS)


def _bootstrap_zip(label: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("bootstrap")
        info.external_attr = 0o755 << 16
        archive.writestr(info, f"#!/bin/sh\n# demo {label} build\n")
    return buffer.getvalue()
