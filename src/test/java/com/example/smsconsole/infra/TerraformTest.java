package com.example.smsconsole.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * infra/ checked by the real tools: terraform validate of every root and module, terraform test with a
 * mocked AWS provider where there are tests, terraform fmt, and cfn-lint on the CloudFormation templates.
 * The tools must be installed (a missing one fails with what to install); .ci/run checks for them first.
 */
class TerraformTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void terraform_validate_accepts_every_root_and_module() {
        TerraformRuns runs = TerraformRuns.get();
        assertThat(runs.directories).contains("app/service", "app/app-config", "app/app-config/env-config", "modules/notifications-sms/resources",
                "modules/notifications-sms/vpc-endpoints", "modules/notifications-phone-pool/resources", "modules/notifications-phone-pool/data");
        List<String> failures = new ArrayList<>();
        runs.validations.forEach((dir, run) -> {
            Tools.Result result = TerraformRuns.await(run);
            if (!result.ok() || !result.output().contains("The configuration is valid")) {
                failures.add(dir + ": " + result.describe());
            }
        });
        assertThat(failures).as("terraform validate").isEmpty();
    }

    @Test
    void terraform_test_passes_with_a_mocked_aws_provider_in_every_folder_with_tests() {
        TerraformRuns runs = TerraformRuns.get();
        assertThat(runs.tests).containsKeys("app/service", "app/service (workspace pr-123)", "modules/notifications-phone-pool/resources",
                "modules/notifications-sms/resources");
        List<String> failures = new ArrayList<>();
        runs.tests.forEach((dir, run) -> {
            Tools.Result result = TerraformRuns.await(run);
            String text = dir.equals(TerraformRuns.SERVICE) ? TerraformRuns.messages(result) : result.output();
            // "Success! N passed, 0 failed." with at least one run; a folder whose tests were all skipped fails too
            boolean passed = result.ok() && text.contains("Success!") && !text.contains(" 0 passed") && !text.contains("skipped");
            if (!passed) {
                failures.add(dir + ": " + String.join(" ", result.command()) + " exited " + result.exit() + ":\n" + text);
            }
        });
        assertThat(failures).as("terraform test").isEmpty();
    }

    @Test
    void terraform_fmt_accepts_every_file() {
        Path terraform = Tools.terraform();
        Tools.Result fmt = Tools.run(TerraformRuns.SOURCE, Map.of("CHECKPOINT_DISABLE", "1"), Duration.ofMinutes(1), terraform, "fmt", "-check",
                "-recursive", "-diff", "-no-color", ".");
        assertThat(fmt.ok()).as(fmt.describe()).isTrue();
    }

    /**
     * cfn-lint validates both templates against the CloudFormation resource schemas it ships; and it rejects
     * RegistrationId on AWS::SMSVOICE::PhoneNumber (E3002), which is why the number is a Terraform resource.
     */
    @Test
    void cfn_lint_accepts_both_templates_and_rejects_a_registration_id_on_a_cloudformation_phone_number() throws Exception {
        Path cfnLint = Tools.cfnLint();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TerraformRuns.SOURCE.resolve("modules"))) {
            templates = files.filter(p -> p.toString().endsWith(".cfn.json")).sorted().toList();
        }
        assertThat(templates).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("config-set.cfn.json", "phone-pool.cfn.json");
        Path registered = Files.createDirectories(TerraformRuns.WORK).resolve("registered-phone-number.cfn.json");
        Files.writeString(registered, """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "SmsPhoneNumber": {
                      "Type": "AWS::SMSVOICE::PhoneNumber",
                      "Properties": {
                        "IsoCountryCode": "US",
                        "NumberCapabilities": ["SMS"],
                        "NumberType": "TOLL_FREE",
                        "RegistrationId": "registration-0123456789abcdef0123456789abcdef",
                        "MandatoryKeywords": {"STOP": {"Message": "Reply START to opt in"}, "HELP": {"Message": "Reply STOP to opt out"}}
                      }
                    }
                  }
                }
                """, StandardCharsets.UTF_8);
        List<Object> command = new ArrayList<>(List.of(cfnLint, "--format", "json"));
        command.addAll(templates);
        command.add(registered);
        // after the templates: --regions takes every value that follows it
        command.addAll(List.of("--regions", "us-east-1"));
        Tools.Result lint = Tools.run(TerraformRuns.SOURCE, Map.of(), Duration.ofMinutes(2), command.toArray());
        JsonNode findings = JSON.readTree(lint.output().substring(Math.max(0, lint.output().indexOf('['))));
        List<String> inOurTemplates = new ArrayList<>();
        List<String> inTheRegisteredNumber = new ArrayList<>();
        for (JsonNode finding : findings) {
            String file = finding.path("Filename").asString();
            String line = finding.path("Rule").path("Id").asString() + " " + finding.path("Message").asString() + " (" + file + ":"
                    + finding.path("Location").path("Start").path("LineNumber").asInt() + ")";
            (file.endsWith("registered-phone-number.cfn.json") ? inTheRegisteredNumber : inOurTemplates).add(line);
        }
        assertThat(inOurTemplates).as("cfn-lint findings in the templates").isEmpty();
        assertThat(inTheRegisteredNumber).as("cfn-lint on a CloudFormation phone number with a registration id").singleElement()
                .satisfies(f -> assertThat(f).startsWith("E3002").contains("'RegistrationId' was unexpected"));
    }
}
