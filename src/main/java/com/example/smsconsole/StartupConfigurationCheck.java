package com.example.smsconsole;

import java.sql.SQLException;
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
 *
 * <p>In every profile, demo users ({@code app.security.demo-users=true}) with the emulator off
 * ({@code app.emulator.enabled=false}, so the console talks to real AWS or whatever {@code app.aws.endpoint}
 * names) stop the start in one line too: a console on a real account never has {@code admin/admin}.
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

    /** Demo users were left on while the emulator is off. */
    static final class DemoUsersWithRealAwsException extends IllegalStateException {

        DemoUsersWithRealAwsException(String message) {
            super(message);
        }
    }

    /** Reports {@link DemoUsersWithRealAwsException} in its one line, without a stack trace. Registered in META-INF/spring.factories. */
    static final class DemoUsersFailureAnalyzer extends AbstractFailureAnalyzer<DemoUsersWithRealAwsException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DemoUsersWithRealAwsException cause) {
            return new FailureAnalysis(cause.getMessage(), "Configure users under app.security.users (README, \"Configuration\") and start "
                    + "with app.security.demo-users=false, or turn the emulator back on (app.emulator.enabled=true) for a local console.", cause);
        }
    }

    /**
     * A second console on the same H2 file: H2 refuses the file another process holds ("Database may be
     * already in use", error 90020). Reported in one line that names the file and what to do, without the
     * stack trace of the connection pool and the migration that hit it. Registered in META-INF/spring.factories.
     */
    static final class DatabaseInUseAnalyzer implements org.springframework.boot.diagnostics.FailureAnalyzer {

        /** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}. */
        static final int H2_DATABASE_ALREADY_OPEN = 90020;

        private static final Pattern QUOTED = Pattern.compile("\"(?:Locked by another process: )?([^\"]+)\"");

        @Override
        public @Nullable FailureAnalysis analyze(Throwable failure) {
            Throwable current = failure;
            for (int depth = 0; current != null && depth < 30; depth++) {
                if (current instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    return new FailureAnalysis(describe(sql), "Stop the other console first, or give this one its own data directory "
                            + "(--app.data-dir=...); consoles that share a database use the postgres profile.", sql);
                }
                current = current.getCause();
            }
            return null;
        }

        static String describe(SQLException inUse) {
            String message = inUse.getMessage() == null ? "" : inUse.getMessage();
            Matcher quoted = QUOTED.matcher(message);
            String file = quoted.find() ? quoted.group(1) : "of app.data-dir";
            return "The H2 database file " + file + " is in use by another process (another console on the same app.data-dir?): "
                    + "this console cannot open it.";
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

    /**
     * Throws {@link DemoUsersWithRealAwsException} when demo users are on with the emulator off, and
     * {@link MissingConfigurationException} when the active aws or prod profile lacks a value.
     */
    static void check(ConfigurableEnvironment environment) {
        checkDemoUsers(environment);
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

    /** Demo users only with the embedded emulator: both switches as the application and its profiles set them. */
    static void checkDemoUsers(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        boolean demoUsers = bindFlag(binder, "app.security.demo-users", false);
        boolean emulator = bindFlag(binder, "app.emulator.enabled", true);
        if (demoUsers && !emulator) {
            String profiles = environment.getActiveProfiles().length == 0 ? "the default profile"
                    : "the profile(s) " + String.join(",", environment.getActiveProfiles());
            throw new DemoUsersWithRealAwsException("Demo users (admin/admin, qa/qa, support/support) are refused when the emulator is off "
                    + "(app.emulator.enabled=false, " + profiles + "): this console would talk to real AWS; set "
                    + "app.security.demo-users=false and configure users under app.security.users.");
        }
    }

    /** A boolean switch; a value that is not {@code true}/{@code false} counts as the unsafe one (demo users on, emulator off). */
    private static boolean bindFlag(Binder binder, String property, boolean otherwise) {
        try {
            return binder.bind(property, Boolean.class).orElse(otherwise);
        } catch (RuntimeException unreadable) {
            return property.equals("app.security.demo-users");
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
