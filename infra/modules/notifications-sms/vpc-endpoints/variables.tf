variable "name" {
  type        = string
  description = "Name of the SMS resources (for the endpoints' Name tags)."
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the app's and the console's tasks, in zones where the services offer endpoints."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the endpoints; they must allow HTTPS (443) from the app's and the console's tasks."
}

variable "existing_services" {
  type        = list(string)
  default     = []
  description = "Services that already have an interface endpoint with private DNS in this VPC (for example the network layer's \"logs\"): not created again."
  validation {
    condition     = alltrue([for s in var.existing_services : contains(["pinpoint-sms-voice-v2", "logs"], s)])
    error_message = "existing_services lists only pinpoint-sms-voice-v2 and logs, the services the app and the console call."
  }
}

variable "tags" {
  type    = map(string)
  default = {}
}
