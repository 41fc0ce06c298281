# Infrastructure targets, run from the repository root, with the platform's (navapbc/template-infra)
# names and variables:
#   make infra-update-app-service APP_NAME=app ENVIRONMENT=dev
# infra/README.md has the order of steps. The Java build is ./mvnw (see README.md).

TERRAFORM ?= terraform
MODULES := notifications-sms/resources notifications-sms/vpc-endpoints notifications-phone-pool/resources notifications-phone-pool/data

# $(call require,VARIABLE,what it is): stop with a message when VARIABLE is empty
require = $(if $(strip $($(1))),,$(error $(1) is not set: $(2)))

# an optional per-environment tfvars file next to the backend file (app/service/dev.tfvars.example)
service_var_file = $(if $(wildcard infra/$(APP_NAME)/service/$(ENVIRONMENT).tfvars),-var-file="$(ENVIRONMENT).tfvars")

.PHONY: infra-update-app-service infra-plan-app-service infra-output-app-service infra-validate infra-test infra-lint infra-format

infra-update-app-service: ## Create or update $APP_NAME's service (its SMS resources) in $ENVIRONMENT
	@:$(call require,APP_NAME,the folder under infra/ of the app's infrastructure e.g. app)
	@:$(call require,ENVIRONMENT,the application environment e.g. dev or prod)
	$(TERRAFORM) -chdir="infra/$(APP_NAME)/service" init -input=false -reconfigure -backend-config="$(ENVIRONMENT).s3.tfbackend"
	$(TERRAFORM) -chdir="infra/$(APP_NAME)/service" apply -var="environment_name=$(ENVIRONMENT)" $(service_var_file)

infra-plan-app-service: ## Show what infra-update-app-service would change
	@:$(call require,APP_NAME,the folder under infra/ of the app's infrastructure e.g. app)
	@:$(call require,ENVIRONMENT,the application environment e.g. dev or prod)
	$(TERRAFORM) -chdir="infra/$(APP_NAME)/service" init -input=false -reconfigure -backend-config="$(ENVIRONMENT).s3.tfbackend"
	$(TERRAFORM) -chdir="infra/$(APP_NAME)/service" plan -var="environment_name=$(ENVIRONMENT)" $(service_var_file)

infra-output-app-service: ## Print the SMS console's environment (KEY=value lines, an .env file for docker compose)
	@:$(call require,APP_NAME,the folder under infra/ of the app's infrastructure e.g. app)
	@:$(call require,ENVIRONMENT,the application environment e.g. dev or prod)
	@$(TERRAFORM) -chdir="infra/$(APP_NAME)/service" init -input=false -reconfigure -backend-config="$(ENVIRONMENT).s3.tfbackend" >&2
	@$(TERRAFORM) -chdir="infra/$(APP_NAME)/service" output -raw sms_console_env_file

infra-validate: ## terraform validate every root and module (no backend, no AWS credentials)
	@for dir in $(addprefix infra/modules/,$(MODULES)) infra/*/app-config infra/*/app-config/env-config infra/*/service; do \
		echo "terraform validate $$dir"; \
		$(TERRAFORM) -chdir="$$dir" init -input=false -backend=false >/dev/null && $(TERRAFORM) -chdir="$$dir" validate || exit 1; \
	done

infra-test: ## terraform test with a mocked AWS provider (no AWS account needed)
	@for dir in $(addprefix infra/modules/,$(MODULES)) infra/*/service; do \
		if [ -d "$$dir/tests" ]; then \
			echo "terraform test $$dir"; \
			$(TERRAFORM) -chdir="$$dir" init -input=false -backend=false >/dev/null && $(TERRAFORM) -chdir="$$dir" test || exit 1; \
		fi; \
		if [ -d "$$dir/tests/temporary-environment" ]; then \
			echo "terraform test $$dir (temporary environment pr-123)"; \
			TF_WORKSPACE=pr-123 $(TERRAFORM) -chdir="$$dir" test -test-directory=tests/temporary-environment || exit 1; \
		fi; \
	done

infra-lint: ## terraform fmt -check and cfn-lint on the CloudFormation templates
	$(TERRAFORM) fmt -check -recursive infra
	cfn-lint infra/modules/*/resources/*.cfn.json

infra-format: ## terraform fmt the whole tree
	$(TERRAFORM) fmt -recursive infra
