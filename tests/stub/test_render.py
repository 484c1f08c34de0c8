"""Every row of the event table renders Go that compiles: one module per kind (with and without
partial batch responses), and one module dispatching all kinds at once; gofmt-clean and vetted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.output.write import Target, write_targets
from migrator.scan.model import AwsCall, AwsCallField, AwsSdkUsage, Blocker, Function
from migrator.stub.cognito import trigger_types
from migrator.stub.plan import PlanOptions, plan_module
from migrator.stub.render import environment, render_module
from migrator.stub.tables import load_tables
from tests.conftest import require_tool
from tests.stub.conftest import go
from tests.stub.facts import function

pytestmark = pytest.mark.slow


def test_every_event_kind_compiles(tmp_path: Path) -> None:
    tables = load_tables()
    env = environment()
    kinds = tuple(k for k in tables.events)
    cases: list[tuple[str, Function, bool | str]] = [
        (f"kind-{k}", function(name=k, events=(k,)), False) for k in kinds
    ]
    cases += [(f"partial-{k}", function(events=(k,)), True) for k, e in tables.events.items() if e.partial]
    triggers = sorted(set(trigger_types().values()))
    cases += [(f"cognito-{t}", function(events=("cognito",)), f"events.{t}") for t in triggers]
    cases.append(("cognito-dispatch", function(events=("cognito", "sqs")), f"events.{triggers[0]}"))
    long_running = Blocker("long-running", "warning", "", None, None)
    cases.append(("all-kinds", function(events=kinds, error_types=("Error", "ValidationError")), False))
    cases.append(
        (
            "long-running-sqs",
            function(events=("sqs", "s3"), blockers=(long_running,), aws_sdk=(AwsSdkUsage("s3", (), ""),)),
            True,
        )
    )
    fields = (
        AwsCallField("TableName", "ORDERS_TABLE", "TABLE"),
        AwsCallField("ConditionExpression", None, '"attribute_not_exists(id) AND \\"x\\""'),
        AwsCallField("Item", None, "{ ...order, note: `a\tb */ // c` }"),
        AwsCallField("ReturnValues", None, "'NONE'"),
        AwsCallField("x-y", None, "1"),
    )
    calls = (
        AwsCall("dynamodb", "PutItem", "src/index.js", 3, fields),
        AwsCall("dynamodb", "PutItem", "src/index.js", 9),
        AwsCall("sqs", "SendMessage", "src/q.js", 4, (AwsCallField("QueueUrl", None, "'https://q'"),)),
    )
    sdk = (AwsSdkUsage("dynamodb", ("PutItem",), ""), AwsSdkUsage("sqs", ("SendMessage",), ""))
    cases.append(("input-fields", function(env=("ORDERS_TABLE",), aws_sdk=sdk, aws_calls=calls), False))
    targets = []
    for folder, fn, how in cases:  # how: partial batch responses (bool) or the Cognito type (str)
        options = PlanOptions(cognito=how) if isinstance(how, str) else PlanOptions(reports_failures=how)
        plan = plan_module(fn, folder, tables, options)
        targets.append(Target(folder, tmp_path / folder, render_module(plan, tables, env)))
    write_targets(targets)
    fmt = subprocess.run(["gofmt", "-l", str(tmp_path)], capture_output=True, text=True, check=False)
    assert fmt.stdout == "" and fmt.returncode == 0, fmt.stdout + fmt.stderr
    done = go(["work", "init", *(folder for folder, _, _ in cases)], tmp_path, {"GOFLAGS": ""})
    assert done.returncode == 0, done.stderr
    done = go(["vet", "example.com/stub/..."], tmp_path)
    assert done.returncode == 0, done.stderr


def test_sam_events_of_every_kind_pass_cfn_lint(tmp_path: Path) -> None:
    require_tool(shutil.which("cfn-lint") is not None, "cfn-lint")
    tables = load_tables()
    long_running = Blocker("long-running", "warning", "", None, None)
    calls = (
        AwsCall("dynamodb", "PutItem", "src/index.js", 3, (AwsCallField("TableName", "ORDERS_TABLE", "T"),)),
        AwsCall("sns", "Publish", "src/index.js", 5, (AwsCallField("TopicArn", "TOPIC_ARN", "T"),)),
        AwsCall("sqs", "SendMessage", "src/index.js", 7),
    )
    sdk = tuple(AwsSdkUsage(c.service, (c.operation,), "") for c in calls)
    env = ("ORDERS_TABLE", "LOG_LEVEL", "TOPIC_ARN")
    facts = {"env": env, "blockers": (long_running,), "aws_sdk": sdk, "aws_calls": calls}
    fn = function(events=tuple(tables.events), **facts)
    plan = plan_module(fn, "all", tables, PlanOptions())
    [template] = [f for f in render_module(plan, tables, environment()) if f.path == "template.yaml"]
    (tmp_path / "template.yaml").write_text(template.content)
    done = subprocess.run(["cfn-lint", str(tmp_path / "template.yaml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
