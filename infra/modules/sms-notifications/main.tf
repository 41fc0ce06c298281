# SMS notifications for one service: the delivery-receipt log group, an opt-out list, a phone
# number (a SIMULATOR number until a registration id is given), and a CloudFormation stack with the
# phone pool and the configuration set whose event destination writes every text event to the log
# group. See README.md for which resources are native and which come from CloudFormation, and why.

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  service_name           = "${var.name}-sms"
  log_group_name         = "/aws/sms-voice/${local.service_name}/sms-notifications/delivery-receipts"
  registered             = var.sms_sender_phone_number_registration_id != null
  number_type            = local.registered ? var.sms_number_type : "SIMULATOR"
  arn_prefix             = "arn:${data.aws_partition.current.partition}:sms-voice:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"
  configuration_set_name = "${local.service_name}-configuration-set"
  opt_out_list_name      = "${local.service_name}-opt-outs"
}

resource "aws_cloudwatch_log_group" "delivery_receipts" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_pinpointsmsvoicev2_opt_out_list" "this" {
  name = local.opt_out_list_name
  tags = var.tags
}

resource "aws_pinpointsmsvoicev2_phone_number" "sender" {
  iso_country_code    = "US"
  message_type        = var.message_type
  number_capabilities = ["SMS"]
  number_type         = local.number_type
  registration_id     = var.sms_sender_phone_number_registration_id
  opt_out_list_name   = aws_pinpointsmsvoicev2_opt_out_list.this.name
  tags                = var.tags
}

# The role SMS assumes to write events into the log group; only this account's SMS service may assume it.
data "aws_iam_policy_document" "events_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sms-voice.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "events_write" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.delivery_receipts.arn}:*"]
  }
}

resource "aws_iam_role" "events" {
  name               = "${local.service_name}-events"
  assume_role_policy = data.aws_iam_policy_document.events_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "events" {
  name   = "write-delivery-receipts"
  role   = aws_iam_role.events.id
  policy = data.aws_iam_policy_document.events_write.json
}

resource "aws_cloudformation_stack" "pool_and_configuration_set" {
  name               = "${local.service_name}-pool"
  template_body      = file("${path.module}/cloudformation/sms-pool-and-configuration-set.json")
  timeout_in_minutes = 10
  on_failure         = "ROLLBACK"
  parameters = {
    PhoneNumberArn       = aws_pinpointsmsvoicev2_phone_number.sender.arn
    OptOutListName       = aws_pinpointsmsvoicev2_opt_out_list.this.name
    ConfigurationSetName = local.configuration_set_name
    LogGroupArn          = aws_cloudwatch_log_group.delivery_receipts.arn
    EventsRoleArn        = aws_iam_role.events.arn
  }
  tags = var.tags

  depends_on = [aws_iam_role_policy.events]
}
