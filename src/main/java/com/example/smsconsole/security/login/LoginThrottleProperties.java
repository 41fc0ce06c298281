package com.example.smsconsole.security.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling under {@code app.security.login}: after {@code *FreeFailures} failed sign-ins
 * each further attempt must wait, twice as long each time from {@code firstDelay} up to
 * {@code maxDelay}; at {@code *LockAfter} failures signing in is locked for {@code lockDuration}.
 * Counts are forgotten {@code lockDuration} after the last failure. A user name gets fewer tries than
 * an address, which may be shared by many people (an office behind one NAT address).
 */
@ConfigurationProperties("app.security.login")
public record LoginThrottleProperties(
        @DefaultValue("3") int userFreeFailures,
        @DefaultValue("10") int userLockAfter,
        @DefaultValue("10") int addressFreeFailures,
        @DefaultValue("50") int addressLockAfter,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("30s") Duration maxDelay,
        @DefaultValue("15m") Duration lockDuration) {
}
