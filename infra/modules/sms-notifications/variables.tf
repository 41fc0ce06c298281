variable "name" {
  type        = string
  description = "Name of the service that sends SMS, for example \"app-dev\"; resources are named after it."
}

variable "sms_sender_phone_number_registration_id" {
  type        = string
  default     = null
  description = "Id of a COMPLETE registration (registration-...). When null, a SIMULATOR number is requested: it reaches only simulator destination numbers."
}

variable "sms_number_type" {
  type        = string
  default     = "TOLL_FREE"
  description = "Type of the registered number: TOLL_FREE, TEN_DLC or LONG_CODE. Ignored for the simulator number."
  validation {
    condition     = contains(["TOLL_FREE", "TEN_DLC", "LONG_CODE", "SIMULATOR"], var.sms_number_type)
    error_message = "sms_number_type must be TOLL_FREE, TEN_DLC, LONG_CODE or SIMULATOR."
  }
}

variable "message_type" {
  type        = string
  default     = "TRANSACTIONAL"
  description = "Message type of the phone number: TRANSACTIONAL or PROMOTIONAL."
}

variable "log_retention_days" {
  type        = number
  default     = 30
  description = "Days CloudWatch Logs keeps delivery receipts (the console keeps its own copy)."
}

variable "kms_key_arn" {
  type        = string
  default     = null
  description = "KMS key to encrypt the delivery-receipt log group; null uses CloudWatch Logs' own encryption."
}

variable "enable_vpc_endpoint" {
  type        = bool
  default     = false
  description = "Create an interface VPC endpoint for the SMS service so the app and the console reach it without the internet."
}

variable "vpc_id" {
  type        = string
  default     = null
  description = "VPC of the endpoint (when enable_vpc_endpoint)."
}

variable "subnet_ids" {
  type        = list(string)
  default     = []
  description = "Private subnets of the endpoint (when enable_vpc_endpoint)."
}

variable "security_group_ids" {
  type        = list(string)
  default     = []
  description = "Security groups of the endpoint; they must allow HTTPS from the app and the console."
}

variable "app_role_names" {
  type        = list(string)
  default     = []
  description = "IAM roles of the app's tasks; the application policy is attached to each."
}

variable "console_role_names" {
  type        = list(string)
  default     = []
  description = "IAM roles of the console's tasks; the console policy is attached to each."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource."
}
