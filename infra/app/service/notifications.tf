# SMS notifications (AWS End User Messaging SMS) of the service, in the shape of the platform's
# service/notifications.tf, so that a service on the platform can take this file as it is. It reads
# local.environment_config.sms_config (app-config/env-config/notifications.tf), local.prefix and
# local.is_temporary (service/main.tf), and gives:
#   local.sms_environment_variables          for the app's container  (merge into extra_environment_variables)
#   local.sms_console_environment_variables  for the SMS console's container
#   module.notifications_sms[0].access_policy_arn          the app's policy (extra_policies.sms_notifications_access)
#   module.notifications_sms[0].console_access_policy_arn  the console's policy (a platform team attaches it)
#
# Pools: a permanent environment creates its own. A temporary environment reuses its permanent
# environment's pool, found by the stack's name and tag (notifications-phone-pool/data), and creates a
# SIMULATOR pool of its own only when there is none; it never requests or adopts a registered number.

locals {
  sms_config = local.environment_config.sms_config
  sms_name   = local.sms_config != null ? "${local.prefix}${local.sms_config.name}" : ""

  sms_reuses_pool = local.sms_config != null && local.is_temporary ? try(module.existing_notifications_phone_pool[0].exists, false) : false

  sms_pool = local.sms_config == null ? null : (
    local.sms_reuses_pool ? one(module.existing_notifications_phone_pool[*].pool) : one(module.notifications_phone_pool[*].pool)
  )

  # what the app's container receives (the platform's names, plus the opt-out list the app checks)
  sms_environment_variables = local.sms_config != null ? {
    AWS_SMS_CONFIGURATION_SET_NAME = module.notifications_sms[0].configuration_set_name
    AWS_SMS_PHONE_POOL_ARN         = local.sms_pool.phone_pool_arn
    AWS_SMS_PHONE_POOL_ID          = local.sms_pool.phone_pool_id
    AWS_SMS_OPT_OUT_LIST_NAME      = local.sms_pool.opt_out_list_name
  } : {}

  # what the console's container receives: the same, and the log group it reads delivery receipts from
  sms_console_environment_variables = local.sms_config != null ? merge(local.sms_environment_variables, {
    AWS_SMS_DELIVERY_LOG_GROUP = module.notifications_sms[0].log_group_name
  }) : {}
}

module "existing_notifications_phone_pool" {
  count  = local.sms_config != null && local.is_temporary ? 1 : 0
  source = "../../modules/notifications-phone-pool/data"

  # the permanent environment's name: no workspace prefix
  name = local.sms_config.name
}

module "notifications_phone_pool" {
  count  = local.sms_config != null && !local.sms_reuses_pool ? 1 : 0
  source = "../../modules/notifications-phone-pool/resources"

  name                                    = local.sms_name
  sms_number_type                         = local.is_temporary ? "SIMULATOR" : local.sms_config.sms_number_type
  sms_sender_phone_number_registration_id = local.is_temporary ? null : local.sms_config.sms_sender_phone_number_registration_id
  sms_sender_phone_number_id              = local.is_temporary ? null : local.sms_config.sms_sender_phone_number_id
}

# A configuration set, log group and policies for every environment, temporary ones included.
module "notifications_sms" {
  count  = local.sms_config != null ? 1 : 0
  source = "../../modules/notifications-sms/resources"

  name              = local.sms_name
  phone_pool_arn    = local.sms_pool.phone_pool_arn
  phone_number_arn  = local.sms_pool.phone_number_arn
  opt_out_list_name = local.sms_pool.opt_out_list_name
}

output "sms_config" {
  description = "The environment's SMS resources, the containers' environment variables and the two policies."
  value = local.sms_config == null ? null : {
    name                           = local.sms_name
    reuses_pool                    = local.sms_reuses_pool
    phone_pool_id                  = local.sms_pool.phone_pool_id
    phone_number_id                = local.sms_pool.phone_number_id
    number_kind                    = local.sms_reuses_pool ? "REUSED" : module.notifications_phone_pool[0].number_kind
    app_environment_variables      = local.sms_environment_variables
    console_environment_variables  = local.sms_console_environment_variables
    access_policy_arn              = module.notifications_sms[0].access_policy_arn
    console_access_policy_arn      = module.notifications_sms[0].console_access_policy_arn
    delivery_receipt_log_group_arn = module.notifications_sms[0].log_group_arn
    configuration_set_arn          = module.notifications_sms[0].configuration_set_arn
  }
}
