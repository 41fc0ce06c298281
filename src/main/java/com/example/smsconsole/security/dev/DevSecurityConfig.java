package com.example.smsconsole.security.dev;

import com.example.smsconsole.security.DemoUserHint;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Demo users for the local profile, printed at start. Starting with demo users on fails with a clear
 * message whenever the console talks to real AWS: the emulator off ({@code app.emulator.enabled=false},
 * in any profile), the {@code aws} or {@code prod} profile, or a detected cloud platform. The start-up
 * check ({@code StartupConfigurationCheck}) stops the first case before any bean; this is the second guard.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.security.demo-users", havingValue = "true")
class DevSecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(DevSecurityConfig.class);

    DevSecurityConfig(Environment environment) {
        if (environment.matchesProfiles("aws | prod")) {
            throw new IllegalStateException("""
                    Demo users (admin/admin, qa/qa, support/support) exist only in the local profile, \
                    and this console runs with the profile(s) %s, which talk to real AWS. \
                    Set app.security.demo-users=false and configure real users under app.security.users \
                    (see the README, "Users")."""
                    .formatted(String.join(",", environment.getActiveProfiles())));
        }
        if (!environment.getProperty("app.emulator.enabled", Boolean.class, true)) {
            throw new IllegalStateException("Demo users (admin/admin, qa/qa, support/support) are refused when the emulator is off "
                    + "(app.emulator.enabled=false): this console would talk to real AWS; set app.security.demo-users=false and "
                    + "configure users under app.security.users.");
        }
        if (CloudPlatform.getActive(environment) != null) {
            throw new IllegalStateException("Demo users are refused on a cloud platform ("
                    + CloudPlatform.getActive(environment) + "); set app.security.demo-users=false.");
        }
    }

    @Bean
    UserDetailsService userDetailsService(PasswordEncoder passwordEncoder) {
        var users = SampleUsers.ALL.stream()
                .map(u -> User.withUsername(u.username()).password(passwordEncoder.encode(u.password())).roles(u.role()).build())
                .toList();
        String table = SampleUsers.ALL.stream()
                .map(u -> String.format("  %-8s  %-8s  %s", u.username(), u.password(), u.role()))
                .collect(Collectors.joining("\n"));
        log.warn("""

                ======================================================================
                 DEMO USERS (local profile only, never with real AWS)
                  user      password  role
                {}
                ======================================================================""", table);
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    DemoUserHint demoUserHint() {
        String logins = SampleUsers.ALL.stream().map(u -> u.username() + "/" + u.password()).collect(Collectors.joining(", "));
        return () -> Optional.of("Demo logins: " + logins);
    }
}
