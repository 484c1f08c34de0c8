"""Terraform text pruned before parsing: unread attributes go, read ones and line numbers stay."""

from __future__ import annotations

import textwrap

import hcl2

from migrator.scan.config.terraform import read_terraform
from migrator.scan.config.tfprune import prune_attributes, referenced_variables, relevant_blocks
from tests.conftest import WriteTree

LAMBDA = textwrap.dedent(
    """
    variable timeout {
      type        = number
      description = "a { brace in a description"
      default     = 30
      validation {
        condition     = var.timeout > 0
        error_message = "must be positive"
      }
    }
    variable "unused" { default = "x" }

    resource "aws_lambda_function" "f" {
      function_name = "orders"
      role          = aws_iam_role.r.arn  # a comment with a } brace
      policy        = <<-EOT
        { "Statement": [ {
      EOT
      tags = {
        team = "a"
      }
      vpc_config {
        subnet_ids = ["a", "b"]
      }
      handler     = "index.handler"
      runtime     = "nodejs20.x"
      timeout     = var.timeout
      environment {
        variables = {
          TABLE = "orders"
        }
      }
    }
    """
).lstrip("\n")


def test_unread_attributes_are_blanked_and_read_ones_kept_on_their_lines() -> None:
    blocks = relevant_blocks(LAMBDA, {"aws_lambda_function"}, referenced_variables([LAMBDA]))
    pruned = prune_attributes(
        blocks, {"function_name", "handler", "runtime", "timeout", "environment", "default"}
    )
    lines = pruned.splitlines()
    assert len(lines) == len(LAMBDA.splitlines())
    for gone in ("role", "policy", "Statement", "tags", "team", "vpc_config", "description", "validation"):
        assert gone not in pruned, gone
    assert 'variable "unused"' not in pruned  # no var.unused anywhere
    original = LAMBDA.splitlines()
    for kept in ('  handler     = "index.handler"', "  timeout     = var.timeout", '      TABLE = "orders"'):
        assert lines.index(kept) == original.index(kept)
    document = hcl2.loads(pruned)
    (resource,) = document["resource"]
    body = resource['"aws_lambda_function"']['"f"']
    assert sorted(k for k in body if not k.startswith("__")) == [
        "environment",
        "function_name",
        "handler",
        "runtime",
        "timeout",
    ]


def test_a_pruned_folder_reads_as_before(write_tree: WriteTree) -> None:
    root = write_tree({"main.tf": LAMBDA})
    result = read_terraform(root, "")
    assert not result.problems
    (fn,) = result.functions
    assert (fn.name, fn.handler, fn.runtime, fn.timeout_s, fn.env, fn.line) == (
        "f",
        "index.handler",
        "nodejs20.x",
        30,
        ("TABLE",),
        LAMBDA.splitlines().index('resource "aws_lambda_function" "f" {') + 1,
    )
