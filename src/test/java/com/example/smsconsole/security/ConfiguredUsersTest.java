package com.example.smsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Configured users (aws and prod profiles): hashed passwords and known roles only. */
class ConfiguredUsersTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConsoleUsersProperties.class)
    static class Props {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Props.class, ConfiguredUsersConfig.class)
            .withPropertyValues("app.security.demo-users=false");

    @Test
    void users_with_bcrypt_hashes_and_roles_can_be_loaded() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret-Passw0rd");
        runner.withPropertyValues("app.security.users[0].username=alice", "app.security.users[0].password=" + hash,
                "app.security.users[0].roles=ADMIN,QA").run(context -> {
                    assertThat(context).hasNotFailed();
                    var alice = context.getBean(UserDetailsService.class).loadUserByUsername("alice");
                    assertThat(alice.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_QA");
                });
    }

    @Test
    void no_users_at_all_fails_with_a_message_that_says_how_to_configure_them() {
        runner.run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("No console users are configured").hasMessageContaining("app.security.users[0].password"));
    }

    @Test
    void a_plain_text_password_is_refused() {
        runner.withPropertyValues("app.security.users[0].username=bob", "app.security.users[0].password={noop}bob",
                "app.security.users[0].roles=SUPPORT").run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("must be a hash"));
    }

    @Test
    void an_unknown_role_is_refused() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("x");
        runner.withPropertyValues("app.security.users[0].username=carol", "app.security.users[0].password=" + hash,
                "app.security.users[0].roles=ROOT").run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("needs roles from"));
    }
}
