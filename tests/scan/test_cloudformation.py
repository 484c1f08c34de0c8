"""SAM and plain CloudFormation templates: globals, events, authorizers, wiring resources."""

from __future__ import annotations

from migrator.scan.config.cloudformation import read_template
from tests.conftest import WriteTree

SAM = """
Transform: AWS::Serverless-2016-10-31
Parameters:
  Memory: { Type: Number, Default: 768 }
Globals:
  Function:
    Runtime: nodejs20.x
    MemorySize: !Ref Memory
    Timeout: 15
    Architectures: [arm64]
    CodeUri: ./
    Environment:
      Variables:
        TABLE: !Ref Table
        PREFIX: !Sub "${AWS::StackName}-x"
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        Authorizers:
          Token:
            FunctionArn: !GetAtt AuthFn.Arn
  ListFn:
    Type: AWS::Serverless::Function
    Metadata:
      BuildMethod: esbuild
      BuildProperties: { EntryPoints: [src/list.ts] }
    Properties:
      Handler: list.handler
      Timeout: 30
      Environment: { Variables: { EXTRA: "1" } }
      Events:
        Get: { Type: Api, Properties: { Path: /items, Method: get, RestApiId: !Ref Api } }
        Http: { Type: HttpApi, Properties: { Path: /items, Method: GET } }
        Q: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }
        T: { Type: SNS, Properties: { Topic: !Ref Topic } }
        B: { Type: S3, Properties: { Bucket: !Ref Bucket, Events: s3:ObjectCreated:* } }
        R: { Type: EventBridgeRule, Properties: { Pattern: { source: [shop] } } }
        C: { Type: Schedule, Properties: { Schedule: rate(5 minutes) } }
        D: { Type: DynamoDB, Properties: { Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST } }
        K: { Type: Kinesis, Properties: { Stream: !GetAtt Stream.Arn, StartingPosition: LATEST } }
        X: { Type: IoTRule, Properties: { Sql: "SELECT *" } }
        Y: { Type: SomethingNew, Properties: {} }
  UrlFn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: dist/url.handler
      FunctionUrlConfig: { AuthType: NONE }
  AuthFn:
    Type: AWS::Serverless::Function
    Properties: { Handler: auth.handler, CodeUri: auth/ }
"""

CFN = """
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue: { Type: AWS::SQS::Queue }
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Code: ./src
      Handler: index.handler
      Runtime: nodejs20.x
      MemorySize: 256
      Role: !GetAtt Role.Arn
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Queue.Arn, FunctionName: !Ref Worker }
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: cron(0 3 * * ? *)
      Targets: [{ Id: w, Arn: !GetAtt Worker.Arn }]
  TopicPerm:
    Type: AWS::Lambda::Permission
    Properties: { Principal: sns.amazonaws.com, FunctionName: !Ref Worker, Action: lambda:InvokeFunction }
  Url:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: !GetAtt Worker.Arn, AuthType: NONE }
  Inline:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async () => 1" }
"""


def test_sam_globals_events_and_authorizer(write_tree: WriteTree) -> None:
    root = write_tree({"template.yaml": SAM})
    result = read_template(root / "template.yaml", "template.yaml")
    fns = {f.name: f for f in result.functions}
    assert set(fns) == {"ListFn", "UrlFn", "AuthFn"}
    listing = fns["ListFn"]
    assert (listing.runtime, listing.memory_mb, listing.timeout_s, listing.architecture) == (
        "nodejs20.x",
        768,
        30,
        "arm64",
    )
    assert listing.env == ("TABLE", "PREFIX", "EXTRA")
    assert listing.entry_points == ("src/list.ts",)
    assert [e.kind for e in listing.events] == [
        "api-gateway-rest",
        "api-gateway-http",
        "sqs",
        "sns",
        "s3",
        "eventbridge",
        "schedule",
        "dynamodb-stream",
        "kinesis",
        "iot",
        "unknown",
    ]
    assert listing.events[-1].detail == "Y: SomethingNew"
    assert listing.events[0].detail == "Get: Api GET /items"
    assert [e.kind for e in fns["UrlFn"].events] == ["function-url"]
    assert [e.kind for e in fns["AuthFn"].events] == ["api-gateway-authorizer"]
    assert fns["AuthFn"].base_dir == (root / "auth").resolve()
    assert not result.problems


def test_plain_cloudformation_wiring(write_tree: WriteTree) -> None:
    root = write_tree({"template.yaml": CFN})
    result = read_template(root / "template.yaml", "template.yaml")
    fns = {f.name: f for f in result.functions}
    worker = fns["Worker"]
    assert worker.base_dir == (root / "src").resolve()
    assert sorted(e.kind for e in worker.events) == ["function-url", "schedule", "sns", "sqs"]
    assert (worker.memory_mb, worker.timeout_s, worker.architecture) == (256, None, None)
    inline = next(f for f in result.functions if f.inline_code is not None)
    assert inline.inline_code == "exports.handler = async () => 1"  # scanned in place of a file
