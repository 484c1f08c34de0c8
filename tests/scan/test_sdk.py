"""AWS SDK v2 and v3 usage: services named like aws-sdk-go-v2 packages, operations by API name."""

from __future__ import annotations

import textwrap

from migrator.scan.collect import analyze_file
from migrator.scan.jsparse import Grammars
from migrator.scan.sdk import aws_call_sites, aws_sdk_usage
from migrator.scan.tables import Tables

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
        "s3": ["PutObject"],
        "sfn": ["StartExecution"],
    }


def test_type_only_imports_are_not_usage() -> None:
    assert usage("import type { AttributeValue } from '@aws-sdk/client-dynamodb';", "typescript") == {}


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
