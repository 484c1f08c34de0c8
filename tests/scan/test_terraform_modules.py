"""Terraform values from outside a folder's `.tf` files: `.tfvars` and local module calls."""

from __future__ import annotations

from migrator.scan.config.terraform import read_terraform
from migrator.scan.engine import ScanOptions, scan
from tests.conftest import WriteTree

ROOT_WITH_VARS = """
variable "runtime" {}
variable "memory" { default = 128 }
variable "stage" { default = "dev" }

resource "aws_lambda_function" "api" {
  function_name = "api-${var.stage}"
  filename      = "api.zip"
  handler       = "index.handler"
  runtime       = var.runtime
  memory_size   = var.memory
}
"""

CHILD = """
variable "name" {}
variable "handler" { default = "index.handler" }
variable "memory" { default = 128 }
variable "env" { default = {} }

data "archive_file" "code" {
  type        = "zip"
  source_dir  = "${path.module}/../../src/${var.name}"
  output_path = "${path.module}/${var.name}.zip"
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  filename      = data.archive_file.code.output_path
  handler       = var.handler
  runtime       = "nodejs20.x"
  memory_size   = var.memory
  environment {
    variables = var.env
  }
}

resource "aws_lambda_event_source_mapping" "queue" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.this.arn
}
"""

PARENT = """
locals { big = 1024 }

module "orders" {
  source  = "./modules/fn"
  name    = "orders"
  handler = "app.handler"
  memory  = local.big
}

module "refunds" {
  source = "./modules/fn"
  name   = "refunds"
  memory = var.unknown_at_plan_time
}

resource "aws_lambda_permission" "s3" {
  function_name = module.orders.function_name
  principal     = "s3.amazonaws.com"
}
"""


def test_tfvars_values_stand_in_for_defaults_in_name_order(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "infra/main.tf": ROOT_WITH_VARS,
            "infra/terraform.tfvars": 'runtime = "nodejs22.x"\nmemory = 512\n',
            "infra/b.auto.tfvars": "memory = 2048\n",
            "infra/a.auto.tfvars": "memory = 1024\n",
        }
    )
    result = read_terraform(root / "infra", "infra", root)
    assert not result.problems
    (fn,) = result.functions
    assert (fn.runtime, fn.memory_mb) == ("nodejs22.x", 2048)


def test_an_invalid_tfvars_file_is_a_located_problem(write_tree: WriteTree) -> None:
    root = write_tree({"main.tf": ROOT_WITH_VARS, "terraform.tfvars": "runtime = \n"})
    result = read_terraform(root, "", root)
    assert [(p.file, p.message.startswith("invalid HCL")) for p in result.problems] == [
        ("terraform.tfvars", True)
    ]
    (fn,) = result.functions
    assert (fn.runtime, fn.memory_mb) == (None, 128)


def test_local_modules_are_read_with_what_the_caller_passes(write_tree: WriteTree) -> None:
    root = write_tree({"infra/main.tf": PARENT, "infra/modules/fn/main.tf": CHILD})
    result = read_terraform(root / "infra", "infra", root)
    assert not result.problems
    fns = {f.name: f for f in result.functions}
    assert sorted(fns) == ["orders", "refunds"]
    orders, refunds = fns["orders"], fns["refunds"]
    declared = CHILD.lstrip("\n").splitlines().index('resource "aws_lambda_function" "this" {') + 1
    assert (orders.config, orders.line) == ("infra/modules/fn/main.tf", declared)
    assert (orders.handler, orders.memory_mb) == ("app.handler", 1024)
    assert (refunds.handler, refunds.memory_mb) == ("index.handler", None)  # passed, but unknown
    assert orders.base_dir == (root / "infra" / "src" / "orders").resolve()  # path.module: modules/fn
    assert [(e.kind, e.file) for e in orders.events] == [
        ("sqs", "infra/modules/fn/main.tf"),
        ("s3", "infra/main.tf"),
    ]
    assert [e.kind for e in refunds.events] == ["sqs"]
    assert result.module_dirs == [str((root / "infra/modules/fn").resolve())] * 2


def test_a_module_folder_is_not_scanned_again_on_its_own(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "infra/main.tf": PARENT,
            "infra/modules/fn/main.tf": CHILD,
            "infra/src/orders/app.js": "exports.handler = async () => ({ statusCode: 200 });\n",
            "infra/src/refunds/index.js": "exports.handler = async () => 1;\n",
        }
    )
    report = scan(root, ScanOptions(jobs=1))
    assert [(f.name, f.file, f.events) for f in report.functions] == [
        ("orders", "infra/src/orders/app.js", ("sqs", "s3")),
        ("refunds", "infra/src/refunds/index.js", ("sqs",)),
    ]
    assert report.errors == ()


def test_module_sources_outside_path_or_in_a_cycle_are_not_read(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "app/main.tf": """
                module "out" {
                  source = "../../elsewhere"
                }
                module "me" {
                  source = "./"
                }
                resource "aws_lambda_function" "f" {
                  handler = "index.handler"
                  runtime = "nodejs20.x"
                }
            """,
        }
    )
    result = read_terraform(root / "app", "app", root / "app")
    messages = sorted(p.message for p in result.problems)
    assert [m.split(":")[0] for m in messages] == ["module 'me'", "module 'out'"]
    assert "outside the scanned folder" in messages[1]
    assert "cycle" in messages[0]
    assert [f.name for f in result.functions] == ["f"]
