package com.example.smsconsole.verification;

import org.jspecify.annotations.Nullable;

/**
 * The account's SMS tier and its verified destination numbers against the limit.
 *
 * @param tier {@code SANDBOX}, {@code PRODUCTION}, or null when AWS did not say
 * @param max the limit of verified destination numbers, or null when AWS did not say
 */
public record SandboxStatus(@Nullable String tier, long used, @Nullable Long max) {

    public boolean sandbox() {
        return !"PRODUCTION".equals(tier);
    }

    /** How many more numbers may be added; unlimited when the limit is unknown. */
    public long remaining() {
        return max == null ? Long.MAX_VALUE : Math.max(0, max - used);
    }

    /** "7 of 10 used". */
    public String usage() {
        return max == null ? used + " used" : used + " of " + max + " used";
    }
}
