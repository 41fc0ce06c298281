output "vpc_endpoint_ids" {
  description = "The interface endpoints created, by service."
  value       = { for service, endpoint in aws_vpc_endpoint.interface : service => endpoint.id }
}

output "service_names" {
  description = "The endpoint services connected, for example com.amazonaws.us-east-1.pinpoint-sms-voice-v2."
  value       = sort([for endpoint in aws_vpc_endpoint.interface : endpoint.service_name])
}
