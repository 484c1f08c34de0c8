"""Event kinds inferred from code when no config names a trigger."""

from __future__ import annotations

import textwrap

import pytest

from migrator.scan.collect import analyze_file
from migrator.scan.events import infer_events
from migrator.scan.jsparse import Grammars


def kinds(source: str, param: str | None = "event") -> list[str]:
    facts = analyze_file("h.js", textwrap.dedent(source).encode(), "javascript", Grammars())
    return [e.kind for e in infer_events([facts], param)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("for (const r of event.Records) { log(r.Sns.Message) }", ["sns"]),
        ("const { bucket } = event.Records[0].s3; f(event.Records[0].s3.object.key)", ["s3"]),
        ("event.Records.map((m) => del(m.receiptHandle, m.body))", ["sqs"]),
        ("for (const r of event.Records) img(r.dynamodb.NewImage)", ["dynamodb-stream"]),
        ("event.Records.forEach((record) => decode(record.kinesis.data))", ["kinesis"]),
        ("if (event['detail-type'] === 'Scheduled Event') run()", ["schedule"]),
        ("route(event['detail-type'], event.detail)", ["eventbridge"]),
        ("const m = event.requestContext.http.method; return { statusCode: 200 }", ["api-gateway-http"]),
        ("const { httpMethod, path } = event; return { statusCode: 200 }", ["api-gateway-rest"]),
        (
            "const { connectionId, routeKey } = event.requestContext; return { statusCode: 200 }",
            ["api-gateway-websocket"],
        ),
        ("return { records: event.records.map((r) => t(r, event.deliveryStreamArn)) }", ["firehose"]),
        ("const { outputRoute, inputS3Url } = event.getObjectContext", ["s3-object-lambda"]),
        ("await fetch(event.ResponseURL, { method: 'PUT', body: JSON.stringify(r) })", ["custom-resource"]),
        ("const request = event.Records[0].cf.request; return request", ["lambda-edge"]),
        ("for (const q of Object.keys(event.rmqMessagesByQueue)) drain(q)", ["mq"]),
        ("if (event.requestContext.elb) x(event.httpMethod)", ["alb"]),
        (
            "const t = event.authorizationToken; return { principalId: 'u', policyDocument: {} }",
            ["api-gateway-authorizer"],
        ),
        ("return { isAuthorized: check(event.headers) }", ["api-gateway-authorizer"]),
        ("const payload = zlib.gunzipSync(Buffer.from(event.awslogs.data, 'base64'))", ["cloudwatch-logs"]),
        (
            "if (event.triggerSource === 'PreSignUp_SignUp') event.response.autoConfirmUser = true",
            ["cognito"],
        ),
        ("return { statusCode: 204 }", ["api-gateway-rest"]),
        ("return { batchItemFailures: [] }", ["sqs"]),
        ("return compute(event.a, event.b)", []),
        ("const dynamodb = new DynamoDB(); dynamodb.send(cmd); const s3 = clients.s3", []),
    ],
)
def test_inference(source: str, expected: list[str]) -> None:
    assert kinds(source) == expected


def test_weak_hints_are_ignored_in_files_that_do_not_parse() -> None:
    assert kinds("return { statusCode: 200 }; if (x {") == []


def test_evidence_points_at_the_line() -> None:
    facts = analyze_file("h.js", b"\n\nconst x = event.Records[0].Sns;\n", "javascript", Grammars())
    (evidence,) = infer_events([facts], "event")
    assert (evidence.file, evidence.line, evidence.source) == ("h.js", 3, "code")
