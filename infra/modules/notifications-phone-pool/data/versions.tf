terraform {
  # 1.9 or newer for validations that compare two variables
  required_version = ">= 1.10"
  required_providers {
    aws = {
      source = "hashicorp/aws"
      # tested with 5.100.0 (the CI mirror); the resources and attributes used exist unchanged in 6.x,
      # which the platform's service layer pins
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}
