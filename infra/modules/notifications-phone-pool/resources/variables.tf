variable "name" {
  type        = string
  description = "Name of the SMS resources, <workspace prefix><app>-<environment>-sms (for example app-dev-sms); the pool's stack is <name>-phone-pool."
}

variable "sms_number_type" {
  type        = string
  default     = null
  description = "Type of the number requested with sms_sender_phone_number_registration_id: TOLL_FREE, TEN_DLC or LONG_CODE. SIMULATOR (or null) while there is no registration."
  validation {
    condition     = var.sms_number_type == null || contains(["LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR"], coalesce(var.sms_number_type, "SIMULATOR"))
    error_message = "sms_number_type must be LONG_CODE, TOLL_FREE, TEN_DLC or SIMULATOR (AWS::SMSVOICE and RequestPhoneNumber do not request short codes)."
  }
  validation {
    condition     = var.sms_sender_phone_number_registration_id == null || !contains(["SIMULATOR"], coalesce(var.sms_number_type, "SIMULATOR"))
    error_message = "A registered number needs sms_number_type TOLL_FREE, TEN_DLC or LONG_CODE: the type the registration is for."
  }
}

variable "sms_sender_phone_number_registration_id" {
  type        = string
  default     = null
  description = "Id of a COMPLETE registration (registration-...) to request the sending number with, for example a 10DLC campaign. Null: a SIMULATOR number, which reaches only simulator destination numbers."
  validation {
    condition     = var.sms_sender_phone_number_registration_id == null || can(regex("^registration-[A-Za-z0-9]+$", var.sms_sender_phone_number_registration_id))
    error_message = "sms_sender_phone_number_registration_id is a registration id such as registration-0123456789abcdef0123456789abcdef."
  }
}

variable "sms_sender_phone_number_id" {
  type        = string
  default     = null
  description = "Id (phone-...) or ARN of an existing number to put into the pool instead of requesting one, such as the toll-free number a toll-free registration holds. Terraform never requests, changes or releases it."
  validation {
    condition     = var.sms_sender_phone_number_id == null || can(regex("^(phone-[A-Za-z0-9]+|arn:[a-z-]+:sms-voice:[a-z0-9-]+:[0-9]{12}:phone-number/phone-[A-Za-z0-9]+)$", var.sms_sender_phone_number_id))
    error_message = "sms_sender_phone_number_id is a phone number id such as phone-0123456789abcdef0123456789abcdef, or its ARN."
  }
  validation {
    condition     = var.sms_sender_phone_number_id == null || var.sms_sender_phone_number_registration_id == null
    error_message = "Set either sms_sender_phone_number_id (adopt the registration's number) or sms_sender_phone_number_registration_id (request a number with the registration), not both."
  }
}

variable "message_type" {
  type        = string
  default     = "TRANSACTIONAL"
  description = "Message type of a requested number: TRANSACTIONAL or PROMOTIONAL."
  validation {
    condition     = contains(["TRANSACTIONAL", "PROMOTIONAL"], var.message_type)
    error_message = "message_type must be TRANSACTIONAL or PROMOTIONAL."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for the opt-out list, the number and the pool's stack."
}
