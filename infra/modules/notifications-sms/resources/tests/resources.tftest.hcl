# Names, retention, the logging role and both policies of the dev environment, rendered against a mocked
# AWS provider. The IAM simulation (InfrastructureTest) proves the policies against the calls.

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
  mock_resource "aws_cloudformation_stack" {
    defaults = {
      outputs = {
        ConfigSetName = "app-dev-sms-config-set"
        ConfigSetArn  = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/app-dev-sms-config-set"
      }
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/sms-logging-role-app-dev-sms" }
  }
}

variables {
  name              = "app-dev-sms"
  phone_pool_arn    = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef0123456789abcdef"
  phone_number_arn  = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000000000000001"
  opt_out_list_name = "app-dev-sms-opt-out-list"
}

run "the_dev_environment_gets_the_platform_names" {
  command = apply

  assert {
    condition     = aws_cloudwatch_log_group.sms_logs.name == "/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts"
    error_message = "The delivery-receipt log group is /aws/sms-voice/<name>/sms-notifications/delivery-receipts."
  }
  assert {
    condition     = aws_cloudwatch_log_group.sms_logs.retention_in_days == 365
    error_message = "Delivery receipts are kept 365 days."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_config_set.name == "app-dev-sms-config-set" && aws_cloudformation_stack.sms_config_set.parameters["ConfigurationSetName"] == "app-dev-sms-config-set"
    error_message = "The configuration set and its stack are <name>-config-set."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_config_set.parameters["LogGroupArn"] == aws_cloudwatch_log_group.sms_logs.arn && aws_cloudformation_stack.sms_config_set.parameters["LoggingRoleArn"] == aws_iam_role.logging_role.arn
    error_message = "The event destination writes to the log group through the logging role."
  }
  assert {
    condition     = aws_iam_role.logging_role.name == "sms-logging-role-app-dev-sms" && aws_iam_policy.sms_access.name == "app-dev-sms-end-user-messaging-sms-access" && aws_iam_policy.console_access.name == "app-dev-sms-console-access"
    error_message = "Role and policy names follow the platform's."
  }
  assert {
    condition = jsondecode(aws_iam_role.logging_role.assume_role_policy) == {
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "sms-voice.amazonaws.com" }
        Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
      }]
    }
    error_message = "Only this account's SMS service may assume the logging role."
  }
  assert {
    condition = jsondecode(aws_iam_role_policy.sms_logging_permissions.policy).Statement[0].Resource == [
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts",
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts:*",
    ]
    error_message = "The logging role writes to this log group only."
  }
  assert {
    condition = jsondecode(output.access_policy_json) == {
      Version = "2012-10-17"
      Statement = [
        {
          Sid    = "SendingThroughThePool"
          Effect = "Allow"
          Action = ["sms-voice:SendTextMessage"]
          Resource = [
            "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef0123456789abcdef",
            "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000000000000001",
            "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/app-dev-sms-config-set",
          ]
        },
        {
          Sid      = "TheOptOutList"
          Effect   = "Allow"
          Action   = ["sms-voice:DescribeOptedOutNumbers"]
          Resource = ["arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/app-dev-sms-opt-out-list"]
        },
      ]
    }
    error_message = "The app may send through its pool and configuration set and read its opt-out list, nothing else: ${output.access_policy_json}"
  }
  assert {
    condition     = aws_iam_policy.console_access.policy == output.console_access_policy_json && aws_iam_policy.sms_access.policy == output.access_policy_json
    error_message = "The policies created are the documents rendered."
  }
  assert {
    condition = [for s in jsondecode(output.console_access_policy_json).Statement : s.Sid] == [
      "ListingTheAccount", "PhoneNumbers", "Registrations", "RequestsNamingNoResource", "SendingThroughThePool", "TheLogGroup", "TheOptOutList", "ThePool",
      "VerifiedDestinationNumbers", "WithoutResourceType",
    ]
    error_message = "The console's statements, one per kind of resource."
  }
}

run "without_an_opt_out_list_the_policies_leave_it_out" {
  command = plan

  variables {
    opt_out_list_name = null
    phone_number_arn  = null
  }

  assert {
    condition     = length(jsondecode(output.access_policy_json).Statement) == 1
    error_message = "No opt-out list: no statement for it."
  }
}
