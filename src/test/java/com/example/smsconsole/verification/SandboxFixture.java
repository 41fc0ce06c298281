package com.example.smsconsole.verification;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.sms.SmsState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox as the verification tests see it: the emulator's account emptied of verified numbers,
 * fresh destination numbers, the codes that arrived on the simulated handsets, and its clock.
 */
public final class SandboxFixture {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 4000));
    private static final Pattern CODE = Pattern.compile("(\\d(?: ?\\d){5})");

    private final AwsEmulator emulator;

    public SandboxFixture(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Deletes every verified number, waiting out the test profile's short wait before a delete
     * ({@code app.emulator.verification.min-age-before-delete}). The emulator's clock is shared by
     * every test of the context, so it is never moved here.
     */
    public void empty(VerificationService service) {
        for (VerifiedNumber number : service.numbers()) {
            try {
                service.delete(number);
            } catch (com.example.smsconsole.aws.AwsCallException e) {
                if (!e.isReason("RESOURCE_DELETION_NOT_ALLOWED")) {
                    throw e;
                }
                waitPastDeleteAge();
                service.delete(number);
            }
        }
    }

    /** A valid US number no other test uses. */
    public static String freshNumber() {
        return String.format("+1206%d%06d", 2 + NEXT.get() % 8, NEXT.incrementAndGet() * 7919 % 1_000_000);
    }

    /** The newest code that arrived on the handset of {@code number}. */
    public String latestCode(String number) {
        List<SmsState.HandsetMessage> messages = emulator.sms().handsets().stream().filter(h -> h.number.equals(number))
                .findFirst().orElseThrow(() -> new AssertionError("No handset for " + number)).messages;
        Matcher m = CODE.matcher(messages.getLast().body);
        if (!m.find()) {
            throw new AssertionError("No code in " + messages.getLast().body);
        }
        return m.group(1).replace(" ", "");
    }

    /** Waits out the test profile's wait before a delete. */
    public void waitPastDeleteAge() {
        sleep(emulator.properties().verification().minAgeBeforeDelete().plusMillis(200));
    }

    /** Waits out the test profile's code lifetime. */
    public void waitPastCodeLifetime() {
        sleep(emulator.properties().verification().codeLifetime().plusMillis(300));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
