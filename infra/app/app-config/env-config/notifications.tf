locals {
  sms_config = var.enable_sms_notifications ? {
    # Name of the SMS resources; the service prefixes it with the workspace for temporary environments.
    name = "${var.app_name}-${var.environment}-sms"

    # SIMULATOR, TOLL_FREE, TEN_DLC or LONG_CODE
    # (https://docs.aws.amazon.com/sms-voice/latest/userguide/phone-number-types.html)
    sms_number_type = var.sms_number_type

    # The registration to request the sending number with (ASSOCIATE_AFTER_COMPLETE types such as a
    # 10DLC campaign), or the existing number to adopt (a toll-free registration holds its number:
    # ASSOCIATE_BEFORE_SUBMIT). At most one of the two.
    sms_sender_phone_number_registration_id = var.sms_sender_phone_number_registration_id
    sms_sender_phone_number_id              = var.sms_sender_phone_number_id
  } : null
}
