"""The deploy backend on boto3: Lambda and CloudWatch, with botocore's standard retry mode.

Standard retries cover throttling (`TooManyRequestsException`, `ThrottlingException`) and transient
connection errors with exponential backoff; what still fails after them becomes `Unavailable`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import boto3  # type: ignore[import-untyped]
from botocore.config import Config  # type: ignore[import-untyped]
from botocore.exceptions import (  # type: ignore[import-untyped]
    BotoCoreError,
    ClientError,
    NoCredentialsError,
    NoRegionError,
)

from migrator.canary.backend import AliasInfo, VersionInfo, VersionMetrics
from migrator.canary.errors import BackendError, CanaryError, Conflict, NotFound, Unavailable

DEFAULT_RETRIES = 4
"""Retries after the first attempt (botocore's `max_attempts` config key counts retries): 5 in all."""
_NOT_FOUND = frozenset({"ResourceNotFoundException", "ResourceNotFound"})
_CONFLICT = frozenset({"PreconditionFailedException", "ResourceConflictException"})
_THROTTLED = frozenset({"TooManyRequestsException", "ThrottlingException", "Throttling"})


class Boto3Backend:
    """Lambda + CloudWatch clients for one region (and optional endpoint, e.g. a local moto server)."""

    def __init__(
        self,
        region: str | None,
        endpoint_url: str | None = None,
        *,
        retries: int = DEFAULT_RETRIES,
        timeout_s: float = 10.0,
        credentials: Mapping[str, str] | None = None,
    ) -> None:
        config = Config(
            retries={"mode": "standard", "max_attempts": retries},
            connect_timeout=timeout_s,
            read_timeout=timeout_s,
        )
        try:
            session = boto3.session.Session(region_name=region, **dict(credentials or {}))
            self._lambda: Any = session.client("lambda", endpoint_url=endpoint_url, config=config)
            self._cloudwatch: Any = session.client("cloudwatch", endpoint_url=endpoint_url, config=config)
        except NoRegionError:
            raise CanaryError("no AWS region: pass --region or set AWS_REGION") from None
        except (BotoCoreError, ValueError) as exc:  # a missing AWS_PROFILE, a malformed --endpoint-url
            raise CanaryError(
                f"AWS configuration: {exc}; check AWS_PROFILE, --region and --endpoint-url"
            ) from None

    def get_version(self, function: str, version: str) -> VersionInfo:
        reply = self._call(
            "get_function_configuration",
            self._lambda.get_function_configuration,
            FunctionName=function,
            Qualifier=version,
        )
        dead_letter = (reply.get("DeadLetterConfig") or {}).get("TargetArn") or None
        return VersionInfo(str(reply.get("Version", version)), str(reply.get("Role", "")), dead_letter)

    def get_alias(self, function: str, alias: str) -> AliasInfo:
        reply = self._call("get_alias", self._lambda.get_alias, FunctionName=function, Name=alias)
        return _alias(reply)

    def update_alias(
        self,
        function: str,
        alias: str,
        *,
        version: str,
        weights: Mapping[str, float],
        description: str,
        revision_id: str,
    ) -> AliasInfo:
        revision = {"RevisionId": revision_id} if revision_id else {}
        reply = self._call(
            "update_alias",
            self._lambda.update_alias,
            FunctionName=function,
            Name=alias,
            FunctionVersion=version,
            Description=description,
            RoutingConfig={"AdditionalVersionWeights": dict(weights)},
            **revision,
        )
        return _alias(reply)

    def alarm_states(self, names: Sequence[str]) -> Mapping[str, str]:
        states: dict[str, str] = {}
        for start in range(0, len(names), 100):  # DescribeAlarms takes at most 100 names
            reply = self._call(
                "describe_alarms",
                self._cloudwatch.describe_alarms,
                AlarmNames=list(names[start : start + 100]),
            )
            for alarm in [*reply.get("MetricAlarms", []), *reply.get("CompositeAlarms", [])]:
                states[str(alarm["AlarmName"])] = str(alarm["StateValue"])
        return states

    def version_metrics(
        self, function: str, alias: str, version: str, start: datetime, end: datetime
    ) -> VersionMetrics:
        dimensions = [
            {"Name": "FunctionName", "Value": function},
            {"Name": "Resource", "Value": f"{function}:{alias}"},
            {"Name": "ExecutedVersion", "Value": version},
        ]
        period = max(60, math.ceil((end - start).total_seconds() / 60) * 60)
        common = {
            "Namespace": "AWS/Lambda",
            "Dimensions": dimensions,
            "StartTime": start,
            "EndTime": end,
            "Period": period,
        }
        invocations = self._sum("Invocations", common)
        errors = self._sum("Errors", common)
        reply = self._call(
            "get_metric_statistics",
            self._cloudwatch.get_metric_statistics,
            MetricName="Duration",
            ExtendedStatistics=["p99"],
            **common,
        )
        p99s = [
            float(p["ExtendedStatistics"]["p99"])
            for p in reply.get("Datapoints", [])
            if "p99" in (p.get("ExtendedStatistics") or {})
        ]
        return VersionMetrics(invocations, errors, max(p99s) if p99s else None)

    def _sum(self, metric: str, common: Mapping[str, Any]) -> float:
        reply = self._call(
            "get_metric_statistics",
            self._cloudwatch.get_metric_statistics,
            MetricName=metric,
            Statistics=["Sum"],
            **common,
        )
        return float(sum(point.get("Sum", 0.0) for point in reply.get("Datapoints", [])))

    @staticmethod
    def _call(operation: str, method: Any, **kwargs: Any) -> Any:
        try:
            return method(**kwargs)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            message = str(error.get("Message", "")) or code
            if code in _NOT_FOUND:
                raise NotFound(operation, message) from None
            if code in _CONFLICT:
                raise Conflict(operation, message) from None
            if code in _THROTTLED:
                raise Unavailable(operation, f"still throttled after retries ({message})") from None
            raise BackendError(operation, f"{code}: {message}") from None
        except NoCredentialsError:
            raise CanaryError("no AWS credentials: configure them, or use --local") from None
        except BotoCoreError as exc:
            raise Unavailable(operation, str(exc)) from None


def _alias(reply: Mapping[str, Any]) -> AliasInfo:
    routing = reply.get("RoutingConfig") or {}
    weights = {str(k): float(v) for k, v in (routing.get("AdditionalVersionWeights") or {}).items()}
    return AliasInfo(
        function_version=str(reply.get("FunctionVersion", "")),
        weights=weights,
        description=str(reply.get("Description") or ""),
        revision_id=str(reply.get("RevisionId") or ""),
    )
