module "dev_config" {
  source                   = "./env-config"
  app_name                 = local.app_name
  default_region           = local.default_region
  environment              = "dev"
  enable_sms_notifications = local.enable_sms_notifications

  # A SIMULATOR number until a registration is COMPLETE: it reaches only simulator destination numbers.
  # Then paste the lines the console shows for the registration (Registrations → the registration), for example
  #   sms_number_type            = "TOLL_FREE"
  #   sms_sender_phone_number_id = "phone-..."                  (the number a toll-free registration holds)
  # or
  #   sms_number_type                         = "TEN_DLC"
  #   sms_sender_phone_number_registration_id = "registration-..." (a 10DLC campaign: request a number with it)
  sms_number_type                         = "SIMULATOR"
  sms_sender_phone_number_registration_id = null
  sms_sender_phone_number_id              = null
}
