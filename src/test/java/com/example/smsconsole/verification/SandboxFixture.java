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

    /** Deletes every verified number (moving the emulator's clock past the wait before a delete). */
    public void empty(VerificationService service) {
        emulator.clock().advance(Duration.ofMinutes(1));
        for (VerifiedNumber number : service.numbers()) {
            service.delete(number);
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

    public void advance(Duration duration) {
        emulator.clock().advance(duration);
    }
}
