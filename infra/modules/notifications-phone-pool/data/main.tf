# Finds the pool of a permanent environment so that a temporary environment (a Terraform workspace,
# for example a pull request's) sends through it instead of requesting numbers of its own.
#
# The pool is the one in stack "<name>-phone-pool" that carries the tag sms-phone-pool = <name>: by name
# and tag, never "the first pool in the region", which could be another application's. Only the AWS
# provider is used (the Resource Groups Tagging API lists CloudFormation stacks by tag), so plans need
# neither the AWS CLI nor jq. When nothing is found, `exists` is false and the caller creates a pool.

data "aws_resourcegroupstaggingapi_resources" "pool_stacks" {
  resource_type_filters = ["cloudformation:stack"]
  tag_filter {
    key    = "sms-phone-pool"
    values = [var.name]
  }
}

locals {
  # arn:aws:cloudformation:<region>:<account>:stack/<stack name>/<stack id>
  stack_arns = [
    for r in data.aws_resourcegroupstaggingapi_resources.pool_stacks.resource_tag_mapping_list : r.resource_arn
    if try(split("/", r.resource_arn)[1], "") == "${var.name}-phone-pool"
  ]
}

data "aws_cloudformation_stack" "pool" {
  count = length(local.stack_arns) > 0 ? 1 : 0
  name  = local.stack_arns[0]
}

locals {
  outputs = length(data.aws_cloudformation_stack.pool) > 0 ? data.aws_cloudformation_stack.pool[0].outputs : {}
  # a stack that failed or is being created has no outputs yet: not a pool to send through
  exists = alltrue([for key in ["PhonePoolId", "PhonePoolArn", "PhoneNumberId", "PhoneNumberArn", "OptOutListName"] : contains(keys(local.outputs), key)])
}
