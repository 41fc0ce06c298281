# Interface endpoints so that the app and the console reach SMS and the console reaches CloudWatch Logs
# from private subnets, for a VPC whose network layer does not create them (the platform's network layer
# creates "logs" always and "pinpoint-sms-voice-v2" when an app in it enables SMS; use those instead).
#
# The service name is pinpoint-sms-voice-v2, the PrivateLink name of End User Messaging SMS; there is no
# "sms-voice" endpoint service. A service that already has an endpoint is never created a second time: two
# endpoints with private DNS for one service in one VPC conflict.

data "aws_region" "current" {}

locals {
  services = setsubtract(toset(["pinpoint-sms-voice-v2", "logs"]), toset(var.existing_services))
}

resource "aws_vpc_endpoint" "interface" {
  for_each = local.services

  vpc_id = var.vpc_id
  # `id` is the region's name in provider 5.x and 6.x alike
  service_name        = "com.amazonaws.${data.aws_region.current.id}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = var.security_group_ids
  private_dns_enabled = true
  tags                = merge(var.tags, { Name = "${var.name}-${each.key}" })
}
