package com.example.smsconsole.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users of the console, under {@code app.security}.
 *
 * @param demoUsers whether the fixed demo users of the local profile exist (refused with the
 *     {@code aws} and {@code prod} profiles)
 * @param users configured users: name, password hash with its algorithm prefix
 *     ({@code {bcrypt}$2a$...}) and roles
 */
@ConfigurationProperties("app.security")
public record ConsoleUsersProperties(boolean demoUsers, List<User> users) {

    public ConsoleUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One configured user. */
    public record User(String username, String password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
