"""serverless.yml: provider defaults, overrides, variables, events, authorizers, bad input."""

from __future__ import annotations

from pathlib import Path

from migrator.scan.config.serverless import read_serverless
from tests.conftest import WriteTree

CONFIG = """
service: shop
custom:
  memory: 1024
provider:
  name: aws
  runtime: nodejs20.x
  memorySize: 512
  timeout: 10
  architecture: arm64
  environment:
    TABLE: !Ref Orders
  httpApi:
    authorizers:
      jwtish:
        type: request
        functionName: auth
functions:
  create:
    handler: src/create.handler
    memorySize: ${self:custom.memory}
    environment:
      QUEUE_URL: !GetAtt Queue.QueueUrl
    events:
      - httpApi:
          method: post
          path: /orders
          authorizer: { name: jwtish }
      - http: GET /orders/{id}
  auth:
    handler: src/auth.handler
  legacy:
    handler: src/legacy.handler
    timeout: ${opt:timeout, 900}
    events:
      - http: { method: get, path: /old, authorizer: legacyAuth }
      - sqs: { arn: !GetAtt Queue.Arn }
      - sns: topic
      - s3: { bucket: uploads, event: "s3:ObjectCreated:*" }
      - schedule: rate(1 hour)
      - stream: { type: dynamodb, arn: !GetAtt Orders.StreamArn }
      - stream: arn:aws:kinesis:eu-west-1:123:stream/clicks
      - websocket: $connect
      - alexaSkill: amzn1.ask.skill.x
  legacyAuth:
    handler: src/legacy-auth.handler
resources:
  Resources:
    Orders: { Type: AWS::DynamoDB::Table }
"""


def read(write_tree: WriteTree, text: str = CONFIG):  # type: ignore[no-untyped-def]
    root = write_tree({"serverless.yml": text})
    return read_serverless(root / "serverless.yml", "serverless.yml"), root


def test_defaults_overrides_and_variables(write_tree: WriteTree) -> None:
    result, root = read(write_tree)
    fns = {f.name: f for f in result.functions}
    create = fns["create"]
    assert (create.runtime, create.memory_mb, create.timeout_s, create.architecture) == (
        "nodejs20.x",
        1024,
        10,
        "arm64",
    )
    assert create.env == ("TABLE", "QUEUE_URL")
    assert create.handler == "src/create.handler" and create.base_dir == root
    assert fns["legacy"].timeout_s == 900  # ${opt:…, default} falls back to the default


def test_events_and_authorizers(write_tree: WriteTree) -> None:
    result, _ = read(write_tree)
    fns = {f.name: f for f in result.functions}
    assert [e.kind for e in fns["create"].events] == ["api-gateway-http", "api-gateway-rest"]
    assert fns["create"].events[0].detail == "httpApi POST /orders"
    assert [e.kind for e in fns["legacy"].events] == [
        "api-gateway-rest",
        "sqs",
        "sns",
        "s3",
        "schedule",
        "dynamodb-stream",
        "kinesis",
        "api-gateway-websocket",
        "unknown",
    ]
    assert fns["legacy"].events[-1].detail == "alexaSkill amzn1.ask.skill.x"
    assert [e.kind for e in fns["auth"].events] == ["api-gateway-authorizer"]
    assert [e.kind for e in fns["legacyAuth"].events] == ["api-gateway-authorizer"]
    assert all(e.source == "config" and e.line for f in fns.values() for e in f.events)
    assert not result.problems


def test_broken_yaml_is_a_located_problem(write_tree: WriteTree) -> None:
    result, _ = read(write_tree, "service: x\nfunctions:\n  a:\n    handler: [unclosed\n")
    assert result.functions == []
    (problem,) = result.problems
    assert problem.file == "serverless.yml" and problem.line is not None
    assert "invalid YAML" in problem.message


def test_wrong_shapes_are_problems_not_crashes(write_tree: WriteTree) -> None:
    result, _ = read(write_tree, "functions:\n  a: 5\n  b:\n    events: nope\n")
    messages = " ".join(p.message for p in result.problems)
    assert "'a': settings must be a mapping" in messages
    assert "`events` must be a list" in messages
    assert "'b' has no `handler`" in messages


def test_unreadable_file(tmp_path: Path) -> None:
    result = read_serverless(tmp_path / "missing.yml", "missing.yml")
    assert result.problems and "cannot read" in result.problems[0].message


def test_nested_variables_fall_back_to_their_default(write_tree: WriteTree) -> None:
    result, _ = read(
        write_tree,
        """
        custom: { timeouts: { prod: 60 }, memory: "${self:custom.size}", size: 2048 }
        provider: { name: aws, timeout: "${self:custom.timeouts.${sls:stage}, 30}" }
        functions:
          a: { handler: a.handler, memorySize: "${self:custom.memory}" }
          b: { handler: b.handler, timeout: "${self:custom.timeouts.${opt:stage, 'prod'}}" }
          c: { handler: c.handler, timeout: "${ssm:/timeout}" }
        """,
    )
    fns = {f.name: f for f in result.functions}
    assert (fns["a"].timeout_s, fns["a"].memory_mb) == (30, 2048)
    assert fns["b"].timeout_s == 60
    assert fns["c"].timeout_s is None


def test_file_includes_of_data_never_code(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "serverless.yml": """
                service: split
                provider: ${file(./provider.yml)}
                custom: ${file(config.json):shared}
                functions:
                  - ${file(fns/orders.yml)}
                  - inline: { handler: src/inline.handler }
                  - ${file(fns/evil.js)}
            """,
            "provider.yml": "name: aws\nruntime: nodejs20.x\nmemorySize: ${self:custom.memory}\n",
            "config.json": '{"shared": {"memory": 768}}',
            "fns/orders.yml": "create:\n  handler: src/create.handler\n  events:\n    - sqs: arn:aws:sqs:x\n",
        }
    )
    result = read_serverless(root / "serverless.yml", "serverless.yml")
    fns = {f.name: f for f in result.functions}
    assert set(fns) == {"create", "inline"}
    create = fns["create"]
    assert (create.config, create.line, create.runtime, create.memory_mb) == (
        "fns/orders.yml",
        1,
        "nodejs20.x",
        768,
    )
    assert create.events[0].file == "fns/orders.yml" and create.events[0].kind == "sqs"
    assert fns["inline"].config == "serverless.yml"
    assert any("fns/evil.js" in p.message and "never runs code" in p.message for p in result.problems)
