output "service_name" {
  value = local.service_name
}

output "sms_console_env_file" {
  description = "The console's environment as KEY=value lines (an .env file for docker compose): make infra-output-app-service"
  value       = join("", [for key, value in merge(local.sms_console_environment_variables, { SPRING_PROFILES_ACTIVE = "aws,postgres" }) : "${key}=${value}\n"])
}
