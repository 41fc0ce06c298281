variable "environment_name" {
  type        = string
  description = "Name of the application environment: a key of app-config's environment_configs (dev, prod)."
}

variable "app_task_role_name" {
  type        = string
  default     = null
  description = "IAM role of the app's tasks, to attach the app's SMS policy to (the platform's service module does this itself)."
}

variable "console_task_role_name" {
  type        = string
  default     = null
  description = "IAM role of the SMS console's tasks, to attach the console-access policy to. Without it, a platform team attaches the policy (output sms_config.console_access_policy_arn)."
}

variable "vpc_endpoints" {
  type = object({
    vpc_id             = string
    subnet_ids         = list(string)
    security_group_ids = list(string)
    existing_services  = optional(list(string), [])
  })
  default     = null
  description = "Interface endpoints for pinpoint-sms-voice-v2 and logs, minus existing_services. Null: none (the network layer has them, or the tasks use a NAT gateway)."
}
