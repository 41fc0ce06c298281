# The app's configuration, one file per environment (dev.tf, prod.tf), in the platform's shape; read by
# infra/app/service. No resources and no provider: it only computes values.
locals {
  app_name       = "app"
  default_region = "us-east-1"

  # SMS notifications through AWS End User Messaging SMS, for the app and the SMS console
  enable_sms_notifications = true

  environments = ["dev", "prod"]
}

output "app_name" {
  value = local.app_name
}

output "default_region" {
  value = local.default_region
}

output "enable_sms_notifications" {
  value = local.enable_sms_notifications
}

output "environments" {
  value = local.environments
}

output "environment_configs" {
  value = {
    dev  = module.dev_config
    prod = module.prod_config
  }
}
