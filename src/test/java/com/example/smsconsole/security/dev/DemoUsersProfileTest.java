package com.example.smsconsole.security.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Demo users exist in the local profile and make a start with the aws or prod profile, or with the emulator off, fail. */
class DemoUsersProfileTest {

    @Configuration(proxyBeanMethods = false)
    static class Encoder {
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Encoder.class, DevSecurityConfig.class)
            .withPropertyValues("app.security.demo-users=true");

    @Test
    void local_profile_has_one_demo_user_per_role_with_hashed_passwords() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            UserDetailsService users = context.getBean(UserDetailsService.class);
            PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
            for (var sample : SampleUsers.ALL) {
                var user = users.loadUserByUsername(sample.username());
                assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + sample.role());
                assertThat(user.getPassword()).startsWith("{bcrypt}").doesNotContain(sample.password() + "}");
                assertThat(encoder.matches(sample.password(), user.getPassword())).isTrue();
            }
        });
    }

    @Test
    void aws_profile_with_demo_users_fails_with_a_clear_message() {
        runner.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("aws")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Demo users")
                    .hasMessageContaining("aws")
                    .hasMessageContaining("app.security.demo-users=false");
        });
    }

    @Test
    void prod_profile_with_demo_users_fails_with_a_clear_message() {
        runner.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod", "postgres")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Demo users").hasMessageContaining("prod");
        });
    }

    /** The case: the default profile, emulator off, so the console talks to real AWS with admin/admin. */
    @Test
    void default_profile_with_the_emulator_off_and_demo_users_fails_with_a_clear_message() {
        runner.withPropertyValues("app.emulator.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Demo users")
                    .hasMessageContaining("app.emulator.enabled=false")
                    .hasMessageContaining("app.security.demo-users=false");
        });
    }

    @Test
    void default_profile_with_the_emulator_on_keeps_its_demo_users() {
        runner.withPropertyValues("app.emulator.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(UserDetailsService.class).loadUserByUsername(SampleUsers.ADMIN_USERNAME)).isNotNull();
        });
    }
}
