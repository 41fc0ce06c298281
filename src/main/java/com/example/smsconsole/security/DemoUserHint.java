package com.example.smsconsole.security;

import java.util.Optional;

/**
 * What the login page says about demo users: nothing where there are none (every profile that talks
 * to real AWS), the demo logins in the local profile.
 */
@FunctionalInterface
public interface DemoUserHint {

    Optional<String> text();
}
