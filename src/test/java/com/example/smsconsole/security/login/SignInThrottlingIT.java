package com.example.smsconsole.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.support.ConsoleHttp;
import com.example.smsconsole.support.ConsoleWebTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing against the running console over HTTP, from a documentation address behind
 * the load balancer (X-Forwarded-For, RFC 5737 TEST-NET-3): waits, then a lock that refuses even
 * the right password, one log line per failure without the password, and audit entries for the
 * lock-out and the sign-in. The test profile's waits stop growing at 2 s (the production figures are held
 * by LoginThrottleTest).
 */
@ConsoleWebTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditService audit;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    LoginThrottleProperties properties;

    @AfterEach
    void forgetTheCounts() {
        throttle.clear();
    }

    ConsoleHttp from(String address) {
        return new ConsoleHttp("http://localhost:" + port, Map.of("X-Forwarded-For", address));
    }

    @Test
    void wrong_passwords_bring_waits_then_a_lock_that_refuses_the_right_password(CapturedOutput output) throws Exception {
        ConsoleHttp guesser = from("203.0.113.31");
        ConsoleHttp owner = from("203.0.113.32");
        Map<String, String> rightPassword = owner.loginForm("support", "support");
        List<String> guesses = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        int failures = 0;
        while (failures < properties.userLockAfter()) {
            String guess = "guess-" + UUID.randomUUID();
            HttpResponse<String> post = guesser.signIn("support", guess);
            String location = post.headers().firstValue("Location").orElseThrow();
            answers.add(location.replaceFirst("^.*/login", "/login"));
            if (location.contains("throttled=")) {
                Thread.sleep(1000L * Long.parseLong(location.replaceFirst(".*throttled=", "")));
                continue;
            }
            assertThat(location).endsWith("/login?error");
            guesses.add(guess);
            failures++;
            if (failures == properties.userFreeFailures() + 1) {
                // the first wait has begun: the right password is refused before it is checked
                String right = owner.postForm("/login", rightPassword).headers().firstValue("Location").orElseThrow();
                assertThat(right).contains("/login?throttled=");
            }
        }
        assertThat(answers.subList(0, properties.userFreeFailures())).as("the free tries").containsOnly("/login?error");

        // locked: the right password, from another address, is refused for the lock's 15 minutes
        HttpResponse<String> right = from("203.0.113.33").signIn("support", "support");
        String location = right.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/login?throttled=");
        assertThat(Long.parseLong(location.replaceFirst(".*throttled=", ""))).isGreaterThan(properties.lockDuration().toSeconds() - 60);

        assertThat(output.getOut()).contains("Sign-in failed: user=support address=203.0.113.31 failures for user=1 ")
                .contains("Sign-in failed: user=support address=203.0.113.31 failures for user=10 ")
                .contains("Sign-in locked: user=support after 10 failures");
        for (String guess : guesses) {
            assertThat(output.getAll()).doesNotContain(guess);
        }

        List<AuditEntry> lockouts = new AuditLog(audit).find(AuditFilter.empty().withAction(SignInAudit.LOCK_OUT).withText("user support"));
        assertThat(lockouts).hasSize(1).first().satisfies(entry -> {
            assertThat(entry.target()).isEqualTo("user support");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(entry.detail()).contains("203.0.113.31").doesNotContain(guesses.getLast());
        });
    }

    @Test
    void a_sign_in_is_audited_with_the_user_as_actor_and_the_address() {
        String address = "203.0.113.41";
        assertThat(from(address).signIn("qa", "qa").headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        List<AuditEntry> signIns = new AuditLog(audit).find(AuditFilter.empty().withAction(SignInAudit.SIGN_IN).withText(address));
        assertThat(signIns).hasSize(1).first().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("qa");
            assertThat(entry.role()).isEqualTo("QA");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
    }
}
