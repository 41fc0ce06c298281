output "exists" {
  description = "Whether the environment's pool was found (with all its stack outputs)."
  value       = local.exists
}

output "pool" {
  description = "The pool found, of the same shape as notifications-phone-pool/resources' pool; null when none."
  value = local.exists ? {
    phone_pool_id     = local.outputs["PhonePoolId"]
    phone_pool_arn    = local.outputs["PhonePoolArn"]
    phone_number_id   = local.outputs["PhoneNumberId"]
    phone_number_arn  = local.outputs["PhoneNumberArn"]
    opt_out_list_name = local.outputs["OptOutListName"]
  } : null
}
