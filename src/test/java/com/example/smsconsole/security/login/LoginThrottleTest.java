package com.example.smsconsole.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The throttle's policy with a clock the test moves: free tries, a wait that doubles, a lock, and
 * counts kept apart per user name and per address. The figures come from the policy this test sets
 * (3 free, lock at 10 per user; 10 free, lock at 50 per address; 1 s doubling up to 30 s; 15 min).
 */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, 10, 10, 50, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15)), clock);

    @Test
    void the_wait_after_each_failure_doubles_after_the_free_tries_then_the_user_is_locked() {
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(throttle.check("alice", "198.51.100.1")).as("attempt %d may go ahead", attempt).isEmpty();
            var failure = throttle.failed("alice", "198.51.100.1");
            assertThat(failure.userFailures()).isEqualTo(attempt);
            assertThat(failure.userLockStarted()).isEqualTo(attempt == 10);
            var refusal = throttle.check("alice", "198.51.100.1");
            waits.add(refusal.map(r -> r.secondsLeft(clock.instant())).orElse(0L));
            refusal.ifPresent(r -> clock.advance(Duration.between(clock.instant(), r.until())));
        }
        // 3 free, then 1, 2, 4, 8, 16 s, capped at 30 s, and the 10th failure locks for 15 minutes
        assertThat(waits).containsExactly(0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 900L);
    }

    @Test
    void an_attempt_during_the_wait_is_refused_and_a_lock_refuses_until_it_ends() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("bob", "198.51.100.2");
        }
        var refusal = throttle.check("bob", "198.51.100.3");
        assertThat(refusal).hasValueSatisfying(r -> assertThat(r.locked()).isTrue());
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.check("BOB ", "198.51.100.4")).as("the user name, whatever its case").isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check("bob", "198.51.100.4")).isEmpty();
        assertThat(throttle.failed("bob", "198.51.100.4").userFailures()).as("counts start again after the lock").isEqualTo(1);
    }

    @Test
    void an_address_trying_many_user_names_is_slowed_then_locked() {
        LoginThrottle.Failure last = null;
        for (int i = 1; i <= 50; i++) {
            last = throttle.failed("user" + i, "203.0.113.50");
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(last.addressFailures()).isEqualTo(50);
        assertThat(last.addressLockStarted()).isTrue();
        assertThat(throttle.check("someone-else", "203.0.113.50")).hasValueSatisfying(r -> assertThat(r.locked()).isTrue());
        assertThat(throttle.check("someone-else", "203.0.113.51")).as("another address").isEmpty();
    }

    @Test
    void a_successful_sign_in_forgets_the_user_names_failures_but_not_the_addresss() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("carol", "203.0.113.60");
        }
        throttle.succeeded("carol");
        assertThat(throttle.check("carol", "203.0.113.61")).isEmpty();
        assertThat(throttle.check("carol", "203.0.113.60")).as("the address's wait stays").isPresent();
    }

    @Test
    void failures_are_forgotten_after_the_lock_duration_without_one() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("dave", "203.0.113.70");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.failed("dave", "203.0.113.70").userFailures()).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
