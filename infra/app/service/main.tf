# The app's service layer in one environment, in the platform's shape: the environment's configuration
# from ../app-config, the workspace prefix for temporary environments, and the SMS resources wired in
# notifications.tf. Apply from the repository root:
#   make infra-update-app-service APP_NAME=app ENVIRONMENT=dev

locals {
  # Temporary environments (any workspace but "default", for example a pull request's) prefix their
  # resources with the workspace and reuse the permanent environment's phone pool.
  prefix       = terraform.workspace == "default" ? "" : "${terraform.workspace}-"
  is_temporary = terraform.workspace != "default"

  environment_config = module.app_config.environment_configs[var.environment_name]
  service_name       = "${local.prefix}${local.environment_config.service_name}"

  tags = {
    application = module.app_config.app_name
    environment = var.environment_name
    service     = local.service_name
  }
}

provider "aws" {
  region = local.environment_config.region
  default_tags {
    tags = local.tags
  }
}

module "app_config" {
  source = "../app-config"
}

# The platform's service module attaches the app's policy to the task role (extra_policies); without it,
# name the roles here.
resource "aws_iam_role_policy_attachment" "app_sms_access" {
  count      = local.sms_config != null && var.app_task_role_name != null ? 1 : 0
  role       = var.app_task_role_name
  policy_arn = module.notifications_sms[0].access_policy_arn
}

resource "aws_iam_role_policy_attachment" "console_sms_access" {
  count      = local.sms_config != null && var.console_task_role_name != null ? 1 : 0
  role       = var.console_task_role_name
  policy_arn = module.notifications_sms[0].console_access_policy_arn
}

# For a VPC whose network layer has no endpoints for SMS and CloudWatch Logs.
module "notifications_sms_vpc_endpoints" {
  count  = local.sms_config != null && var.vpc_endpoints != null ? 1 : 0
  source = "../../modules/notifications-sms/vpc-endpoints"

  name               = local.sms_name
  vpc_id             = var.vpc_endpoints.vpc_id
  subnet_ids         = var.vpc_endpoints.subnet_ids
  security_group_ids = var.vpc_endpoints.security_group_ids
  existing_services  = var.vpc_endpoints.existing_services
}
