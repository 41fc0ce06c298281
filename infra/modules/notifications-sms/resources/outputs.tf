output "configuration_set_name" {
  description = "AWS_SMS_CONFIGURATION_SET_NAME"
  value       = aws_cloudformation_stack.sms_config_set.outputs["ConfigSetName"]
}

output "configuration_set_arn" {
  value = aws_cloudformation_stack.sms_config_set.outputs["ConfigSetArn"]
}

output "log_group_name" {
  description = "AWS_SMS_DELIVERY_LOG_GROUP: the delivery receipts, which the console reads."
  value       = aws_cloudwatch_log_group.sms_logs.name
}

output "log_group_arn" {
  value = aws_cloudwatch_log_group.sms_logs.arn
}

output "access_policy_arn" {
  description = "The app's policy: attach it to the app's task role (the platform's extra_policies)."
  value       = aws_iam_policy.sms_access.arn
}

output "console_access_policy_arn" {
  description = "The SMS console's policy: attach it to the console's role."
  value       = aws_iam_policy.console_access.arn
}

output "access_policy_json" {
  description = "The app's policy document, for review."
  value       = local.app_policy
}

output "console_access_policy_json" {
  description = "The console's policy document, for review."
  value       = local.console_policy
}
