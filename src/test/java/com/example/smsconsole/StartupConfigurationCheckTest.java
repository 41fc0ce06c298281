package com.example.smsconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The aws and prod profiles stop at start, in one line, when their configuration is missing. Each case
 * starts a real SpringApplication with the console's property files and an empty configuration class (the
 * check runs before any bean), so the profiles' own placeholders ({@code ${POSTGRES_URL}}, ...) are what
 * is checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupConfigurationCheckTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    /** Everything the prod profile needs, as the environment would give it. */
    static Map<String, Object> complete() {
        Map<String, Object> values = new HashMap<>();
        values.put("POSTGRES_URL", "jdbc:postgresql://db:5432/smsconsole");
        values.put("POSTGRES_USER", "smsconsole");
        values.put("POSTGRES_PASSWORD", "secret");
        values.put("AWS_REGION", "us-east-1");
        values.put("AWS_SMS_CONFIGURATION_SET_NAME", "app-dev-sms-config-set");
        values.put("AWS_SMS_PHONE_POOL_ID", "pool-0123456789abcdef0123456789abcdef");
        values.put("AWS_SMS_PHONE_POOL_ARN", "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef0123456789abcdef");
        values.put("AWS_SMS_DELIVERY_LOG_GROUP", "/aws/sms-voice/app-dev-sms/sms-notifications/delivery-receipts");
        values.put("app.security.users[0].username", "admin");
        values.put("app.security.users[0].password", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
        values.put("app.security.users[0].roles", "ADMIN");
        return values;
    }

    static ConfigurableApplicationContext start(Map<String, Object> values, String... profiles) {
        return new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE).profiles(profiles).properties(values)
                .logStartupInfo(false).run();
    }

    /** What the machine's own environment already sets does not count as missing. */
    static List<String> unlessInTheEnvironment(String... variables) {
        return List.of(variables).stream().filter(v -> System.getenv(v) == null || System.getenv(v).isBlank()).toList();
    }

    @Test
    void prod_without_configuration_stops_in_one_line_naming_every_missing_variable(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of(), "prod")).isInstanceOf(StartupConfigurationCheck.MissingConfigurationException.class)
                .satisfies(e -> {
                    var missing = ((StartupConfigurationCheck.MissingConfigurationException) e).variables();
                    assertThat(missing).containsAll(unlessInTheEnvironment("POSTGRES_URL", "POSTGRES_USER", "POSTGRES_PASSWORD", "AWS_REGION",
                            "AWS_SMS_CONFIGURATION_SET_NAME", "AWS_SMS_PHONE_POOL_ID", "AWS_SMS_PHONE_POOL_ARN", "AWS_SMS_DELIVERY_LOG_GROUP",
                            "APP_SECURITY_USERS_0_USERNAME", "APP_SECURITY_USERS_0_PASSWORD"));
                    assertThat(e.getMessage()).startsWith("The prod profile cannot start: not set: ").doesNotContain("\n")
                            .contains(String.join(", ", missing));
                });
        // reported by the failure analyzer: what is missing and what to do, without a stack trace
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains("The prod profile cannot start: not set: ")
                .contains("make infra-output-app-service").doesNotContain("Application run failed");
    }

    @Test
    void an_unresolved_placeholder_counts_as_missing() {
        Map<String, Object> values = complete();
        // passed through from a compose file or a task definition that never substituted them
        values.put("AWS_SMS_PHONE_POOL_ID", "${AWS_SMS_PHONE_POOL_ID}");
        values.put("AWS_SMS_DELIVERY_LOG_GROUP", "${DELIVERY_LOG_GROUP_FROM_TERRAFORM}");
        values.put("app.security.users[0].password", "");
        assertThatThrownBy(() -> start(values, "aws", "postgres")).isInstanceOf(StartupConfigurationCheck.MissingConfigurationException.class)
                .satisfies(e -> {
                    assertThat(((StartupConfigurationCheck.MissingConfigurationException) e).variables())
                            .containsExactly("AWS_SMS_PHONE_POOL_ID", "AWS_SMS_DELIVERY_LOG_GROUP", "APP_SECURITY_USERS_0_PASSWORD");
                    assertThat(e.getMessage()).isEqualTo("The aws profile cannot start: not set: AWS_SMS_PHONE_POOL_ID, AWS_SMS_DELIVERY_LOG_GROUP, "
                            + "APP_SECURITY_USERS_0_PASSWORD.");
                });
    }

    @Test
    void the_aws_profile_needs_no_postgresql_but_the_prod_profile_does() {
        Map<String, Object> values = complete();
        values.remove("POSTGRES_URL");
        try (var context = start(values, "aws")) {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("aws");
        }
        if (System.getenv("POSTGRES_URL") == null) {
            assertThatThrownBy(() -> start(values, "prod")).isInstanceOf(StartupConfigurationCheck.MissingConfigurationException.class)
                    .hasMessage("The prod profile cannot start: not set: POSTGRES_URL.");
        }
    }

    @Test
    void complete_configuration_starts_and_without_aws_or_prod_nothing_is_checked() {
        try (var context = start(complete(), "prod")) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/smsconsole");
        }
        try (var context = start(Map.of(), "postgres")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    /** Starts as {@code java -jar console.jar <arguments>} would: command-line arguments over the property files. */
    static ConfigurableApplicationContext startWith(Map<String, Object> values, String[] profiles, String... arguments) {
        return new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE).profiles(profiles).properties(values)
                .logStartupInfo(false).run(arguments);
    }

    /**
     * Demo users with the emulator off: the console's own application.properties (demo users on in the default
     * profile) plus {@code --app.emulator.enabled=false}, as the issue started it, stops in one line before any bean.
     */
    @Test
    void default_profile_with_the_emulator_off_refuses_demo_users_in_one_line(CapturedOutput output) {
        assertThatThrownBy(() -> startWith(Map.of(), new String[0], "--app.emulator.enabled=false"))
                .isInstanceOf(StartupConfigurationCheck.DemoUsersWithRealAwsException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("Demo users (admin/admin, qa/qa, support/support) are refused")
                        .contains("app.emulator.enabled=false").contains("the default profile").contains("app.security.demo-users=false")
                        .doesNotContain("\n"));
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains("Demo users (admin/admin")
                .doesNotContain("Application run failed").doesNotContain("\tat ");
    }

    @Test
    void demo_users_are_refused_with_the_emulator_off_in_any_profile_and_kept_with_it_on() {
        assertThatThrownBy(() -> startWith(Map.of(), new String[] {"postgres"}, "--app.emulator.enabled=false"))
                .isInstanceOf(StartupConfigurationCheck.DemoUsersWithRealAwsException.class).hasMessageContaining("postgres");
        assertThatThrownBy(() -> startWith(complete(), new String[] {"aws"}, "--app.security.demo-users=true"))
                .isInstanceOf(StartupConfigurationCheck.DemoUsersWithRealAwsException.class);
        try (var context = startWith(Map.of(), new String[0], "--app.emulator.enabled=false", "--app.security.demo-users=false")) {
            assertThat(context.isActive()).isTrue();
        }
        try (var context = start(Map.of())) {
            assertThat(context.getEnvironment().getProperty("app.security.demo-users")).isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("app.emulator.enabled")).isEqualTo("true");
        }
    }
}
