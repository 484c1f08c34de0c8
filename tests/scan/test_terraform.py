"""Terraform: functions, code folders from archive_file, var/local defaults, and their triggers."""

from __future__ import annotations

from migrator.scan.config.terraform import read_terraform
from migrator.scan.engine import ScanOptions, scan
from tests.conftest import WriteTree

MAIN = """
variable "runtime" { default = "nodejs22.x" }
variable "stage" {}
locals {
  memory = 1024
  name   = "orders-${var.stage}"
}

data "archive_file" "api" {
  type        = "zip"
  source_dir  = "${path.module}/api"
  output_path = "${path.module}/dist/api.zip"
}

data "archive_file" "worker" {
  type        = "zip"
  source_file = "worker/main.js"
  output_path = "worker.zip"
}

resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  filename      = data.archive_file.api.output_path
  handler       = "index.handler"
  runtime       = var.runtime
  memory_size   = local.memory
  timeout       = 29
  architectures = ["arm64"]
  environment {
    variables = { TABLE = "orders", STAGE = var.stage }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = local.name
  filename      = "worker.zip"
  handler       = "main.handler"
  runtime       = "nodejs20.x"
}

resource "aws_lambda_function" "python" {
  function_name = "reports"
  filename      = "reports.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
}

resource "aws_lambda_function" "image" {
  function_name = "renderer"
  package_type  = "Image"
  image_uri     = "123.dkr.ecr.us-east-1.amazonaws.com/r:latest"
}

module "edge" {
  source        = "terraform-aws-modules/lambda/aws"
  function_name = "edge"
  handler       = "edge.handler"
  runtime       = "nodejs20.x"
  source_path   = "${path.module}/edge"
  environment_variables = { MODE = "edge" }
}
"""

TRIGGERS = """
resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}
resource "aws_apigatewayv2_integration" "ws" {
  api_id          = aws_apigatewayv2_api.ws.id
  integration_uri = aws_lambda_function.api.invoke_arn
}
resource "aws_cloudwatch_event_rule" "nightly" {
  schedule_expression = "cron(0 2 * * ? *)"
}
resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.worker.arn
}
resource "aws_msk_cluster" "events" {}
resource "aws_lambda_event_source_mapping" "kafka" {
  event_source_arn = aws_msk_cluster.events.arn
  function_name    = aws_lambda_function.worker.function_name
  topics           = ["orders"]
}
resource "aws_lambda_function_url" "edge" {
  function_name = module.edge.lambda_function_name
}
resource "aws_s3_bucket_notification" "uploads" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = module.edge.lambda_function_arn
    events              = ["s3:ObjectCreated:*"]
  }
}
resource "aws_lambda_permission" "logs" {
  function_name = "orders-api"
  principal     = "logs.amazonaws.com"
}
"""


def test_functions_settings_and_code_folders(write_tree: WriteTree) -> None:
    root = write_tree({"infra/main.tf": MAIN, "infra/triggers.tf": TRIGGERS})
    result = read_terraform(root / "infra", "infra")
    assert not result.problems
    fns = {f.name: f for f in result.functions}
    assert sorted(fns) == ["api", "edge", "image", "python", "worker"]
    api = fns["api"]
    assert (api.runtime, api.memory_mb, api.timeout_s, api.architecture) == ("nodejs22.x", 1024, 29, "arm64")
    assert api.env == ("TABLE", "STAGE")
    assert api.base_dir == (root / "infra" / "api").resolve()
    declared = (
        (root / "infra" / "main.tf").read_text().splitlines().index('resource "aws_lambda_function" "api" {')
    )
    assert (api.config, api.line) == ("infra/main.tf", declared + 1)
    assert fns["worker"].base_dir == (root / "infra" / "worker").resolve()  # matched by output_path
    assert fns["edge"].base_dir == (root / "infra").resolve()  # source_path `edge` does not exist here
    assert fns["edge"].env == ("MODE",)
    assert fns["python"].runtime == "python3.12"
    assert fns["image"].skip == ("container-image", "package_type Image")


def test_triggers_by_reference_name_and_principal(write_tree: WriteTree) -> None:
    root = write_tree({"infra/main.tf": MAIN, "infra/triggers.tf": TRIGGERS})
    fns = {f.name: f for f in read_terraform(root / "infra", "infra").functions}
    assert [e.kind for e in fns["api"].events] == ["api-gateway-websocket", "cloudwatch-logs"]
    assert sorted(e.kind for e in fns["worker"].events) == ["kafka", "schedule"]
    assert sorted(e.kind for e in fns["edge"].events) == ["function-url", "s3"]
    evidence = fns["api"].events[0]
    assert (evidence.file, evidence.detail) == ("infra/triggers.tf", "aws_apigatewayv2_integration.ws")


def test_invalid_hcl_is_a_located_problem(write_tree: WriteTree) -> None:
    root = write_tree({"main.tf": 'resource "aws_lambda_function" "f" {\n  handler = \n}\n'})
    result = read_terraform(root, "")
    assert result.functions == []
    assert [(p.file, p.message.startswith("invalid HCL")) for p in result.problems] == [("main.tf", True)]


def test_folders_without_lambda_are_not_parsed(write_tree: WriteTree) -> None:
    root = write_tree({"main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n'})
    result = read_terraform(root, "")
    assert (result.functions, result.problems) == ([], [])


def test_blocks_are_skipped_without_losing_heredocs_comments_or_globs(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "main.tf": """
                resource "aws_iam_policy" "p" {
                  policy = <<-EOT
                import json
                resource "aws_s3_bucket" "not_a_block" {}
                EOT
                  arn = "arn:aws:s3:::bucket/*"
                }
                /*
                resource "aws_s3_bucket" "commented" {}
                */
                resource "aws_lambda_function" "f" {
                  handler = "index.handler"
                  runtime = "nodejs20.x"
                }
                resource "aws_lambda_function_url" "u" {
                  function_name = aws_lambda_function.f.function_name
                }
            """
        }
    )
    result = read_terraform(root, "")
    assert not result.problems
    assert [(f.name, [e.kind for e in f.events]) for f in result.functions] == [("f", ["function-url"])]


def test_a_zip_built_elsewhere_maps_back_to_its_sources(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "main.tf": """
                resource "aws_lambda_function" "f" {
                  filename = "./dist/index.zip"
                  handler  = "index.handler"
                  runtime  = "nodejs20.x"
                }
            """,
            "src/index.ts": "export const handler = async () => 1;\n",
            "package.json": "{}",
        }
    )
    (fn,) = scan(root, ScanOptions(jobs=1)).functions
    assert (fn.config, fn.file) == ("main.tf", "src/index.ts")
