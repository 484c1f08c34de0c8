"""Platform rules (response streaming, layers, bundled programs, inline code) and handler styles."""

from __future__ import annotations

import textwrap

import pytest

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.model import Function, ScanReport
from tests.conftest import WriteTree

TEMPLATE = """
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
Resources:
  SharedLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
  StreamFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: stream.handler
      FunctionUrlConfig:
        AuthType: NONE
        InvokeMode: RESPONSE_STREAM
  LayeredFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: layered.handler
      Layers:
        - !Ref SharedLayer
        - arn:aws:lambda:us-east-1:123456789012:layer:chromium:7
  InlineSamFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      InlineCode: |
        const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
        exports.handler = async () => new SQSClient({}).send(new SendMessageCommand({}));
  InlineZipFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.main
      Role: arn:aws:iam::123456789012:role/r
      Code:
        ZipFile: |
          exports.main = (event, context, callback) => callback(null, process.env.GREETING);
  PythonInlineFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code:
        ZipFile: |
          def handler(event, context):
              return event
"""

FILES = {
    "template.yaml": TEMPLATE,
    "package.json": '{"name": "app", "dependencies": {"gm": "^1.25.0"}}',
    "src/stream.js": """
        exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
          responseStream.write('hello');
          responseStream.end();
        });
    """,
    "src/layered.js": """
        const gm = require('gm');
        const render = require('/opt/nodejs/render');
        const { work } = require('./work');
        exports.handler = (event) => work(event);
    """,
    "src/work.js": """
        exports.work = async (event) => event;
    """,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> ScanReport:
    root = tmp_path_factory.mktemp("platform")
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text).lstrip("\n"))
    return scan(root, ScanOptions(jobs=1))


@pytest.fixture(scope="module")
def fleet(report: ScanReport) -> dict[str, Function]:
    return {f.name: f for f in report.functions}


def rules(fn: Function) -> list[str]:
    return sorted(b.rule for b in fn.blockers)


def test_response_streaming_from_code_and_config(fleet: dict[str, Function]) -> None:
    fn = fleet["StreamFunction"]
    assert rules(fn) == ["response-streaming"]
    assert fn.blockers[0].file == "src/stream.js" and fn.blockers[0].line == 1


def test_layers_opt_imports_and_bundled_programs(fleet: dict[str, Function]) -> None:
    fn = fleet["LayeredFunction"]
    assert rules(fn) == ["binary-dependency", "layer", "layer", "layer"]
    messages = " | ".join(b.message for b in fn.blockers)
    assert "Ref SharedLayer" in messages
    assert "arn:aws:lambda:us-east-1:123456789012:layer:chromium:7" in messages
    assert "/opt/nodejs/render" in messages
    assert "GraphicsMagick" in messages


def test_returning_another_modules_promise_is_not_sync(fleet: dict[str, Function]) -> None:
    fn = fleet["LayeredFunction"]
    assert fn.handler_style == "async"
    assert "sync-handler" not in rules(fn)


def test_inline_code_is_scanned(report: ScanReport, fleet: dict[str, Function]) -> None:
    sam, zipped = fleet["InlineSamFunction"], fleet["InlineZipFunction"]
    assert sam.file == "template.yaml#InlineSamFunction.js"
    assert [(u.service, u.operations) for u in sam.aws_sdk] == [("sqs", ("SendMessage",))]
    assert rules(sam) == ["inline-code"]
    assert zipped.export == "main" and zipped.handler_style == "callback"
    assert zipped.env == ("GREETING",)
    assert rules(zipped) == ["callback-style", "inline-code"]
    # Not JavaScript: not parsed as such, and no Node candidate at all.
    assert "PythonInlineFunction" not in fleet
    assert [(s.name, s.reason) for s in report.skipped] == [("PythonInlineFunction", "runtime")]


def test_a_plain_handler_returning_a_plain_function_stays_sync(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "fn/package.json": '{"name": "fn"}',
            "fn/index.js": "const { work } = require('./work');\nexports.handler = (e) => work(e);\n",
            "fn/work.js": "exports.work = (e) => e;\n",
        }
    )
    (fn,) = scan(root, ScanOptions(jobs=1)).functions
    assert fn.handler_style == "sync" and rules(fn) == ["sync-handler"]


def test_a_separate_function_url_resource_with_response_stream_flags_the_function(
    write_tree: WriteTree,
) -> None:
    root = write_tree(
        {
            "template.yaml": """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: nodejs20.x
                      Handler: index.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: src/
                  Other:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: nodejs20.x
                      Handler: index.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: src/
                  StreamUrl:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: NONE
                      InvokeMode: RESPONSE_STREAM
                      TargetFunctionArn: !GetAtt Fn.Arn
                  BufferedUrl:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: NONE
                      InvokeMode: BUFFERED
                      TargetFunctionArn: !Ref Other
            """,
            "src/index.js": "exports.handler = async () => ({ statusCode: 200, body: 'ok' });\n",
            "infra/main.tf": """
                resource "aws_lambda_function" "tf" {
                  filename = "../src/index.zip"
                  handler  = "index.handler"
                  runtime  = "nodejs20.x"
                }
            """,
            "infra/url.tf": """
                resource "aws_lambda_function_url" "u" {
                  function_name      = aws_lambda_function.tf.function_name
                  authorization_type = "NONE"
                  invoke_mode        = "RESPONSE_STREAM"
                }
            """,
        }
    )
    fns = {f.name: f for f in scan(root, ScanOptions(jobs=1)).functions}
    stream = [b for b in fns["Fn"].blockers if b.rule == "response-streaming"]
    assert [(b.file, b.line) for b in stream] == [("template.yaml", 16)]
    assert fns["Fn"].events == ("function-url",)
    assert [b.rule for b in fns["Other"].blockers if b.rule == "response-streaming"] == []
    tf_stream = [b for b in fns["tf"].blockers if b.rule == "response-streaming"]
    assert [(b.file, b.line) for b in tf_stream] == [("infra/url.tf", 1)]


def test_a_cdk_function_url_with_response_stream_flags_the_function(write_tree: WriteTree) -> None:
    stack = """
        import * as lambda from 'aws-cdk-lib/aws-lambda';
        const streamed = new lambda.Function(this, 'Streamed', {
          runtime: lambda.Runtime.NODEJS_20_X,
          code: lambda.Code.fromAsset('src'),
          handler: 'index.handler',
        });
        streamed.addFunctionUrl({ invokeMode: lambda.InvokeMode.RESPONSE_STREAM });
        const plain = new lambda.Function(this, 'Plain', {
          runtime: lambda.Runtime.NODEJS_20_X,
          code: lambda.Code.fromAsset('src'),
          handler: 'index.handler',
        });
        plain.addFunctionUrl({ invokeMode: lambda.InvokeMode.BUFFERED });
        const other = new lambda.Function(this, 'Other', {
          runtime: lambda.Runtime.NODEJS_20_X,
          code: lambda.Code.fromAsset('src'),
          handler: 'index.handler',
        });
        new lambda.FunctionUrl(this, 'Url', {
          function: other,
          invokeMode: lambda.InvokeMode.RESPONSE_STREAM,
        });
    """
    root = write_tree(
        {
            "cdk.json": "{}",
            "lib/stack.ts": stack,
            "src/index.js": "exports.handler = async () => ({ statusCode: 200 });\n",
        }
    )
    fns = {f.name: f for f in scan(root, ScanOptions(jobs=1)).functions}
    streaming = {
        name: [(b.file, b.line) for b in fn.blockers if b.rule == "response-streaming"]
        for name, fn in fns.items()
    }
    assert streaming == {"Streamed": [("lib/stack.ts", 7)], "Plain": [], "Other": [("lib/stack.ts", 19)]}
    assert all(fn.events == ("function-url",) for fn in fns.values())
