terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # exact, so that `terraform init` picks the provider from a local mirror offline (CI uses
      # /opt/tf-plugins); the modules accept 5.100 up to 6.x
      version = "5.100.0"
    }
  }

  # bucket, key, region and lock table per environment: <environment>.s3.tfbackend
  backend "s3" {
    encrypt = "true"
  }
}
