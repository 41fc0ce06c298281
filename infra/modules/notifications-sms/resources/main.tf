# What one environment needs besides its pool to send SMS and to follow delivery: the delivery-receipt log
# group, the role SMS writes to it with, and the configuration set whose event destination sends every
# text event there (a CloudFormation stack: the AWS provider 5.x configuration set has no event
# destinations). The IAM policies are in access.tf.
# VPC endpoints are not here: the platform's network layer creates them (../vpc-endpoints for a VPC without).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  # `id` is the region's name in provider 5.x and 6.x alike
  region                 = data.aws_region.current.id
  account_id             = data.aws_caller_identity.current.account_id
  sms_arn_prefix         = "arn:${data.aws_partition.current.partition}:sms-voice:${local.region}:${local.account_id}"
  configuration_set_name = "${var.name}-config-set"
}

resource "aws_cloudwatch_log_group" "sms_logs" {
  # checkov:skip=CKV_AWS_158:Encrypted by CloudWatch Logs unless kms_key_arn names a customer managed key.
  name              = "/aws/sms-voice/${var.name}/sms-notifications/delivery-receipts"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# The role the SMS service assumes to write events into the log group; only this account's SMS service
# may assume it (aws:SourceAccount, the confused-deputy guard AWS documents for service roles).
resource "aws_iam_role" "logging_role" {
  name = "sms-logging-role-${var.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "sms-voice.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "sms_logging_permissions" {
  name = "sms-logging-policy-${var.name}"
  role = aws_iam_role.logging_role.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = [aws_cloudwatch_log_group.sms_logs.arn, "${aws_cloudwatch_log_group.sms_logs.arn}:*"]
    }]
  })
}

resource "aws_cloudformation_stack" "sms_config_set" {
  # checkov:skip=CKV_AWS_124:Stack events are not sent to SNS; Terraform applies the stack and reports its failures.
  name               = "${var.name}-config-set"
  template_body      = file("${path.module}/config-set.cfn.json")
  timeout_in_minutes = 5
  on_failure         = "ROLLBACK"

  parameters = {
    ConfigurationSetName = local.configuration_set_name
    LogGroupArn          = aws_cloudwatch_log_group.sms_logs.arn
    LoggingRoleArn       = aws_iam_role.logging_role.arn
  }
  tags = var.tags

  # the role must be able to write before the event destination is created, and until it is deleted
  depends_on = [aws_iam_role_policy.sms_logging_permissions]
}
