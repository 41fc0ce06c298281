variable "app_name" {
  type = string
}

variable "environment" {
  type        = string
  description = "Name of the application environment (for example dev, staging, prod)."
}

variable "default_region" {
  type        = string
  description = "Region of the environment's resources."
}

variable "enable_sms_notifications" {
  type        = bool
  default     = false
  description = "Enables SMS notifications (AWS End User Messaging SMS) for the app and the SMS console."
}

variable "sms_number_type" {
  type        = string
  default     = null
  description = "Type of the sending number: SIMULATOR until a registration is COMPLETE, then TOLL_FREE, TEN_DLC or LONG_CODE."
}

variable "sms_sender_phone_number_registration_id" {
  type        = string
  default     = null
  description = "Id of a COMPLETE registration (registration-...) to request the sending number with, for example a 10DLC campaign."
}

variable "sms_sender_phone_number_id" {
  type        = string
  default     = null
  description = "Id (phone-...) of an existing number to send from instead of requesting one, such as the toll-free number a toll-free registration holds."
}
