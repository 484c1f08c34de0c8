resource "aws_lambda_function" "refund" {
  function_name    = "${local.prefix}-refund"
  filename         = data.archive_file.functions.output_path
  source_code_hash = data.archive_file.functions.output_base64sha256
  handler          = "refund.handler"
  runtime          = var.node_runtime
  memory_size      = var.refund_memory
  timeout          = 30
  architectures    = local.architectures
  role             = aws_iam_role.lambda.arn

  environment {
    variables = {
      LEDGER_TABLE = aws_dynamodb_table.ledger.name
    }
  }
}

resource "aws_lambda_event_source_mapping" "refunds" {
  event_source_arn = aws_sqs_queue.refunds.arn
  function_name    = aws_lambda_function.refund.arn
  batch_size       = 10
}

resource "aws_lambda_function" "ledger_stream" {
  function_name    = "${local.prefix}-ledger-stream"
  filename         = data.archive_file.functions.output_path
  source_code_hash = data.archive_file.functions.output_base64sha256
  handler          = "ledgerStream.handler"
  runtime          = var.node_runtime
  memory_size      = 256
  role             = aws_iam_role.lambda.arn
}

resource "aws_lambda_event_source_mapping" "ledger" {
  event_source_arn  = aws_dynamodb_table.ledger.stream_arn
  function_name     = aws_lambda_function.ledger_stream.function_name
  starting_position = "LATEST"
}

resource "aws_lambda_function" "receipt" {
  function_name    = "${local.prefix}-receipt"
  filename         = data.archive_file.functions.output_path
  source_code_hash = data.archive_file.functions.output_base64sha256
  handler          = "receipt.handler"
  runtime          = var.node_runtime
  timeout          = 15
  role             = aws_iam_role.lambda.arn

  environment {
    variables = {
      SENDER = "billing@example.com"
    }
  }
}

resource "aws_sns_topic_subscription" "receipts" {
  topic_arn = aws_sns_topic.receipts.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.receipt.arn
}

resource "aws_lambda_permission" "receipts" {
  statement_id  = "AllowSns"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.receipt.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.receipts.arn
}
