module "prod_config" {
  source                   = "./env-config"
  app_name                 = local.app_name
  default_region           = local.default_region
  environment              = "prod"
  enable_sms_notifications = local.enable_sms_notifications

  # See dev.tf: paste the console's lines for the registration here once it is COMPLETE.
  sms_number_type                         = "SIMULATOR"
  sms_sender_phone_number_registration_id = null
  sms_sender_phone_number_id              = null
}
