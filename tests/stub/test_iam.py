"""The SAM template's policy: the IAM actions of the calls the Node code makes, on the resources its
environment names, and "*" only where the code does not say."""

from __future__ import annotations

from migrator.scan.model import AwsCall, AwsCallField, AwsSdkUsage, Blocker
from migrator.stub.iam import policies
from migrator.stub.plan import PlanOptions, plan_module
from migrator.stub.tables import load_tables
from tests.stub.facts import function


def _statements(**facts: object) -> list[dict[str, object]]:
    plan = plan_module(function(**facts), "fn", load_tables(), PlanOptions())
    [document] = policies(plan)
    return list(document["Statement"])


def test_env_backed_tables_are_named_and_the_rest_is_any() -> None:
    table = (AwsCallField("TableName", "ORDERS_TABLE", "TABLE"),)
    calls = (
        AwsCall("dynamodb", "PutItem", "a.js", 1, table),
        AwsCall("dynamodb", "TransactWriteItems", "a.js", 2, table),
        AwsCall("lambda", "Invoke", "a.js", 3, (AwsCallField("FunctionName", "WORKER", "W"),)),
    )
    sdk = (
        AwsSdkUsage("dynamodb", ("PutItem", "TransactWriteItems"), ""),
        AwsSdkUsage("lambda", ("Invoke",), ""),
    )
    dynamodb, invoke = _statements(env=("ORDERS_TABLE", "WORKER"), aws_sdk=sdk, aws_calls=calls)
    assert dynamodb["Action"] == [
        "dynamodb:ConditionCheckItem",
        "dynamodb:DeleteItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
    ]
    arn = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${EnvOrdersTable}"
    assert dynamodb["Resource"] == [{"Fn::Sub": arn}, {"Fn::Sub": arn + "/index/*"}]
    assert invoke == {"Effect": "Allow", "Action": ["lambda:InvokeFunction"], "Resource": "*"}


def test_an_operation_without_an_env_backed_call_site_widens_to_any() -> None:
    calls = (AwsCall("s3", "GetObject", "a.js", 1, (AwsCallField("Bucket", "IN", "B"),)),)
    sdk = (AwsSdkUsage("s3", ("GetObject", "ListObjectsV2"), ""),)
    [s3] = _statements(env=("IN",), aws_sdk=sdk, aws_calls=calls)
    assert s3["Action"] == ["s3:GetObject", "s3:ListBucket"] and s3["Resource"] == "*"


def test_long_running_functions_may_use_their_checkpoint_bucket_and_queue() -> None:
    statements = _statements(blockers=(Blocker("long-running", "warning", "", None, None),))
    assert [s["Action"] for s in statements] == [["s3:GetObject", "s3:PutObject"], ["sqs:SendMessage"]]
