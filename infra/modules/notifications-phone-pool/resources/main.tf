# The phone pool an environment sends through, with its sending number and opt-out list.
#
# The number is one of three, chosen by the environment's configuration:
#   - neither id set:                          a SIMULATOR number (reaches only simulator destination numbers)
#   - sms_sender_phone_number_registration_id:  a number of sms_number_type requested with that registration
#                                               (RequestPhoneNumber.RegistrationId), for example a 10DLC campaign
#   - sms_sender_phone_number_id:               an existing number adopted into the pool, for example the
#                                               toll-free number a toll-free registration holds
#
# The number is a native resource: "Registering phone numbers is not supported by AWS CloudFormation"
# (AWS::SMSVOICE::PhoneNumber reference; cfn-lint rejects RegistrationId with E3002), while the provider's
# aws_pinpointsmsvoicev2_phone_number has registration_id. The pool is a CloudFormation stack because the
# AWS provider 5.x has no pool resource. See docs/decisions/009-20261201-infrastructure-shape.md.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  adopted    = var.sms_sender_phone_number_id != null
  registered = !local.adopted && var.sms_sender_phone_number_registration_id != null
  simulator  = !local.adopted && !local.registered

  adopted_number_id = local.adopted ? element(split("/", var.sms_sender_phone_number_id), length(split("/", var.sms_sender_phone_number_id)) - 1) : null
  # `id` is the region's name in provider 5.x and 6.x alike (6.x renamed `name` to `region`)
  adopted_number_arn = local.adopted ? "arn:${data.aws_partition.current.partition}:sms-voice:${data.aws_region.current.id}:${data.aws_caller_identity.current.account_id}:phone-number/${local.adopted_number_id}" : null

  number_id  = one(concat(aws_pinpointsmsvoicev2_phone_number.simulator[*].id, aws_pinpointsmsvoicev2_phone_number.registered[*].id, local.adopted ? [local.adopted_number_id] : []))
  number_arn = one(concat(aws_pinpointsmsvoicev2_phone_number.simulator[*].arn, aws_pinpointsmsvoicev2_phone_number.registered[*].arn, local.adopted ? [local.adopted_number_arn] : []))
}

# Numbers that replied STOP; the pool and the numbers Terraform requests use it.
resource "aws_pinpointsmsvoicev2_opt_out_list" "sms" {
  name = "${var.name}-opt-out-list"
  tags = var.tags
}

resource "aws_pinpointsmsvoicev2_phone_number" "simulator" {
  count = local.simulator ? 1 : 0

  iso_country_code    = "US"
  message_type        = var.message_type
  number_capabilities = ["SMS"]
  number_type         = "SIMULATOR"
  opt_out_list_name   = aws_pinpointsmsvoicev2_opt_out_list.sms.name
  tags                = var.tags

  lifecycle {
    # when a registered or adopted number takes its place, the pool moves to the new number before this one
    # is released (a number still in a pool cannot be released)
    create_before_destroy = true
  }
}

# A registered number is precious: it took a registration (days of review) to get. Deletion protection
# keeps AWS from releasing it; prevent_destroy keeps Terraform from planning to.
resource "aws_pinpointsmsvoicev2_phone_number" "registered" {
  count = local.registered ? 1 : 0

  iso_country_code            = "US"
  message_type                = var.message_type
  number_capabilities         = ["SMS"]
  number_type                 = var.sms_number_type
  registration_id             = var.sms_sender_phone_number_registration_id
  opt_out_list_name           = aws_pinpointsmsvoicev2_opt_out_list.sms.name
  deletion_protection_enabled = true
  tags                        = var.tags

  lifecycle {
    # a change that replaces the number (a new registration id) requests the new one first and moves the
    # pool to it; releasing the old one then needs prevent_destroy lifted on purpose
    create_before_destroy = true
    prevent_destroy       = true
  }
}

resource "aws_cloudformation_stack" "sms_phone_pool" {
  # checkov:skip=CKV_AWS_124:Stack events are not sent to SNS; Terraform applies the stack and reports its failures.
  name               = "${var.name}-phone-pool"
  template_body      = file("${path.module}/phone-pool.cfn.json")
  timeout_in_minutes = 5
  on_failure         = "ROLLBACK"

  parameters = {
    PhoneNumberArn            = local.number_arn
    PhoneNumberId             = local.number_id
    OptOutListName            = aws_pinpointsmsvoicev2_opt_out_list.sms.name
    DeletionProtectionEnabled = local.simulator ? "false" : "true"
  }

  # temporary environments find the pool of their environment by this tag and the stack's name
  # (notifications-phone-pool/data)
  tags = merge(var.tags, { "sms-phone-pool" = var.name })
}
