package com.example.smsconsole.verification;

import java.time.Instant;

/**
 * A destination number the sandbox account may text once verified.
 *
 * @param status {@code PENDING}, {@code VERIFIED}, or whatever newer value AWS sends, unchanged
 */
public record VerifiedNumber(String id, String arn, String phoneNumber, String status, Instant createdAt) {

    public static final String PENDING = "PENDING";
    public static final String VERIFIED = "VERIFIED";

    public boolean verified() {
        return VERIFIED.equals(status);
    }

    public boolean pending() {
        return PENDING.equals(status);
    }
}
