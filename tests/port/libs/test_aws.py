"""jsaws + the awsv3 shim against moto, compared with the real AWS SDK for JavaScript v3 on node."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import boto3  # type: ignore[import-untyped]
import pytest

from tests.port.libs.conftest import CREDENTIALS, GoModule, run_steps

pytestmark = pytest.mark.slow  # go build, node and npm

DOC = "@aws-sdk/lib-dynamodb"
_VOLATILE = {"requestId", "attempts", "totalRetryDelay", "extendedRequestId", "cfId", "MessageId", "EventId"}
#: the JS SDK sends a CRC32 checksum with every S3 upload by default; the Go SDK over plain HTTP does not
_DEFAULTS_DIFFER = {"ChecksumCRC32", "ChecksumType", "LastModified"}


def _client(service: str, endpoint: str) -> Any:
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=CREDENTIALS["AWS_REGION"],
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def _world(endpoint: str) -> dict[str, str]:
    """A fresh table, bucket, queue and topic for one side of a comparison."""
    name = f"t{uuid.uuid4().hex[:10]}"
    _client("dynamodb", endpoint).create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    _client("s3", endpoint).create_bucket(Bucket=name)
    queue = _client("sqs", endpoint).create_queue(QueueName=name)["QueueUrl"]
    topic = _client("sns", endpoint).create_topic(Name=name)["TopicArn"]
    sender = f"{name}@example.com"
    _client("ses", endpoint).verify_email_identity(EmailAddress=sender)
    return {"table": name, "bucket": name, "queue": queue, "topic": topic, "sender": sender}


def _steps(w: dict[str, str]) -> list[dict[str, object]]:
    table, key = w["table"], {"pk": "a"}
    item = {"pk": "a", "n": 1, "price": 12.5, "tags": ["x", "y"], "nested": {"ok": True, "none": None}}
    doc = {"module": DOC, "client": "DynamoDBDocumentClient"}
    return [
        {**doc, "command": "PutCommand", "input": {"TableName": table, "Item": item}},
        {**doc, "command": "GetCommand", "input": {"TableName": table, "Key": key}},
        {
            **doc,
            "command": "UpdateCommand",
            "input": {
                "TableName": table,
                "Key": key,
                "UpdateExpression": "SET n = n + :one",
                "ExpressionAttributeValues": {":one": 1},
                "ReturnValues": "ALL_NEW",
            },
        },
        {
            **doc,
            "command": "PutCommand",
            "input": {"TableName": table, "Item": item, "ConditionExpression": "attribute_not_exists(pk)"},
        },
        {
            **doc,
            "command": "QueryCommand",
            "input": {
                "TableName": table,
                "KeyConditionExpression": "pk = :p",
                "ExpressionAttributeValues": {":p": "a"},
            },
        },
        {**doc, "command": "PutCommand", "input": {"TableName": table, "Item": {"pk": "b", "n": 2}}},
        {**doc, "paginate": "paginateScan", "input": {"TableName": table, "ProjectionExpression": "pk"}},
        {
            "module": "@aws-sdk/client-dynamodb",
            "client": "DynamoDBClient",
            "command": "GetItemCommand",
            "input": {"TableName": table, "Key": {"pk": {"S": "a"}}},
        },
        {
            "module": "@aws-sdk/client-s3",
            "client": "S3Client",
            "config": {"forcePathStyle": True},
            "command": "PutObjectCommand",
            "input": {"Bucket": w["bucket"], "Key": "k.txt", "Body": "hello", "ContentType": "text/plain"},
        },
        {
            "module": "@aws-sdk/client-s3",
            "client": "S3Client",
            "config": {"forcePathStyle": True},
            "command": "GetObjectCommand",
            "input": {"Bucket": w["bucket"], "Key": "k.txt"},
            "body": True,
        },
        {
            "module": "@aws-sdk/client-s3",
            "client": "S3Client",
            "config": {"forcePathStyle": True},
            "command": "GetObjectCommand",
            "input": {"Bucket": w["bucket"], "Key": "missing.txt"},
        },
        {
            "module": "@aws-sdk/client-sqs",
            "client": "SQSClient",
            "command": "SendMessageCommand",
            "input": {"QueueUrl": w["queue"], "MessageBody": "hi"},
        },
        {
            "module": "@aws-sdk/client-sns",
            "client": "SNSClient",
            "command": "PublishCommand",
            "input": {"TopicArn": w["topic"], "Message": "hi"},
        },
        {
            "module": "@aws-sdk/client-ses",
            "client": "SESClient",
            "command": "SendEmailCommand",
            "input": {
                "Source": w["sender"],
                "Destination": {"ToAddresses": ["buyer@example.com"]},
                "Message": {
                    "Subject": {"Data": "Your order has shipped", "Charset": "UTF-8"},
                    "Body": {"Text": {"Data": "on its way", "Charset": "UTF-8"}},
                },
            },
        },
        {
            "module": "@aws-sdk/client-ses",
            "client": "SESClient",
            "command": "SendEmailCommand",
            "input": {
                "Source": "unverified@example.com",
                "Destination": {"ToAddresses": ["buyer@example.com"]},
                "Message": {"Subject": {"Data": "x"}, "Body": {"Text": {"Data": "y"}}},
            },
        },
        {
            "module": "@aws-sdk/client-eventbridge",
            "client": "EventBridgeClient",
            "command": "PutEventsCommand",
            "input": {
                "Entries": [
                    {
                        "Source": "com.acme.inventory",
                        "DetailType": "StockLevelChanged",
                        "Detail": '{"sku":"A"}',
                    }
                ]
            },
        },
    ]


def _scrub(value: object, world: dict[str, str]) -> object:
    """Drop what differs between any two runs (request ids, message ids, retry counts, names)."""
    if isinstance(value, dict):
        return {k: _scrub(v, world) for k, v in value.items() if k not in _VOLATILE | _DEFAULTS_DIFFER}
    if isinstance(value, list):
        return [_scrub(v, world) for v in value]
    if isinstance(value, str):
        for key, name in world.items():
            value = value.replace(name, f"<{key}>")
    return value


def test_go_matches_the_js_sdk(go_module: GoModule, node_modules: Path, moto_endpoint: str) -> None:
    js_world, go_world = _world(moto_endpoint), _world(moto_endpoint)
    js = run_steps(["node", str(node_modules / "driver.js")], _steps(js_world), moto_endpoint, node_modules)
    go = run_steps([str(go_module.driver)], _steps(go_world), moto_endpoint, go_module.folder)
    assert len(js[6]["ok"]) == 2  # type: ignore[arg-type]  # one item a page; moto gives no key after the last
    assert [r.get("error", {}) for r in js][3] == {
        "name": "ConditionalCheckFailedException",
        "message": "The conditional request failed",
        "$fault": "client",
        "status": 400,
    }
    assert "error" in js[-2]  # SES refuses an unverified sender
    for i, (want, got) in enumerate(zip(js, go, strict=True)):
        g, w = _scrub(got, go_world), _scrub(want, js_world)
        assert g == w, f"step {i}: go {g} != js {w}"


def test_an_operation_not_generated_throws_not_implemented(go_module: GoModule, moto_endpoint: str) -> None:
    steps: list[dict[str, object]] = [
        {
            "module": DOC,
            "client": "DynamoDBDocumentClient",
            "command": "DeleteCommand",
            "input": {"TableName": "x"},
        }
    ]
    [result] = run_steps([str(go_module.driver)], steps, moto_endpoint, go_module.folder)
    error = result["error"]
    assert isinstance(error, dict)
    assert error["name"] == "NotImplemented"
    assert "dynamodb.DeleteItem" in str(error["message"])


@pytest.mark.parametrize("bad", ["huge", "unsafe integer"])
def test_marshall_refuses_imprecise_numbers_as_util_dynamodb_does(
    go_module: GoModule, node_modules: Path, moto_endpoint: str, bad: str
) -> None:
    """Numbers beyond Number.MAX_SAFE_INTEGER are refused with util-dynamodb's message."""
    w = _world(moto_endpoint)
    steps: list[dict[str, object]] = [
        {
            "module": DOC,
            "client": "DynamoDBDocumentClient",
            "command": "PutCommand",
            "input": {
                "TableName": w["table"],
                "Item": {"pk": "b", "big": 1e300 if bad == "huge" else 9007199254740993},
            },
        }
    ]
    js = run_steps(["node", str(node_modules / "driver.js")], steps, moto_endpoint, node_modules)
    go = run_steps([str(go_module.driver)], steps, moto_endpoint, go_module.folder)
    assert _scrub(go, w) == _scrub(js, w)
    assert "error" in js[0]


def test_v2_sdk_matches_aws_sdk_v2(go_module: GoModule, node_modules: Path, moto_endpoint: str) -> None:
    """`aws-sdk` v2: DocumentClient put/get/update (with its ConditionalCheckFailedException) and SQS."""

    def steps(w: dict[str, str]) -> list[dict[str, object]]:
        doc = {"v2": "DynamoDB.DocumentClient"}
        item = {"pk": "o1", "status": "PLACED", "totalCents": 2500}
        update = {
            "TableName": w["table"],
            "Key": {"pk": "o1"},
            "UpdateExpression": "SET #s = :c",
            "ConditionExpression": "#s = :p",
            "ExpressionAttributeNames": {"#s": "status"},
            "ExpressionAttributeValues": {":c": "CONFIRMED", ":p": "PLACED"},
            "ReturnValues": "ALL_NEW",
        }
        return [
            {**doc, "method": "put", "input": {"TableName": w["table"], "Item": item}},
            {**doc, "method": "get", "input": {"TableName": w["table"], "Key": {"pk": "o1"}}},
            {**doc, "method": "update", "input": update},
            {**doc, "method": "update", "input": update},
            {"v2": "SQS", "method": "sendMessage", "input": {"QueueUrl": w["queue"], "MessageBody": "hi"}},
        ]

    js_world, go_world = _world(moto_endpoint), _world(moto_endpoint)
    js = run_steps(["node", str(node_modules / "driver.js")], steps(js_world), moto_endpoint, node_modules)
    go = run_steps([str(go_module.driver)], steps(go_world), moto_endpoint, go_module.folder)
    assert js[3]["error"]["code"] == "ConditionalCheckFailedException"  # type: ignore[index]
    for i, (want, got) in enumerate(zip(js, go, strict=True)):
        g, w = _scrub(got, go_world), _scrub(want, js_world)
        assert g == w, f"step {i}: go {g} != js {w}"
