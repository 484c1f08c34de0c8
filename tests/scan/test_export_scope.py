"""Per-export facts: sibling exports of one file do not leak into each other."""

from __future__ import annotations

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.model import Function
from tests.conftest import WriteTree

SERVERLESS = """
service: orders
provider:
  name: aws
  runtime: nodejs20.x
functions:
  create:
    handler: src/orders.create
  drain:
    handler: src/orders.drain
  report:
    handler: src/orders.report
"""

ORDERS = """
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const { SQSClient, DeleteMessageCommand } = require('@aws-sdk/client-sqs');
const { render } = require('./render');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});
const TABLE = process.env.TABLE_NAME;
const STAGE = process.env.STAGE;
console.log(`cold start in ${STAGE}`);

function validate(body) {
  if (!body.id) throw new Error('id required');
  return body;
}

async function save(item) {
  await db.send(new PutCommand({ TableName: TABLE, Item: item }));
}

exports.create = async (event) => {
  const item = validate(JSON.parse(event.body));
  await save(item);
  return { statusCode: 201, body: JSON.stringify(item) };
};

exports.drain = async (event) => {
  for (const record of event.Records) {
    const input = { QueueUrl: process.env.QUEUE_URL, ReceiptHandle: record.receiptHandle };
    await sqs.send(new DeleteMessageCommand(input));
  }
};

module.exports.report = async () => render(process.env.REPORT_BUCKET);
"""

RENDER = """
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
exports.render = async (bucket) => new S3Client({}).send(new PutObjectCommand({ Bucket: bucket }));
"""


def _functions(write_tree: WriteTree) -> dict[str, Function]:
    root = write_tree({"serverless.yml": SERVERLESS, "src/orders.js": ORDERS, "src/render.js": RENDER})
    return {f.name: f for f in scan(root, ScanOptions(jobs=1)).functions}


def test_each_export_gets_what_it_reaches(write_tree: WriteTree) -> None:
    fns = _functions(write_tree)
    create, drain, report = fns["create"], fns["drain"], fns["report"]
    assert {u.service: u.operations for u in create.aws_sdk} == {"dynamodb": ("PutItem",)}
    assert {u.service: u.operations for u in drain.aws_sdk} == {"sqs": ("DeleteMessage",)}
    assert {u.service: u.operations for u in report.aws_sdk} == {"s3": ("PutObject",)}
    # init no function uses (STAGE) belongs to every export; TABLE_NAME to the one using TABLE
    assert create.env == ("STAGE", "TABLE_NAME")
    assert drain.env == ("QUEUE_URL", "STAGE")
    assert report.env == ("REPORT_BUCKET", "STAGE")
    assert create.error_types == ("Error",) and drain.error_types == ()
    assert report.source_files == ("src/orders.js", "src/render.js")
    assert create.source_files == ("src/orders.js",)


def test_module_level_clients_go_with_the_exports_using_them(write_tree: WriteTree) -> None:
    fns = _functions(write_tree)
    deps = {f: {d.npm for d in fn.dependencies} for f, fn in fns.items()}
    assert deps["create"] == {"@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb"}
    assert deps["drain"] == {"@aws-sdk/client-sqs"}
    assert deps["report"] == {"@aws-sdk/client-s3"}
