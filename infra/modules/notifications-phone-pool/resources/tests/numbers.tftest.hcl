# The order of steps in infra/README.md, planned against a mocked AWS provider: apply with a SIMULATOR
# number, register, set the id, apply again. Each run starts from the state the previous one left.

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
  # what CloudFormation reports once the stack is created
  mock_resource "aws_cloudformation_stack" {
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
  mock_resource "aws_pinpointsmsvoicev2_opt_out_list" {
    defaults = { arn = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/app-dev-sms-opt-out-list" }
  }
}

variables {
  name = "app-dev-sms"
}

run "first_apply_sends_from_a_simulator_number" {
  command = apply

  assert {
    condition     = length(aws_pinpointsmsvoicev2_phone_number.simulator) == 1 && length(aws_pinpointsmsvoicev2_phone_number.registered) == 0
    error_message = "With no registration id, exactly one SIMULATOR number is requested."
  }
  assert {
    condition     = aws_pinpointsmsvoicev2_phone_number.simulator[0].number_type == "SIMULATOR" && aws_pinpointsmsvoicev2_phone_number.simulator[0].iso_country_code == "US"
    error_message = "The simulator number is a US SIMULATOR number."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.name == "app-dev-sms-phone-pool" && aws_pinpointsmsvoicev2_opt_out_list.sms.name == "app-dev-sms-opt-out-list"
    error_message = "The pool's stack is <name>-phone-pool and its opt-out list <name>-opt-out-list."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["PhoneNumberArn"] == aws_pinpointsmsvoicev2_phone_number.simulator[0].arn
    error_message = "The pool sends from the simulator number."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["DeletionProtectionEnabled"] == "false" && aws_cloudformation_stack.sms_phone_pool.tags["sms-phone-pool"] == "app-dev-sms"
    error_message = "A simulator pool has no deletion protection and carries the tag temporary environments find it by."
  }
  assert {
    condition     = output.number_kind == "SIMULATOR"
    error_message = "number_kind is SIMULATOR."
  }
}

run "a_ten_dlc_registration_id_requests_a_protected_number_in_place_of_the_simulator" {
  command = plan

  variables {
    sms_number_type                         = "TEN_DLC"
    sms_sender_phone_number_registration_id = "registration-0123456789abcdef0123456789abcdef"
  }

  assert {
    condition     = length(aws_pinpointsmsvoicev2_phone_number.simulator) == 0 && length(aws_pinpointsmsvoicev2_phone_number.registered) == 1
    error_message = "Setting the registration id requests a registered number and drops the simulator number."
  }
  assert {
    condition     = aws_pinpointsmsvoicev2_phone_number.registered[0].registration_id == "registration-0123456789abcdef0123456789abcdef" && aws_pinpointsmsvoicev2_phone_number.registered[0].number_type == "TEN_DLC"
    error_message = "The number is requested with the registration id and the registration's number type."
  }
  assert {
    condition     = aws_pinpointsmsvoicev2_phone_number.registered[0].deletion_protection_enabled == true
    error_message = "A registered number has deletion protection."
  }
  assert {
    condition     = aws_pinpointsmsvoicev2_phone_number.registered[0].opt_out_list_name == "app-dev-sms-opt-out-list"
    error_message = "The registered number uses the pool's opt-out list."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["DeletionProtectionEnabled"] == "true" && aws_cloudformation_stack.sms_phone_pool.name == "app-dev-sms-phone-pool"
    error_message = "The same pool stack (updated, not a new one) turns on deletion protection."
  }
  assert {
    condition     = output.number_kind == "REGISTERED"
    error_message = "number_kind is REGISTERED."
  }
}

run "the_number_a_toll_free_registration_holds_is_adopted_not_requested" {
  command = plan

  variables {
    sms_number_type            = "TOLL_FREE"
    sms_sender_phone_number_id = "phone-0123456789abcdef0123456789abcdef"
  }

  assert {
    condition     = length(aws_pinpointsmsvoicev2_phone_number.simulator) == 0 && length(aws_pinpointsmsvoicev2_phone_number.registered) == 0
    error_message = "Adopting a number requests none."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["PhoneNumberId"] == "phone-0123456789abcdef0123456789abcdef"
    error_message = "The pool sends from the adopted number."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["PhoneNumberArn"] == "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"
    error_message = "The adopted number's ARN is built in the environment's partition, region and account."
  }
  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["DeletionProtectionEnabled"] == "true" && output.number_kind == "ADOPTED"
    error_message = "A pool with an adopted number has deletion protection."
  }
}

run "an_adopted_number_may_be_given_as_its_arn" {
  command = plan

  variables {
    sms_number_type            = "TOLL_FREE"
    sms_sender_phone_number_id = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"
  }

  assert {
    condition     = aws_cloudformation_stack.sms_phone_pool.parameters["PhoneNumberId"] == "phone-0123456789abcdef0123456789abcdef"
    error_message = "The id is taken from the ARN."
  }
}

run "a_number_id_and_a_registration_id_together_are_refused" {
  command = plan

  variables {
    sms_number_type                         = "TOLL_FREE"
    sms_sender_phone_number_id              = "phone-0123456789abcdef0123456789abcdef"
    sms_sender_phone_number_registration_id = "registration-0123456789abcdef0123456789abcdef"
  }

  expect_failures = [var.sms_sender_phone_number_id]
}

run "a_registration_id_with_a_simulator_type_is_refused" {
  command = plan

  variables {
    sms_number_type                         = "SIMULATOR"
    sms_sender_phone_number_registration_id = "registration-0123456789abcdef0123456789abcdef"
  }

  expect_failures = [var.sms_number_type]
}

run "a_short_code_is_refused" {
  command = plan

  variables {
    sms_number_type = "SHORT_CODE"
  }

  expect_failures = [var.sms_number_type]
}
