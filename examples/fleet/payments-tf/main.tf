terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

locals {
  prefix        = "payments"
  architectures = ["arm64"]
}

data "archive_file" "functions" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/build/functions.zip"
}

resource "aws_sqs_queue" "refunds" {
  name                       = "${local.prefix}-refunds"
  visibility_timeout_seconds = 60
}

resource "aws_dynamodb_table" "ledger" {
  name             = "${local.prefix}-ledger"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_sns_topic" "receipts" {
  name = "${local.prefix}-receipts"
}

resource "aws_iam_role" "lambda" {
  name = "${local.prefix}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}
