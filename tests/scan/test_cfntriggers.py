"""Triggers wired by separate CloudFormation resources, for SAM and plain Lambda functions alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrator.scan.config.cloudformation import read_template
from migrator.scan.model import EVENT_KINDS
from migrator.scan.vocabulary import vocabulary
from tests.conftest import WriteTree

WIRED = Path(__file__).parent / "data" / "wired.yaml"
EXPECTED = {
    "Kafka": "kafka",
    "SelfKafka": "kafka",
    "Mq": "mq",
    "Docs": "documentdb",
    "Iot": "iot",
    "AppSync": "appsync",
    "Pipe": "pipes",
    "Firehose": "firehose",
    "ObjectLambda": "s3-object-lambda",
    "Custom": "custom-resource",
    "Edge": "lambda-edge",
    "Cognito": "cognito",
    "Logs": "cloudwatch-logs",
    "Scheduled": "schedule",
    "Rest": "api-gateway-rest",
    "Url": "function-url",
    "Alb": "alb",
    "Granted": "sns",
}


def test_every_wiring_resource_names_its_kind() -> None:
    result = read_template(WIRED, "wired.yaml")
    assert not result.problems
    got = {fn.name: [e.kind for e in fn.events] for fn in result.functions}
    assert got == {name: [kind] for name, kind in EXPECTED.items()}
    assert all(e.source == "config" and e.line for fn in result.functions for e in fn.events)


def test_openapi_from_a_local_definition_uri(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "template.yaml": """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn: { Type: AWS::Serverless::Function, Properties: { Handler: a.handler } }
                  Auth: { Type: AWS::Serverless::Function, Properties: { Handler: b.handler } }
                  Api: { Type: AWS::Serverless::HttpApi, Properties: { DefinitionUri: api/openapi.yaml } }
            """,
            "api/openapi.yaml": """
                openapi: 3.0.1
                paths:
                  /items:
                    get:
                      x-amazon-apigateway-integration:
                        uri: !Sub arn:aws:apigateway:us-east-1:lambda:path/functions/${Fn.Arn}/x
                components:
                  securitySchemes:
                    token:
                      x-amazon-apigateway-authorizer:
                        authorizerUri: !Sub arn:aws:apigateway:us-east-1:lambda:path/${Auth.Arn}/x
            """,
        }
    )
    fns = {f.name: f for f in read_template(root / "template.yaml", "template.yaml").functions}
    assert [(e.kind, e.detail) for e in fns["Fn"].events] == [
        ("api-gateway-http", "Api DefinitionUri GET /items")
    ]
    assert [e.kind for e in fns["Auth"].events] == ["api-gateway-authorizer"]


def test_a_missing_definition_uri_is_a_located_problem(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "template.yaml": """
                Resources:
                  Fn: { Type: AWS::Serverless::Function, Properties: { Handler: a.handler } }
                  Api: { Type: AWS::Serverless::Api, Properties: { DefinitionUri: missing.yaml } }
            """
        }
    )
    result = read_template(root / "template.yaml", "template.yaml")
    assert [p.file for p in result.problems] == ["missing.yaml"]


@pytest.mark.parametrize("section", ["sam_events", "serverless_events", "principals", "cdk_integrations"])
def test_vocabulary_data_names_only_known_kinds(section: str) -> None:
    table = getattr(vocabulary(), section)
    assert table and set(table.values()) <= set(EVENT_KINDS)


def test_a_permission_adds_nothing_to_sam_events_that_say_it(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "template.yaml": """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.handler
                      Events: { Http: { Type: HttpApi, Properties: { Path: /x, Method: get } } }
                  Allow:
                    Type: AWS::Lambda::Permission
                    Properties: { FunctionName: !Ref Fn, Principal: apigateway.amazonaws.com }
            """
        }
    )
    (fn,) = read_template(root / "template.yaml", "template.yaml").functions
    assert [e.kind for e in fn.events] == ["api-gateway-http"]
