"""Code folders and OpenAPI files that configs place outside PATH are refused at the config."""

from __future__ import annotations

from pathlib import Path

from migrator.scan.engine import ScanOptions, scan
from tests.conftest import WriteTree

STACK = """
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
export class S extends Stack { constructor(scope, id) { super(scope, id);
new lambda.Function(this, 'Asset', {
  runtime: lambda.Runtime.NODEJS_20_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset('../../outside') });
new NodejsFunction(this, 'Entry', { entry: '../../outside/index.ts' });
new NodejsFunction(this, 'Inside', { entry: 'src/ok.ts' });
}}
"""

TERRAFORM = """
data "archive_file" "zip" {
  type        = "zip"
  source_dir  = "${path.module}/../../outside"
  output_path = "fn.zip"
}
data "archive_file" "one" {
  type        = "zip"
  source_file = "../../outside/index.js"
  output_path = "one.zip"
}
resource "aws_lambda_function" "dir" {
  filename = data.archive_file.zip.output_path
  handler  = "index.handler"
  runtime  = "nodejs20.x"
}
resource "aws_lambda_function" "file" {
  filename = data.archive_file.one.output_path
  handler  = "index.handler"
  runtime  = "nodejs20.x"
}
"""

TEMPLATE = """
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: ../../outside/api.yaml
  InsideApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: ../shared/api.yaml
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs20.x, CodeUri: . }
"""

OPENAPI = """
openapi: 3.0.1
paths:
  /x:
    get:
      x-amazon-apigateway-integration:
        uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
"""


def test_code_folders_and_openapi_files_outside_path_are_errors(write_tree: WriteTree) -> None:
    top = write_tree(
        {
            "outside/index.js": "exports.handler = async () => 1;\n",
            "outside/index.ts": "export const handler = async () => 1;\n",
            "outside/api.yaml": OPENAPI,
            "fleet/cdk/cdk.json": '{"app": "npx ts-node lib/stack.ts"}',
            "fleet/cdk/lib/stack.ts": STACK,
            "fleet/cdk/src/ok.ts": "export const handler = async () => 1;\n",
            "fleet/tf/main.tf": TERRAFORM,
            "fleet/sam/template.yaml": TEMPLATE,
            "fleet/sam/index.js": "exports.handler = async () => 1;\n",
            "fleet/shared/api.yaml": OPENAPI.replace("/x", "/inside"),
        }
    )
    report = scan(Path(top) / "fleet", ScanOptions(jobs=1))
    assert sorted(f.name for f in report.functions) == ["Fn", "Inside"]
    fn = next(f for f in report.functions if f.name == "Fn")
    # The OpenAPI file under PATH (../shared) is read; the one outside is not.
    assert [e.detail for e in fn.event_evidence] == ["InsideApi DefinitionUri GET /inside"]
    outside = "'s code folder ../outside is outside the scanned folder; it is not read"
    assert [(e.file, e.line, e.message.replace("': its", "'s")) for e in report.errors] == [
        ("cdk/lib/stack.ts", 4, f"function 'Asset{outside}"),
        ("cdk/lib/stack.ts", 8, f"function 'Entry{outside}"),
        ("sam/template.yaml", 3, "Api: ../../outside/api.yaml is outside the scanned folder; it is not read"),
        ("tf/main.tf", 11, f"function 'dir{outside}"),
        ("tf/main.tf", 16, f"function 'file{outside}"),
    ]
