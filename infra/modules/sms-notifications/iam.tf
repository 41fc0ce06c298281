# Least-privilege policies: the application sends through this pool and configuration set only; the
# console calls exactly the actions its gateways call (ConsolePolicyTest keeps this file and the
# code in step), each scoped to resource ARNs wherever the service supports it.

locals {
  pool_arn              = aws_cloudformation_stack.pool_and_configuration_set.outputs["PhonePoolArn"]
  configuration_set_arn = "${local.arn_prefix}:configuration-set/${local.configuration_set_name}"
  opt_out_list_arn      = aws_pinpointsmsvoicev2_opt_out_list.this.arn
  log_group_arn         = aws_cloudwatch_log_group.delivery_receipts.arn
}

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "SendThroughThePoolAndConfigurationSet"
    actions   = ["sms-voice:SendTextMessage"]
    resources = [local.pool_arn, aws_pinpointsmsvoicev2_phone_number.sender.arn, local.configuration_set_arn]
  }
  statement {
    sid       = "ReadOptedOutNumbers"
    actions   = ["sms-voice:DescribeOptedOutNumbers"]
    resources = [local.opt_out_list_arn]
  }
}

resource "aws_iam_policy" "app" {
  name        = "${local.service_name}-app"
  description = "Send SMS through ${local.service_name}'s pool and configuration set; read its opt-out list."
  policy      = data.aws_iam_policy_document.app.json
  tags        = var.tags
}

data "aws_iam_policy_document" "console" {
  statement {
    sid = "DescribeAccountAndDefinitions"
    # these describe calls list the account's resources or definitions and take no resource ARN
    actions = [
      "sms-voice:DescribeAccountAttributes",
      "sms-voice:DescribeAccountLimits",
      "sms-voice:DescribeSpendLimits",
      "sms-voice:DescribeRegistrationTypeDefinitions",
      "sms-voice:DescribeRegistrationFieldDefinitions",
      "sms-voice:DescribeRegistrationSectionDefinitions",
      "sms-voice:DescribeRegistrations",
      "sms-voice:DescribeVerifiedDestinationNumbers",
      "sms-voice:DescribePools",
      "sms-voice:DescribePhoneNumbers",
      "sms-voice:DescribeSenderIds",
      "sms-voice:DescribeConfigurationSets",
      "sms-voice:DescribeOptOutLists",
    ]
    resources = ["*"]
  }
  statement {
    sid = "Registrations"
    actions = [
      "sms-voice:CreateRegistration",
      "sms-voice:DescribeRegistrationVersions",
      "sms-voice:DescribeRegistrationFieldValues",
      "sms-voice:PutRegistrationFieldValue",
      "sms-voice:DeleteRegistrationFieldValue",
      "sms-voice:SubmitRegistrationVersion",
      "sms-voice:CreateRegistrationVersion",
      "sms-voice:DiscardRegistrationVersion",
      "sms-voice:DeleteRegistration",
    ]
    resources = ["${local.arn_prefix}:registration/*"]
  }
  statement {
    sid       = "RegistrationAttachments"
    actions   = ["sms-voice:CreateRegistrationAttachment"]
    resources = ["${local.arn_prefix}:registration-attachment/*"]
  }
  statement {
    sid = "VerifiedDestinationNumbers"
    actions = [
      "sms-voice:CreateVerifiedDestinationNumber",
      "sms-voice:SendDestinationNumberVerificationCode",
      "sms-voice:VerifyDestinationNumber",
      "sms-voice:DeleteVerifiedDestinationNumber",
    ]
    resources = ["${local.arn_prefix}:verified-destination-number/*"]
  }
  statement {
    sid       = "TestSendsThroughThePool"
    actions   = ["sms-voice:SendTextMessage"]
    resources = [local.pool_arn, aws_pinpointsmsvoicev2_phone_number.sender.arn, local.configuration_set_arn]
  }
  statement {
    sid       = "PoolKeywordsAndNumbers"
    actions   = ["sms-voice:DescribeKeywords", "sms-voice:ListPoolOriginationIdentities"]
    resources = [local.pool_arn, aws_pinpointsmsvoicev2_phone_number.sender.arn]
  }
  statement {
    sid       = "OptOutList"
    actions   = ["sms-voice:DescribeOptedOutNumbers", "sms-voice:PutOptedOutNumber", "sms-voice:DeleteOptedOutNumber"]
    resources = [local.opt_out_list_arn]
  }
  statement {
    sid       = "DeliveryReceipts"
    actions   = ["logs:FilterLogEvents", "logs:DescribeLogStreams"]
    resources = [local.log_group_arn, "${local.log_group_arn}:*"]
  }
  statement {
    sid       = "FindTheLogGroup"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:*"]
  }
}

resource "aws_iam_policy" "console" {
  name        = "${local.service_name}-console"
  description = "What the SMS console calls for ${local.service_name}, and nothing more."
  policy      = data.aws_iam_policy_document.console.json
  tags        = var.tags
}

resource "aws_iam_role_policy_attachment" "app" {
  for_each   = toset(var.app_role_names)
  role       = each.value
  policy_arn = aws_iam_policy.app.arn
}

resource "aws_iam_role_policy_attachment" "console" {
  for_each   = toset(var.console_role_names)
  role       = each.value
  policy_arn = aws_iam_policy.console.arn
}
