output "service_name" {
  value = "${var.app_name}-${var.environment}"
}

output "notifications_config" {
  value = var.enable_sms_notifications ? {
    name                                    = "${var.app_name}-${var.environment}"
    sms_sender_phone_number_registration_id = var.sms_sender_phone_number_registration_id
    sms_number_type                         = var.sms_number_type
    log_retention_days                      = var.sms_log_retention_days
  } : null
}
