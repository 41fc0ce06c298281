package com.example.smsconsole.security.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address and says when the next attempt may
 * come: free tries, then a delay that doubles with each failure, then a temporary lock (see
 * {@link LoginThrottleProperties}). An attempt that comes too early is refused before the password
 * is checked, so guessing is bounded whatever the attacker's rate. Unknown user names count like
 * known ones (nothing tells an attacker which names exist).
 *
 * <p>The counts live in this instance's memory: behind a load balancer each instance counts the
 * attempts it sees (see docs/decisions/006-20261202-web-front-hardening.md).
 */
@Component
public class LoginThrottle {

    /** Entries kept before forgotten ones are swept out, so a spray of names cannot fill memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Counter> users = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Why an attempt is refused before its password is checked, and until when. */
    public record Refusal(Instant until, boolean locked) {

        /** Whole seconds left, at least 1. */
        public long secondsLeft(Instant now) {
            return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        }
    }

    /**
     * The counts after a failed sign-in.
     *
     * @param userLockStarted this failure locked the user name
     * @param addressLockStarted this failure locked the address
     */
    public record Failure(int userFailures, int addressFailures, boolean userLockStarted, boolean addressLockStarted,
            Instant lockedUntil) {
    }

    /** Empty when the attempt may go ahead; otherwise the later of the user's and the address's waits. */
    public Optional<Refusal> check(String username, String address) {
        Instant now = clock.instant();
        Refusal user = refusal(users.get(userKey(username)), now);
        Refusal byAddress = refusal(addresses.get(address), now);
        if (user == null) {
            return Optional.ofNullable(byAddress);
        }
        if (byAddress == null) {
            return Optional.of(user);
        }
        return Optional.of(user.until().isAfter(byAddress.until()) ? user : byAddress);
    }

    /** Counts one failed sign-in for the user name and for the address. */
    public Failure failed(String username, String address) {
        Instant now = clock.instant();
        sweep(users, now);
        sweep(addresses, now);
        Counter user = users.computeIfAbsent(userKey(username), k -> new Counter());
        Counter byAddress = addresses.computeIfAbsent(address, k -> new Counter());
        boolean userLock = user.fail(now, properties.userFreeFailures(), properties.userLockAfter());
        boolean addressLock = byAddress.fail(now, properties.addressFreeFailures(), properties.addressLockAfter());
        return new Failure(user.failures(), byAddress.failures(), userLock, addressLock, now.plus(properties.lockDuration()));
    }

    /** A successful sign-in forgets the user name's failures (not the address's: one valid account must not reset them). */
    public void succeeded(String username) {
        users.remove(userKey(username));
    }

    /** Forgets every count. */
    void clear() {
        users.clear();
        addresses.clear();
    }

    private static String userKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private @Nullable Refusal refusal(@Nullable Counter counter, Instant now) {
        return counter == null ? null : counter.refusal(now);
    }

    private void sweep(Map<String, Counter> counters, Instant now) {
        if (counters.size() > SWEEP_ABOVE) {
            counters.values().removeIf(c -> c.forgotten(now));
        }
    }

    /** One user name's or address's failures. */
    private final class Counter {

        private int failures;
        private @Nullable Instant lastFailure;
        private @Nullable Instant notBefore;
        private boolean locked;

        /** @return whether this failure started a lock */
        synchronized boolean fail(Instant now, int freeFailures, int lockAfter) {
            if (forgotten(now)) {
                failures = 0;
                locked = false;
                notBefore = null;
            }
            failures++;
            lastFailure = now;
            if (failures >= lockAfter) {
                boolean started = !locked;
                locked = true;
                notBefore = now.plus(properties.lockDuration());
                return started;
            }
            if (failures > freeFailures) {
                Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(20, failures - freeFailures - 1));
                notBefore = now.plus(delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay);
            }
            return false;
        }

        synchronized int failures() {
            return failures;
        }

        synchronized @Nullable Refusal refusal(Instant now) {
            return notBefore != null && now.isBefore(notBefore) ? new Refusal(notBefore, locked) : null;
        }

        /** Nothing to remember: the last failure is older than the lock duration, and any lock is over. */
        synchronized boolean forgotten(Instant now) {
            return lastFailure == null || (!now.isBefore(lastFailure.plus(properties.lockDuration()))
                    && (notBefore == null || !now.isBefore(notBefore)));
        }
    }
}
