package com.example.smsconsole.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Search criteria for the audit log; every part is optional. Immutable, with {@code withX} copies. */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String action,
        @Nullable AuditOutcome outcome,
        @Nullable String text,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter empty() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter withActor(@Nullable String value) {
        return new AuditFilter(blankToNull(value), action, outcome, text, from, to);
    }

    public AuditFilter withAction(@Nullable String value) {
        return new AuditFilter(actor, blankToNull(value), outcome, text, from, to);
    }

    public AuditFilter withOutcome(@Nullable AuditOutcome value) {
        return new AuditFilter(actor, action, value, text, from, to);
    }

    /** Matches the target, the request id or the detail (case-insensitive substring). */
    public AuditFilter withText(@Nullable String value) {
        return new AuditFilter(actor, action, outcome, blankToNull(value), from, to);
    }

    public AuditFilter withRange(@Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
        return new AuditFilter(actor, action, outcome, text, fromInclusive, toExclusive);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
