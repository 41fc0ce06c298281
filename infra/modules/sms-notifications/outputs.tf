output "configuration_set_name" {
  description = "AWS_SMS_CONFIGURATION_SET_NAME"
  value       = aws_cloudformation_stack.pool_and_configuration_set.outputs["ConfigurationSetName"]
}

output "phone_pool_id" {
  description = "AWS_SMS_PHONE_POOL_ID"
  value       = aws_cloudformation_stack.pool_and_configuration_set.outputs["PhonePoolId"]
}

output "phone_pool_arn" {
  description = "AWS_SMS_PHONE_POOL_ARN"
  value       = aws_cloudformation_stack.pool_and_configuration_set.outputs["PhonePoolArn"]
}

output "phone_number" {
  description = "The sending number (a simulator number until a registration id is set)."
  value       = aws_pinpointsmsvoicev2_phone_number.sender.phone_number
}

output "log_group_name" {
  description = "AWS_SMS_DELIVERY_LOG_GROUP: the log group of delivery receipts, read by the console."
  value       = aws_cloudwatch_log_group.delivery_receipts.name
}

output "log_group_arn" {
  value = aws_cloudwatch_log_group.delivery_receipts.arn
}

output "opt_out_list_name" {
  value = aws_pinpointsmsvoicev2_opt_out_list.this.name
}

output "app_policy_arn" {
  value = aws_iam_policy.app.arn
}

output "console_policy_arn" {
  value = aws_iam_policy.console.arn
}

output "environment_variables" {
  description = "What the app and the console receive."
  value = {
    AWS_SMS_CONFIGURATION_SET_NAME = aws_cloudformation_stack.pool_and_configuration_set.outputs["ConfigurationSetName"]
    AWS_SMS_PHONE_POOL_ID          = aws_cloudformation_stack.pool_and_configuration_set.outputs["PhonePoolId"]
    AWS_SMS_PHONE_POOL_ARN         = aws_cloudformation_stack.pool_and_configuration_set.outputs["PhonePoolArn"]
    AWS_SMS_DELIVERY_LOG_GROUP     = aws_cloudwatch_log_group.delivery_receipts.name
  }
}

output "vpc_endpoint_id" {
  value = var.enable_vpc_endpoint ? aws_vpc_endpoint.sms_voice[0].id : null
}
