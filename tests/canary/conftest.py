"""A moto server for the canary tests (one per session) and a builder of functions, aliases, alarms."""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3  # type: ignore[import-untyped]
import pytest
from rich.console import Console

from golden.aws.moto import MotoServer
from migrator.canary.boto_backend import Boto3Backend
from migrator.canary.local import put_version_metrics
from migrator.canary.request import CanaryRequest, GateSettings
from migrator.canary.run import run
from migrator.canary.state import PREFIX
from tests.canary.schemas import check_record, check_result

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "AKIACANARYTEST000000", "aws_secret_access_key": "test"}
TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    with MotoServer() as moto:
        yield moto.endpoint_url


@dataclass
class Ran:
    """One in-process `run`: its exit code and what it printed."""

    code: int
    stdout: str
    stderr: str


@dataclass
class World:
    """Resources on the session's moto server; every function gets a fresh name."""

    endpoint: str

    def client(self, service: str) -> Any:
        return boto3.client(service, endpoint_url=self.endpoint, region_name=REGION, **CREDENTIALS)

    def backend(self) -> Boto3Backend:
        return Boto3Backend(REGION, self.endpoint, credentials=CREDENTIALS, retries=1)

    def role(self, name: str) -> str:
        return str(
            self.client("iam").create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]
        )

    def function(
        self,
        *,
        versions: int = 2,
        alias: str = "live",
        second_role: bool = False,
        dead_letter: str | None = None,
    ) -> str:
        """A function with `versions` published versions, `alias` on version 1; returns its name."""
        name = f"fn-{uuid.uuid4().hex[:10]}"
        lam = self.client("lambda")
        role = self.role(f"{name}-role")
        lam.create_function(
            FunctionName=name,
            Runtime="provided.al2023",
            Role=role,
            Handler="bootstrap",
            Code={"ZipFile": _zip(name, 0)},
            Description="v1",
        )
        lam.publish_version(FunctionName=name)
        for number in range(2, versions + 1):
            update: dict[str, Any] = {}
            if second_role and number == versions:
                update["Role"] = self.role(f"{name}-other-role")
            if dead_letter and number == versions:
                update["DeadLetterConfig"] = {"TargetArn": dead_letter}
            if update:
                lam.update_function_configuration(FunctionName=name, **update)
            lam.update_function_code(FunctionName=name, ZipFile=_zip(name, number))
            lam.publish_version(FunctionName=name)
        lam.create_alias(FunctionName=name, Name=alias, FunctionVersion="1", Description="the users' alias")
        return name

    def alarm(self, name: str, state: str = "OK") -> str:
        cloudwatch = self.client("cloudwatch")
        cloudwatch.put_metric_alarm(
            AlarmName=name,
            Namespace="AWS/Lambda",
            MetricName="Errors",
            Statistic="Sum",
            Period=60,
            EvaluationPeriods=1,
            Threshold=1.0,
            ComparisonOperator="GreaterThanOrEqualToThreshold",
        )
        cloudwatch.set_alarm_state(AlarmName=name, StateValue=state, StateReason="test")
        return name

    def metrics(
        self,
        function: str,
        version: str,
        invocations: float,
        *,
        errors: float = 0.0,
        duration_ms: float = 10.0,
        alias: str = "live",
    ) -> None:
        put_version_metrics(
            self.client("cloudwatch"),
            function,
            alias,
            version,
            invocations,
            errors=errors,
            duration_ms=duration_ms,
        )

    def alias(self, function: str, alias: str = "live") -> dict[str, Any]:
        """The alias as Lambda (moto) holds it; a rollout record in its description must match the schema."""
        reply = self.client("lambda").get_alias(FunctionName=function, Name=alias)
        if str(reply.get("Description", "")).startswith(PREFIX):
            check_record(reply["Description"])
        return {key: reply.get(key) for key in ("FunctionVersion", "RoutingConfig", "Description")}

    def run(self, function: str, *args: str, backend: Any = None, **fields: Any) -> Ran:
        """`run` in process with a request built from keyword fields (and `--interval 0` by default);
        a final record printed as JSON must match its schema."""
        assert not args
        gates = fields.pop("gates", GateSettings(max_p99_ratio=None, min_invocations=10))
        request = CanaryRequest(
            function=function,
            alias=fields.pop("alias", "live"),
            to_version=fields.pop("to_version", "2"),
            interval_s=fields.pop("interval_s", 0.0),
            gates=gates,
            live=False,
            **fields,
        )
        out, err = io.StringIO(), io.StringIO()
        code = run(
            request,
            Console(file=out, width=200, color_system=None),
            stderr=Console(file=err, width=200, color_system=None),
            backend=backend or self.backend(),
        )
        if request.output_format == "json" and out.getvalue():
            check_result(out.getvalue())
        return Ran(code, out.getvalue(), err.getvalue())


@pytest.fixture
def world(moto_endpoint: str) -> World:
    return World(moto_endpoint)


def _zip(name: str, number: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bootstrap", f"#!/bin/sh\n# {name} build {number}\n")
    return buffer.getvalue()


@pytest.fixture
def golden_report() -> Any:
    """`make(verdicts, latency=None)`: a report text written by golden's own JSON writer."""
    from golden.compare.latency import Latency
    from golden.report.json import render
    from golden.session import CaseLatency, CaseResult, GoldenReport, summarise

    def make(verdicts: list[str], latency: list[str] | None = None) -> str:
        timing = Latency(init_ms=3.0, p50_ms=1.0, p95_ms=2.0, warm_runs=3)
        cases = [
            CaseResult(
                f"case-{i}.json",
                verdict,  # type: ignore[arg-type]
                (),
                (),
                (),
                CaseLatency(timing, timing, (latency or ["pass"] * len(verdicts))[i - 1]),  # type: ignore[arg-type]
                {"kind": "success"},
                {"kind": "success"},
                "boom" if verdict == "error" else None,
            )
            for i, verdict in enumerate(verdicts, start=1)
        ]
        return render(GoldenReport(tuple(cases), summarise(cases)))

    return make
