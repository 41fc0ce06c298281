output "environment" {
  value = var.environment
}

output "region" {
  value = var.default_region
}

output "service_name" {
  value = "${var.app_name}-${var.environment}"
}

output "sms_config" {
  value = local.sms_config
}
