variable "app_name" {
  type = string
}

variable "environment" {
  type = string
}

variable "enable_sms_notifications" {
  type    = bool
  default = false
}

variable "sms_sender_phone_number_registration_id" {
  type        = string
  default     = null
  description = "Id of the COMPLETE registration of the sending number; null requests a SIMULATOR number."
}

variable "sms_number_type" {
  type    = string
  default = "TOLL_FREE"
}

variable "sms_log_retention_days" {
  type    = number
  default = 30
}
