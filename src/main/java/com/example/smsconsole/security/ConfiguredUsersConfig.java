package com.example.smsconsole.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Users from configuration ({@code app.security.users[n].*}), used whenever demo users are off.
 * Passwords must be stored as hashes with their algorithm prefix; plain text is refused at start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.security.demo-users", havingValue = "false", matchIfMissing = true)
class ConfiguredUsersConfig {

    private static final Set<String> KNOWN_ROLES = Set.of(AppRoles.ADMIN, AppRoles.QA, AppRoles.SUPPORT);

    @Bean
    UserDetailsService userDetailsService(ConsoleUsersProperties properties) {
        List<ConsoleUsersProperties.User> users = properties.users();
        if (users.isEmpty()) {
            throw new IllegalStateException("""
                    No console users are configured. Demo users are off (app.security.demo-users=false), \
                    so configure at least one user: app.security.users[0].username, \
                    app.security.users[0].password (a hash such as {bcrypt}$2a$10$...) and \
                    app.security.users[0].roles (ADMIN, QA or SUPPORT).""");
        }
        return new InMemoryUserDetailsManager(users.stream().map(ConfiguredUsersConfig::toUserDetails).toList());
    }

    @Bean
    DemoUserHint demoUserHint() {
        return Optional::empty;
    }

    static UserDetails toUserDetails(ConsoleUsersProperties.User user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new IllegalStateException("A configured console user has no username (app.security.users[n].username).");
        }
        String password = user.password();
        if (password == null || !password.startsWith("{") || password.startsWith("{noop}")) {
            throw new IllegalStateException("The password of console user '" + user.username()
                    + "' must be a hash with its algorithm prefix, for example {bcrypt}$2a$10$..., not plain text.");
        }
        if (user.roles().isEmpty() || !KNOWN_ROLES.containsAll(user.roles())) {
            throw new IllegalStateException("Console user '" + user.username() + "' needs roles from "
                    + KNOWN_ROLES + ", has " + user.roles() + ".");
        }
        return User.withUsername(user.username()).password(password)
                .roles(user.roles().toArray(String[]::new)).build();
    }
}
