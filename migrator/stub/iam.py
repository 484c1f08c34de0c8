"""The SAM `Policies` of a stub: one statement per AWS service the Node code calls, with the IAM
actions of its operations (`data/iam.toml`) on the resources named by environment variables when
every call site names them that way (else "*"), plus the checkpoint bucket and queue it creates."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from migrator.stub.model import ModulePlan
from migrator.stub.naming import exported
from migrator.stub.plan import CHECKPOINT_ENV


@functools.cache
def _table() -> dict[str, Any]:
    return tomllib.loads(resources.files("migrator.stub.data").joinpath("iam.toml").read_text("utf-8"))


def param_name(env: str) -> str:
    """The template parameter that carries environment variable `env`."""
    return f"Env{exported(env)}"


def _actions(service: str, operation: str) -> list[str]:
    table = _table()
    known = table["actions"].get(f"{service}.{operation}")
    return list(known) if known else [f"{table['prefix'].get(service, service)}:{operation}"]


def _resources(plan: ModulePlan, service: str, operations: set[str]) -> list[Any] | str:
    """ARNs from env-backed names when every call of the service gives one, else "*"."""
    spec = _table()["resources"].get(service)
    calls = [c for c in plan.function.aws_calls if c.service == service]
    if spec is None or not calls or operations - {c.operation for c in calls}:
        return "*"
    settings = {s.env for s in plan.settings}
    names: list[str] = []
    for call in calls:
        env = next((f.env for f in call.fields if f.name == spec["key"] and f.env), None)
        if env is None or env not in settings or (plan.long_running and env in CHECKPOINT_ENV):
            return "*"
        names.append(env)
    arns: list[Any] = []
    for env in dict.fromkeys(names):
        param = param_name(env)
        for arn in spec["arns"]:
            named = arn.replace("${NAME}", "${" + param + "}")
            arns.append({"Ref": param} if arn == "${NAME}" else {"Fn::Sub": named})
    return arns


def policies(plan: ModulePlan) -> list[dict[str, Any]]:
    """The function's inline policy documents (empty when it calls nothing)."""
    statements: list[dict[str, Any]] = []
    for client in plan.clients:
        operations = {call.operation for call in client.calls}
        if not operations:
            continue
        actions = sorted({a for op in operations for a in _actions(client.service, op)})
        resource = _resources(plan, client.service, operations)
        statements.append({"Effect": "Allow", "Action": actions, "Resource": resource})
    if plan.long_running:
        bucket = {"Fn::Sub": "${CheckpointBucket.Arn}/*"}
        objects = ["s3:GetObject", "s3:PutObject"]
        statements.append({"Effect": "Allow", "Action": objects, "Resource": [bucket]})
        queue = {"Fn::GetAtt": ["ContinuationQueue", "Arn"]}
        statements.append({"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [queue]})
    return [{"Version": "2012-10-17", "Statement": statements}] if statements else []
