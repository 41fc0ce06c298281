module "dev_config" {
  source                   = "./env-config"
  app_name                 = local.app_name
  environment              = "dev"
  enable_sms_notifications = local.enable_sms_notifications

  # A SIMULATOR number until a registration is approved: it reaches only simulator destination numbers.
  sms_sender_phone_number_registration_id = null
  sms_number_type                         = "TOLL_FREE"
}
