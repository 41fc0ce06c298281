# An interface endpoint so the app and the console reach the SMS service from private subnets.
resource "aws_vpc_endpoint" "sms_voice" {
  count               = var.enable_vpc_endpoint ? 1 : 0
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.sms-voice"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = var.security_group_ids
  private_dns_enabled = true
  tags                = merge(var.tags, { Name = "${local.service_name}-sms-voice" })
}
