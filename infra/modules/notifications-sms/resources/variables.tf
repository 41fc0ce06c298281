variable "name" {
  type        = string
  description = "Name of the SMS resources, <workspace prefix><app>-<environment>-sms (for example app-dev-sms)."
}

variable "phone_pool_arn" {
  type        = string
  description = "ARN of the phone pool the app and the console send through (notifications-phone-pool)."
}

variable "phone_number_arn" {
  type        = string
  default     = null
  description = "ARN of the pool's sending number. AWS may authorize a send through a pool against the number the pool picks as well; with this set, the policies allow that number too."
}

variable "opt_out_list_name" {
  type        = string
  default     = null
  description = "The pool's opt-out list. With it, the app may check a number before it sends and the console may manage the list."
}

variable "log_retention_days" {
  type        = number
  default     = 365
  description = "Days CloudWatch Logs keeps delivery receipts (the console keeps its own copy)."
}

variable "kms_key_arn" {
  type        = string
  default     = null
  description = "KMS key to encrypt the delivery-receipt log group; null uses CloudWatch Logs' own encryption."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource."
}
