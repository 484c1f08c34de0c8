"""The AWS resources a function expects, created on golden's moto server before any case runs.

A setup file is JSON naming AWS API calls, made in order with the API's own operation names and request
shapes (what `aws <service> <operation> --cli-input-json` takes)::

    {"calls": [
      {"service": "dynamodb", "operation": "CreateTable", "params": {"TableName": "inventory", ...}},
      {"service": "dynamodb", "operation": "PutItem", "params": {"TableName": "inventory", "Item": {...}}}
    ]}

The `aws-setup` golden setting names it (relative to the settings file). Both sides then start against
the same prepared moto server. The calls go only to that local server, never to AWS. A broken file or a
call that fails is a `GoldenError` that names the file, the call's position and what AWS said.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3  # type: ignore[import-untyped]
import botocore.exceptions  # type: ignore[import-untyped]
from botocore import xform_name

from golden.errors import GoldenError
from golden.runtime.environment import FAKE_CREDENTIALS

_CALL = '{"service": "dynamodb", "operation": "PutItem", "params": {…}}'
_SHAPE = f'{{"calls": [{_CALL}, …]}}'
_REQUIRED = frozenset({"service", "operation"})
_ALLOWED = _REQUIRED | {"params"}


@dataclass(frozen=True)
class SetupCall:
    """One AWS API call of a setup file."""

    service: str
    """boto3's service name (`dynamodb`, `sqs`, `s3`, `events`…)."""
    operation: str
    """The API's operation name (`CreateTable`, `PutItem`)."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """The request, as the API documents it."""
    where: str = ""
    """`FILE: call N` for messages."""


def load_setup(path: Path) -> tuple[SetupCall, ...]:
    """The calls of a setup file, checked for shape (not yet against the AWS API)."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldenError(f"{path}: cannot read the AWS setup file ({exc})") from exc
    except json.JSONDecodeError as exc:
        where = f"{path}:{exc.lineno}:{exc.colno}"
        raise GoldenError(f"{where}: invalid JSON in the AWS setup file: {exc.msg}") from exc
    calls = data.get("calls") if isinstance(data, dict) else None
    if not isinstance(calls, list) or set(data) != {"calls"}:
        raise GoldenError(f"{path}: an AWS setup file is {_SHAPE}")
    out: list[SetupCall] = []
    for number, call in enumerate(calls, start=1):
        where = f"{path}: call {number}"
        if not isinstance(call, dict) or not _REQUIRED <= set(call) <= _ALLOWED:
            raise GoldenError(f"{where}: expected {_CALL}, not {call!r}")
        service, operation, params = call["service"], call["operation"], call.get("params", {})
        if not isinstance(service, str) or not isinstance(operation, str) or not isinstance(params, dict):
            raise GoldenError(f"{where}: service and operation are strings, params an object")
        out.append(SetupCall(service, operation, params, where))
    return tuple(out)


def apply_setup(calls: Sequence[SetupCall], endpoint_url: str, region: str) -> None:
    """Make every call, in order, against the AWS API emulator at `endpoint_url` with fake credentials."""
    try:
        session = boto3.Session(
            aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            region_name=region,
        )
    except botocore.exceptions.BotoCoreError as exc:  # e.g. AWS_PROFILE names no profile
        raise GoldenError(f"cannot start an AWS session for the setup calls: {exc}") from exc
    clients: dict[str, Any] = {}

    def client(service: str) -> Any:
        if service not in clients:
            clients[service] = session.client(service, endpoint_url=endpoint_url)
        return clients[service]

    run_calls(calls, client, session.get_available_services())


def run_calls(calls: Sequence[SetupCall], client: Callable[[str], Any], services: Sequence[str]) -> None:
    """Make every call, in order, through `client(service)` (boto3 clients, made once by the caller)."""
    for call in calls:
        if call.service not in services:
            known = "boto3's service names, e.g. 'dynamodb', 'sqs', 's3', 'events'"
            raise GoldenError(f"{call.where}: unknown AWS service {call.service!r}; use {known}")
        made = client(call.service)
        if call.operation not in made.meta.service_model.operation_names:
            raise GoldenError(f"{call.where}: {call.service} has no operation {call.operation!r}")
        try:
            getattr(made, xform_name(call.operation))(**call.params)
        except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as exc:
            raise GoldenError(f"{call.where} ({call.service} {call.operation}) failed: {exc}") from exc
