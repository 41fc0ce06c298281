module "prod_config" {
  source                   = "./env-config"
  app_name                 = local.app_name
  environment              = "prod"
  enable_sms_notifications = local.enable_sms_notifications

  # Paste the lines the console shows once the registration is COMPLETE (Registrations → the registration):
  # sms_sender_phone_number_registration_id = "registration-..."
  # sms_number_type                         = "TOLL_FREE"
  sms_sender_phone_number_registration_id = null
  sms_number_type                         = "TOLL_FREE"
}
