package com.example.smsconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * With the {@code aws} or {@code prod} profile, the console starts only when its configuration is there:
 * the SMS resources ({@code AWS_SMS_*}), a configured user, and for {@code prod} the PostgreSQL connection
 * and the region. Otherwise it stops before anything starts, with one line that names every missing
 * environment variable; a value that is still an unresolved {@code ${...}} counts as missing. Registered in
 * {@code META-INF/spring.factories}; runs once the profile's properties are loaded and logging is set up. See
 * docs/decisions/009-20261201-infrastructure-shape.md.
 */
class StartupConfigurationCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** A property, the environment variable that sets it, and the profiles that need it. */
    record Required(String property, String variable, Set<String> profiles) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required("spring.datasource.url", "POSTGRES_URL", Set.of("prod")),
            new Required("spring.datasource.username", "POSTGRES_USER", Set.of("prod")),
            new Required("spring.datasource.password", "POSTGRES_PASSWORD", Set.of("prod")),
            new Required("app.aws.region", "AWS_REGION", Set.of("prod")),
            new Required("app.sms.configuration-set-name", "AWS_SMS_CONFIGURATION_SET_NAME", Set.of("aws", "prod")),
            new Required("app.sms.phone-pool-id", "AWS_SMS_PHONE_POOL_ID", Set.of("aws", "prod")),
            new Required("app.sms.phone-pool-arn", "AWS_SMS_PHONE_POOL_ARN", Set.of("aws", "prod")),
            new Required("app.sms.delivery-log-group", "AWS_SMS_DELIVERY_LOG_GROUP", Set.of("aws", "prod")),
            new Required("app.security.users[0].username", "APP_SECURITY_USERS_0_USERNAME", Set.of("aws", "prod")),
            new Required("app.security.users[0].password", "APP_SECURITY_USERS_0_PASSWORD", Set.of("aws", "prod")));

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_.\\-]+)");

    /** The console's configuration is incomplete for the active profile. */
    static final class MissingConfigurationException extends IllegalStateException {

        private final List<String> variables;

        MissingConfigurationException(String message, List<String> variables) {
            super(message);
            this.variables = List.copyOf(variables);
        }

        List<String> variables() {
            return variables;
        }
    }

    /** Reports the check's failure as what it is, without a stack trace. Registered in META-INF/spring.factories. */
    static final class FailureAnalyzer extends AbstractFailureAnalyzer<MissingConfigurationException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, MissingConfigurationException cause) {
            return new FailureAnalysis(cause.getMessage(), "Set the environment variables named above (a value such as ${X} that was never "
                    + "substituted does not count). The AWS_SMS_* values: make infra-output-app-service APP_NAME=<app> "
                    + "ENVIRONMENT=<environment>.", cause);
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    /** Throws {@link MissingConfigurationException} when the active aws or prod profile lacks a value. */
    static void check(ConfigurableEnvironment environment) {
        List<String> profiles = List.of(environment.getActiveProfiles()).stream().filter(p -> p.equals("aws") || p.equals("prod")).toList();
        if (profiles.isEmpty()) {
            return;
        }
        List<String> missing = missing(environment, profiles);
        if (!missing.isEmpty()) {
            throw new MissingConfigurationException("The " + String.join(" and ", profiles) + " profile" + (profiles.size() > 1 ? "s" : "")
                    + " cannot start: not set: " + String.join(", ", missing) + ".", missing);
        }
    }

    static List<String> missing(ConfigurableEnvironment environment, List<String> profiles) {
        Binder binder = Binder.get(environment);
        List<String> missing = new ArrayList<>();
        for (Required required : REQUIRED) {
            if (required.profiles().stream().noneMatch(profiles::contains)) {
                continue;
            }
            String value;
            try {
                value = binder.bind(required.property(), String.class).orElse(null);
            } catch (RuntimeException unresolved) {
                // a placeholder with no value and no default
                value = null;
            }
            if (value == null || value.isBlank() || value.contains("${")) {
                String name = variable(environment, required);
                if (!missing.contains(name)) {
                    missing.add(name);
                }
            }
        }
        return missing;
    }

    /** The variable the property file's placeholder names ({@code ${POSTGRES_URL}}), else the usual one. */
    private static String variable(ConfigurableEnvironment environment, Required required) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable && enumerable.containsProperty(required.property())) {
                @Nullable Object raw = enumerable.getProperty(required.property());
                if (raw != null) {
                    Matcher placeholder = PLACEHOLDER.matcher(raw.toString());
                    if (placeholder.find() && placeholder.group(1).matches("[A-Z0-9_]+")) {
                        return placeholder.group(1);
                    }
                }
                break;
            }
        }
        return required.variable();
    }
}
