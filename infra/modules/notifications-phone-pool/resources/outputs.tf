# Read back from the pool's stack, like the platform's module, so that a temporary environment that reuses
# the pool (notifications-phone-pool/data) gets the same values from the same place.

output "phone_pool_id" {
  description = "AWS_SMS_PHONE_POOL_ID: the pool's id (pool-...)."
  value       = aws_cloudformation_stack.sms_phone_pool.outputs["PhonePoolId"]
}

output "phone_pool_arn" {
  description = "AWS_SMS_PHONE_POOL_ARN"
  value       = aws_cloudformation_stack.sms_phone_pool.outputs["PhonePoolArn"]
}

output "phone_number_id" {
  description = "The sending number's id (phone-...): a simulator, registered or adopted number."
  value       = aws_cloudformation_stack.sms_phone_pool.outputs["PhoneNumberId"]
}

output "phone_number_arn" {
  value = aws_cloudformation_stack.sms_phone_pool.outputs["PhoneNumberArn"]
}

output "opt_out_list_name" {
  description = "AWS_SMS_OPT_OUT_LIST_NAME: the pool's opt-out list, which the app checks before it sends."
  value       = aws_cloudformation_stack.sms_phone_pool.outputs["OptOutListName"]
}

output "pool" {
  description = "All of the above in one object, of the same shape as notifications-phone-pool/data's pool."
  value = {
    phone_pool_id     = aws_cloudformation_stack.sms_phone_pool.outputs["PhonePoolId"]
    phone_pool_arn    = aws_cloudformation_stack.sms_phone_pool.outputs["PhonePoolArn"]
    phone_number_id   = aws_cloudformation_stack.sms_phone_pool.outputs["PhoneNumberId"]
    phone_number_arn  = aws_cloudformation_stack.sms_phone_pool.outputs["PhoneNumberArn"]
    opt_out_list_name = aws_cloudformation_stack.sms_phone_pool.outputs["OptOutListName"]
  }
}

output "number_kind" {
  description = "SIMULATOR, REGISTERED (requested with the registration id) or ADOPTED (an existing number)."
  value       = local.adopted ? "ADOPTED" : (local.registered ? "REGISTERED" : "SIMULATOR")
}
