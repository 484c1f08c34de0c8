"""AWS SDK v2 and v3 usage: services named like aws-sdk-go-v2 packages, operations by API name."""

from __future__ import annotations

import textwrap

from migrator.scan.collect import analyze_file
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.jsparse import Grammars
from migrator.scan.sdk import aws_call_sites, aws_sdk_usage
from migrator.scan.tables import Tables
from tests.conftest import WriteTree

TABLES = Tables.load()


def usage(source: str, grammar: str = "javascript") -> dict[str, list[str]]:
    facts = analyze_file("h", textwrap.dedent(source).encode(), grammar, Grammars())  # type: ignore[arg-type]
    return {u.service: list(u.operations) for u in aws_sdk_usage([facts], TABLES)}


def test_v3_commands_aliases_and_namespaces() -> None:
    assert usage(
        """
        import { SQSClient, SendMessageCommand as Send } from '@aws-sdk/client-sqs';
        import * as cw from '@aws-sdk/client-cloudwatch-logs';
        import { SFNClient } from '@aws-sdk/client-sfn';
        await sqs.send(new Send({}));
        await logs.send(new cw.PutLogEventsCommand({}));
        """
    ) == {"sqs": ["SendMessage"], "cloudwatchlogs": ["PutLogEvents"], "sfn": []}


def test_lib_dynamodb_commands_and_paginators_are_dynamodb_operations() -> None:
    assert usage(
        """
        const {
          DynamoDBDocumentClient, PutCommand, TransactWriteCommand, paginateQuery,
        } = require('@aws-sdk/lib-dynamodb');
        doc.send(new PutCommand({})); doc.send(new TransactWriteCommand({}));
        for await (const page of paginateQuery({ client: doc }, {})) {}
        """
    ) == {"dynamodb": ["PutItem", "Query", "TransactWriteItems"]}


def test_v2_clients_and_document_client() -> None:
    assert usage(
        """
        const AWS = require('aws-sdk');
        const S3 = require('aws-sdk/clients/s3');
        const sfn = new AWS.StepFunctions();
        const doc = new AWS.DynamoDB.DocumentClient();
        const s3 = new S3();
        class Repo { constructor() { this.cognito = new AWS.CognitoIdentityServiceProvider() } }
        await sfn.startExecution({}).promise();
        await doc.update({}).promise(); await doc.query({}).promise();
        const url = s3.getSignedUrl('getObject', {}); await s3.putObject({}).promise();
        await this.cognito.adminGetUser({}).promise();
        """
    ) == {
        "cognitoidentityprovider": ["AdminGetUser"],
        "dynamodb": ["Query", "UpdateItem"],
        "s3": ["GetObject", "PutObject"],  # a presigned getObject URL is a GetObject
        "sfn": ["StartExecution"],
    }


def test_type_only_imports_are_not_usage() -> None:
    assert usage("import type { AttributeValue } from '@aws-sdk/client-dynamodb';", "typescript") == {}


MANAGED_UPLOAD = ["CompleteMultipartUpload", "CreateMultipartUpload", "PutObject", "UploadPart"]


def test_dynamodb_document_from_has_document_client_methods() -> None:
    assert usage(
        """
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
        import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
        const ddb = DynamoDBDocument.from(new DynamoDBClient({}));
        export const handler = async () => { await ddb.put({}); return ddb.query({}); };
        """
    ) == {"dynamodb": ["PutItem", "Query"]}


def test_s3_managed_uploads_v2_and_lib_storage() -> None:
    assert usage(
        """
        const AWS = require('aws-sdk');
        const s3 = new AWS.S3();
        exports.handler = async () => s3.upload({ Bucket: 'b', Key: 'k', Body: 'x' }).promise();
        """
    ) == {"s3": MANAGED_UPLOAD}
    assert usage(
        """
        import { S3Client } from '@aws-sdk/client-s3';
        import { Upload } from '@aws-sdk/lib-storage';
        export const handler = async () => new Upload({ client: new S3Client({}), params: {} }).done();
        """
    ) == {"s3": MANAGED_UPLOAD}


def test_presigned_urls_name_their_operation() -> None:
    assert usage(
        """
        const S3 = require('aws-sdk/clients/s3');
        const s3 = new S3();
        exports.handler = async () => ({
          put: s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k' }),
          get: await s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: 'k' }),
        });
        """
    ) == {"s3": ["GetObject", "PutObject"]}
    assert usage(
        """
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
        import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
        export const handler = async () => getSignedUrl(new S3Client({}), new GetObjectCommand({}));
        """
    ) == {"s3": ["GetObject"]}


def test_client_built_in_a_helper_module(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "fn/package.json": '{"name": "fn"}',
            "fn/index.js": """
                const db = require('./db');
                const { queue } = require('./clients');
                exports.handler = async (event) => {
                  await db.put({ TableName: 't', Item: event });
                  await queue.sendMessage({ QueueUrl: 'q', MessageBody: '{}' }).promise();
                };
            """,
            "fn/db.js": """
                const AWS = require('aws-sdk');
                module.exports = new AWS.DynamoDB.DocumentClient();
            """,
            "fn/clients.js": """
                const AWS = require('aws-sdk');
                exports.queue = new AWS.SQS();
            """,
        }
    )
    (fn,) = scan(root, ScanOptions(jobs=1)).functions
    assert {u.service: u.operations for u in fn.aws_sdk} == {
        "dynamodb": ("PutItem",),
        "sqs": ("SendMessage",),
    }


def test_call_sites_name_file_and_line_of_each_call() -> None:
    source = """
        const { DynamoDBDocumentClient, PutCommand, paginateQuery } = require('@aws-sdk/lib-dynamodb');
        const AWS = require('aws-sdk');
        const sqs = new AWS.SQS();
        await doc.send(new PutCommand({ TableName: 't' }));
        await sqs.sendMessage({ QueueUrl: 'q' }).promise();
        for await (const page of paginateQuery({ client: doc }, {})) {}
        """
    facts = analyze_file("h.js", textwrap.dedent(source).encode(), "javascript", Grammars())
    assert [(c.service, c.operation, c.file, c.line) for c in aws_call_sites([facts], TABLES)] == [
        ("dynamodb", "PutItem", "h.js", 5),
        ("sqs", "SendMessage", "h.js", 6),
    ]


def test_call_sites_keep_the_input_keys_and_the_env_vars_behind_them() -> None:
    source = """
        const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
        const AWS = require('aws-sdk');
        const sqs = new AWS.SQS();
        const db = new DynamoDBClient({});
        const TABLE = process.env.ORDERS_TABLE;
        const { QUEUE_URL, OTHER: renamed } = process.env;
        exports.handler = async (event) => {
          await db.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: event.id } } }));
          const params = { QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(event) };
          await sqs.sendMessage(params).promise();
          const dlq = { QueueUrl: process.env.DLQ || 'x', ReceiptHandle: renamed, 'x-y': 1 };
          await sqs.deleteMessage(dlq).promise();
          await sqs.purgeQueue({ QueueUrl: process.env['PURGE_URL'], [computed]: 2 }).promise();
        };
        """
    facts = analyze_file("h.js", textwrap.dedent(source).encode(), "javascript", Grammars())
    fields = {
        c.operation: [(f.name, f.env, f.value) for f in c.fields] for c in aws_call_sites([facts], TABLES)
    }
    assert fields == {
        "PutItem": [("TableName", "ORDERS_TABLE", "TABLE"), ("Item", None, "{ id: { S: event.id } }")],
        "SendMessage": [
            ("QueueUrl", "QUEUE_URL", "QUEUE_URL"),
            ("MessageBody", None, "JSON.stringify(event)"),
        ],
        "DeleteMessage": [
            ("QueueUrl", "DLQ", "process.env.DLQ || 'x'"),
            ("ReceiptHandle", "OTHER", "renamed"),
            ("x-y", None, "1"),
        ],
        "PurgeQueue": [("QueueUrl", "PURGE_URL", "process.env['PURGE_URL']")],
    }


def test_call_input_env_consts_imported_from_a_helper_module(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "fn/package.json": '{"name": "fn"}',
            "fn/index.js": """
                const { docClient, ORDERS_TABLE } = require('./db');
                const { PutCommand } = require('@aws-sdk/lib-dynamodb');
                exports.handler = async (event) => {
                  await docClient.send(new PutCommand({ TableName: ORDERS_TABLE, Item: event }));
                };
            """,
            "fn/db.js": """
                const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
                const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');
                const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
                const ORDERS_TABLE = process.env.ORDERS_TABLE;
                module.exports = { docClient, ORDERS_TABLE };
            """,
        }
    )
    (fn,) = scan(root, ScanOptions(jobs=1)).functions
    ((call),) = fn.aws_calls
    assert (call.operation, [(f.name, f.env) for f in call.fields]) == (
        "PutItem",
        [("TableName", "ORDERS_TABLE"), ("Item", None)],
    )
