"""Event kinds inferred from code when no config names a trigger."""

from __future__ import annotations

import textwrap

import pytest

from migrator.scan.collect import analyze_file
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.events import infer_events
from migrator.scan.jsparse import Grammars
from tests.conftest import WriteTree


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


def test_the_event_shape_is_read_only_when_asked() -> None:
    source = b"exports.handler = async (event) => event.Records.map((r) => r.Sns.Message);\n"
    without = analyze_file("h.js", source, "javascript", Grammars(), events=False)
    with_shape = analyze_file("h.js", source, "javascript", Grammars())
    assert (without.events_read, without.props) == (False, ())
    assert with_shape.events_read and [p.name for p in with_shape.props] == ["Records", "Sns", "Message"]
    assert infer_events([without], "event") == ()
    assert [e.kind for e in infer_events([with_shape], "event")] == ["sns"]


@pytest.mark.parametrize("order", [("configured", "inferred"), ("inferred", "configured")])
def test_files_first_read_for_a_configured_function_still_show_events_later(
    write_tree: WriteTree, order: tuple[str, str]
) -> None:
    # A file read first for a function whose config names a trigger has no event shape yet; a
    # function without one reaching it later (its own handler file, or a module) needs it read.
    functions = {
        "configured": "  configured:\n    handler: a.handler\n    events:\n      - httpApi: 'GET /a'\n",
        "inferred": "  inferred:\n    handler: a.other\n",
        "module": "  module:\n    handler: b.handler\n",
    }
    root = write_tree(
        {
            "svc/serverless.yml": "service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n"
            + "".join(functions[name] for name in (*order, "module")),
            "svc/a.js": "const { read } = require('./lib');\n"
            "exports.handler = async (event) => read(event);\n"
            "exports.other = async (event) => event.Records.map((r) => r.Sns.Message);\n",
            "svc/b.js": "const { read } = require('./lib');\n"
            "exports.handler = async (event) => read(event);\n",
            "svc/lib.js": "exports.read = (event) => event.Records.map((r) => r.s3.bucket.name);\n",
        }
    )
    for jobs in (1, 2):
        events = {f.name: f.events for f in scan(root, ScanOptions(jobs=jobs)).functions}
        assert events == {"configured": ("api-gateway-http",), "inferred": ("sns",), "module": ("s3",)}


def test_one_lines_facts_come_in_source_order_every_time() -> None:
    # py-tree-sitter gives nested matches of one pattern out of order now and then (about one
    # run in ten here); the first evidence of a kind would change from run to run.
    grammars = Grammars()
    source = b"exports.handler = async (event) => event.Records.map((r) => r.Sns.Message);\n"
    orders = {
        tuple(p.name for p in analyze_file("h.js", source, "javascript", grammars).props) for _ in range(100)
    }
    assert orders == {("Records", "Sns", "Message")}
