package com.example.smsconsole.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the real tools (TerraformTest, IamSimulationTest) do not check: the lifecycle that keeps registered
 * numbers, the platform's file layout and root Makefile targets, the order of steps in infra/README.md,
 * the container image and the compose file.
 */
class InfrastructureTest {

    static final Path INFRA = Path.of("infra");
    static final Path PHONE_POOL = INFRA.resolve("modules/notifications-phone-pool/resources/main.tf");

    @Test
    void a_registered_number_is_protected_and_replaced_before_it_is_released() throws Exception {
        String main = Files.readString(PHONE_POOL);
        Map<String, Object> registered = resource(main, "aws_pinpointsmsvoicev2_phone_number", "registered");
        Map<String, Object> simulator = resource(main, "aws_pinpointsmsvoicev2_phone_number", "simulator");
        assertThat(registered.get("deletion_protection_enabled")).isEqualTo(true);
        assertThat(lifecycle(registered)).containsEntry("create_before_destroy", true).containsEntry("prevent_destroy", true);
        assertThat(lifecycle(simulator)).containsEntry("create_before_destroy", true);
        assertThat(main).contains("registration_id             = var.sms_sender_phone_number_registration_id");
        // an adopted number is not a resource of ours: nothing in Terraform can release it
        assertThat(main.split("resource \"aws_pinpointsmsvoicev2_phone_number\"", -1)).hasSize(3);
    }

    /** One resource block of a file, parsed by itself (the HCL parser does not evaluate the file's other expressions). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(String file, String type, String name) throws Exception {
        int start = file.indexOf("resource \"" + type + "\" \"" + name + "\" {");
        assertThat(start).as("resource %s.%s", type, name).isNotNegative();
        int depth = 0;
        int end = start;
        for (int i = file.indexOf('{', start); i < file.length(); i++) {
            if (file.charAt(i) == '{') {
                depth++;
            } else if (file.charAt(i) == '}' && --depth == 0) {
                end = i + 1;
                break;
            }
        }
        // comments and the count expression out: only the literal settings are read
        String block = file.substring(start, end).replaceAll("(?m)^\\s*(#|count\\s*=).*$", "");
        Map<String, Object> parsed = new HCLParser().parse(block, true);
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) parsed.get("resource")).get(type)).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lifecycle(Map<String, Object> resource) {
        Object lifecycle = resource.get("lifecycle");
        return lifecycle instanceof List<?> list ? (Map<String, Object>) list.getFirst() : (Map<String, Object>) lifecycle;
    }

    @Test
    void the_layout_follows_the_platform_modules_and_service_notifications() {
        for (String path : List.of("modules/notifications-sms/resources/main.tf", "modules/notifications-sms/resources/access.tf",
                "modules/notifications-phone-pool/resources/main.tf", "modules/notifications-phone-pool/data/main.tf",
                "app/app-config/env-config/notifications.tf", "app/service/notifications.tf")) {
            assertThat(INFRA.resolve(path)).as(path).isRegularFile();
        }
        assertThat(INFRA.resolve("modules/sms-notifications")).doesNotExist();
    }

    /** The runbook's command works from the repository root; make -n prints what it would run. */
    @Test
    void make_runs_the_infrastructure_targets_from_the_repository_root() {
        Path make = Tools.require("make", "Install make (Debian package make).");
        Tools.Result update = Tools.run(Path.of("."), Map.of(), Duration.ofSeconds(30), make, "-n", "infra-update-app-service", "APP_NAME=app",
                "ENVIRONMENT=dev");
        assertThat(update.ok()).as(update.describe()).isTrue();
        assertThat(update.output()).contains("terraform -chdir=\"infra/app/service\" init -input=false -reconfigure -backend-config=\"dev.s3.tfbackend\"")
                .contains("terraform -chdir=\"infra/app/service\" apply -var=\"environment_name=dev\"");
        Tools.Result output = Tools.run(Path.of("."), Map.of(), Duration.ofSeconds(30), make, "-n", "infra-output-app-service", "APP_NAME=app",
                "ENVIRONMENT=prod");
        assertThat(output.output()).contains("output -raw sms_console_env_file");
        Tools.Result missing = Tools.run(Path.of("."), Map.of(), Duration.ofSeconds(30), make, "-n", "infra-update-app-service", "APP_NAME=app");
        assertThat(missing.ok()).isFalse();
        assertThat(missing.output()).contains("ENVIRONMENT is not set");
    }

    /** The order of steps is written where a platform team reads it, and the plan test that checks it is named there. */
    @Test
    void the_readme_gives_the_order_apply_register_set_the_id_apply() throws IOException {
        String readme = Files.readString(INFRA.resolve("README.md"));
        int apply = readme.indexOf("make infra-update-app-service APP_NAME=app ENVIRONMENT=dev");
        int register = readme.indexOf("Register", apply);
        int setId = readme.indexOf("sms_sender_phone_number_id", register);
        int applyAgain = readme.indexOf("Apply again", setId);
        assertThat(List.of(apply, register, setId, applyAgain)).as("positions in infra/README.md").allMatch(i -> i >= 0).isSorted();
        assertThat(readme).contains("modules/notifications-phone-pool/resources/tests/numbers.tftest.hcl");
    }

    @Test
    void the_release_image_runs_the_layered_jar_as_a_non_root_user_with_a_read_only_root_filesystem() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("AS release").contains("-Djarmode=tools -jar application.jar extract --layers --destination extracted");
        int release = dockerfile.indexOf("AS release");
        String stage = dockerfile.substring(release);
        assertThat(stage.indexOf("extracted/dependencies/")).isLessThan(stage.indexOf("extracted/spring-boot-loader/"));
        assertThat(stage.indexOf("extracted/snapshot-dependencies/")).isLessThan(stage.indexOf("extracted/application/"));
        assertThat(stage).contains("USER 10001").contains("VOLUME [\"/data\", \"/tmp\"]").contains("HEALTHCHECK")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"application.jar\"]");
        // the release stage is the last, so a plain docker build gives it too
        assertThat(stage).doesNotContain("\nFROM ");
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        assertThat(ignored).contains("target", "**/.terraform", ".env", "**/*.tfstate", ".git");
    }

    @Test
    @SuppressWarnings("unchecked")
    void docker_compose_runs_the_release_image_with_postgresql_in_two_profiles_without_secrets() throws IOException {
        String text = Files.readString(Path.of("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "console-emulator", "console-aws");
        assertThat(((Map<String, Object>) compose.get("volumes"))).containsKeys("postgres-data", "console-data");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.startsWith("postgres-data:"));
        assertThat(postgres).containsKey("healthcheck");
        for (String name : List.of("console-emulator", "console-aws")) {
            Map<String, Object> console = (Map<String, Object>) services.get(name);
            assertThat((List<String>) console.get("profiles")).containsExactly(name.substring("console-".length()));
            assertThat((Map<String, Object>) console.get("build")).containsEntry("context", ".").containsEntry("target", "release");
            assertThat(console).containsEntry("read_only", true).containsEntry("tmpfs", List.of("/tmp"));
            assertThat((List<String>) console.get("volumes")).contains("console-data:/data");
            assertThat(String.join(" ", (List<String>) ((Map<String, Object>) console.get("healthcheck")).get("test"))).contains("/actuator/health");
            assertThat((Map<String, Object>) console.get("depends_on")).containsKey("postgres");
            Map<String, Object> env = (Map<String, Object>) console.get("environment");
            assertThat(String.valueOf(env.get("SPRING_PROFILES_ACTIVE"))).contains("postgres");
            env.forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("SECRET") || key.contains("TOKEN")) {
                    assertThat(String.valueOf(value)).as(key).startsWith("${");
                }
            });
        }
        Map<String, Object> aws = (Map<String, Object>) ((Map<String, Object>) services.get("console-aws")).get("environment");
        assertThat(aws).containsKeys("AWS_SMS_CONFIGURATION_SET_NAME", "AWS_SMS_PHONE_POOL_ID", "AWS_SMS_PHONE_POOL_ARN",
                "AWS_SMS_DELIVERY_LOG_GROUP", "AWS_SMS_OPT_OUT_LIST_NAME");
        assertThat(String.valueOf(aws.get("SPRING_PROFILES_ACTIVE"))).startsWith("aws");
        // the bcrypt hash contains "$": how to quote it is written where it is set
        assertThat(text).contains("CONSOLE_ADMIN_PASSWORD_HASH='{bcrypt}$2a$10$...'").contains("single-quoted ones are taken literally");
    }
}
