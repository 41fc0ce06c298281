variable "name" {
  type        = string
  description = "Name of the permanent environment's SMS resources, <app>-<environment>-sms (no workspace prefix): the pool to reuse is the one its notifications-phone-pool/resources created."
}
