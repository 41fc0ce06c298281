# The dev environment as `make infra-update-app-service APP_NAME=app ENVIRONMENT=dev` creates it, rendered
# against a mocked AWS provider. InfrastructureTest reads the state of this run (terraform test -json
# -verbose) and evaluates every call of the console and the app against the policies rendered here.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { id = "us-east-1", name = "us-east-1" }
  }
  # what CloudFormation reports once the two stacks (pool, configuration set) are created
  mock_resource "aws_cloudformation_stack" {
    defaults = {
      outputs = {
        PhonePoolId    = "pool-0123456789abcdef0123456789abcdef"
        PhonePoolArn   = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef0123456789abcdef"
        PhoneNumberId  = "phone-00000000000000000000000000000001"
        PhoneNumberArn = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000000000000001"
        OptOutListName = "app-dev-sms-opt-out-list"
        ConfigSetName  = "app-dev-sms-config-set"
        ConfigSetArn   = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/app-dev-sms-config-set"
      }
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts" }
  }
  mock_resource "aws_pinpointsmsvoicev2_phone_number" {
    defaults = {
      id  = "phone-00000000000000000000000000000001"
      arn = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000000000000001"
    }
  }
  mock_resource "aws_iam_policy" {
    defaults = { arn = "arn:aws:iam::123456789012:policy/app-dev-sms" }
  }
}

variables {
  environment_name       = "dev"
  app_task_role_name     = "app-dev-task"
  console_task_role_name = "sms-console-dev-task"
}

run "dev" {
  command = apply

  assert {
    condition     = output.service_name == "app-dev" && output.sms_config.name == "app-dev-sms" && output.sms_config.number_kind == "SIMULATOR"
    error_message = "The dev environment's SMS resources are app-dev-sms, sending from a simulator number."
  }
  assert {
    condition = output.sms_config.app_environment_variables == tomap({
      AWS_SMS_CONFIGURATION_SET_NAME = "app-dev-sms-config-set"
      AWS_SMS_PHONE_POOL_ARN         = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef0123456789abcdef"
      AWS_SMS_PHONE_POOL_ID          = "pool-0123456789abcdef0123456789abcdef"
      AWS_SMS_OPT_OUT_LIST_NAME      = "app-dev-sms-opt-out-list"
    })
    error_message = "The app receives the platform's three variables and the opt-out list's name."
  }
  assert {
    condition     = output.sms_config.console_environment_variables == tomap(merge(output.sms_config.app_environment_variables, { AWS_SMS_DELIVERY_LOG_GROUP = "/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts" }))
    error_message = "The console receives the same and the delivery-receipt log group."
  }
  assert {
    condition     = strcontains(output.sms_console_env_file, "AWS_SMS_PHONE_POOL_ID=pool-0123456789abcdef0123456789abcdef\n") && strcontains(output.sms_console_env_file, "SPRING_PROFILES_ACTIVE=aws,postgres\n")
    error_message = "make infra-output-app-service prints the console's environment as KEY=value lines."
  }
  assert {
    condition     = aws_iam_role_policy_attachment.app_sms_access[0].role == "app-dev-task" && aws_iam_role_policy_attachment.console_sms_access[0].role == "sms-console-dev-task"
    error_message = "The app's policy goes to the app's role, the console-access policy to the console's."
  }
  assert {
    condition     = length(module.notifications_sms_vpc_endpoints) == 0 && length(module.existing_notifications_phone_pool) == 0
    error_message = "By default no VPC endpoints (the network layer's are used), and a permanent environment looks for no pool to reuse."
  }
}

run "endpoints_only_for_the_services_the_network_lacks" {
  command = plan

  variables {
    vpc_endpoints = {
      vpc_id             = "vpc-0123456789abcdef0"
      subnet_ids         = ["subnet-0123456789abcdef0"]
      security_group_ids = ["sg-0123456789abcdef0"]
      existing_services  = ["logs"]
    }
  }

  assert {
    condition     = module.notifications_sms_vpc_endpoints[0].service_names == tolist(["com.amazonaws.us-east-1.pinpoint-sms-voice-v2"])
    error_message = "The network has a logs endpoint: only pinpoint-sms-voice-v2 is created."
  }
}

run "a_registration_set_in_app_config_reaches_the_pool" {
  command = plan

  variables {
    vpc_endpoints = {
      vpc_id             = "vpc-0123456789abcdef0"
      subnet_ids         = ["subnet-0123456789abcdef0"]
      security_group_ids = ["sg-0123456789abcdef0"]
    }
  }

  # the lines the console prints for a COMPLETE 10DLC campaign, pasted into app-config/dev.tf
  override_module {
    target = module.app_config
    outputs = {
      app_name = "app"
      environment_configs = {
        dev = {
          environment  = "dev"
          region       = "us-east-1"
          service_name = "app-dev"
          sms_config = {
            name                                    = "app-dev-sms"
            sms_number_type                         = "TEN_DLC"
            sms_sender_phone_number_registration_id = "registration-0123456789abcdef0123456789abcdef"
            sms_sender_phone_number_id              = null
          }
        }
      }
    }
  }

  assert {
    condition     = module.notifications_sms_vpc_endpoints[0].service_names == tolist(["com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.pinpoint-sms-voice-v2"])
    error_message = "Without existing endpoints, both are created (the service is pinpoint-sms-voice-v2, not sms-voice)."
  }
  assert {
    condition     = output.sms_config.number_kind == "REGISTERED"
    error_message = "A registration id in the environment's configuration requests a registered number for its pool."
  }
}
