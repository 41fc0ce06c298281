# A temporary environment (workspace pr-123): run with TF_WORKSPACE=pr-123 terraform test
# -test-directory=tests/temporary-environment. It prefixes its resources and reuses the dev
# environment's pool, found by its stack's name and tag.

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
        PhonePoolId    = "pool-11111111111111111111111111111111"
        PhonePoolArn   = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-11111111111111111111111111111111"
        PhoneNumberId  = "phone-11111111111111111111111111111111"
        PhoneNumberArn = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-11111111111111111111111111111111"
        OptOutListName = "pr-123-app-dev-sms-opt-out-list"
        ConfigSetName  = "pr-123-app-dev-sms-config-set"
        ConfigSetArn   = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/pr-123-app-dev-sms-config-set"
      }
    }
  }
  # the dev environment's pool stack, as the Resource Groups Tagging API and CloudFormation report it
  mock_data "aws_resourcegroupstaggingapi_resources" {
    defaults = {
      resource_tag_mapping_list = [
        {
          resource_arn       = "arn:aws:cloudformation:us-east-1:123456789012:stack/app-dev-sms-phone-pool/0f1e2d3c-0000-4000-8000-000000000001"
          compliance_details = []
          tags               = { "sms-phone-pool" = "app-dev-sms" }
        },
        {
          # a copy under another name carries the tag too: not taken
          resource_arn       = "arn:aws:cloudformation:us-east-1:123456789012:stack/other-phone-pool/0f1e2d3c-0000-4000-8000-000000000002"
          compliance_details = []
          tags               = { "sms-phone-pool" = "app-dev-sms" }
        },
      ]
    }
  }
  mock_data "aws_cloudformation_stack" {
    defaults = {
      outputs = {
        PhonePoolId    = "pool-0123456789abcdef0123456789abcdef"
        PhonePoolArn   = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef0123456789abcdef"
        PhoneNumberId  = "phone-00000000000000000000000000000001"
        PhoneNumberArn = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000000000000001"
        OptOutListName = "app-dev-sms-opt-out-list"
      }
    }
  }
}

variables {
  environment_name = "dev"
}

run "a_temporary_environment_reuses_the_dev_pool" {
  command = apply

  assert {
    condition     = output.service_name == "pr-123-app-dev" && output.sms_config.name == "pr-123-app-dev-sms"
    error_message = "A temporary environment's resources carry the workspace prefix."
  }
  assert {
    condition     = output.sms_config.reuses_pool && output.sms_config.phone_pool_id == "pool-0123456789abcdef0123456789abcdef" && length(module.notifications_phone_pool) == 0
    error_message = "The dev environment's pool is reused and no pool or number is requested."
  }
  assert {
    condition     = module.existing_notifications_phone_pool[0].pool.opt_out_list_name == "app-dev-sms-opt-out-list" && output.sms_config.app_environment_variables.AWS_SMS_OPT_OUT_LIST_NAME == "app-dev-sms-opt-out-list"
    error_message = "It shares the dev pool's opt-out list."
  }
  assert {
    condition     = output.sms_config.console_environment_variables.AWS_SMS_DELIVERY_LOG_GROUP == "/aws/sms-voice/pr-123-app-dev-sms/sms-notifications/delivery-receipts"
    error_message = "Its configuration set and log group are its own."
  }
}

run "without_a_pool_to_reuse_it_creates_a_simulator_pool_even_when_dev_is_registered" {
  command = plan

  override_data {
    target = module.existing_notifications_phone_pool[0].data.aws_resourcegroupstaggingapi_resources.pool_stacks
    values = { resource_tag_mapping_list = [] }
  }
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
    condition     = !output.sms_config.reuses_pool && output.sms_config.number_kind == "SIMULATOR"
    error_message = "No pool found: a simulator pool of its own; a temporary environment never requests a registered number."
  }
}
