# The app's configuration, one file per environment (dev.tf, prod.tf); read by infra/app/service.
locals {
  app_name = "app"

  # SMS notifications: the console and the app need them; set to false to create none of it.
  enable_sms_notifications = true

  environments = ["dev", "prod"]
}

output "app_name" {
  value = local.app_name
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
