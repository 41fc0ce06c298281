# The app's service in one environment: creates the SMS resources from the environment's
# configuration and hands their names to the app and to the console as environment variables.
# Apply with: make infra-update-app-service APP_NAME=app ENVIRONMENT=dev

terraform {
  backend "s3" {}
}

variable "environment" {
  type = string
}

variable "app_task_role_name" {
  type        = string
  description = "IAM role of the app's tasks."
}

variable "console_task_role_name" {
  type        = string
  default     = null
  description = "IAM role of the SMS console's tasks, when the console runs in this environment."
}

variable "private_subnet_ids" {
  type    = list(string)
  default = []
}

variable "vpc_id" {
  type    = string
  default = null
}

variable "endpoint_security_group_ids" {
  type    = list(string)
  default = []
}

module "app_config" {
  source = "../app-config"
}

locals {
  environment_config   = module.app_config.environment_configs[var.environment]
  notifications_config = local.environment_config.notifications_config
}

module "sms_notifications" {
  count  = local.notifications_config != null ? 1 : 0
  source = "../../modules/sms-notifications"

  name                                    = local.notifications_config.name
  sms_sender_phone_number_registration_id = local.notifications_config.sms_sender_phone_number_registration_id
  sms_number_type                         = local.notifications_config.sms_number_type
  log_retention_days                      = local.notifications_config.log_retention_days
  enable_vpc_endpoint                     = length(var.private_subnet_ids) > 0
  vpc_id                                  = var.vpc_id
  subnet_ids                              = var.private_subnet_ids
  security_group_ids                      = var.endpoint_security_group_ids
  app_role_names                          = [var.app_task_role_name]
  console_role_names                      = var.console_task_role_name == null ? [] : [var.console_task_role_name]
}

locals {
  # what the app's container receives
  app_environment_variables = local.notifications_config == null ? {} : {
    AWS_SMS_CONFIGURATION_SET_NAME = module.sms_notifications[0].configuration_set_name
    AWS_SMS_PHONE_POOL_ARN         = module.sms_notifications[0].phone_pool_arn
    AWS_SMS_PHONE_POOL_ID          = module.sms_notifications[0].phone_pool_id
  }
  # what the console's container receives: the same, plus the log group it reads receipts from
  console_environment_variables = local.notifications_config == null ? {} : merge(local.app_environment_variables, {
    AWS_SMS_DELIVERY_LOG_GROUP = module.sms_notifications[0].log_group_name
    SPRING_PROFILES_ACTIVE     = "aws,postgres"
  })
}

output "app_environment_variables" {
  value = local.app_environment_variables
}

output "console_environment_variables" {
  value = local.console_environment_variables
}
