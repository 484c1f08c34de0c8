"""CDK apps read statically: constructs, settings, entries, wiring; other languages and cdk.out."""

from __future__ import annotations

import json

from migrator.scan.config.cdkapp import read_cdk_app
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.jsparse import Grammars
from tests.conftest import WriteTree

STACK = """
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as events from 'aws-cdk-lib/aws-events';

const LAMBDA_DIR = path.join(__dirname, '..', 'functions');

export class Api extends cdk.Stack {
  public readonly ingest: lambda.Function;

  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const list = new NodejsFunction(this, 'ListFn', {
      entry: path.join(LAMBDA_DIR, 'list.ts'),
      handler: 'main',
      runtime: lambda.Runtime.NODEJS_22_X,
      memorySize: 1024,
      timeout: cdk.Duration.minutes(2),
      architecture: lambda.Architecture.X86_64,
      environment: { TABLE: 'items', ...{ STAGE: 'dev' } },
    });
    new apigwv2.HttpApi(this, 'Http', { defaultIntegration: new HttpLambdaIntegration('List', list) });

    this.ingest = new lambda.Function(this, 'IngestFn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      code: lambda.Code.fromAsset(`${__dirname}/../functions/ingest`),
      handler: 'app.handler',
      events: [new sources.KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST })],
    });
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.ingest));

    const rule = new events.Rule(this, 'Changes', { eventPattern: { source: ['shop'] } });
    rule.addTarget(new targets.LambdaFunction(list));

    new lambda.Function(this, 'PyFn', {
      runtime: lambda.Runtime.PYTHON_3_12,
      code: lambda.Code.fromAsset('py'),
      handler: 'app.handler',
    });
    new lambda.Function(this, 'InlineFn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      code: lambda.Code.fromInline('exports.handler = async () => 1'),
      handler: 'index.handler',
    });
    new lambda.Function(this, 'InlineClassFn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      code: new lambda.InlineCode(`exports.main = (event, context, callback) => callback(null, 1);`),
      handler: 'index.main',
    });
    new lambda.Function(this, 'InlineBuiltFn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      code: lambda.Code.fromInline(fs.readFileSync('x.js', 'utf8')),
      handler: 'index.handler',
    });
    new lambda.DockerImageFunction(this, 'ImageFn', { code: lambda.DockerImageCode.fromImageAsset('img') });
    const notJs = new Function('a', 'return a');
  }
}
"""


def test_constructs_settings_and_wiring(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "npx ts-node bin/app.ts"}),
            "app/lib/api.ts": STACK,
            "app/functions/list.ts": "export const main = async () => ({});\n",
        }
    )
    result = read_cdk_app(root / "app", "app", Grammars())
    fns = {f.name: f for f in result.functions}
    assert sorted(fns) == ["ImageFn", "IngestFn", "InlineClassFn", "InlineFn", "ListFn", "PyFn"]
    listing = fns["ListFn"]
    assert (listing.runtime, listing.memory_mb, listing.timeout_s, listing.architecture) == (
        "nodejs22.x",
        1024,
        120,
        "x86_64",
    )
    assert listing.env == ("TABLE", "STAGE")
    assert (listing.base_dir, listing.handler) == ((root / "app" / "functions").resolve(), "list.main")
    assert sorted(e.kind for e in listing.events) == ["api-gateway-http", "eventbridge"]
    ingest = fns["IngestFn"]
    assert (ingest.base_dir, ingest.handler) == (
        (root / "app" / "functions" / "ingest").resolve(),
        "app.handler",
    )
    assert sorted(e.kind for e in ingest.events) == ["kinesis", "s3"]
    assert all(e.file == "app/lib/api.ts" and e.line for e in ingest.events)
    assert fns["PyFn"].runtime == "python3.12"
    assert fns["ImageFn"].skip == ("container-image", "DockerImageFunction")
    assert fns["InlineFn"].inline_code == "exports.handler = async () => 1"
    assert (
        fns["InlineClassFn"].inline_code == "exports.main = (event, context, callback) => callback(null, 1);"
    )
    assert [p.message.split(":")[0] for p in result.problems] == ["InlineBuiltFn"]  # not a literal


def test_inline_code_is_scanned_with_the_inline_code_rule(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "npx ts-node bin/app.ts"}),
            "app/lib/api.ts": STACK,
            "app/functions/list.ts": "export const main = async () => ({});\n",
        }
    )
    fns = {f.name: f for f in scan(root, ScanOptions(jobs=1)).functions}
    inline = fns["InlineClassFn"]
    assert inline.file == "app/lib/api.ts#InlineClassFn.js"
    assert (inline.export, inline.handler_style) == ("main", "callback")
    assert sorted(b.rule for b in inline.blockers) == ["callback-style", "inline-code"]
    assert [b.rule for b in fns["InlineFn"].blockers] == ["inline-code"]


def test_default_entry_and_wiring_across_files(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "node bin/app.js"}),
            "app/lib/jobs.js": """
                const { NodejsFunction } = require('aws-cdk-lib/aws-lambda-nodejs');
                const events = require('aws-cdk-lib/aws-events');
                const targets = require('aws-cdk-lib/aws-events-targets');
                class Jobs {
                  constructor(scope) {
                    this.nightly = new NodejsFunction(scope, 'nightly');
                    new events.Rule(scope, 'Nightly', {
                      schedule: events.Schedule.cron({ hour: '2' }),
                      targets: [new targets.LambdaFunction(this.nightly)],
                    });
                  }
                }
                module.exports = { Jobs };
            """,
            "app/lib/jobs.nightly.js": "exports.handler = async () => {};\n",
            "app/lib/stack.js": """
                const { Jobs } = require('./jobs');
                const { SqsEventSource } = require('aws-cdk-lib/aws-lambda-event-sources');
                const jobs = new Jobs(this);
                jobs.nightly.addEventSource(new SqsEventSource(queue));
            """,
        }
    )
    result = read_cdk_app(root / "app", "app", Grammars())
    (nightly,) = result.functions
    assert nightly.handler == "index.handler" and nightly.entry_points == ("jobs.nightly.js",)
    assert sorted(e.kind for e in nightly.events) == ["schedule", "sqs"]


def test_other_language_apps_are_a_notice_not_silence(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "python3 app.py"}),
            "app/stack.py": """
                from aws_cdk import aws_lambda as lambda_
                lambda_.Function(self, "A", runtime=lambda_.Runtime.NODEJS_20_X, handler="index.handler")
                lambda_.Function(self, "B", runtime=lambda_.Runtime.PYTHON_3_12, handler="app.handler")
            """,
        }
    )
    result = read_cdk_app(root / "app", "app", Grammars())
    assert result.functions == []
    (notice,) = result.problems
    assert notice.file == "app/cdk.json"
    assert notice.message.startswith("CDK app in Python: its 2 Lambda construct(s) are not read")


def test_cdk_out_assets_map_back_to_their_sources(write_tree: WriteTree) -> None:
    handler = "exports.handler = async (event) => event.Records.length;\n"
    template = {
        "Resources": {
            "WorkerFn12AB": {
                "Type": "AWS::Lambda::Function",
                "Properties": {
                    "Handler": "index.handler",
                    "Runtime": "nodejs20.x",
                    "Code": {"S3Bucket": "b"},
                },
                "Metadata": {"aws:asset:path": "asset.abc123"},
            },
            "Mapping": {
                "Type": "AWS::Lambda::EventSourceMapping",
                "Properties": {
                    "FunctionName": {"Ref": "WorkerFn12AB"},
                    "EventSourceArn": {"Fn::GetAtt": ["Q", "Arn"]},
                },
            },
            "Q": {"Type": "AWS::SQS::Queue"},
        }
    }
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "go mod download && go run app.go"}),
            "app/app.go": 'awslambda.NewFunction(stack, jsii.String("Worker"), nil)\n',
            "app/lambda/worker/index.js": handler,
            "app/cdk.out/asset.abc123/index.js": handler,
            "app/cdk.out/Stack.template.json": json.dumps(template),
        }
    )
    result = read_cdk_app(root / "app", "app", Grammars())
    (worker,) = result.functions
    assert worker.config == "app/cdk.out/Stack.template.json"
    assert worker.base_dir == (root / "app" / "lambda" / "worker").resolve()
    assert [e.kind for e in worker.events] == ["sqs"]
    assert "1 read from cdk.out" in result.problems[0].message


def test_event_source_mapping_constructs_take_their_kind_from_the_arn(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "npx ts-node bin/app.ts"}),
            "app/lib/stack.ts": """
                import { Function, Code, Runtime, EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
                const consumer = new Function(this, 'Consumer', {
                  code: Code.fromAsset('fn'), runtime: Runtime.NODEJS_20_X, handler: 'index.handler',
                });
                new EventSourceMapping(this, 'M', { target: consumer, eventSourceArn: queue.queueArn });
                consumer.addEventSourceMapping('S', { eventSourceArn: table.tableStreamArn });
            """,
        }
    )
    (consumer,) = read_cdk_app(root / "app", "app", Grammars()).functions
    assert sorted(e.kind for e in consumer.events) == ["dynamodb-stream", "sqs"]


def test_an_event_source_held_in_a_variable(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "npx ts-node bin/app.ts"}),
            "app/lib/stack.ts": """
                import * as lambda from 'aws-cdk-lib/aws-lambda';
                import { KinesisEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
                const fn = new lambda.Function(this, 'Reader', {
                  code: lambda.Code.fromAsset('fn'),
                  runtime: lambda.Runtime.NODEJS_20_X,
                  handler: 'index.handler',
                });
                const source = new KinesisEventSource(stream, { startingPosition: 'LATEST' });
                fn.addEventSource(source);
            """,
        }
    )
    (reader,) = read_cdk_app(root / "app", "app", Grammars()).functions
    assert [(e.kind, e.detail) for e in reader.events] == [("kinesis", "addEventSource(KinesisEventSource)")]


def test_an_app_whose_functions_cannot_be_read_says_so(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/cdk.json": json.dumps({"app": "npx ts-node bin/app.ts"}),
            "app/lib/stack.ts": """
                import * as lambda from 'aws-cdk-lib/aws-lambda';
                const fns = ['a', 'b'].map((id) => new lambda.Function(...settings(this, id)));
            """,
        }
    )
    result = read_cdk_app(root / "app", "app", Grammars())
    assert result.functions == []
    assert [p.message.split(":")[0] for p in result.problems] == ["CDK app"]
